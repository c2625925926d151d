"""Atom feeds: what a feed reader gets from /feed.xml, /en/feed.xml and each topic and region."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from publish_site import ENGLISH_ID, HOSTILE, HOSTILE_ID, KOREAN_ONLY_ID, SITE_URL, hostile_build
from support.project import Build, vocabularies, write_brief

from briefkit.catalog import load_catalog
from briefkit.feeds import FEED_MAX, site_feeds
from briefkit.site import SiteView

__all__ = ["hostile_build"]
A = "{http://www.w3.org/2005/Atom}"
pytestmark = pytest.mark.build


def feed(site: Path, path: str) -> ET.Element:
    root = ET.parse(site / path).getroot()
    assert root.tag == A + "feed"
    return root


def entries(root: ET.Element) -> list[dict[str, object]]:
    return [
        {
            "id": e.findtext(A + "id"),
            "title": e.findtext(A + "title"),
            "summary": e.findtext(A + "summary"),
            "published": e.findtext(A + "published"),
            "updated": e.findtext(A + "updated"),
            "link": e.find(A + "link").get("href"),  # type: ignore[union-attr]
            "categories": [(c.get("term"), c.get("label"), c.get("scheme")) for c in e.findall(A + "category")],
        }
        for e in root.findall(A + "entry")
    ]


def site_file(site: Path, url: str) -> Path:
    """The file an absolute site URL is served from."""
    assert url.startswith(SITE_URL), url
    rel = url[len(SITE_URL):]
    return site / rel / "index.html" if rel.endswith("/") or not rel else site / rel


def test_korean_feed_lists_korean_briefs_newest_first(hostile_build: Build) -> None:
    root = feed(hostile_build.site, "feed.xml")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ko"
    assert root.findtext(A + "id") == SITE_URL + "feed.xml"
    got = entries(root)
    assert [e["id"] for e in got] == [SITE_URL + f"briefs/{i}/" for i in (HOSTILE_ID, KOREAN_ONLY_ID, ENGLISH_ID)]
    assert got[1]["title"] == "한국어만 있는 브리프"
    assert got[1]["summary"] == "영어 번역이 아직 없는 브리프입니다."
    assert got[1]["published"] == got[1]["updated"] == "2025-06-01T00:00:00+09:00"
    assert got[1]["categories"] == [
        ("startups", "창업·벤처", SITE_URL + "topics/"),
        ("workforce", "인력·일자리", SITE_URL + "topics/"),
        ("busan", "부산광역시", SITE_URL + "regions/"),
    ]
    assert root.findtext(A + "updated") == "2025-07-01T00:00:00+09:00"
    for entry in got:
        assert site_file(hostile_build.site, str(entry["link"])).is_file()


def test_english_feed_leaves_out_briefs_without_english(hostile_build: Build) -> None:
    got = entries(feed(hostile_build.site, "en/feed.xml"))
    assert [e["id"] for e in got] == [SITE_URL + f"en/briefs/{i}/" for i in (HOSTILE_ID, ENGLISH_ID)]
    bilingual = got[1]
    assert bilingual["title"] == "A bilingual brief"
    assert bilingual["summary"] == "A brief written in both languages."
    assert bilingual["categories"] == [
        ("workforce", "Workforce and Jobs", SITE_URL + "en/topics/"),
        ("nationwide", "Nationwide", SITE_URL + "en/regions/"),
    ]


def test_every_topic_and_region_has_a_feed_in_both_languages(hostile_build: Build) -> None:
    catalog = load_catalog(hostile_build.project / "briefs")
    for kind, vocab in (("topics", catalog.topics), ("regions", catalog.regions)):
        for term in vocab.terms:
            for root_path, lang in (("", "ko"), ("en/", "en")):
                path = f"{root_path}{kind}/{term.slug}/feed.xml"
                got = entries(feed(hostile_build.site, path))
                expected = [b.id for b in catalog.briefs
                            if term in (b.topics if kind == "topics" else b.regions) and b.text(lang)]
                assert [str(e["id"]).rstrip("/").rsplit("/", 1)[1] for e in got] == expected, path
    startups = entries(feed(hostile_build.site, "en/topics/startups/feed.xml"))
    assert [e["title"] for e in startups] == [HOSTILE]  # the Korean-only brief is left out


def test_feeds_are_linked_from_page_heads(hostile_build: Build) -> None:
    home = hostile_build.page("")
    assert re.search(r'<link rel="alternate" type="application/atom\+xml" href="feed.xml"', home)
    english_topic = hostile_build.page("en/topics/startups/")
    links = re.findall(r'<link rel="alternate" type="application/atom\+xml" href="([^"]+)" title="([^"]+)"',
                       english_topic)
    assert ("../../feed.xml", "MSS Policy Roundtable Briefs") in links
    assert ("feed.xml", "Startups and Ventures · MSS Policy Roundtable Briefs") in links
    assert (hostile_build.site / "en/topics/startups/feed.xml").is_file()


def test_writer_text_is_escaped_in_the_feed(hostile_build: Build) -> None:
    raw = (hostile_build.site / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw
    assert "&lt;script&gt;x&lt;/script&gt; &amp; \"q\"" in raw
    hostile = entries(feed(hostile_build.site, "feed.xml"))[0]
    assert hostile["title"] == HOSTILE
    assert hostile["summary"] == "=" + HOSTILE


def test_a_feed_holds_the_newest_fifty(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    start = dt.date(2024, 1, 1)
    for n in range(FEED_MAX + 5):
        day = start + dt.timedelta(days=n)
        write_brief(briefs, f"{day.isoformat()}-b{n}", "ko", f"""
            title: 브리프 {n}
            date: {day.isoformat()}
            summary: 요약 {n}
            topics: [export]
            regions: [seoul]
        """)
    catalog = load_catalog(briefs)
    assert not catalog.problems
    feeds = site_feeds(SiteView(catalog, include_drafts=False), "ko", "브리프", SITE_URL)
    root = ET.fromstring(feeds["feed.xml"])
    titles = [e.findtext(A + "title") for e in root.findall(A + "entry")]
    assert titles == [f"브리프 {n}" for n in range(FEED_MAX + 4, 4, -1)]
    assert len(ET.fromstring(feeds["topics/export/feed.xml"]).findall(A + "entry")) == FEED_MAX
    empty = ET.fromstring(feeds["topics/finance/feed.xml"])
    assert empty.findall(A + "entry") == []
    assert empty.findtext(A + "updated")  # valid Atom even with no entry


def test_a_brief_written_only_in_english_is_in_the_english_feed_only(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-03-03-english-source", "en", """
        title: Written in English
        date: 2025-03-03
        summary: No Korean text yet.
        topics: [export]
        regions: [seoul]
    """)
    catalog = load_catalog(briefs)
    assert not catalog.problems
    site = SiteView(catalog, include_drafts=False)
    korean = ET.fromstring(site_feeds(site, "ko", "브리프", SITE_URL)["feed.xml"])
    english = ET.fromstring(site_feeds(site, "en", "Briefs", SITE_URL)["en/feed.xml"])
    assert korean.findall(A + "entry") == []
    assert [e.findtext(A + "title") for e in english.findall(A + "entry")] == ["Written in English"]
    assert english.find(A + "entry/" + A + "link").get("href") == SITE_URL + "en/briefs/2025-03-03-english-source/"  # type: ignore[union-attr]
