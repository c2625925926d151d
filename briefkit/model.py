"""The domain: a brief, its texts in each language, and translation states.

A ``Brief`` is built only from files that passed validation: every string is
NFC, every vocabulary reference is resolved to a ``Term``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass, field

from . import cache
from .licenses import DEFAULT_LICENSE
from .vocabulary import Term

LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "ko"

# Translation states, as ``briefs status`` prints them.
MISSING, OUTDATED, UNVERIFIED, CURRENT = "missing", "outdated", "unverified", "current"
STATES = (MISSING, OUTDATED, UNVERIFIED, CURRENT)


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str = ""
    affiliation: str = ""


@dataclass(frozen=True)
class Update:
    """A correction made after publication (``updates:`` in the source), in the source's language."""

    date: dt.date
    note: str


@dataclass(frozen=True)
class Text:
    """What one file says, in its language: the source or a translation."""

    lang: str
    path: str  # relative to the project, POSIX
    title: str
    summary: str
    body: str
    venue: str = ""
    organizers: tuple[str, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    translated_from: str | None = None
    body_line: int = 1  # the file line where the body starts
    # The notes of the brief's updates in this language, oldest first: all of them in the source,
    # the first ones (or none) in a translation (the rest are shown in the source's language).
    update_notes: tuple[str, ...] = ()
    # The contract's digest of this text, from title and summary exactly as YAML read them (the
    # fields above are trimmed and, for the summary, joined into one line).
    digest: str = ""


@dataclass(frozen=True)
class Brief:
    """One roundtable: structural facts from the source, texts per language."""

    id: str
    date: dt.date
    topics: tuple[Term, ...]
    regions: tuple[Term, ...]
    source: Text
    translations: dict[str, Text] = field(default_factory=dict)
    draft: bool = False
    updates: tuple[Update, ...] = ()  # oldest first
    license: str = DEFAULT_LICENSE  # a KOGL type (licenses.py): its own or the site's default; its media share it
    cover: str = ""  # front matter ``cover``: a bundle image's name, checked with the body's media
    cover_line: int = 0  # the source file's line of ``cover``

    @property
    def modified(self) -> dt.date:
        """The brief's *updated* date: its latest update's, else the roundtable's."""
        return self.updates[-1].date if self.updates else self.date

    def untranslated_updates(self, lang: str) -> int:
        """How many update notes have no text in ``lang`` yet (0 in the source language)."""
        if lang == self.source.lang:
            return 0
        text = self.translations.get(lang)
        return len(self.updates) - (len(text.update_notes) if text else 0)

    @property
    def digest(self) -> str:
        return self.source.digest or source_digest(self.source.title, self.source.summary, self.source.body)

    @property
    def year(self) -> int:
        return self.date.year

    def text(self, lang: str) -> Text | None:
        """The text written in ``lang``, or None if there is none."""
        if self.source.lang == lang:
            return self.source
        return self.translations.get(lang)

    def shown_text(self, lang: str) -> Text:
        """The text a reader of ``lang`` sees: that language's, else the source."""
        return self.text(lang) or self.source

    def state(self, lang: str) -> str:
        """The translation state of ``lang`` (the source language is current)."""
        if lang == self.source.lang:
            return CURRENT
        text = self.translations.get(lang)
        if text is None:
            return MISSING
        if text.translated_from is None:
            return UNVERIFIED
        return CURRENT if text.translated_from == self.digest else OUTDATED


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).rstrip()


# A preview reloads the catalog on every save: one entry a brief, and one a saved edit.
@cache.memo("source digests", maxsize=1 << 14)
def source_digest(title: str, summary: str, body: str) -> str:
    """The contract's source digest: 12 hex digits of SHA-256 over the text."""
    joined = _clean(title) + "\n" + _clean(summary) + "\n" + _clean(body)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:12]
