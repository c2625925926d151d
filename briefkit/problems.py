"""Problems found in brief files, worded for the person who wrote the brief.

Every problem is one line: ``path:line: field: what is wrong (what to do)``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, at one line."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{one_line(self.path)}:{self.line}: {one_line(self.field)}: {one_line(self.message)}"


def one_line(text: str) -> str:
    """``text`` with line breaks and other invisible characters written as escapes (``\\n``)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def terminal_text(text: str) -> str:
    """``text`` safe to print on a terminal: line breaks kept, every other invisible character an escape.

    For messages of other tools that may quote a brief (MkDocs' warnings): a
    raw escape character (``\x1b``) could recolour or rewrite the terminal.
    """
    if text.isprintable():
        return text
    return "\n".join(one_line(line) for line in text.split("\n"))


def is_field_name(key: str) -> bool:
    """Whether ``key`` can stand as the field of a message (``path:line: field: …``)."""
    return bool(_FIELD_NAME.match(key))


_FIELD_NAME = re.compile(r"[^\W][\w.-]*\Z")


def did_you_mean(value: str, candidates: Iterable[str]) -> str:
    """Return `` (did you mean 'x'?)``-style advice, or an empty string."""
    matches = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else ""


def advice(*options: str) -> str:
    """Join pieces of advice into the ``(what to do)`` tail of a message."""
    text = "; ".join(o for o in options if o)
    return f" ({text})" if text else ""


def kind_of(value: Any) -> str:
    """What a YAML value is, in a writer's words ("the number 3", "a list")."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return "text"


def plural(count: int, word: str) -> str:
    """``word`` as a count of ``count`` reads in English: 1 problem, 2 problems."""
    return word if count == 1 else word + "s"
