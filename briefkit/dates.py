"""Dates in each language's convention: ``2025년 5월 13일`` and ``13 May 2025``."""

from __future__ import annotations

import datetime as dt

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December")


def format_date(date: dt.date, lang: str) -> str:
    if lang == "ko":
        return f"{date.year}년 {date.month}월 {date.day}일"
    return f"{date.day} {MONTHS_EN[date.month - 1]} {date.year}"
