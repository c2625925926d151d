"""The index's words by first letter: for 초성 queries and for "did you mean".

``k/<key>.json`` holds the index terms whose first syllable has the initial
consonant number ``key`` (0-18, ``forms.INITIALS``), or whose first letter is
``key`` (a-z), each with the number of briefs it is in; an English stem is
listed as the shortest word the briefs write it with (``factori`` as
factory). ``k/titles.json`` holds the initials of every title with Hangul in
it. The browser reads one of these files only for a query typed as initial
consonants (``ㅅㅁㅌㄱㅈ``), or for a word that finds nothing (its first
letter's file): never the whole vocabulary.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from .analysis import normalize
from .forms import INITIALS, initials
from .records import Record

MIN_HANGUL = 2  # syllables of a Korean term worth offering
MIN_LATIN = 3  # letters of an English word worth offering


def word_key(term: str) -> str | None:
    """The file a term is listed in, or None (numbers, short and mixed words)."""
    if all("\uac00" <= ch <= "\ud7a3" for ch in term) and len(term) >= MIN_HANGUL:
        return str(INITIALS.index(initials(term[0])))
    if term.isascii() and term.isalpha() and len(term) >= MIN_LATIN:
        return term[0]
    return None


def word_files(records: Sequence[Record], postings: dict[str, dict[int, Any]],
               forms: dict[str, str]) -> dict[str, Any]:
    """``k/<key>.json`` for every key that has words, and ``k/titles.json``, as data to write."""
    shown: dict[str, str] = {}  # stem → the word shown for it
    for word, stem in forms.items():
        if stem not in shown or (len(word), word) < (len(shown[stem]), shown[stem]):
            shown[stem] = word
    groups: dict[str, dict[str, int]] = defaultdict(dict)
    for term, docs in postings.items():
        key = word_key(term)
        if key is not None:
            word = shown.get(term, term)
            groups[key][word] = max(groups[key].get(word, 0), len(docs))
    files: dict[str, Any] = {
        f"k/{key}.json": sorted(([w, n] for w, n in words.items()), key=lambda e: (-e[1], e[0]))
        for key, words in groups.items()
    }
    titles = [[found, doc] for doc, record in enumerate(records) if (found := initials(normalize(record.title)))]
    if titles:
        files["k/titles.json"] = titles
    return files
