"""Words written across scripts or with joiners, and Hangul letters (jamo), for index and query alike.

- *Mixed words*: a number with its unit (``2030년``, ``10조원``, ``30%``), an
  acronym (``r&d``, ``re100``), a word in two scripts (``ai반도체``) or a
  hyphenated word (``low-carbon``). Each is indexed whole (without a particle
  on its Hangul end) besides its parts, so the whole word finds the brief
  exactly; the query tries it whole first and falls back to its parts.
- *Jamo*: a syllable's initial consonant (초성) and its letters, for 초성
  queries (``ㅅㅁㅌㄱㅈ``) and for "did you mean" (edit distance over letters).

search-core.js (the engine) carries the same rules (``COMPACT``, ``mixed``, ``INITIALS``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

# A word of letters, digits and Hangul, joined by & - . inside it, with a % at its end.
COMPACT = re.compile(r"[0-9a-z\u00df-\u024f\uac00-\ud7a3]+(?:[&\-.][0-9a-z\u00df-\u024f\uac00-\ud7a3]+)*%?")
RUN = re.compile(r"[\uac00-\ud7a3]+|[a-z\u00df-\u024f]+|[0-9]+")

# Compatibility jamo of the 19 initial consonants, in Unicode syllable order.
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = ("", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")
JAMO = re.compile(r"[\u3131-\u3163]")


def mixed(word: str) -> bool:
    """True for a compact word that is more than one script run, or has a joiner or a %."""
    return "%" in word or "&" in word or "-" in word or "." in word or len(RUN.findall(word)) > 1


def strip_particle(word: str, suffixes: Sequence[str]) -> str:
    """``word`` without the longest particle or ending on its end, if it stays mixed (``2030년까지`` → 2030년)."""
    for suffix in suffixes:  # longest first
        if word.endswith(suffix) and len(word) > len(suffix):
            rest = word[: -len(suffix)]
            if mixed(rest):
                return rest
    return word


def mixed_terms(text: str, suffixes: Sequence[str]) -> Counter[str]:
    """The mixed words of ``text`` (normalised), each without a particle on its end."""
    terms: Counter[str] = Counter()
    for match in COMPACT.finditer(text):
        word = match.group()
        if mixed(word):
            terms[strip_particle(word, suffixes)] += 1
    return terms


def initials(text: str) -> str:
    """The initial consonant of every Hangul syllable of ``text``; other letters are dropped."""
    return "".join(INITIALS[(ord(ch) - 0xAC00) // 588] for ch in text if "\uac00" <= ch <= "\ud7a3")


def letters(text: str) -> str:
    """``text`` with each Hangul syllable written as its jamo (스 → ㅅㅡ), for edit distance."""
    out = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            out.append(INITIALS[code // 588] + MEDIALS[code % 588 // 28] + FINALS[code % 28])
        else:
            out.append(ch)
    return "".join(out)


def all_initials(query: str) -> bool:
    """A query typed as initial consonants only (``ㅅㅁㅌ ㄱㅈ``)."""
    compact = "".join(query.split())
    return len(compact) >= 2 and all(ch in INITIALS for ch in compact)


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance of ``a`` and ``b`` (insert, delete, replace, swap two neighbours), at most ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return min(row[-1], limit + 1)
