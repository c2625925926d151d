"""The index's words by first letter: for 초성 queries and for "did you mean".

``k/<key>.json`` holds the index terms whose first two syllables have the
initial consonants numbered ``i-j`` (0-18, ``forms.INITIALS``), or whose
first two letters are ``key`` (English words as the briefs write them, not
their stems), each with the number of briefs it (or its stem) is in
(``w``), and for every title whose initials hold that pair, its initials
from there on (``t``); meta.json lists the keys that have a file. The
browser reads one of these files, only for a query typed as initial
consonants (``ㅅㅁㅌㄱㅈ``: its first two), or for a word that finds nothing
(its first two letters): never the whole vocabulary. At 1,000 pairs a one-letter key made files of up to
115 KB (Korean ㅈ) and one titles file of 61 KB; two letters keep each file
to a few KB.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from .forms import INITIALS, initials
from .index_terms import normalize
from .records import Record

MIN_HANGUL = 2  # syllables of a Korean term worth offering
# At most: 소상공인시장진흥공단 stays in; longer terms are compounds across words
# (중소벤처기업부한지훈대표: at 1,000 synthetic pairs half the ㅈㅅ file), not what a reader
# types as initials or misspells.
MAX_HANGUL = 10
MIN_LATIN = 3  # letters of an English word worth offering


def word_key(term: str) -> str | None:
    """The file a term is listed in, or None (numbers, short and mixed words); a query word's too."""
    if all("\uac00" <= ch <= "\ud7a3" for ch in term) and len(term) >= MIN_HANGUL:
        return initials_key(initials(term[:2]))
    if term.isascii() and term.isalpha() and len(term) >= MIN_LATIN:
        return term[:2]
    return None


def initials_key(pair: str) -> str:
    """``ㅅㅁ`` → ``9-6``: the file name part for two initial consonants."""
    return f"{INITIALS.index(pair[0])}-{INITIALS.index(pair[1])}"


def word_files(records: Sequence[Record], postings: dict[str, dict[int, Any]],
               forms: dict[str, str]) -> dict[str, Any]:
    """``k/<key>.json`` for every key that has words, and ``k/titles.json``, as data to write."""
    groups: dict[str, dict[str, int]] = defaultdict(dict)
    for term, docs in postings.items():  # Korean terms (and numbers, mixed words: no key)
        key = word_key(term)
        if key is not None and not term.isascii() and len(term) <= MAX_HANGUL:
            groups[key][term] = len(docs)
    for word, stem in forms.items():  # every English word the briefs write, with its stem's count
        key = word_key(word)
        if key is not None and word.isascii() and stem in postings:
            groups[key][word] = len(postings[stem])
    files: dict[str, dict[str, list[Any]]] = {
        key: {"w": sorted(([w, n] for w, n in words.items()), key=lambda e: (-e[1], e[0])), "t": []}
        for key, words in groups.items()
    }
    for doc, record in enumerate(records):
        spelled = initials(normalize(record.title))
        for i in range(len(spelled) - 1):  # from each pair on: a query's initials begin there
            files.setdefault(initials_key(spelled[i:i + 2]), {"w": [], "t": []})["t"].append([spelled[i:], doc])
    return {f"k/{key}.json": data for key, data in sorted(files.items())}
