"""The content check: the one test that reads ``briefs/``.

It builds whatever ``briefs/`` holds (the samples, a ministry's real archive,
vocabularies alone) and asserts only what must hold for any content, through
``briefs verify-site`` and directly: every published brief has its two pages,
no draft leaks, internal links and anchors resolve, feeds, sitemap and open
data parse and list exactly the published briefs, every page has its
``lang``. It names no brief and counts nothing it did not read from the
catalog. Every other test builds fixture folders of its own.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from support.project import ROOT, Build, build, copy_project

from briefkit.catalog import Catalog, load_catalog
from briefkit.feeds import FEED_MAX, written_in
from briefkit.model import LANGUAGES
from briefkit.site import brief_path

pytestmark = pytest.mark.build

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BRIEF_ID = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9-]*[a-z0-9]")  # a whole id: not one that merely starts alike


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    catalog = load_catalog(ROOT / "briefs")
    assert not catalog.problems, "\n".join(map(str, catalog.problems))
    return catalog


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(copy_project(tmp_path_factory.mktemp("content") / "project", ROOT / "briefs"))
    assert result.returncode == 0, result.stderr
    return result


def _brief_ids(urls: list[str], lang: str) -> list[str]:
    prefix = "en/briefs/" if lang == "en" else "briefs/"
    found = []
    for url in urls:
        path = url.split("://", 1)[-1].split("/", 1)[-1]
        if path.startswith(prefix) and path.count("/") == prefix.count("/") + 1:
            found.append(path[len(prefix):].rstrip("/"))
    return found


def test_verify_site_finds_no_problem(content: Build) -> None:
    result = subprocess.run([sys.executable, "-m", "briefkit.cli", "verify-site", "site", "--briefs", "briefs"],
                            cwd=content.project, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def test_every_published_brief_has_its_two_pages(content: Build, catalog: Catalog) -> None:
    for brief in catalog.published():
        for lang in LANGUAGES:
            page = content.site / brief_path(brief.id, lang) / "index.html"
            assert page.is_file(), f"{brief.source.path}: no {lang} page"
            assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8")


def test_no_draft_appears_anywhere(content: Build, catalog: Catalog) -> None:
    drafts = {b.id for b in catalog.briefs if b.draft}
    if not drafts:
        return
    for path in content.site.rglob("*"):
        rel = path.relative_to(content.site).as_posix()
        assert not set(rel.split("/")) & drafts, rel
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert not set(BRIEF_ID.findall(text)) & drafts, rel


def test_feeds_list_the_newest_briefs_written_in_their_language(content: Build, catalog: Catalog) -> None:
    for lang, rel in (("ko", "feed.xml"), ("en", "en/feed.xml")):
        root = ET.parse(content.site / rel).getroot()
        links = [e.find(ATOM + "link").get("href", "") for e in root.iter(ATOM + "entry")]  # type: ignore[union-attr]
        expected = [b.id for b in written_in(catalog.published(), lang)][:FEED_MAX]
        assert sorted(_brief_ids(links, lang)) == sorted(expected)


def test_sitemap_lists_every_brief_page_written_in_its_language(content: Build, catalog: Catalog) -> None:
    root = ET.parse(content.site / "sitemap.xml").getroot()
    locs = [loc.text or "" for loc in root.iter(SITEMAP + "loc")]
    for lang in LANGUAGES:
        assert sorted(_brief_ids(locs, lang)) == sorted(b.id for b in written_in(catalog.published(), lang))


def test_open_data_lists_exactly_the_published_briefs(content: Build, catalog: Catalog) -> None:
    document = json.loads((content.site / "data" / "briefs.json").read_text(encoding="utf-8"))
    published = sorted(b.id for b in catalog.published())
    assert sorted(r["id"] for r in document["briefs"]) == published
    assert document["count"] == len(published)


def test_every_page_has_the_lang_of_its_folder(content: Build) -> None:
    for page in content.site.rglob("*.html"):
        rel = page.relative_to(content.site).as_posix()
        lang = "en" if rel.startswith("en/") else "ko"
        assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8")[:4096], rel

