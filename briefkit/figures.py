"""Figures and dates in Korean and English text, as comparable values (for ``briefs qa``).

``figures(text, lang)`` finds every figure a translation must carry over and
gives each a canonical key, so that the two languages' ways of writing the
same value compare equal:

- Korean large units as English words: ``3만`` = ``30,000`` = ``30 thousand``,
  ``1,200억 원`` = ``120 billion``, ``10조원`` = ``KRW 10 trillion``,
  ``3조 5천억`` = ``3.5 trillion``;
- percentages: ``35%`` = ``35 percent``; ordinals: ``13일``/``2차`` = ``13th``/``second``;
  small numbers written as English words (``two``) count as figures;
- dates as each language writes them: ``2025년 5월 13일`` = ``May 13, 2025`` =
  ``13 May 2025`` = ``2025-05-13``; ``5월 13일`` = ``May 13``; ``2025년 5월`` = ``May 2025``.

A key is ``n:<value>`` for a number, ``date:YYYY-MM-DD``, ``md:MM-DD``, ``ym:YYYY-MM``
or ``m:<month>``. ``present(keys)`` expands what a translation says (a full date
also says its year, month, day and month-day), so a source figure is carried over
when ``key in present(figures(translation, "en"))``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from . import cache

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_KO_SMALL = {"십": 10, "백": 100, "천": 1000}
_KO_BIG = {"만": 10**4, "억": 10**8, "조": 10**12}
_KO_AMOUNT = re.compile(rf"(?<![\d.,])({_NUM})\s?([십백천])?\s?([만억조])?")
_KO_DATES = [
    (re.compile(r"(\d{4})\s?년\s?(\d{1,2})\s?월\s?(\d{1,2})\s?일"), "ymd"),
    (re.compile(r"(?<!\d)(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?(?!\d)"), "ymd"),
    (re.compile(r"(\d{4})\s?년\s?(\d{1,2})\s?월"), "ym"),
    (re.compile(r"(?<![\d.])(\d{1,2})\s?월\s?(\d{1,2})\s?일"), "md"),
    (re.compile(r"(?<![\d.,개])(\d{1,2})\s?월(?!\s?\d)"), "m"),
]
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH = r"(jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|" \
         r"sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
_EN_DATES = [
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), "ymd"),
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), "mdy"),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b", re.I), "dmy"),
    (re.compile(rf"\b{_MONTH}\s+(\d{{4}})\b", re.I), "my"),
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d)", re.I), "md"),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b", re.I), "dm"),
    (re.compile(rf"\b{_MONTH}(?=\W|$)", re.I), "m"),
]
_EN_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# '372 hundred million' (37.2 billion, as 372억 is sometimes written) and '1.2 trillion'.
_EN_AMOUNT = re.compile(rf"(?<![\d.,])({_NUM})(?:st|nd|rd|th)?(?:\s(hundred))?"
                        rf"(?:\s?(thousand|million|billion|trillion)\b)?", re.I)
_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
          "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
         "hundred": 100}
_TIMES = {"twice": 2, "double": 2, "doubled": 2, "twofold": 2, "triple": 3, "tripled": 3, "threefold": 3,
          "fourfold": 4, "fivefold": 5, "tenfold": 10}  # 2배, 3배
_NUMBER_WORDS = {**{w: i + 1 for i, w in enumerate(_WORDS)}, **{w: i + 1 for i, w in enumerate(_ORDINALS)}, **_TENS,
                 **_TIMES}
_EN_WORDS = re.compile(r"[A-Za-z]+")
_WORD_SET = frozenset([*_NUMBER_WORDS, *_EN_SCALE])
_EN_DATE_HINT = re.compile(r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\d{4}-\d\d-\d\d")
_KO_DATE_HINT = re.compile(r"\d\s?[년월일]|\d{4}\.\s?\d")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Figure:
    key: str
    text: str  # as written

    def __str__(self) -> str:
        return self.text


@cache.memo("figures", maxsize=8192)  # qa asks again for the same paragraph (pairing, then checking)
def figures(text: str, lang: str) -> tuple[Figure, ...]:
    """Every figure and date in ``text``, in order of appearance."""
    found: list[tuple[int, Figure]] = []
    masked = text
    korean = lang == "ko"
    if korean and not _DIGIT.search(text):
        return ()
    dated = bool((_KO_DATE_HINT if korean else _EN_DATE_HINT).search(text))  # one scan instead of seven
    for pattern, kind in (_KO_DATES if korean else _EN_DATES) if dated else ():
        for match in pattern.finditer(masked):
            key = _date_key(kind, match.groups())
            if key:
                found.append((match.start(), Figure(key, match.group(0))))
                masked = masked[:match.start()] + " " * len(match.group(0)) + masked[match.end():]
    found += _ko_amounts(masked) if lang == "ko" else _en_amounts(masked)
    return tuple(figure for _, figure in sorted(found, key=lambda item: item[0]))


def present(found: Iterable[Figure]) -> set[str]:
    """Every key a text carries: its figures' keys, and each date's parts as well."""
    keys: set[str] = set()
    for figure in found:
        keys.add(figure.key)
        kind, _, value = figure.key.partition(":")
        parts = value.split("-")
        if kind == "date":
            keys |= {f"n:{_canon(parts[0])}", f"n:{_canon(parts[2])}", f"m:{int(parts[1])}",
                     f"md:{parts[1]}-{parts[2]}", f"ym:{parts[0]}-{parts[1]}"}
        elif kind == "ym":
            keys |= {f"n:{_canon(parts[0])}", f"m:{int(parts[1])}"}
        elif kind == "md":
            keys |= {f"n:{_canon(parts[1])}", f"m:{int(parts[0])}"}
    return keys


def _date_key(kind: str, groups: tuple[str | None, ...]) -> str | None:
    values = [g or "" for g in groups]
    try:
        if kind == "ymd":
            year, month, day = int(values[0]), int(values[1]), int(values[2])
        elif kind in ("mdy", "dmy"):
            month = _month(values[0] if kind == "mdy" else values[1])
            day = int(values[1] if kind == "mdy" else values[0])
            year = int(values[2])
        elif kind in ("ym", "my"):
            year, month, day = int(values[0 if kind == "ym" else 1]), _month(values[1 if kind == "ym" else 0]), 0
        elif kind in ("md", "dm"):
            month = _month(values[0] if kind == "md" else values[1])
            day, year = int(values[1] if kind == "md" else values[0]), 0
        else:
            return f"m:{_month(values[0])}"
    except ValueError:
        return None
    if not 1 <= month <= 12 or day > 31:
        return None
    if year and day:
        return f"date:{year:04d}-{month:02d}-{day:02d}"
    return f"ym:{year:04d}-{month:02d}" if year else f"md:{month:02d}-{day:02d}"


def _month(value: str) -> int:
    if value.isdigit():
        return int(value)
    head = value.lower().rstrip(".")[:3]
    return next(i + 1 for i, name in enumerate(MONTHS) if name.startswith(head))


def _ko_amounts(text: str) -> list[tuple[int, Figure]]:
    found: list[tuple[int, Figure]] = []
    last_big, last_end = 0, -1
    for match in _KO_AMOUNT.finditer(text):
        number, small, big = match.groups()
        value = _decimal(number) * _KO_SMALL.get(small or "", 1) * _KO_BIG.get(big or "", 1)
        scale = _KO_BIG.get(big or "", 1)
        # '3조 5천억': a smaller unit right after a larger one adds to it.
        joined = found and text[last_end:match.start()].strip() == "" and last_big > scale and last_big > 1
        if joined:
            start, previous = found[-1]
            total = _decimal(previous.key[2:]) + value
            found[-1] = (start, Figure(f"n:{_canon(total)}", text[start:match.end()]))
        else:
            found.append((match.start(), Figure(f"n:{_canon(value)}", match.group(0).strip())))
        last_big, last_end = scale, match.end()
    return found


def _en_amounts(text: str) -> list[tuple[int, Figure]]:
    found = []
    for m in _EN_AMOUNT.finditer(text):
        value = _decimal(m[1]) * (100 if m[2] else 1) * _EN_SCALE.get((m[3] or "").lower(), 1)
        found.append((m.start(), Figure(f"n:{_canon(value)}", m[0])))
        text = text[:m.start()] + " " * len(m[0]) + text[m.end():]  # 'hundred million' was part of it
    if _WORD_SET.isdisjoint(_EN_WORDS.findall(text.lower())):
        return found  # no number written as a word: the common case, checked in C
    words = [(m.start(), m.end(), m[0].lower()) for m in _EN_WORDS.finditer(text)]
    for index, (start, end, word) in enumerate(words):
        scale = words[index + 1][2] if index + 1 < len(words) else ""
        scale = scale if scale in _EN_SCALE and text[end:words[index + 1][0]].isspace() else ""
        if word in _NUMBER_WORDS or (word == "a" and scale):  # 'a million', not 'a' alone
            value = Decimal(_NUMBER_WORDS.get(word, 1)) * _EN_SCALE.get(scale, 1)
            found.append((start, Figure(f"n:{_canon(value)}", text[start:words[index + 1][1]] if scale
                                        else text[start:end])))
    return found


def _decimal(number: str) -> Decimal:
    try:
        return Decimal(number.replace(",", ""))
    except InvalidOperation:
        return Decimal(0)


def _canon(value: Decimal | str | int) -> str:
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return format(number.normalize(), "f")
