"""Licence (KOGL, 공공누리): the site default, a brief's own, and where readers and machines find it."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, Build, vocabularies, write_brief
from support.project import copy_built
from support.updates_site import (
    CORRECTED_ID,
    HOSTILE,
    HOSTILE_ID,
    KOREAN_ONLY_ID,
    SITE_URL,
    SOURCE,
    updates_build,
)

from briefkit.catalog import load_catalog
from briefkit.licenses import LICENSES
from briefkit.verify_site import verify_site

__all__ = ["updates_build"]
A = "{http://www.w3.org/2005/Atom}"
OFFICIAL = {
    "kogl-1": ("공공누리 제1유형: 출처표시", "KOGL Type 1: Source Indication"),
    "kogl-2": ("공공누리 제2유형: 출처표시+상업적 이용금지",
               "KOGL Type 2: Source Indication + Commercial Use Prohibition"),
    "kogl-3": ("공공누리 제3유형: 출처표시+변경금지", "KOGL Type 3: Source Indication + Change Prohibition"),
    "kogl-4": ("공공누리 제4유형: 출처표시+상업적 이용금지+변경금지",
               "KOGL Type 4: Source Indication + Commercial Use Prohibition + Change Prohibition"),
}


def test_the_four_types_have_their_official_names_and_terms() -> None:
    assert list(LICENSES) == ["kogl-1", "kogl-2", "kogl-3", "kogl-4"]
    for code, (ko, en) in OFFICIAL.items():
        assert (LICENSES[code].name("ko"), LICENSES[code].name("en")) == (ko, en)
        assert LICENSES[code].terms_url == f"https://www.kogl.or.kr/info/licenseType{code[-1]}.do"
    assert [(lic.commercial, lic.changes) for lic in LICENSES.values()] == [
        (True, True), (False, True), (True, False), (False, False)]


# --- validation -------------------------------------------------------------------------------------------


def problems(briefs: Path) -> list[str]:
    return [str(p) for p in load_catalog(briefs).problems]


def with_config(tmp_path: Path, extra: str) -> Path:
    """A briefs folder beside a mkdocs.yml holding ``extra`` under ``extra: briefs:``."""
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nextra:\n  briefs:\n" + extra, encoding="utf-8")
    return vocabularies(tmp_path / "briefs")


def test_an_unknown_licence_names_the_allowed_ones_and_the_likely_one(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-05-01-a", "ko", SOURCE + "    license: KOGL3\n")
    write_brief(briefs, "2025-05-02-b", "ko", SOURCE.replace("05-01", "05-02") + "    license: cc-by\n")
    assert problems(briefs) == [
        "briefs/2025/2025-05-01-a.ko.md:7: license: unknown licence 'KOGL3' (did you mean 'kogl-3'?;"
        " use one of kogl-1, kogl-2, kogl-3, kogl-4: the KOGL (공공누리) types 1-4)",
        "briefs/2025/2025-05-02-b.ko.md:7: license: unknown licence 'cc-by'"
        " (use one of kogl-1, kogl-2, kogl-3, kogl-4: the KOGL (공공누리) types 1-4)",
    ]


def test_a_licence_in_a_translation_names_the_source_to_edit(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-05-01-a", "ko", SOURCE)
    write_brief(briefs, "2025-05-01-a", "en", "title: T\nsummary: S.\nlicense: kogl-2\n")
    assert problems(briefs) == [
        "briefs/2025/2025-05-01-a.en.md:4: license: is set only in the source file"
        " (edit briefs/2025/2025-05-01-a.ko.md instead and remove it here)",
    ]


def test_the_site_default_comes_from_mkdocs_yml_and_a_brief_may_set_its_own(tmp_path: Path) -> None:
    briefs = with_config(tmp_path, "    license: kogl-2\n")
    write_brief(briefs, "2025-05-01-a", "ko", SOURCE)
    write_brief(briefs, "2025-05-02-b", "ko", SOURCE.replace("05-01", "05-02") + "    license: kogl-4\n")
    catalog = load_catalog(briefs)
    assert catalog.problems == []
    assert {b.id: b.license for b in catalog.briefs} == {"2025-05-01-a": "kogl-2", "2025-05-02-b": "kogl-4"}


def test_without_a_setting_the_default_is_type_1(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-05-01-a", "ko", SOURCE)
    assert [b.license for b in load_catalog(briefs).briefs] == ["kogl-1"]


def test_a_wrong_site_default_is_a_problem_at_its_line(tmp_path: Path) -> None:
    briefs = with_config(tmp_path, "    license: kogl-5\n")
    write_brief(briefs, "2025-05-01-a", "ko", SOURCE)
    assert problems(briefs) == [
        "mkdocs.yml:4: extra.briefs.license: unknown licence 'kogl-5'"
        " (use one of kogl-1, kogl-2, kogl-3, kogl-4: the KOGL (공공누리) types 1-4)",
    ]


def test_the_ministry_named_for_re_users_is_the_masthead_publisher(tmp_path: Path) -> None:
    briefs = with_config(tmp_path, "    publisher:\n      ko:\n        name: 시험부\n        url: https://example.go.kr/\n"
                                   "      en:\n        name: Ministry of Tests\n")
    write_brief(briefs, "2025-05-01-a", "ko", SOURCE)
    ministry = load_catalog(briefs).publishing.ministry
    assert (ministry.name("ko"), ministry.name("en"), ministry.url) == ("시험부", "Ministry of Tests", "https://example.go.kr/")


def test_the_shipped_config_sets_the_default_in_one_documented_place() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^    license: kogl-[1-4]$", config, re.MULTILINE)


# --- the built site -----------------------------------------------------------------------------------------

def licence_block(page: str) -> str:
    match = re.search(r'<section class="brief-license".*?</section>', page, re.DOTALL)
    assert match, "no licence block"
    return match.group()


@pytest.mark.build
def test_each_brief_page_names_its_licence_in_its_language(updates_build: Build) -> None:
    for brief_id, code in ((CORRECTED_ID, "kogl-1"), (HOSTILE_ID, "kogl-3"), (KOREAN_ONLY_ID, "kogl-4")):
        for lang, prefix in (("ko", ""), ("en", "en/")):
            block = licence_block(updates_build.page(f"{prefix}briefs/{brief_id}/"))
            name = OFFICIAL[code][0 if lang == "ko" else 1]
            assert f'<span class="brief-license__badge">{name}</span>' in block
            terms = LICENSES[code].terms_url
            assert f'<a rel="license" href="{terms}" hreflang="ko">' in block
            assert "<img" not in block and "<svg" not in block  # a text badge, not an imitation of the mark


@pytest.mark.build
def test_the_conditions_say_what_a_type_allows(updates_build: Build) -> None:
    ko = licence_block(updates_build.page(f"briefs/{KOREAN_ONLY_ID}/"))
    assert "<li>상업적 이용 금지</li>" in ko and "<li>변경 금지</li>" in ko
    en = licence_block(updates_build.page(f"en/briefs/{HOSTILE_ID}/"))
    assert "<li>commercial use allowed</li>" in en and "<li>no changes</li>" in en
    assert 'href="https://www.kogl.or.kr/info/licenseTypeEn.do"' in en


@pytest.mark.build
def test_the_attribution_sentence_is_filled_in_and_escaped(updates_build: Build) -> None:
    ko = licence_block(updates_build.page(f"briefs/{CORRECTED_ID}/"))
    assert (f"본 저작물은 '중소벤처기업부'에서 '2025년' 작성하여 공공누리 제1유형으로 개방한 '수정된 라운드테이블'을"
            f" 이용하였으며, 해당 저작물은 '중소벤처기업부, {SITE_URL}briefs/{CORRECTED_ID}/'에서 무료로 내려받으실 수"
            " 있습니다.") in ko
    en = licence_block(updates_build.page(f"en/briefs/{HOSTILE_ID}/"))
    assert f"This work uses “{HOSTILE}”, created in 2025 by Ministry of SMEs and Startups" in html.unescape(en)
    assert HOSTILE not in en and "<script>" not in en
    assert f"{SITE_URL}en/briefs/{HOSTILE_ID}/." in en
    # An English page showing the Korean text marks the Korean title in the English sentence.
    fallback = licence_block(updates_build.page(f"en/briefs/{KOREAN_ONLY_ID}/"))
    assert "This work uses “<span lang=\"ko\">한국어만 있는 제4유형 브리프</span>”" in fallback


@pytest.mark.build
def test_the_head_names_the_licence(updates_build: Build) -> None:
    page = updates_build.page(f"en/briefs/{HOSTILE_ID}/")
    head = page[: page.index("</head>")]
    terms = LICENSES["kogl-3"].terms_url
    assert f'<link rel="license" href="{terms}">' in head
    assert f'<meta name="dcterms.license" content="{terms}">' in head
    assert '<meta name="dcterms.rights" content="KOGL Type 3: Source Indication + Change Prohibition">' in head


@pytest.mark.build
def test_open_data_carries_the_licence_and_keeps_to_its_schema(updates_build: Build) -> None:
    data = updates_build.site / "data"
    document = json.loads((data / "briefs.json").read_text(encoding="utf-8"))
    schema = json.loads((data / "briefs.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(document)] == []
    licences = {b["id"]: b["license"] for b in document["briefs"]}
    ko, en = OFFICIAL["kogl-3"]
    assert licences[HOSTILE_ID] == {"code": "kogl-3", "name": {"ko": ko, "en": en}, "url": LICENSES["kogl-3"].terms_url}
    assert licences[CORRECTED_ID]["code"] == "kogl-1"
    rows = list(csv.DictReader(io.StringIO((data / "briefs.csv").read_text(encoding="utf-8-sig"))))
    assert {r["id"]: (r["license"], r["license_url"]) for r in rows} == {
        CORRECTED_ID: ("kogl-1", LICENSES["kogl-1"].terms_url),
        HOSTILE_ID: ("kogl-3", LICENSES["kogl-3"].terms_url),
        KOREAN_ONLY_ID: ("kogl-4", LICENSES["kogl-4"].terms_url),
    }
    assert "license: licence: kogl-1 to kogl-4" in (data / "README.txt").read_text(encoding="utf-8")


@pytest.mark.build
def test_feed_entries_carry_rights_and_a_licence_link(updates_build: Build) -> None:
    for path, lang in (("feed.xml", "ko"), ("en/feed.xml", "en")):
        root = ET.parse(updates_build.site / path).getroot()
        for entry in root.findall(A + "entry"):
            brief_id = entry.findtext(A + "id", "").rstrip("/").rsplit("/", 1)[-1]
            code = {CORRECTED_ID: "kogl-1", HOSTILE_ID: "kogl-3", KOREAN_ONLY_ID: "kogl-4"}[brief_id]
            assert entry.findtext(A + "rights") == OFFICIAL[code][0 if lang == "ko" else 1]
            links = [link.get("href") for link in entry.findall(A + "link") if link.get("rel") == "license"]
            assert links == [LICENSES[code].terms_url]


@pytest.mark.build
def test_verify_site_finds_a_brief_page_without_its_licence(updates_build: Build, tmp_path: Path) -> None:
    catalog = load_catalog(updates_build.project / "briefs")
    site = tmp_path / "site"
    copy_built(updates_build.site, site)
    assert [str(p) for p in verify_site(site, catalog, "site")] == []
    page = site / "en" / "briefs" / HOSTILE_ID / "index.html"
    terms = LICENSES["kogl-3"].terms_url
    page.write_text(page.read_text(encoding="utf-8").replace(terms, "https://example.org/"), encoding="utf-8")
    assert [str(p) for p in verify_site(site, catalog, "site")] == [
        f"site/en/briefs/{HOSTILE_ID}/index.html:1: license: does not link to the terms of its licence, kogl-3"
        f" ({terms}), which briefs/2025/{HOSTILE_ID}.ko.md is published under (build the site again)",
    ]
