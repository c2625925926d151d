"""JSON Schemas of brief front matter, for editors (``briefs schema``).

Two schemas, written to ``schemas/``: one for a source file, one for a
translation. Topic and region names are enums generated from ``topics.yml``
and ``regions.yml`` (for regions every slug, code, label and alias), so an
editor with the YAML language server can complete them and flag a typo.

The schemas follow ``validate.py``; ``tests/test_schema.py`` keeps them from
disagreeing. What a schema cannot say is left to ``briefs check``: that the
date is the one in the file name, that a summary is at most 400 characters
once its white space is collapsed, and that names match after case folding
(the schema wants the spelling listed in the vocabulary). Draft 7 is used
because the YAML language server supports nothing newer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .atomic_write import write_atomic
from .catalog import Catalog
from .licenses import LICENSES
from .updates import NOTE_MAX
from .validate import SUMMARY_MAX
from .vocabulary import Term, Vocabulary

DRAFT = "http://json-schema.org/draft-07/schema#"
FILES = {"source": "brief-source.schema.json", "translation": "brief-translation.schema.json"}
NOT_BLANK = {"type": "string", "pattern": r"\S"}
OPTIONAL_TEXT = {"type": ["string", "null"]}
_DATE = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"


def source_schema(topics: Vocabulary, regions: Vocabulary) -> dict[str, Any]:
    properties = {
        "title": _described(NOT_BLANK, "The brief's title (required)."),
        "date": _described(
            {"type": "string", "pattern": _DATE},
            "The day the roundtable was held, YYYY-MM-DD, the same as in the file name.",
        ),
        "summary": _summary(),
        "topics": _terms(topics, "topics.yml", "Topic slugs from briefs/topics.yml (at least one)."),
        "regions": _terms(
            regions, "regions.yml", "Regions from briefs/regions.yml by slug, code, name or alias (at least one)."
        ),
        **_translatable(),
        "draft": _described(
            {"type": "boolean"}, "true: shown only in the preview (make serve), left out of the published site."
        ),
        "updates": _described(
            {"type": ["array", "null"], "items": {
                "type": "object", "required": ["date", "note"], "additionalProperties": False,
                "properties": {"date": {"type": "string", "pattern": _DATE}, "note": _note()},
            }},
            "Corrections after publication, oldest first: each 'date' (on or after the brief's) and 'note'.",
        ),
        "license": _described(
            {"type": ["string", "null"], "enum": [*LICENSES, None]},
            "The KOGL (공공누리) type: kogl-1 … kogl-4; without it, extra.briefs.license in mkdocs.yml.",
        ),
        "cover": _described(
            {"type": "string", "pattern": r"\.([jJ][pP][eE]?[gG]|[pP][nN][gG]|[wW][eE][bB][pP])$"},
            "A bundle's image file name: the brief's picture in lists and link previews (default: the first image).",
        ),
    }
    return _schema(
        "brief-source", "Brief source front matter (briefs/<year>/<id>.ko.md)", properties,
        ["title", "date", "summary", "topics", "regions"],
    )


def translation_schema() -> dict[str, Any]:
    properties = {
        "title": _described(NOT_BLANK, "The translated title (required)."),
        "summary": _summary(),
        **_translatable(),
        "updates": _described(
            {"type": ["array", "null"], "items": {
                "type": "object", "required": ["note"], "additionalProperties": False, "properties": {"note": _note()},
            }},
            "The source's update notes translated, in its order (at most as many as the source has).",
        ),
        "translated_from": _described(
            {"anyOf": [
                {"type": "string", "pattern": r"^\s*[0-9a-fA-F]{12}\s*$"},
                {"type": "integer", "minimum": 0, "maximum": 999999999999},
                {"type": "null"},
            ]},
            "The source digest this translation was made from; written by 'briefs stamp <id>'.",
        ),
    }
    return _schema(
        "brief-translation",
        "Brief translation front matter (date, topics, regions, draft and license live in the source)",
        properties, ["title", "summary"],
    )


def write_schemas(catalog: Catalog, out: Path, *, check_only: bool = False) -> list[str]:
    """Write both schemas into ``out``; return the names that changed (or would)."""
    changed = []
    for name, text in rendered(catalog).items():
        path = out / name
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        changed.append(name)
        if not check_only:
            write_atomic(path, text)  # "\n" line ends on every platform: bytes are written as they are
    return changed


def rendered(catalog: Catalog) -> dict[str, str]:
    """Each schema file's name and its exact text."""
    schemas = {"source": source_schema(catalog.topics, catalog.regions), "translation": translation_schema()}
    return {FILES[kind]: json.dumps(schema, ensure_ascii=False, indent=2) + "\n" for kind, schema in schemas.items()}


def _schema(name: str, title: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "$id": f"{name}.schema.json",
        "title": title,
        "description": "Generated by 'briefs schema' from briefkit/schema.py and briefs/*.yml; do not edit by hand.",
        "type": "object",
        "required": required,
        "properties": properties,
        "additionalProperties": False,
    }


def _summary() -> dict[str, Any]:
    return _described(
        {"type": "string", "pattern": r"\S", "maxLength": SUMMARY_MAX, "not": {"pattern": r"\n[ \t]*\n"}},
        f"One paragraph of plain text, 1–{SUMMARY_MAX} characters (required).",
    )


def _note() -> dict[str, Any]:
    return {"type": "string", "pattern": r"\S", "maxLength": NOTE_MAX}


def _translatable() -> dict[str, Any]:
    speaker = {
        "type": "object",
        "required": ["name"],
        "properties": {"name": NOT_BLANK, "role": OPTIONAL_TEXT, "affiliation": OPTIONAL_TEXT},
        "additionalProperties": False,
    }
    return {
        "venue": _described(OPTIONAL_TEXT, "Where the roundtable was held."),
        "organizers": _described({"type": ["array", "null"], "items": NOT_BLANK}, "Organizing bodies, one per item."),
        "speakers": _described({"type": ["array", "null"], "items": speaker}, "Each speaker: name, role, affiliation."),
    }


def _terms(vocab: Vocabulary, file_name: str, description: str) -> dict[str, Any]:
    names: dict[str, str] = {}
    for term in vocab.terms:
        names.setdefault(term.slug, _label(term))
    for term in vocab.terms:
        for name in _other_names(term):
            names.setdefault(name, f"{_label(term)} = {term.slug}")
    return {
        "description": description,
        "type": "array",
        "minItems": 1,
        "items": {"type": "string", "enum": list(names), "enumDescriptions": list(names.values())},
    }


def _other_names(term: Term) -> tuple[str, ...]:
    return (term.code, term.ko, term.en, *term.aliases) if term.kind == "regions" else ()


def _label(term: Term) -> str:
    code = f" ({term.code})" if term.code else ""
    return f"{term.ko} · {term.en}{code}"


def _described(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, **schema}
