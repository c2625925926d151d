"""Text to index terms, the same way for every field and both languages.

Text is NFC-normalised and lower-cased, then split into runs of one script:
- Hangul runs go through Kiwi (kiwipiepy); its general and proper nouns
  (NNG, NNP) are terms, and so is every run of two or three nouns that stand
  next to each other with only spaces between them, written without spaces.
  So ``스마트공장을`` gives 스마트, 공장 and 스마트공장; ``지역 혁신`` gives
  지역혁신 too. Ministry and region names are in Kiwi's user dictionary, so
  ``중소벤처기업부`` stays one noun.
- Latin words are stemmed with the Snowball English stemmer, stop words left out;
  the stem of every word seen is kept (``forms``) so the browser needs no stemmer.
- Digit runs of two or more digits are terms as they are.

The browser cannot run Kiwi: it strips the particles and endings of
``SUFFIXES`` from a Korean query word instead, trying the longest form the
index knows first.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import snowballstemmer  # type: ignore[import-untyped]

NOUN_TAGS = frozenset({"NNG", "NNP"})
COMPOUND_MAX = 3  # nouns joined into one compound term, at most

# One script run: Hangul syllables, Latin letters (with accents), or digits.
TOKEN = re.compile(r"[\uac00-\ud7a3]+|[a-z\u00df-\u024f]+|[0-9]+")
SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|\n+")

# Names Kiwi must keep whole (the regions' names are added from regions.yml).
MINISTRY_NAMES = (
    "중소벤처기업부",
    "중기부",
    "중소벤처기업청",
    "지방중소벤처기업청",
    "소상공인시장진흥공단",
    "중소벤처기업진흥공단",
    "창업진흥원",
    "기술보증기금",
    "신용보증기금",
)

PARTICLES = (
    "이", "가", "을", "를", "은", "는", "의", "에", "와", "과", "도", "만", "로", "으로",
    "에서", "에게", "께", "께서", "한테", "까지", "부터", "보다", "처럼", "마다", "조차",
    "이나", "나", "이랑", "랑", "하고", "이며", "며", "에는", "에서는", "에도", "에서도",
    "으로는", "로는", "으로도", "로도", "와의", "과의", "에서의", "으로의", "로의", "에의",
    "이라", "라", "이라는", "라는", "이다", "다", "이고", "고", "인", "이란", "란",
    "밖에", "뿐", "대로", "만큼", "에게서", "이야", "야", "요", "이요",
)
# Verb and adjective endings after a noun (지원하는, 확대된, 혁신적인) and the plural 들.
ENDINGS = (
    "하다", "하는", "하고", "하며", "하여", "해서", "했다", "한다", "한", "할", "해", "하기", "함",
    "되다", "되는", "되고", "되어", "된다", "됐다", "된", "될", "돼", "되기",
    "적", "적인", "적으로", "적이", "화", "화를", "화의",
)


def _suffixes() -> tuple[str, ...]:
    forms = set(PARTICLES) | set(ENDINGS) | {"들" + p for p in PARTICLES} | {"들"}
    return tuple(sorted(forms, key=lambda s: (-len(s), s)))


SUFFIXES = _suffixes()

# An English query word the briefs never use (``regulations``) has no stem in the
# index's ``forms``; the browser then tries it without these endings
# (ending, replacement), and looks each form up the same way.
EN_ENDINGS = (
    ("ations", "ation"), ("ies", "y"), ("ies", "ie"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"),
    ("ed", ""), ("ed", "e"), ("ly", ""), ("er", ""), ("ers", ""),
)

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves s t d ll m re ve also""".split()  # noqa: SIM905
)


class Token(Protocol):
    """What the analysis needs of a Kiwi token."""

    form: str
    tag: str
    start: int
    len: int


class Segmenter(Protocol):
    """Kiwi's batch interface: one token list per input text, in order."""

    def tokenize(self, texts: list[str]) -> Iterable[Sequence[Token]]: ...


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def sentences(text: str) -> list[str]:
    """Hangul-bearing pieces for Kiwi: it is much faster on sentences than on pages."""
    return [s for s in SENTENCE_END.split(text) if s and re.search(r"[\uac00-\ud7a3]", s)]


def latin_terms(text: str, stemmer: Any, forms: dict[str, str]) -> Counter[str]:
    """Stems of the Latin words and the digit runs of ``text`` (already normalised)."""
    terms: Counter[str] = Counter()
    for match in TOKEN.finditer(text):
        word = match.group()
        if word[0].isdigit():
            if len(word) >= 2:
                terms[word] += 1
        elif not "\uac00" <= word[0] <= "\ud7a3" and word not in STOPWORDS:
            stem = stemmer.stemWord(word)
            if stem != word:
                forms[word] = stem
            terms[stem] += 1
    return terms


def noun_terms(tokens: Sequence[Token], text: str) -> Counter[str]:
    """Nouns and compounds of adjacent nouns from one sentence's Kiwi tokens.

    A noun prefix (XPN) written onto its noun makes one noun with it
    (소+상공인 gives 소상공인, and 상공인 too).
    """
    terms: Counter[str] = Counter()
    run: list[str] = []
    end = -1
    prefix = ("", -1)
    for token in tokens:
        form = token.form
        if token.tag == "XPN" and _hangul(form):
            prefix = (form, token.start + token.len)
            continue
        if token.tag not in NOUN_TAGS or not _hangul(form):
            run, end, prefix = [], -1, ("", -1)
            continue
        if prefix[0] and prefix[1] == token.start:
            terms[form] += 1
            form = prefix[0] + form
        prefix = ("", -1)
        if end < 0 or text[end:token.start].strip():
            run = []
        run.append(form)
        end = token.start + token.len
        terms[form] += 1
        for size in range(2, min(COMPOUND_MAX, len(run)) + 1):
            terms["".join(run[-size:])] += 1
    return terms


def _hangul(form: str) -> bool:
    return all("\uac00" <= ch <= "\ud7a3" for ch in form)


def whole_names(term: Any) -> list[str]:
    """A topic's or region's Korean names written without spaces (``전 지역`` gives 전지역).

    Kiwi may split a name where a reader would not; the search page also tries
    Korean words typed apart as one word, so these find the term's briefs.
    """
    names = [normalize(n) for n in (term.ko, *term.aliases)]
    return sorted({"".join(n.split()) for n in names if re.fullmatch(r"[\uac00-\ud7a3 ]+", n)})


def english_stemmer() -> Any:
    return snowballstemmer.stemmer("english")
