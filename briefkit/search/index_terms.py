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
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Protocol

import snowballstemmer  # type: ignore[import-untyped]

NOUN_TAGS = frozenset({"NNG", "NNP"})
STEM_TAGS = NOUN_TAGS | {"NR", "NNB", "XSN", "XPN"}  # what a word before its particles may be made of
COMPOUND_MAX = 3  # nouns joined into one compound term, at most

# One script run: Hangul syllables, Latin letters (with accents), or digits.
TOKEN = re.compile(r"[\uac00-\ud7a3]+|[a-z\u00df-\u024f]+|[0-9]+")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN = re.compile(r"[a-z\u00df-\u024f]+|[0-9]+")  # the non-Hangul runs of TOKEN

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

    @property
    def form(self) -> str: ...
    @property
    def tag(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def len(self) -> int: ...


class Segmenter(Protocol):
    """Kiwi's batch interface: one token list per input text, in order."""

    def tokenize(self, texts: list[str]) -> Iterable[Sequence[Token]]: ...


def normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def eojeols(text: str) -> list[str]:
    """The space-separated words of ``text``; Kiwi analyses those with Hangul in them.

    Kiwi analyses each distinct word once per build, out of context: a
    corpus repeats its words (2,300 distinct words in 490,000 at 1,000
    synthetic briefs), Kiwi is much faster on words than on pages, and the
    query in the browser is out of context too.
    """
    return text.split()


def has_hangul(word: str) -> bool:
    return HANGUL.search(word) is not None


@dataclass(frozen=True)
class WordNouns:
    """What one space-separated word gives the index, and how it joins its neighbours."""

    terms: dict[str, int]  # its nouns and the compounds inside it
    lead: tuple[str, ...]  # the first two nouns of the run it starts with, if it starts with a noun
    tail: tuple[str, ...]  # the last two nouns of the run it ends with, if it ends with a noun
    whole: bool  # one run of nouns from its first letter to its last


def word_nouns(tokens: Sequence[Token], word: str) -> WordNouns:
    """Analyse one word's Kiwi tokens (computed once per distinct word and build)."""
    items: list[str | None] = []  # a noun (with its prefix), or None for anything else
    prefix = ""
    for token in tokens:
        if token.tag == "XPN" and _hangul(token.form):
            prefix = token.form
            continue
        noun = token.tag in NOUN_TAGS and _hangul(token.form)
        if prefix and not noun:
            items.append(None)
        items.append(prefix + token.form if noun else None)
        prefix = ""
    if prefix:
        items.append(None)
    runs: list[list[str]] = [[]]
    for item in items:
        if item is None:
            runs.append([])
        else:
            runs[-1].append(item)
    starts, ends = bool(items) and items[0] is not None, bool(items) and items[-1] is not None
    terms = noun_terms(tokens, word)
    stem = _before_particles(tokens, word)
    if stem and stem not in terms:
        terms[stem] += 1
    return WordNouns(
        dict(terms),
        tuple(runs[0][:2]) if starts else (),
        tuple(runs[-1][-2:]) if ends else (),
        starts and None not in items,
    )


def _before_particles(tokens: Sequence[Token], word: str) -> str:
    """A word of nouns and numerals with particles after it, as written before them, or "".

    Out of context Kiwi may cut a rare noun in pieces (윤일의: 윤/NNP 일/NR 의/JKG); the word as
    the writer wrote it, less its particles (윤일), is what a reader types.
    """
    if not tokens or not tokens[-1].tag.startswith("J") or HANGUL.search(word) is None:
        return ""
    body = [t for t in tokens if not t.tag.startswith("J")]
    if not body or any(t.tag not in STEM_TAGS for t in body) or tokens.index(body[-1]) != len(body) - 1:
        return ""
    stem = word[:body[-1].start + body[-1].len]
    return stem if len(stem) >= 2 and all(_hangul(ch) for ch in stem) else ""


def text_nouns(words: list[str], analysed: dict[str, WordNouns]) -> Counter[str]:
    """Nouns and compounds of a text from its words; nouns on both sides of a space join.

    A word without Hangul (``AI``, ``2025``) is not in ``analysed`` and breaks a run.
    """
    counts: Counter[str] = Counter()
    joined: Counter[str] = Counter()
    tail: tuple[str, ...] = ()
    for text in words:
        word = analysed.get(text)
        if word is None:
            tail = ()
            continue
        counts[text] += 1
        if tail and word.lead:
            for a in range(1, len(tail) + 1):
                for b in range(1, len(word.lead) + 1):
                    if a + b <= COMPOUND_MAX:
                        joined["".join(tail[-a:] + word.lead[:b])] += 1
            tail = (tail + word.tail)[-2:] if word.whole else word.tail
        else:
            tail = word.tail
    for text, count in counts.items():
        for term, n in analysed[text].terms.items():
            joined[term] += n * count
    return joined


LATIN_WORD = re.compile(r"[a-z\u00df-\u024f]{2,}")  # a word of Latin letters only (ai, esg)


def script_pairs(text: str, analysed: dict[str, WordNouns]) -> Counter[str]:
    """A Latin word and the nouns of the Hangul word beside it, as one spaced term: ``ai 반도체``.

    ``ai반도체`` written together is a mixed word (``forms.mixed_terms``); written
    apart, the pair is indexed with its space, so the query ``AI반도체`` also
    finds ``AI 반도체`` (and ``AI 반도체`` finds ``AI반도체``), each form ranking
    first for itself. Either order: ``반도체 ai`` too. Only the nouns on the
    side of the space join (``ai 반도체``, ``ai 스마트공장``), as ``text_nouns`` joins. Never across
    a line: a topic's names are one a line (``해외진출`` then ``exports``).
    """
    terms: Counter[str] = Counter()
    for first, second in (pair for line in text.splitlines() for pair in pairwise(line.split())):
        if LATIN_WORD.fullmatch(first) and (after := analysed.get(second)) is not None:
            for n in range(1, len(after.lead) + 1):
                terms[f"{first} {''.join(after.lead[:n])}"] += 1
        elif LATIN_WORD.fullmatch(second) and (before := analysed.get(first)) is not None:
            for n in range(1, len(before.tail) + 1):
                terms[f"{''.join(before.tail[-n:])} {second}"] += 1
    return terms


def latin_terms(text: str, stemmer: Any, forms: dict[str, str], stems: dict[str, str | None]) -> Counter[str]:
    """Stems of the Latin words and the digit runs of ``text`` (already normalised).

    ``stems`` remembers every word seen in this build (None: not indexed): the
    Snowball stemmer is pure Python, and was most of the analysis time.
    """
    terms: Counter[str] = Counter()
    for word, count in Counter(LATIN.findall(text)).items():
        if word not in stems:
            if word[0].isdigit():
                stems[word] = word if len(word) >= 2 else None
            else:
                stems[word] = None if word in STOPWORDS else stemmer.stemWord(word)
        stem = stems[word]
        if stem is None:
            continue
        forms[word] = stem  # the same word too: "did you mean" offers the words the briefs write
        terms[stem] += count
    return terms


def noun_terms(tokens: Sequence[Token], text: str) -> Counter[str]:
    """Nouns and compounds of adjacent nouns from one sentence's Kiwi tokens.

    A noun prefix (XPN) written onto its noun makes one noun with it
    (소+상공인 gives 소상공인, and 상공인 too). A noun suffix (XSN: 률, 화, 성,
    력, 적, 자 …) written onto a noun or a root (XR) makes the derived noun a
    term besides its stem (불량률 and 불량, 간소화 and 간소), so the whole word a
    reader types finds the brief, and finds it exactly; the stem's count from
    the derived word is taken back (a count of 0 still lists the brief), so
    the briefs that write the stem alone rank first for it.
    """
    terms: Counter[str] = Counter()
    run: list[str] = []
    end = -1
    prefix = ("", -1)
    root = ("", -1)  # a root (XR) that a suffix may make a noun: 간소+화
    for token in tokens:
        form = token.form
        if token.tag == "XPN" and _hangul(form):
            prefix = (form, token.start + token.len)
            continue
        if token.tag == "XSN" and _hangul(form):
            # 불량+률: 불량률 (and 제품불량률 after 제품불량). The stem stays a term with no weight
            # of its own from this word: it finds the brief, after the briefs that write it alone.
            if run and end == token.start:
                for size in range(1, min(COMPOUND_MAX, len(run)) + 1):
                    stem = "".join(run[-size:])
                    terms[stem] -= 1
                    terms[stem + form] += 1
            elif root[0] and root[1] == token.start:
                terms[root[0]] += 0
                terms[root[0] + form] += 1
            run, end, prefix, root = [], -1, ("", -1), ("", -1)
            continue
        if token.tag == "XR" and _hangul(form):
            run, end, prefix, root = [], -1, ("", -1), (form, token.start + token.len)
            continue
        root = ("", -1)
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
