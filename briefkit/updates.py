"""Reading ``updates:`` (corrections after publication) and ``license:`` from front matter.

In the source, ``updates`` is a list of ``{date, note}``, oldest first, every
date on or after the brief's and plausible (``FieldReader.plausible``), every
note plain text of 1-300 characters. A translation may give ``{note}`` entries
translating the source's notes in order, never more than the source has; a
``date`` there belongs to the source. ``license`` is one of the KOGL codes
(``licenses.py``). Like ``validate.py``, nothing here raises: each mistake is
a ``Problem`` at its line, and all of them are reported at once.
"""

from __future__ import annotations

import datetime as dt

from .frontmatter_yaml import LineDict, LineList
from .licenses import license_problem
from .model import Update
from .problems import kind_of, plural
from .validate import FieldReader, iso_date, nfc
from .writer_text import shown_problem

NOTE_MAX = 300
SOURCE_KEYS = ("date", "note")
_LIST_ADVICE = "write one '- date: YYYY-MM-DD' per update, with 'note: …' below it"


def source_license(reader: FieldReader, default: str) -> str:
    """The source's ``license``, or ``default`` when it names none."""
    if "license" not in reader.meta or reader.meta["license"] is None:
        return default
    value = reader.meta["license"]
    problem = license_problem(value)
    if problem:
        reader.add(reader.line("license"), "license", problem)
        return default
    return str(value)


def source_updates(reader: FieldReader, brief_date: dt.date | None) -> tuple[Update, ...]:
    """The source's ``updates``, oldest first (problems added to ``reader``)."""
    found: list[Update] = []
    previous: dt.date | None = None  # the last readable date above, for the order
    for item, line in _entries(reader, _LIST_ADVICE):
        date = _date(reader, item, line, brief_date, previous)
        note = _note(reader, item, line)
        for key in item:
            if key not in SOURCE_KEYS:
                reader.unknown(item.lines[key], "updates.", key, SOURCE_KEYS)
        previous = date or previous
        if date is not None and note:
            found.append(Update(date, note))
    return tuple(found)


def translation_notes(reader: FieldReader, source_path: str, source_count: int | None) -> tuple[str, ...]:
    """A translation's update notes, in the source's order (problems added to ``reader``).

    ``source_count`` is how many updates the source has (None when it cannot be read).
    """
    notes: list[str] = []
    entries = _entries(reader, "write one '- note: …' per update of the source, in its order")
    for index, (item, line) in enumerate(entries):
        if source_count is not None and index == source_count:
            have = f"{source_count} {plural(source_count, 'update')}"
            notes_text = f"{len(entries)} {plural(len(entries), 'note')}"
            reader.add(line, "updates", f"has {notes_text} but the source, {source_path}, has {have}"
                       " (translate the source's notes in order: remove the extra ones, or add the update to the"
                       " source first)")
        for key in item:
            if key == "date":
                reader.add(item.lines[key], "updates.date", "is set only in the source file"
                           f" (edit {source_path} instead and remove it here; a translation gives only 'note')")
            elif key != "note":
                reader.unknown(item.lines[key], "updates.", key, ("note",))
        note = _note(reader, item, line)
        if note:
            notes.append(note)
    return tuple(notes[:source_count] if source_count is not None else notes)


def _entries(reader: FieldReader, todo: str) -> list[tuple[LineDict, int]]:
    value = reader.meta.get("updates")
    if value is None:
        return []
    if not isinstance(value, LineList):
        reader.add(reader.line("updates"), "updates", f"must be a list ({todo})")
        return []
    entries = []
    for item, line in zip(value, value.lines, strict=True):
        if isinstance(item, LineDict):
            entries.append((item, line))
        else:
            reader.add(line, "updates", f"each update must have fields, found {kind_of(item)} ({todo})")
    return entries


def _date(
    reader: FieldReader, item: LineDict, line: int, brief_date: dt.date | None, previous: dt.date | None
) -> dt.date | None:
    value = item.get("date")
    if value is None:
        reader.add(line, "updates.date", "is missing (add 'date: YYYY-MM-DD', the day of the correction)")
        return None
    line = item.lines["date"]
    parsed = iso_date(value)
    if parsed is None:
        found = f"'{value}'" if isinstance(value, str) else kind_of(value)
        reader.add(line, "updates.date", f"{found} is not a date (write it as YYYY-MM-DD, e.g. 2025-06-02)")
        return None
    if brief_date is not None and parsed < brief_date:
        reader.add(line, "updates.date", f"{parsed} is before the brief's date, {brief_date}"
                   " (an update is made after the roundtable: check the date)")
    elif previous is not None and parsed < previous:
        reader.add(line, "updates.date", f"{parsed} is before the update above it, {previous}"
                   " (list updates oldest first: move this one up)")
    reader.plausible(line, "updates.date", parsed)
    return parsed


def _note(reader: FieldReader, item: LineDict, line: int) -> str:
    value = item.get("note")
    if value is None:
        what = "is missing" if "note" not in item else "is empty"
        reader.add(item.lines.get("note", line), "updates.note", f"{what} (write what was corrected after 'note:')")
        return ""
    line = item.lines["note"]
    if not isinstance(value, str):
        reader.add(line, "updates.note", f"must be text, found {kind_of(value)} (put it in quotes)")
        return ""
    if not reader.typed(line, "updates.note", value):
        return ""
    note = " ".join(nfc(value).split())
    if not note:
        reader.add(line, "updates.note", "is empty (write what was corrected)")
        return ""
    problem = shown_problem(note, NOTE_MAX, "write what was corrected")
    if problem:
        reader.add(line, "updates.note", problem)
        return ""
    return note
