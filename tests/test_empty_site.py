"""The site with no content, and with almost none: the first day of a real archive.

Two fixture folders made here: the vocabularies alone, and the vocabularies
with one Korean-only brief. Each is built once (module-scoped) and read as a
reader, a feed reader and a data user would: pages in both languages with a
kind sentence where a list is empty, feeds with no entries that are still
valid Atom, a map with zero counts, open data that validates against its
schema, a search page that answers "no results".
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from browser import chromium, serve
from support.project import Build, build, copy_project, vocabularies, write_brief

from briefkit.search.query import IndexFolder

__all__ = ["chromium"]  # a fixture from tests/browser.py
pytestmark = pytest.mark.build

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
EMPTY = {"ko": "아직 발표된 브리프가 없습니다.", "en": "No brief has been published yet."}
EMPTY_TERM = {
    "ko": "이 항목에는 아직 발표된 브리프가 없습니다.",
    "en": "No brief has been published under this heading yet.",
}
ROOTS = {"ko": "", "en": "en/"}
KOREAN_ONLY = "2025-03-04-first-real-roundtable"


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> Build:
    folder = tmp_path_factory.mktemp("empty")
    result = build(copy_project(folder / "project", vocabularies(folder / "briefs")))
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def one_korean(tmp_path_factory: pytest.TempPathFactory) -> Build:
    folder = tmp_path_factory.mktemp("one")
    briefs = vocabularies(folder / "briefs")
    topic, region = _first_slug(briefs / "topics.yml"), _first_slug(briefs / "regions.yml")
    write_brief(briefs, KOREAN_ONLY, "ko", f"""
        title: 첫 번째 실제 라운드테이블
        date: 2025-03-04
        summary: 처음으로 게시하는 실제 브리프의 요약입니다.
        topics: [{topic}]
        regions: [{region}]
    """, "## 논의 내용\n\n참석자들은 현장의 어려움을 이야기했다.\n")
    result = build(copy_project(folder / "project", briefs))
    assert result.returncode == 0, result.stderr
    return result


def _first_slug(vocabulary: Path) -> str:
    entries = yaml.safe_load(vocabulary.read_text(encoding="utf-8"))
    return str(entries[0]["slug"])


def _slugs(build: Build, name: str) -> list[str]:
    entries = yaml.safe_load((build.project / "briefs" / name).read_text(encoding="utf-8"))
    return [str(e["slug"]) for e in entries]


def _article(html: str) -> str:
    match = re.search(r"<article\b.*?</article>", html, re.DOTALL)
    assert match, "the page has no <article>"
    return match.group(0)


def _feed(build: Build, rel: str) -> ET.Element:
    root = ET.parse(build.site / rel).getroot()
    assert root.tag == ATOM + "feed"
    return root


def _verify(build: Build) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefkit.cli", "verify-site", "site", "--briefs", "briefs"],
        cwd=build.project, capture_output=True, text=True, timeout=120,
    )


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_list_page_is_built_and_says_kindly_that_nothing_is_published(empty: Build, lang: str) -> None:
    root = ROOTS[lang]
    for page in ("", "archive/"):
        article = _article(empty.page(root + page))
        assert EMPTY[lang] in article
        assert "briefs/" not in article  # no link to any brief
    for kind, vocabulary in (("topics", "topics.yml"), ("regions", "regions.yml")):
        index = _article(empty.page(f"{root}{kind}/"))
        for slug in _slugs(empty, vocabulary):
            assert f'href="{slug}/"' in index
            assert EMPTY_TERM[lang] in _article(empty.page(f"{root}{kind}/{slug}/"))
    search = empty.page(root + "search/")
    assert f'<html lang="{lang}"' in search and 'id="briefs-search"' in search
    assert f'<html lang="{lang}"' in empty.page(root)


def test_the_empty_sentences_are_in_the_page_language(empty: Build) -> None:
    assert EMPTY["en"] not in empty.page("") and EMPTY["ko"] not in empty.page("en/")


def test_the_map_shows_every_region_with_zero_briefs(empty: Build) -> None:
    for root in ROOTS.values():
        page = empty.page(root + "regions/")
        table = re.search(r"<table>.*?</table>", page, re.DOTALL)
        assert table
        rows = re.findall(r"<tr>\s*<th scope=\"row\"><a href=\"([^\"]+)/\">.*?</th>.*?<td>(\d+)</td>\s*</tr>",
                          table.group(0), re.DOTALL)
        counts = {slug: count for slug, count in rows}
        assert sorted(counts) == sorted(s for s in _slugs(empty, "regions.yml") if f'href="{s}/"' in table.group(0))
        assert counts and set(counts.values()) == {"0"}
        assert "<svg" in page and 'class="region-map"' in page


def test_feeds_are_valid_atom_with_no_entries(empty: Build) -> None:
    feeds = sorted(empty.site.rglob("feed.xml"))
    assert len(feeds) == 2 * (1 + len(_slugs(empty, "topics.yml")) + len(_slugs(empty, "regions.yml")))
    for path in feeds:
        root = _feed(empty, path.relative_to(empty.site).as_posix())
        assert root.find(ATOM + "entry") is None
        for required in ("id", "title", "updated"):  # RFC 4287 4.1.1: required even with no entries
            element = root.find(ATOM + required)
            assert element is not None and (element.text or "").strip(), (path, required)
        assert root.find(f"{ATOM}author/{ATOM}name") is not None
        assert root.find(f"{ATOM}link[@rel='self']") is not None
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") in ("ko", "en")


def test_open_data_is_an_empty_list_that_follows_its_schema(empty: Build) -> None:
    document = json.loads((empty.site / "data" / "briefs.json").read_text(encoding="utf-8"))
    schema = json.loads((empty.site / "data" / "briefs.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    assert document["count"] == 0 and document["briefs"] == []
    rows = list(csv.reader(io.StringIO((empty.site / "data" / "briefs.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 1 and rows[0][0] == "id"


def test_sitemap_parses_and_lists_no_brief(empty: Build) -> None:
    root = ET.parse(empty.site / "sitemap.xml").getroot()
    locs = [loc.text or "" for loc in root.iter(SITEMAP + "loc")]
    assert locs and not any("/briefs/" in loc for loc in locs)
    assert root.find(f"{SITEMAP}url/{SITEMAP}lastmod") is None  # no date before the first brief


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_search_index_is_empty_and_answers_no_results(empty: Build, lang: str) -> None:
    index = IndexFolder(empty.site / "search" / "index" / lang)
    assert index.meta["count"] == 0
    assert index.search("스마트공장") == [] and index.search("factory") == []


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_search_page_says_no_results_in_the_browser(chromium: Any, empty: Build, lang: str) -> None:
    none = {"ko": "검색 결과가 없습니다.", "en": "No brief matches this search."}[lang]
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        with serve(empty.site) as url:
            page.goto(f"{url}{ROOTS[lang]}search/?q=%EC%8A%A4%EB%A7%88%ED%8A%B8%EA%B3%B5%EC%9E%A5")
            page.wait_for_selector("#briefs-search[data-state=done]")
            assert page.locator("[data-result]").count() == 0
            assert none in page.inner_text("[data-status]")
    finally:
        context.close()
    assert not errors


def test_verify_site_passes_on_the_empty_site(empty: Build) -> None:
    result = _verify(empty)
    assert result.returncode == 0, result.stderr
    assert "0 published briefs" in result.stdout


def test_a_korean_only_brief_has_both_pages_and_only_the_korean_feed(one_korean: Build) -> None:
    korean = one_korean.page(f"briefs/{KOREAN_ONLY}/")
    english = one_korean.page(f"en/briefs/{KOREAN_ONLY}/")
    assert "첫 번째 실제 라운드테이블" in korean and '<html lang="ko"' in korean
    assert '<html lang="en"' in english and re.search(r'lang="ko"[^>]*>', _article(english))
    assert f'href="briefs/{KOREAN_ONLY}/"' in one_korean.page("en/")  # English lists include it
    assert EMPTY["en"] not in one_korean.page("en/")
    ko_entries = list(_feed(one_korean, "feed.xml").iter(ATOM + "entry"))
    assert len(ko_entries) == 1
    assert list(_feed(one_korean, "en/feed.xml").iter(ATOM + "entry")) == []
    document = json.loads((one_korean.site / "data" / "briefs.json").read_text(encoding="utf-8"))
    assert [b["id"] for b in document["briefs"]] == [KOREAN_ONLY]
    assert document["briefs"][0]["titles"] == {"ko": "첫 번째 실제 라운드테이블", "en": None}


def test_verify_site_passes_with_one_korean_only_brief(one_korean: Build) -> None:
    result = _verify(one_korean)
    assert result.returncode == 0, result.stderr
    assert "1 published brief," in result.stdout
