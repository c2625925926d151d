"""The sitemap and robots.txt, as a search engine reads them."""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from publish_site import ENGLISH_ID, HIDDEN_PAGE, KOREAN_ONLY_ID, SITE_URL, hostile_build
from support.project import Build

from briefkit.catalog import load_catalog
from briefkit.sitemap import SitePage, hreflang_links, page_indexing, render_sitemap

__all__ = ["hostile_build"]
S = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
X = "{http://www.w3.org/1999/xhtml}"
pytestmark = pytest.mark.build


def sitemap(site: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """``loc -> (lastmod, {hreflang: href})`` of ``site/sitemap.xml``."""
    root = ET.parse(site / "sitemap.xml").getroot()
    assert root.tag == S + "urlset"
    found: dict[str, tuple[str, dict[str, str]]] = {}
    for url in root.findall(S + "url"):
        loc = url.findtext(S + "loc") or ""
        assert loc not in found, f"{loc} listed twice"
        links = {link.get("hreflang", ""): link.get("href", "") for link in url.findall(X + "link")}
        assert all(link.get("rel") == "alternate" for link in url.findall(X + "link"))
        found[loc] = (url.findtext(S + "lastmod") or "", links)
    return found


def public_pages(site: Path) -> set[str]:
    """Every HTML page of the built site as an absolute URL, except the 404 pages."""
    urls = set()
    for path in site.rglob("index.html"):
        rel = path.parent.relative_to(site).as_posix()
        urls.add(SITE_URL + ("" if rel == "." else rel + "/"))
    return urls


def test_every_public_page_is_listed_once_in_both_languages(hostile_build: Build) -> None:
    listed = sitemap(hostile_build.site)
    hidden = {SITE_URL + f"{HIDDEN_PAGE}/", SITE_URL + f"en/{HIDDEN_PAGE}/"}
    noindex = {url for url in public_pages(hostile_build.site)
               if 'name="robots" content="noindex' in _page(hostile_build.site, url)}
    assert hidden <= noindex
    assert set(listed) == public_pages(hostile_build.site) - noindex
    for loc in (f"briefs/{KOREAN_ONLY_ID}/", "topics/startups/", "en/regions/busan/", "", "en/", "archive/",
                "en/archive/"):
        assert SITE_URL + loc in listed


def test_each_page_names_its_language_versions_and_korean_as_default(hostile_build: Build) -> None:
    listed = sitemap(hostile_build.site)
    for loc in (f"briefs/{ENGLISH_ID}/", f"en/briefs/{ENGLISH_ID}/"):
        assert listed[SITE_URL + loc][1] == {
            "ko": SITE_URL + f"briefs/{ENGLISH_ID}/",
            "en": SITE_URL + f"en/briefs/{ENGLISH_ID}/",
            "x-default": SITE_URL + f"briefs/{ENGLISH_ID}/",
        }
    assert listed[SITE_URL + "en/"][1] == {"ko": SITE_URL, "en": SITE_URL + "en/", "x-default": SITE_URL}
    for loc, (_, links) in listed.items():
        assert loc in links.values(), f"{loc} does not name itself"
        korean_only = loc == SITE_URL + f"briefs/{KOREAN_ONLY_ID}/"
        assert set(links) == ({"ko", "x-default"} if korean_only else {"ko", "en", "x-default"}), loc


def test_a_korean_only_brief_is_listed_in_korean_only(hostile_build: Build) -> None:
    """Its English page shows the Korean text: readers reach it, search engines are not sent to it."""
    listed = sitemap(hostile_build.site)
    korean, fallback = SITE_URL + f"briefs/{KOREAN_ONLY_ID}/", SITE_URL + f"en/briefs/{KOREAN_ONLY_ID}/"
    assert fallback not in listed
    assert listed[korean][1] == {"ko": korean, "x-default": korean}
    assert fallback not in (hostile_build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'name="robots" content="noindex"' in _page(hostile_build.site, fallback)


def test_sample_fallback_pages_are_left_out_and_open_data_still_lists_them(sample_build: Build) -> None:
    catalog = load_catalog(sample_build.project / "briefs")
    korean_only = [b.id for b in catalog.published() if b.text("en") is None]
    assert len(korean_only) == 2
    listed = sitemap(sample_build.site)
    site_url = min(listed, key=len)  # the Korean home page
    data = json.loads((sample_build.site / "data" / "briefs.json").read_text(encoding="utf-8"))
    records = {r["id"]: r for r in data["briefs"]}
    for brief_id in korean_only:
        korean, fallback = site_url + f"briefs/{brief_id}/", site_url + f"en/briefs/{brief_id}/"
        assert fallback not in listed
        assert listed[korean][1] == {"ko": korean, "x-default": korean}
        # The open data is about the briefs, not about indexing: the English page is still there.
        assert records[brief_id]["urls"] == {"ko": korean, "en": fallback}
        assert records[brief_id]["translation_state"]["en"] == "missing"
        assert (sample_build.site / "en" / "briefs" / brief_id / "index.html").is_file()
    translated = [b.id for b in catalog.published() if b.text("en") is not None]
    assert len(translated) > 5
    for brief_id in translated:
        for loc in (f"briefs/{brief_id}/", f"en/briefs/{brief_id}/"):
            assert set(listed[site_url + loc][1]) == {"ko", "en", "x-default"}


def test_lastmod_is_the_brief_date_else_the_newest_brief(hostile_build: Build) -> None:
    listed = sitemap(hostile_build.site)
    assert listed[SITE_URL + f"briefs/{KOREAN_ONLY_ID}/"][0] == "2025-06-01"
    assert listed[SITE_URL + f"en/briefs/{ENGLISH_ID}/"][0] == "2025-05-01"
    assert listed[SITE_URL + "en/topics/workforce/"][0] == "2025-07-01"
    assert listed[SITE_URL][0] == "2025-07-01"


def test_gzipped_sitemap_and_robots_txt(hostile_build: Build) -> None:
    site = hostile_build.site
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    assert "User-agent: *" in robots
    assert not (site / "en" / "robots.txt").exists()
    assert not (site / "en" / "sitemap.xml").exists()


def test_page_indexing_of_fallback_pages() -> None:
    versions = (("en", "en/briefs/x/"), ("ko", "briefs/x/"))
    # Written in English only: the Korean page shows English text.
    fallback = page_indexing("ko", "briefs/x/", versions, "", ("en",), "en")
    assert (fallback.canonical, fallback.robots, fallback.noindex) == ("en/briefs/x/", "noindex", True)
    assert hreflang_links(fallback.versions, "https://x.test/") == [
        ("en", "https://x.test/en/briefs/x/"), ("x-default", "https://x.test/en/briefs/x/")]
    own = page_indexing("en", "en/briefs/x/", versions, "", ("en",), "en")
    assert (own.canonical, own.robots, own.versions) == ("en/briefs/x/", "", (("en", "en/briefs/x/"),))
    assert page_indexing("ko", "briefs/x/", versions, "nofollow", ("en",), "en").robots == "noindex, nofollow"
    both = page_indexing("en", "en/briefs/x/", versions, "", ("ko", "en"), "en")
    assert (both.versions, both.canonical, both.noindex) == (versions, "en/briefs/x/", False)
    other = page_indexing("ko", "", (("ko", ""), ("en", "en/")), "noindex")
    assert (other.canonical, other.noindex) == ("", True)


def test_urls_in_the_sitemap_are_escaped() -> None:
    page = SitePage("ko", 'a&b/"q"/', "2025-01-01", (("ko", 'a&b/"q"/'),))
    raw = render_sitemap([page], "https://x.test/<p>/").decode("utf-8")
    assert "<loc>https://x.test/&lt;p&gt;/a&amp;b/\"q\"/</loc>" in raw
    assert ET.fromstring(raw.encode("utf-8")).tag == S + "urlset"  # well-formed


def _page(site: Path, url: str) -> str:
    rel = url[len(SITE_URL):]
    return (site / rel / "index.html").read_text(encoding="utf-8")

