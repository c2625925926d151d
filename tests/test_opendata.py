"""Open data: /data/briefs.json against its schema and the briefs, /data/briefs.csv for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from publish_site import ENGLISH_ID, HOSTILE, HOSTILE_ID, KOREAN_ONLY_ID, SITE_URL, hostile_build
from support.project import Build

from briefkit.catalog import load_catalog
from briefkit.opendata_schema import CSV_COLUMNS

__all__ = ["hostile_build"]
pytestmark = pytest.mark.build


def load(site: Path, name: str) -> Any:
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def by_id(site: Path) -> dict[str, dict[str, Any]]:
    return {b["id"]: b for b in load(site, "briefs.json")["briefs"]}


def test_json_is_valid_against_its_published_schema(hostile_build: Build, sample_build: Build) -> None:
    for built in (hostile_build, sample_build):
        schema = load(built.site, "briefs.schema.json")
        jsonschema.Draft202012Validator.check_schema(schema)
        document = load(built.site, "briefs.json")
        validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
        assert errors == []


def test_json_lists_every_published_brief_of_the_catalog(sample_build: Build) -> None:
    catalog = load_catalog(sample_build.project / "briefs")
    document = load(sample_build.site, "briefs.json")
    assert [b["id"] for b in document["briefs"]] == [b.id for b in catalog.published()]
    assert document["count"] == len(catalog.published())
    for brief in catalog.published():
        record = by_id(sample_build.site)[brief.id]
        assert record["date"] == brief.date.isoformat()
        assert record["translation_state"] == {"ko": brief.state("ko"), "en": brief.state("en")}
        for lang in ("ko", "en"):
            text = brief.text(lang)
            assert record["titles"][lang] == (text.title if text else None)
            assert record["summaries"][lang] == (text.summary if text else None)
        assert [t["slug"] for t in record["regions"]] == [t.slug for t in brief.regions]


def test_a_brief_in_both_languages(hostile_build: Build) -> None:
    record = by_id(hostile_build.site)[ENGLISH_ID]
    assert record["urls"] == {"ko": SITE_URL + f"briefs/{ENGLISH_ID}/", "en": SITE_URL + f"en/briefs/{ENGLISH_ID}/"}
    assert record["titles"] == {"ko": "두 언어 브리프", "en": "A bilingual brief"}
    assert record["source_language"] == "ko"
    assert record["translation_state"] == {"ko": "current", "en": "unverified"}
    assert record["topics"] == [{"slug": "workforce", "ko": "인력·일자리", "en": "Workforce and Jobs"}]
    assert record["regions"] == [{"slug": "nationwide", "ko": "전국", "en": "Nationwide", "code": "KR"}]
    for lang in ("ko", "en"):
        assert (hostile_build.site / record["urls"][lang][len(SITE_URL):] / "index.html").is_file()


def test_a_brief_without_english_has_nulls_for_english(hostile_build: Build) -> None:
    record = by_id(hostile_build.site)[KOREAN_ONLY_ID]
    assert record["translation_state"]["en"] == "missing"
    assert record["titles"]["en"] is None
    assert record["summaries"]["en"] is None
    assert record["speakers"]["en"] is None
    assert record["urls"]["en"] == SITE_URL + f"en/briefs/{KOREAN_ONLY_ID}/"  # the page exists, in Korean


def test_json_keeps_writer_text_as_text(hostile_build: Build) -> None:
    record = by_id(hostile_build.site)[HOSTILE_ID]
    assert record["titles"] == {"ko": HOSTILE, "en": HOSTILE}
    assert record["speakers"]["en"] == [{"name": HOSTILE, "role": HOSTILE, "affiliation": HOSTILE}]
    raw = (hostile_build.site / "data" / "briefs.json").read_text(encoding="utf-8")
    assert "한국어만 있는 브리프" in raw  # Hangul as is, not \\u escapes


def rows(site: Path) -> tuple[bytes, list[dict[str, str]]]:
    raw = (site / "data" / "briefs.csv").read_bytes()
    return raw, list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_opens_with_a_bom_and_hangul(hostile_build: Build) -> None:
    raw, table = rows(hostile_build.site)
    assert raw.startswith(b"\xef\xbb\xbfid,date,")
    assert list(table[0]) == [name for name, _ in CSV_COLUMNS]
    korean_only = next(r for r in table if r["id"] == KOREAN_ONLY_ID)
    assert korean_only["title_ko"] == "한국어만 있는 브리프"
    assert korean_only["title_en"] == ""
    assert korean_only["state_en"] == "missing"
    assert korean_only["topics_ko"] == "창업·벤처; 인력·일자리"
    assert korean_only["region_codes"] == "KR-26"
    assert [r["id"] for r in table] == [HOSTILE_ID, KOREAN_ONLY_ID, ENGLISH_ID]


def test_csv_cells_cannot_run_as_formulas(hostile_build: Build) -> None:
    _, table = rows(hostile_build.site)
    hostile = next(r for r in table if r["id"] == HOSTILE_ID)
    assert hostile["summary_ko"] == "'=" + HOSTILE
    assert hostile["title_en"] == HOSTILE


def test_csv_columns_are_documented(hostile_build: Build) -> None:
    readme = (hostile_build.site / "data" / "README.txt").read_text(encoding="utf-8")
    for name, _ in CSV_COLUMNS:
        assert f"  {name}: " in readme


def test_open_data_is_written_once_at_the_root(hostile_build: Build) -> None:
    assert not (hostile_build.site / "en" / "data").exists()
