"""The sitemap and robots.txt, as a search engine reads them."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import Build
from publish_site import ENGLISH_ID, HIDDEN_PAGE, KOREAN_ONLY_ID, SITE_URL, hostile_build

from briefkit.sitemap import SitePage, render_sitemap

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
    for loc in (f"briefs/{KOREAN_ONLY_ID}/", f"en/briefs/{KOREAN_ONLY_ID}/", "topics/startups/", "en/regions/busan/",
                "", "en/", "archive/", "en/archive/"):
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
        assert set(links) == {"ko", "en", "x-default"}, loc


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


def test_urls_in_the_sitemap_are_escaped() -> None:
    page = SitePage("ko", 'a&b/"q"/', "2025-01-01", (("ko", 'a&b/"q"/'),))
    raw = render_sitemap([page], "https://x.test/<p>/").decode("utf-8")
    assert "<loc>https://x.test/&lt;p&gt;/a&amp;b/\"q\"/</loc>" in raw
    assert ET.fromstring(raw.encode("utf-8")).tag == S + "urlset"  # well-formed


def _page(site: Path, url: str) -> str:
    rel = url[len(SITE_URL):]
    return (site / rel / "index.html").read_text(encoding="utf-8")

