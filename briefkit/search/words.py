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

A typo in a word's first two letters or initials changes that key, so each
word is also listed (``n``) under its *deletion keys*: the key of the word
with its first, second or third letter (Korean: initial) left out
(``near_keys``; a two-syllable word's are single initials, ``k/9.json``;
Korean words of at most ``NEAR_HANGUL`` syllables).
A query word reads the files of its own key and deletion keys, at most
three: one edit in its first three letters leaves one key in common with
the word it misspells (symmetric deletion, as SymSpell does).
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
# Listed under the keys of a typo in their first letters (``n``): Korean terms of at most this many
# syllables. Longer ones are mostly compounds across words (임현우대표스마트); with them the
# near lists were 3.4 times as large at 1,000 pairs (436 KB against 127 KB in all).
NEAR_HANGUL = 5


def word_key(term: str) -> str | None:
    """The file a term is listed in, or None (numbers, short and mixed words); a query word's too."""
    if all("\uac00" <= ch <= "\ud7a3" for ch in term) and len(term) >= MIN_HANGUL:
        return initials_key(initials(term[:2]))
    if term.isascii() and term.isalpha() and len(term) >= MIN_LATIN:
        return term[:2]
    return None


def initials_key(pair: str) -> str:
    """``ㅅㅁ`` → ``9-6``: the file name part for two initial consonants (or ``9`` for one)."""
    return "-".join(str(INITIALS.index(ch)) for ch in pair[:2])


def near_keys(term: str) -> list[str]:
    """The word's key (``word_key``), then its deletion keys: the key with its first, second or
    third letter (a Korean word's: initial) left out; empty for a word with no key."""
    base = word_key(term)
    if base is None:
        return []
    korean = not term.isascii()
    units = initials(term) if korean else term
    keys = [base]
    for left_out in range(min(3, len(units))):
        rest = (units[:left_out] + units[left_out + 1:])[:2]
        key = initials_key(rest) if korean else rest
        if rest and key not in keys and (korean or len(rest) == 2):
            keys.append(key)
    return keys


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
    near: dict[str, dict[str, int]] = defaultdict(dict)
    for words in groups.values():
        for word, count in words.items():
            if not word.isascii() and len(word) > NEAR_HANGUL:
                continue
            for key in near_keys(word)[1:]:
                near[key][word] = count
    files: dict[str, dict[str, list[Any]]] = {
        key: {"w": _by_count(groups.get(key, {})), "n": _by_count(near.get(key, {})), "t": []}
        for key in sorted({*groups, *near})
    }
    for doc, record in enumerate(records):
        spelled = initials(normalize(record.title))
        for i in range(len(spelled) - 1):  # from each pair on: a query's initials begin there
            files.setdefault(initials_key(spelled[i:i + 2]), {"w": [], "n": [], "t": []})["t"].append(
                [spelled[i:], doc])
    return {f"k/{key}.json": data for key, data in sorted(files.items())}


def _by_count(words: dict[str, int]) -> list[list[Any]]:
    return sorted(([w, n] for w, n in words.items()), key=lambda e: (-e[1], e[0]))
