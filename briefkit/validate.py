"""Field rules for brief front matter: one function per kind of field.

Each reader takes the parsed front matter and returns the cleaned value, adding
a ``Problem`` for every mistake; nothing here raises on bad input.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import re
import unicodedata

from .frontmatter_yaml import LineDict, LineList
from .model import Speaker, source_digest
from .problems import Problem, advice, is_field_name
from .problems import kind_of as _kind
from .settings import DateRules
from .vocabulary import Term, Vocabulary, fold
from .writer_text import forbidden_character, forbidden_message, line_problem, shown_problem, title_problem

SOURCE_FIELDS = ("title", "date", "summary", "topics", "regions", "venue", "organizers", "speakers", "draft",
                 "updates", "license", "cover")
TRANSLATION_FIELDS = ("title", "summary", "venue", "organizers", "speakers", "translated_from", "updates")
STRUCTURAL_FIELDS = ("date", "topics", "regions", "draft", "license", "cover")
SPEAKER_FIELDS = ("name", "role", "affiliation")
SUMMARY_MAX = 400
DIGEST = re.compile(r"[0-9a-f]{12}\Z")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def iso_date(value: object) -> dt.date | None:
    """``value`` as a date if it is text written YYYY-MM-DD naming a real day, else None."""
    if isinstance(value, str) and ISO_DATE.match(value.strip()):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value.strip())
    return None


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class FieldReader:
    """Reads the fields of one file's front matter, collecting problems."""

    def __init__(self, meta: LineDict, path: str, dates: DateRules | None = None) -> None:
        self.meta = meta
        self.path = path
        self.dates = dates or DateRules()
        self.problems: list[Problem] = []

    def line(self, key: str) -> int:
        return self.meta.lines.get(key, self.meta.line)

    def add(self, line: int, field: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, field, message))

    def check_known(self, allowed: tuple[str, ...], source_path: str | None) -> None:
        for key in self.meta:
            if key in allowed:
                continue
            if source_path is not None and key in STRUCTURAL_FIELDS:
                self.add(self.line(key), key,
                         f"is set only in the source file (edit {source_path} instead and remove it here)")
            elif source_path is None and key == "translated_from":
                self.add(self.line(key), key, "only a translation records its source digest (remove it here)")
            elif source_path is not None and field_suggestion(key, STRUCTURAL_FIELDS):
                meant = field_suggestion(key, STRUCTURAL_FIELDS)
                self.add(self.line(key), key, f"unknown field (did you mean '{meant}'? it is set only in the source"
                         f" file: edit {source_path} instead and remove it here)")
            else:
                self.unknown(self.line(key), "", key, allowed)

    def unknown(self, line: int, prefix: str, key: str, allowed: tuple[str, ...]) -> None:
        """An unknown field, named with a suggestion; a name that is no word is quoted instead."""
        todo = "use name, role or affiliation" if prefix == "speakers." else "remove it"
        if is_field_name(key):
            meant = field_suggestion(key, allowed)
            self.add(line, prefix + key, "unknown field" + advice(f"did you mean '{meant}'?" if meant else "", todo))
        else:
            self.add(line, prefix.rstrip(".") or "front matter", f"unknown field '{key}'" + advice(todo))

    def text(self, key: str, *, required: bool) -> str:
        value = self.meta.get(key)
        comment = self.meta.comments.get(key, "")
        # '#1 회의실' reads as a comment; '# to be decided' on an optional field is one on purpose.
        if value is None and ((required and comment) or comment[1:2].strip()):
            quoted = "'" + comment.replace("'", "''") + "'"
            self.add(self.line(key), key, f"is empty: YAML reads '#' after '{key}:' as the start of a comment"
                                          f" (put the whole value in quotes: {key}: {quoted})")
            return ""
        if value is None:
            if required and key not in self.meta:
                self.add(self.line(key), key, f"is missing (add '{key}: …' to the front matter)")
            elif required:
                self.add(self.line(key), key, f"is empty (write the {key} after '{key}:')")
            return ""
        if not isinstance(value, str):
            self.add(self.line(key), key, f"must be text, found {_kind(value)} (put the value in quotes)")
            return ""
        if not self.typed(self.line(key), key, value):
            return ""
        value = nfc(value).strip()
        if required and not value:
            self.add(self.line(key), key, f"is empty (write the {key})")
        elif value and key != "summary":
            self.shown(self.line(key), key, value)
        return value

    def typed(self, line: int, field: str, value: str) -> bool:
        """Whether ``value`` holds only characters pages and feeds can carry (adds a problem if not)."""
        char = forbidden_character(value)
        if char is not None:
            self.add(line, field, forbidden_message(char))
        return char is None

    def shown(self, line: int, field: str, value: str) -> None:
        """Check a one-line field as readers see it: visible, not reordered, of a sane length."""
        problem = title_problem(value) if field == "title" else line_problem(value)
        if problem:
            self.add(line, field, problem)

    def parsed(self, key: str) -> str:
        """The string a field holds exactly as YAML read it ("" if it is not text), for the digest."""
        value = self.meta.get(key)
        return value if isinstance(value, str) else ""

    def source_digest(self, body: str) -> str:
        """The contract's source digest of this file: parsed title and summary, and ``body``."""
        return source_digest(self.parsed("title"), self.parsed("summary"), body)

    def summary(self) -> str:
        value = self.text("summary", required=True)
        if not value:
            return ""
        if re.search(r"\n[ \t]*\n", value):
            self.add(self.line("summary"), "summary", "must be one paragraph (remove the blank line)")
        value = " ".join(value.split())
        problem = shown_problem(value, None, "write the summary")
        if problem:
            self.add(self.line("summary"), "summary", problem)
        if len(value) > SUMMARY_MAX:
            self.add(self.line("summary"), "summary",
                     f"is {len(value)} characters long (shorten it to at most {SUMMARY_MAX})")
        return value

    def date(self, id_date: dt.date | None) -> dt.date | None:
        value = self.meta.get("date")
        if value is None:
            self.add(self.line("date"), "date", "is missing (add 'date: YYYY-MM-DD', the day the roundtable was held)")
            return None
        parsed = iso_date(value)
        if parsed is None:
            found = f"'{value}'" if isinstance(value, str) else _kind(value)
            self.add(self.line("date"), "date", f"{found} is not a date (write it as YYYY-MM-DD, e.g. 2025-05-13)")
            return None
        if id_date is not None and parsed != id_date:
            self.add(self.line("date"), "date",
                     f"{parsed} does not match the date in the file name, {id_date} (make them the same)")
        self.plausible(self.line("date"), "date", parsed)
        return parsed

    def plausible(self, line: int, field: str, date: dt.date) -> None:
        """Add a problem if ``date`` is before the first year or too far ahead (``updates`` dates too)."""
        problem = self.dates.problem(date)
        if problem:
            self.add(line, field, problem)

    def flag(self, key: str) -> bool:
        value = self.meta.get(key, False)
        if not isinstance(value, bool):
            found = f"'{value}'" if isinstance(value, str) else _kind(value)
            self.add(self.line(key), key, f"must be true or false, found {found} (write '{key}: true' or remove it)")
            return False
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.meta.get(key)
        if value is None:
            return ()
        if not isinstance(value, LineList):
            self.add(self.line(key), key, f"must be a list (write '{key}: [\"…\", \"…\"]' or one '- …' per line)")
            return ()
        out = []
        for item, line in zip(value, value.lines, strict=True):
            if isinstance(item, str) and not item.strip():
                self.add(line, key, "an entry is empty (write a name or remove the entry)")
            elif not isinstance(item, str):
                self.add(line, key, f"each entry must be text, found {_kind(item)} (put it in quotes)")
            elif self.typed(line, key, item):
                self.shown(line, key, nfc(item).strip())
                out.append(nfc(item).strip())
        return tuple(out)

    def terms(self, key: str, vocab: Vocabulary, vocab_path: str) -> tuple[Term, ...]:
        value = self.meta.get(key)
        singular = key[:-1]
        if value is None:
            what = "is missing" if key not in self.meta else "is empty"
            self.add(self.line(key), key,
                     f"{what} (add '{key}: [...]' with at least one {singular} from {vocab_path})")
            return ()
        if isinstance(value, str):
            self.add(self.line(key), key, f"must be a list (write '{key}: [{value}]')")
            return ()
        if not isinstance(value, LineList):
            self.add(self.line(key), key, f"must be a list, found {_kind(value)} (write '{key}: [{singular}-slug]')")
            return ()
        if not value:
            self.add(self.line(key), key, f"needs at least one {singular} (add one from {vocab_path})")
            return ()
        found: list[Term] = []
        for item, line in zip(value, value.lines, strict=True):
            if not isinstance(item, str):
                self.add(line, key,
                         f"each {singular} must be a name, found {_kind(item)} (use a slug from {vocab_path})")
                continue
            term = vocab.resolve(item)
            if term is None and vocab.terms and fold(item) not in vocab.broken:
                hint = vocab.suggest(item) or f"use a slug from {vocab_path}"
                self.add(line, key, f"unknown {singular} '{item}'" + advice(hint))
            elif term is not None and term not in found:
                found.append(term)
        return tuple(found)

    def speakers(self) -> tuple[Speaker, ...]:
        value = self.meta.get("speakers")
        if value is None:
            return ()
        if not isinstance(value, LineList):
            self.add(self.line("speakers"), "speakers", "must be a list (write one '- name: …' per speaker)")
            return ()
        out = []
        for item, line in zip(value, value.lines, strict=True):
            if not isinstance(item, LineDict):
                self.add(line, "speakers",
                         "each speaker must have fields (write '- name: …' with 'role:' and 'affiliation:' below)")
                continue
            fields: dict[str, str] = {}
            for key, field_value in item.items():
                key_line = item.lines[key]
                if key not in SPEAKER_FIELDS:
                    self.unknown(key_line, "speakers.", key, SPEAKER_FIELDS)
                elif field_value is None:
                    continue
                elif not isinstance(field_value, str):
                    found = _kind(field_value)
                    self.add(key_line, f"speakers.{key}", f"must be text, found {found} (put it in quotes)")
                elif self.typed(key_line, f"speakers.{key}", field_value):
                    self.shown(key_line, f"speakers.{key}", nfc(field_value).strip())
                    fields[key] = nfc(field_value).strip()
            if not fields.get("name"):
                if "name" not in item or item["name"] is None or isinstance(item["name"], str):  # else: told above
                    self.add(line, "speakers.name", "is missing (every speaker needs 'name: …')")
                continue
            out.append(Speaker(**fields))
        return tuple(out)

    def digest(self) -> str | None:
        value = self.meta.get("translated_from")
        if value is None:
            return None
        # An unquoted digest of digits (``012345678901``, ``123e45678901``) reads as a number: use its text.
        text = value if isinstance(value, str) else self.meta.plain.get("translated_from", "")
        text = text.strip().lower()
        if not DIGEST.match(text):
            found = f"'{text}'" if text else _kind(value)
            self.add(self.line("translated_from"), "translated_from",
                     f"{found} is not a source digest (12 hex digits: run 'briefs stamp <id>' to write it)")
            return None
        return text


# Words writers bring from other tools, and the field that holds what they mean.
FIELD_SYNONYMS = {
    "tags": "topics", "tag": "topics", "category": "topics", "categories": "topics", "subjects": "topics",
    "location": "venue", "place": "venue", "where": "venue",
    "host": "organizers", "hosts": "organizers", "organisers": "organizers", "organiser": "organizers",
    "panelists": "speakers", "participants": "speakers", "presenters": "speakers",
    "description": "summary", "abstract": "summary", "excerpt": "summary", "lead": "summary",
    "province": "regions", "area": "regions",
    "organization": "affiliation", "organisation": "affiliation", "org": "affiliation",
    "position": "role", "title": "role", "job": "role",
}


def field_suggestion(key: str, allowed: tuple[str, ...]) -> str:
    """The field ``key`` was probably meant to be (case, a hyphen, a synonym or a typo), or ""."""
    folded = key.casefold().replace("-", "_").strip()
    if folded in allowed:
        return folded
    if FIELD_SYNONYMS.get(folded) in allowed:
        return FIELD_SYNONYMS[folded]
    match = difflib.get_close_matches(folded, allowed, n=1, cutoff=0.6)
    return match[0] if match else ""
