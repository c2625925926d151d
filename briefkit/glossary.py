"""The glossary (``briefs/glossary.yml``): the agreed English for Korean terms.

Each entry is ``{ko, en, also?}``: a Korean term, its agreed English, and other
accepted English forms. ``load_glossary`` reads and validates the file (a bad
entry is a ``briefs check`` problem at its line; an absent file is an empty
glossary); ``briefs qa`` (qa.py) uses it to check translations.

**The seam for search** (issue 12's cross-language offers): ``glossary_pairs``
gives every ``(ko, en)`` pair, the agreed form and each ``also`` form, in file
order. A search that offers "also search in English" for a Korean query (or
the reverse) can use the pairs as a dictionary of official names:
``glossary_pairs(catalog.glossary)``. It imports nothing but this module's
types; an absent glossary gives no pairs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .frontmatter_yaml import FrontMatterError, LineDict, LineList, load_yaml
from .problems import Problem, advice, did_you_mean, is_field_name, kind_of

GLOSSARY_FILE = "glossary.yml"
FIELD = "glossary"
_FIELDS = ("ko", "en", "also")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass(frozen=True)
class GlossaryEntry:
    """One Korean term and the English forms a translation may use for it."""

    ko: str
    en: str
    also: tuple[str, ...] = ()
    line: int = 1

    @property
    def forms(self) -> tuple[str, ...]:
        """Every accepted English form, the agreed one first."""
        return (self.en, *self.also)


@dataclass(frozen=True)
class Glossary:
    entries: tuple[GlossaryEntry, ...] = ()
    path: str = ""  # as messages show it; empty when there is no file


def glossary_pairs(glossary: Glossary) -> list[tuple[str, str]]:
    """Every (Korean, English) pair of the glossary, agreed form first: the seam for search."""
    return [(entry.ko, form) for entry in glossary.entries for form in entry.forms]


def load_glossary(path: Path, rel: str) -> tuple[Glossary, list[Problem]]:
    """Read ``glossary.yml``; an absent file is an empty glossary, every problem is reported."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Glossary(), []
    except OSError as err:
        return Glossary(), [Problem(rel, 1, FIELD, f"cannot be read: {err.strerror} (make it a readable text file)")]
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        data = load_yaml(unicodedata.normalize("NFC", text), first_line=1)
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        return Glossary(), [Problem(rel, line, FIELD, "is not UTF-8 text (save the file as UTF-8)")]
    except FrontMatterError as err:
        return Glossary(), [Problem(rel, err.line, FIELD, err.message)]
    if data is None:
        return Glossary(path=rel), []  # only comments: an empty glossary
    if not isinstance(data, LineList):
        return Glossary(), [Problem(rel, 1, FIELD, f"must be a list of terms, found {kind_of(data)}"
                                    " (write each as '- ko: 중소기업' with 'en: SMEs' below it)")]
    entries: list[GlossaryEntry] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data):
        line = data.lines[index]
        if not isinstance(item, LineDict):
            problems.append(Problem(rel, line, FIELD, f"each term must be fields, found {kind_of(item)}"
                                    " (write '- ko: …' with 'en: …' below it)"))
            continue
        entry, found = _entry(item, rel)
        problems += found
        if entry is None:
            continue
        if entry.ko in seen:
            problems.append(Problem(rel, item.lines["ko"], "ko", f"'{entry.ko}' is already in the glossary on line"
                                    f" {seen[entry.ko]} (keep one entry, with the other forms under 'also')"))
            continue
        seen[entry.ko] = entry.line
        entries.append(entry)
    return Glossary(tuple(entries), rel), problems


def _entry(item: LineDict, rel: str) -> tuple[GlossaryEntry | None, list[Problem]]:
    problems: list[Problem] = []
    values: dict[str, str] = {}
    also: tuple[str, ...] = ()
    for key, value in item.items():
        line = item.lines[key]
        if key not in _FIELDS:
            field = key if is_field_name(key) else FIELD
            problems.append(Problem(rel, line, field, f"unknown field '{key}'"
                                    + advice(did_you_mean(key, _FIELDS), "remove it")))
        elif key == "also":
            if not isinstance(value, list) or not all(isinstance(a, str) and a.strip() for a in value):
                problems.append(Problem(rel, line, key, "must be a list of English forms"
                                        " (write 'also: [SME, small and medium-sized enterprises]')"))
            else:
                also = tuple(_clean(a) for a in value)
        elif not isinstance(value, str) or not value.strip():
            found = "nothing" if value is None or isinstance(value, str) else kind_of(value)
            problems.append(Problem(rel, line, key, f"must be text, found {found}"
                                    f" (write the {'Korean term' if key == 'ko' else 'agreed English'})"))
        else:
            values[key] = _clean(value)
    for key in ("ko", "en"):
        if key not in item:
            what = "the Korean term" if key == "ko" else "its agreed English"
            problems.append(Problem(rel, item.line, key, f"is missing (every term needs '{key}: …', {what})"))
    ko = values.get("ko", "")
    if ko and not _HANGUL.search(ko):
        problems.append(Problem(rel, item.lines["ko"], "ko", f"'{ko}' has no Korean letters"
                                " (write the Korean term the sources use)"))
    if problems or "ko" not in values or "en" not in values:
        return None, problems
    return GlossaryEntry(values["ko"], values["en"], also, item.line), []


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())
