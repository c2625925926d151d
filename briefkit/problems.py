"""Problems found in brief files, worded for the person who wrote the brief.

Every problem is one line: ``path:line: field: what is wrong (what to do)``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, at one line."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


def did_you_mean(value: str, candidates: Iterable[str]) -> str:
    """Return `` (did you mean 'x'?)``-style advice, or an empty string."""
    matches = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else ""


def advice(*options: str) -> str:
    """Join pieces of advice into the ``(what to do)`` tail of a message."""
    text = "; ".join(o for o in options if o)
    return f" ({text})" if text else ""
