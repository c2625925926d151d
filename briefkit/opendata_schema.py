"""What the open data means: the JSON Schema of ``briefs.json`` and the CSV columns.

Data only; ``opendata.py`` writes the files. The schema is published as
``/data/briefs.schema.json`` and the tests validate every build against it.
"""

from __future__ import annotations

from typing import Any

from .licenses import LICENSES

SCHEMA_PATH = "data/briefs.schema.json"
STATES = ["missing", "outdated", "unverified", "current"]
LICENSE_CODES = list(LICENSES)


def _per_language(value: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": {"ko": value, "en": value},
        "required": ["ko", "en"],
        "additionalProperties": False,
    }


_NULLABLE_TEXT = {"type": ["string", "null"]}
_URL = {"type": "string", "format": "uri", "pattern": "^https?://"}
_TERM_PROPERTIES = {
    "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "stable identifier, used in URLs"},
    "ko": {"type": "string", "minLength": 1, "description": "Korean label"},
    "en": {"type": "string", "minLength": 1, "description": "English label"},
}
_SPEAKER = {
    "type": "object",
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "role": _NULLABLE_TEXT,
        "affiliation": _NULLABLE_TEXT,
    },
    "required": ["name", "role", "affiliation"],
    "additionalProperties": False,
}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Policy roundtable briefs of the Ministry of SMEs and Startups (Korea)",
    "description": (
        "Every published brief in Korean and English. A language whose text does not exist yet"
        " has null for its title, summary, venue, organizers and speakers; its page still exists"
        " and shows the source text. Briefs are listed newest first, then by id."
    ),
    "type": "object",
    "properties": {
        "$schema": {"type": "string", "description": "address of this schema"},
        "site": {**_URL, "description": "the address of the site the data was published with"},
        "count": {"type": "integer", "minimum": 0, "description": "number of briefs"},
        "briefs": {"type": "array", "items": {"$ref": "#/$defs/brief"}},
    },
    "required": ["site", "count", "briefs"],
    "additionalProperties": False,
    "$defs": {
        "brief": {
            "type": "object",
            "properties": {
                "id": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9-]+$",
                       "description": "YYYY-MM-DD-slug; stable, used in URLs"},
                "date": {"type": "string", "format": "date", "description": "the day the roundtable was held"},
                "source_language": {"enum": ["ko", "en"], "description": "the language the brief was written in"},
                "translation_state": _per_language(
                    {"enum": STATES},
                    "state of each language's text: the source language is 'current'; a translation is"
                    " 'missing', 'unverified' (no source digest), 'outdated' (source changed since) or 'current'",
                ),
                "urls": _per_language(_URL, "the brief's page in each language"),
                "titles": _per_language(_NULLABLE_TEXT, "title in each language; null if no text in it"),
                "summaries": _per_language(_NULLABLE_TEXT, "one-paragraph plain-text summary per language"),
                "venues": _per_language(_NULLABLE_TEXT, "where it was held, per language; null if not given"),
                "organizers": _per_language(
                    {"type": ["array", "null"], "items": {"type": "string"}}, "organizers, per language"
                ),
                "speakers": _per_language(
                    {"type": ["array", "null"], "items": _SPEAKER},
                    "speakers as listed in each language (a translation without speakers shows the source's)",
                ),
                "topics": {
                    "type": "array", "minItems": 1,
                    "items": {"type": "object", "properties": _TERM_PROPERTIES,
                              "required": ["slug", "ko", "en"], "additionalProperties": False},
                },
                "regions": {
                    "type": "array", "minItems": 1,
                    "items": {
                        "type": "object",
                        "properties": {**_TERM_PROPERTIES, "code": {
                            "type": "string", "pattern": "^KR(-[0-9]{2})?$",
                            "description": "ISO 3166-2:KR code; 'KR' for nationwide"}},
                        "required": ["slug", "ko", "en", "code"],
                        "additionalProperties": False,
                    },
                },
                "modified": {"type": "string", "format": "date",
                             "description": "the brief's latest update (correction), else its date"},
                "updates": {
                    "type": "array", "description": "corrections after publication, oldest first",
                    "items": {
                        "type": "object",
                        "properties": {
                            "date": {"type": "string", "format": "date"},
                            "notes": _per_language(
                                {"type": ["string", "null"], "minLength": 1, "maxLength": 300},
                                "what was corrected, per language; null where not translated yet",
                            ),
                        },
                        "required": ["date", "notes"],
                        "additionalProperties": False,
                    },
                },
                "license": {
                    "type": "object",
                    "description": "the Korea Open Government License (KOGL, 공공누리) type the brief and its media"
                                   " are published under",
                    "properties": {
                        "code": {"enum": LICENSE_CODES},
                        "name": _per_language({"type": "string", "minLength": 1}, "the type's official name"),
                        "url": {**_URL, "description": "the type's terms"},
                    },
                    "required": ["code", "name", "url"],
                    "additionalProperties": False,
                },
            },
            "required": ["id", "date", "source_language", "translation_state", "urls", "titles", "summaries",
                         "venues", "organizers", "speakers", "topics", "regions", "modified", "updates", "license"],
            "additionalProperties": False,
        },
    },
}

# A brief's published media (bundle images and attachments), kept apart from the table above so that
# other properties are added there without touching this.
_MEDIA_ITEM = {
    "type": "object",
    "properties": {
        "file": {"type": "string", "minLength": 1, "description": "the file's name in the brief's bundle"},
        "kind": {"enum": ["image", "attachment"]},
        "url": {**_URL, "description": "the published file: an attachment as it is; an image's largest JPEG"
                                        " or PNG (no metadata; WebP widths beside it on the page)"},
        "media_type": {"type": "string", "description": "e.g. image/jpeg, application/pdf"},
        "size": {"type": "integer", "minimum": 0, "description": "bytes of the file at url"},
        "width": {"type": ["integer", "null"], "minimum": 1, "description": "pixels; null for an attachment"},
        "height": {"type": ["integer", "null"], "minimum": 1, "description": "pixels; null for an attachment"},
        "picture": {"type": "boolean", "description": "the brief's picture in lists and link previews"},
    },
    "required": ["file", "kind", "url", "media_type", "size", "width", "height", "picture"],
    "additionalProperties": False,
}
SCHEMA["$defs"]["brief"]["properties"]["media"] = {
    "type": "array", "items": _MEDIA_ITEM,
    "description": "images the brief shows and files it links to, in the order its source text first does;"
                   " shared by both languages",
}
SCHEMA["$defs"]["brief"]["required"].append("media")

# (column, meaning), in file order.
CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "brief id, YYYY-MM-DD-slug (stable)"),
    ("date", "day the roundtable was held, YYYY-MM-DD"),
    ("source_language", "language the brief was written in (ko or en)"),
    ("state_ko", "state of the Korean text: missing, outdated, unverified or current"),
    ("state_en", "state of the English text: missing, outdated, unverified or current"),
    ("url_ko", "Korean page"),
    ("url_en", "English page"),
    ("title_ko", "Korean title (empty if no Korean text)"),
    ("title_en", "English title (empty if no English translation)"),
    ("summary_ko", "Korean summary"),
    ("summary_en", "English summary"),
    ("topics", "topic slugs"),
    ("topics_ko", "topic labels in Korean"),
    ("topics_en", "topic labels in English"),
    ("regions", "region slugs"),
    ("region_codes", "ISO 3166-2:KR codes of the regions (KR = nationwide)"),
    ("regions_ko", "region labels in Korean"),
    ("regions_en", "region labels in English"),
    ("speakers_ko", "speaker names as listed in Korean"),
    ("speakers_en", "speaker names as listed in English"),
    ("modified", "day of the latest update (correction), YYYY-MM-DD; the date when never corrected"),
    ("license", "licence: kogl-1 to kogl-4, the Korea Open Government License (KOGL, 공공누리) type"),
    ("license_url", "the licence type's terms"),
    ("media", "addresses of the brief's published images and attachments"),
)
