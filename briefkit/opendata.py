"""Open data: every published brief in both languages as JSON and CSV, with a schema.

``/data/briefs.json`` follows ``/data/briefs.schema.json`` (JSON Schema
2020-12, defined in ``opendata_schema.py``); ``/data/briefs.csv`` has one row per
brief, UTF-8 with a byte order mark so spreadsheet programs read Hangul, and
``/data/README.txt`` documents its columns. Output is deterministic: briefs
newest first (then by id), keys in a fixed order, no timestamps. In
``briefs.json`` each brief is one line (a diff shows which briefs changed, and
Python's C encoder writes it: indenting every level is far slower).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Protocol

from .licenses import LICENSES
from .model import LANGUAGES, Brief, Speaker, Text
from .opendata_schema import CSV_COLUMNS, SCHEMA, SCHEMA_PATH
from .site import SiteView, brief_path
from .urls import absolute_url
from .vocabulary import Term


class MediaRecords(Protocol):
    def records(self, brief_id: str) -> list[dict[str, Any]]: ...

DATA_FOLDER = "data/"
JSON_PATH = DATA_FOLDER + "briefs.json"
CSV_PATH = DATA_FOLDER + "briefs.csv"
README_PATH = DATA_FOLDER + "README.txt"
LIST_SEPARATOR = "; "
# Cells starting with these are formulas to a spreadsheet: they get a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def data_files(site: SiteView, site_url: str, media: MediaRecords | None = None) -> dict[str, bytes]:
    """The files of ``/data/``, by path relative to the site root (``media``: the build's published media)."""
    records = [brief_record(b, site_url) | {"media": media.records(b.id) if media else []} for b in site.briefs]
    document = {
        "$schema": absolute_url(site_url, SCHEMA_PATH),
        "site": site_url,
        "count": len(records),
        "briefs": records,
    }
    return {
        JSON_PATH: _records_json(document, "briefs"),
        SCHEMA_PATH: _json(SCHEMA),
        CSV_PATH: briefs_csv(records),
        README_PATH: csv_readme().encode("utf-8"),
    }


def brief_record(brief: Brief, site_url: str) -> dict[str, Any]:
    """One brief as the JSON document lists it (see the schema for each field)."""
    texts = {lang: brief.text(lang) for lang in LANGUAGES}
    return {
        "id": brief.id,
        "date": brief.date.isoformat(),
        "source_language": brief.source.lang,
        "translation_state": {lang: brief.state(lang) for lang in LANGUAGES},
        "urls": {lang: absolute_url(site_url, brief_path(brief.id, lang)) for lang in LANGUAGES},
        "titles": {lang: t.title if t else None for lang, t in texts.items()},
        "summaries": {lang: t.summary if t else None for lang, t in texts.items()},
        "venues": {lang: (_own_or_source(brief, t, "venue") or None) if t else None for lang, t in texts.items()},
        "organizers": {lang: list(_own_or_source(brief, t, "organizers")) if t else None for lang, t in texts.items()},
        "speakers": {lang: [_speaker(s) for s in _own_or_source(brief, t, "speakers")] if t else None
                     for lang, t in texts.items()},
        "topics": [_term(t) for t in brief.topics],
        "regions": [_term(t) for t in brief.regions],
        "modified": brief.modified.isoformat(),
        "updates": [_update(brief, i) for i in range(len(brief.updates))],
        "license": _license(brief.license),
    }


def briefs_csv(records: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _ in CSV_COLUMNS])
    for record in records:
        row = _csv_row(record)
        writer.writerow([_cell(row[name]) for name, _ in CSV_COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def csv_readme() -> str:
    lines = [
        "briefs.csv: one row per published brief, UTF-8 with BOM, comma-separated, CRLF line ends.",
        f"Lists inside a cell are separated by '{LIST_SEPARATOR}'. A cell that would start with",
        "=, +, -, @ or a tab starts with an apostrophe, so no spreadsheet runs it as a formula.",
        "The same data, with nested structure, is in briefs.json (schema: briefs.schema.json).",
        "",
        "Columns:",
        *(f"  {name}: {doc}" for name, doc in CSV_COLUMNS),
    ]
    return "\n".join(lines) + "\n"


def _csv_row(record: dict[str, Any]) -> dict[str, str]:
    def joined(values: list[str] | None) -> str:
        return LIST_SEPARATOR.join(values or [])

    row = {
        "id": record["id"],
        "date": record["date"],
        "source_language": record["source_language"],
        "topics": joined([t["slug"] for t in record["topics"]]),
        "regions": joined([r["slug"] for r in record["regions"]]),
        "region_codes": joined([r["code"] for r in record["regions"]]),
        "modified": record["modified"],
        "license": record["license"]["code"],
        "license_url": record["license"]["url"],
    }
    for lang in LANGUAGES:
        row[f"state_{lang}"] = record["translation_state"][lang]
        row[f"url_{lang}"] = record["urls"][lang]
        row[f"title_{lang}"] = record["titles"][lang] or ""
        row[f"summary_{lang}"] = record["summaries"][lang] or ""
        row[f"topics_{lang}"] = joined([t[lang] for t in record["topics"]])
        row[f"regions_{lang}"] = joined([r[lang] for r in record["regions"]])
        row[f"speakers_{lang}"] = joined([s["name"] for s in record["speakers"][lang] or []])
    row["media"] = joined([m["url"] for m in record.get("media", [])])
    return row


def _cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _own_or_source(brief: Brief, text: Text, name: str) -> Any:
    """A translation that leaves a field out shows the source's, as its page does."""
    return getattr(text, name) or getattr(brief.source, name)


def _update(brief: Brief, index: int) -> dict[str, Any]:
    """One update: its date and its note per language (null where not translated yet)."""
    notes: dict[str, str | None] = {}
    for lang in LANGUAGES:
        text = brief.text(lang)
        notes[lang] = text.update_notes[index] if text is not None and index < len(text.update_notes) else None
    return {"date": brief.updates[index].date.isoformat(), "notes": notes}


def _license(code: str) -> dict[str, Any]:
    kogl = LICENSES[code]
    return {"code": code, "name": {lang: kogl.name(lang) for lang in LANGUAGES}, "url": kogl.terms_url}


def _speaker(speaker: Speaker) -> dict[str, str | None]:
    return {"name": speaker.name, "role": speaker.role or None, "affiliation": speaker.affiliation or None}


def _term(term: Term) -> dict[str, str]:
    record = {"slug": term.slug, "ko": term.ko, "en": term.en}
    if term.kind == "regions":
        record["code"] = term.code
    return record


def _records_json(document: dict[str, Any], key: str) -> bytes:
    """``document`` as JSON, its top-level fields on their own lines, each item of ``key`` on one line."""
    fields = [f"  {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}"
              for name, value in document.items() if name != key]
    items = ",\n".join("    " + json.dumps(item, ensure_ascii=False) for item in document[key])
    fields.append(f"  {json.dumps(key)}: [\n{items}\n  ]" if items else f"  {json.dumps(key)}: []")
    return ("{\n" + ",\n".join(fields) + "\n}\n").encode("utf-8")


def _json(document: Any) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
