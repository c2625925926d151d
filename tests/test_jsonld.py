"""Structured data: the schema.org JSON-LD of brief pages and home pages, checked against schema.org's shapes.

The shape checks are written here (no network): the types, the properties a
search engine needs for a Report and a WebSite with a SearchAction, and that a
writer's text cannot leave the ``<script>`` element.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import Build, vocabularies, write_brief
from support.updates_site import CORRECTED_ID, HOSTILE, HOSTILE_ID, KOREAN_ONLY_ID, SITE_URL, updates_build

from briefkit.catalog import load_catalog
from briefkit.csp import inline_scripts
from briefkit.jsonld import brief_data, script_json
from briefkit.licenses import LICENSES
from briefkit.publishing import Ministry

__all__ = ["updates_build"]
LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
MINISTRY = {"ko": "중소벤처기업부", "en": "Ministry of SMEs and Startups"}


def structured(page: str) -> list[dict[str, Any]]:
    return [json.loads(text) for text in LD.findall(page)]


def is_url(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(r"https?://[^\s<>\"]+", value) is not None


def is_date(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_organization(value: Any, lang: str) -> None:
    assert value["@type"] == "GovernmentOrganization"
    assert value["name"] == MINISTRY[lang] and is_url(value["url"])


def check_report(data: dict[str, Any]) -> None:
    """schema.org Report (a CreativeWork/Article): what search engines read from it, with the right types."""
    assert data["@context"] == "https://schema.org" and data["@type"] == "Report"
    for key in ("headline", "name", "description"):
        assert isinstance(data[key], str) and data[key], key
    assert is_url(data["url"]) and data["@id"].startswith(data["url"])
    assert data["inLanguage"] in ("ko", "en")
    assert is_date(data["datePublished"]) and is_date(data["dateModified"])
    assert data["dateModified"] >= data["datePublished"]
    check_organization(data["author"], data["inLanguage"])
    check_organization(data["publisher"], data["inLanguage"])
    assert data["license"] in {lic.terms_url for lic in LICENSES.values()}
    assert data["about"] and all(t["@type"] == "Thing" and t["name"] and is_url(t["url"]) for t in data["about"])
    assert data["spatialCoverage"] and all(p["@type"] == "Place" and p["name"] for p in data["spatialCoverage"])
    versions = data.get("workTranslation", []) + ([data["translationOfWork"]] if "translationOfWork" in data else [])
    for version in versions:
        assert version["@type"] == "Report" and is_url(version["url"]) and version["inLanguage"] in ("ko", "en")
        assert version["inLanguage"] != data["inLanguage"]


@pytest.mark.build
def test_every_brief_page_has_one_report(updates_build: Build) -> None:
    for brief_id in (CORRECTED_ID, HOSTILE_ID, KOREAN_ONLY_ID):
        for prefix in ("", "en/"):
            [data] = structured(updates_build.page(f"{prefix}briefs/{brief_id}/"))
            check_report(data)


@pytest.mark.build
def test_the_report_describes_the_brief(updates_build: Build) -> None:
    [ko] = structured(updates_build.page(f"briefs/{CORRECTED_ID}/"))
    assert (ko["headline"], ko["inLanguage"]) == ("수정된 라운드테이블", "ko")
    assert ko["url"] == f"{SITE_URL}briefs/{CORRECTED_ID}/"
    assert (ko["datePublished"], ko["dateModified"]) == ("2025-05-01", "2025-05-20")  # the latest update
    assert ko["license"] == LICENSES["kogl-1"].terms_url
    assert [t["name"] for t in ko["about"]] == ["창업·벤처"]
    assert ko["about"][0]["url"] == f"{SITE_URL}topics/startups/"
    assert [(p["name"], p.get("identifier")) for p in ko["spatialCoverage"]] == [("서울특별시", "KR-11"),
                                                                                 ("부산광역시", "KR-26")]
    assert [v["url"] for v in ko["workTranslation"]] == [f"{SITE_URL}en/briefs/{CORRECTED_ID}/"]
    assert "image" not in ko  # no picture yet (covers come with bundles)
    [en] = structured(updates_build.page(f"en/briefs/{CORRECTED_ID}/"))
    assert (en["headline"], en["inLanguage"], en["description"]) == (
        "A corrected roundtable", "en", "A brief corrected twice after publication.")
    assert en["translationOfWork"]["url"] == f"{SITE_URL}briefs/{CORRECTED_ID}/"
    assert en["author"]["name"] == "Ministry of SMEs and Startups"
    assert [t["name"] for t in en["about"]] == ["Startups and Ventures"]


@pytest.mark.build
def test_a_page_showing_the_source_describes_the_source(updates_build: Build) -> None:
    [data] = structured(updates_build.page(f"en/briefs/{KOREAN_ONLY_ID}/"))
    assert (data["inLanguage"], data["url"]) == ("ko", f"{SITE_URL}briefs/{KOREAN_ONLY_ID}/")
    assert "workTranslation" not in data and "translationOfWork" not in data
    assert data["license"] == LICENSES["kogl-4"].terms_url


@pytest.mark.build
def test_a_title_cannot_leave_the_script_element(updates_build: Build) -> None:
    page = updates_build.page(f"briefs/{HOSTILE_ID}/")
    [text] = LD.findall(page)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["headline"] == HOSTILE
    # The data block is not a script a browser runs: the CSP has no hash for it and needs none.
    assert text not in inline_scripts(page)
    assert "<script>alert(1)" not in page


@pytest.mark.build
def test_the_home_pages_describe_the_site_and_its_search(updates_build: Build) -> None:
    for path, lang, search in (("", "ko", "search/"), ("en/", "en", "en/search/")):
        [data] = structured(updates_build.page(path))
        assert data["@context"] == "https://schema.org" and data["@type"] == "WebSite"
        assert data["url"] == SITE_URL + path and data["inLanguage"] == lang and data["name"]
        check_organization(data["publisher"], lang)
        action = data["potentialAction"]
        assert action["@type"] == "SearchAction"
        assert action["target"]["@type"] == "EntryPoint"
        assert action["target"]["urlTemplate"] == f"{SITE_URL}{search}?q={{search_term_string}}"
        assert action["query-input"] == "required name=search_term_string"


@pytest.mark.build
def test_other_pages_carry_no_structured_data(updates_build: Build) -> None:
    for path in ("topics/", "en/archive/", "regions/busan/"):
        assert structured(updates_build.page(path)) == []


def test_script_json_escapes_what_could_end_the_element() -> None:
    text = script_json({"t": "</script><!-- & \u2028"})
    assert text == '{"t":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028"}'
    assert json.loads(text) == {"t": "</script><!-- & \u2028"}


def test_a_picture_goes_into_the_report_when_the_brief_has_one(tmp_path: Path) -> None:
    # The seam for covers (bundles): the caller passes the picture's absolute address.
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-05-01-a", "ko", """
        title: 제목
        date: 2025-05-01
        summary: 요약.
        topics: [startups]
        regions: [nationwide]
    """)
    [brief] = load_catalog(briefs).briefs
    data = brief_data(brief, "ko", SITE_URL, Ministry(), image=f"{SITE_URL}briefs/2025-05-01-a/cover.jpg")
    assert data["image"] == f"{SITE_URL}briefs/2025-05-01-a/cover.jpg"
    assert data["spatialCoverage"] == [{"@type": "Place", "name": "전국", "identifier": "KR"}]
    check_report(data)
