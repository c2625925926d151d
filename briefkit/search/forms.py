"""Words written across scripts or with joiners, and Hangul letters (jamo), for index and query alike.

- *Mixed words*: a number with its unit (``2030년``, ``10조원``, ``30%``), an
  acronym (``r&d``, ``re100``), a word in two scripts (``ai반도체``) or a
  hyphenated word (``low-carbon``). Each is indexed whole (without a particle
  on its Hangul end) besides its parts, so the whole word finds the brief
  exactly; the query tries it whole first and falls back to its parts.
- *Initials*: a syllable's initial consonant (초성), for the word lists of
  초성 queries (``ㅅㅁㅌㄱㅈ``) and "did you mean" (``words``); the engine
  (search-core.js) compares words by their letters (jamo) itself.

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
