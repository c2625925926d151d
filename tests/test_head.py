"""Head metadata (canonical, description, Open Graph, Twitter, hreflang), 404 pages and the CSP."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest
from publish_site import ENGLISH_ID, HOSTILE, HOSTILE_ID, KOREAN_ONLY_ID, SITE_URL, hostile_build
from support.project import Build

from briefkit.catalog import load_catalog
from briefkit.csp import ScriptAllowlist, inline_script_hashes, with_policy

__all__ = ["hostile_build"]
pytestmark = pytest.mark.build


class Head(HTMLParser):
    """The parsed <head>: meta tags by name/property, links, title, and script texts of the page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.title = ""
        self.scripts: list[str] = []
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = a.get("name") or a.get("property") or a.get("http-equiv") or ""
            self.meta.setdefault(key, []).append(a.get("content", ""))
        elif tag == "link":
            self.links.append(a)
        elif tag in ("title", "script"):
            self._in = tag
            if tag == "script":
                self.scripts.append("")

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self.scripts[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def hreflang(self) -> dict[str, str]:
        return {link["hreflang"]: link["href"] for link in self.links
                if link.get("rel") == "alternate" and "hreflang" in link}

    def canonical(self) -> str:
        return next(link["href"] for link in self.links if link.get("rel") == "canonical")


def test_a_brief_page_has_canonical_open_graph_twitter_and_hreflang(hostile_build: Build) -> None:
    head = Head(hostile_build.page(f"en/briefs/{ENGLISH_ID}/"))
    url = SITE_URL + f"en/briefs/{ENGLISH_ID}/"
    assert head.canonical() == url
    assert head.one("description") == "A brief written in both languages."
    assert head.one("og:title") == "A bilingual brief"
    assert head.one("og:description") == "A brief written in both languages."
    assert head.one("og:url") == url
    assert head.one("og:type") == "article"
    assert head.one("og:locale") == "en_US"
    assert head.one("og:locale:alternate") == "ko_KR"
    assert head.one("og:site_name") == "MSS Policy Roundtable Briefs"
    assert head.one("article:published_time") == "2025-05-01"
    # A brief without a picture is previewed with its generated card, in the page's language (issue 17).
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("og:image") == head.one("twitter:image") == SITE_URL + f"briefs/{ENGLISH_ID}/card-en.png"
    assert head.one("twitter:title") == "A bilingual brief"
    assert head.hreflang() == {
        "ko": SITE_URL + f"briefs/{ENGLISH_ID}/",
        "en": url,
        "x-default": SITE_URL + f"briefs/{ENGLISH_ID}/",
    }


def test_other_pages_are_websites_in_their_language(hostile_build: Build) -> None:
    home = Head(hostile_build.page(""))
    assert home.one("og:type") == "website"
    assert home.one("og:locale") == "ko_KR"
    assert home.one("og:title") == "중소벤처기업부 정책 라운드테이블 브리프"
    assert home.canonical() == SITE_URL
    assert home.hreflang() == {"ko": SITE_URL, "en": SITE_URL + "en/", "x-default": SITE_URL}
    region = Head(hostile_build.page("en/regions/busan/"))
    assert region.one("og:title") == "Busan"
    assert region.canonical() == SITE_URL + "en/regions/busan/"
    assert region.hreflang()["ko"] == SITE_URL + "regions/busan/"


def test_english_page_of_a_korean_only_brief_defers_to_the_korean_page(hostile_build: Build) -> None:
    korean = SITE_URL + f"briefs/{KOREAN_ONLY_ID}/"
    head = Head(hostile_build.page(f"en/briefs/{KOREAN_ONLY_ID}/"))
    assert head.one("og:title") == "한국어만 있는 브리프"
    assert head.one("robots") == "noindex"
    assert head.canonical() == korean
    assert head.one("og:url") == korean
    assert head.hreflang() == {"ko": korean, "x-default": korean}


SAMPLE_KOREAN_ONLY = ("2024-02-27-jeonbuk-startup-roundtable", "2026-06-25-chungnam-digital-transformation-roundtable")
# Translated samples: current (the seed), outdated, unverified: each page has text of its own.
SAMPLE_TRANSLATED = (
    "2025-05-13-regional-innovation-roundtable",
    "2024-04-25-daegu-gyeongbuk-ai-manufacturing-roundtable",
    "2023-03-16-busan-export-roundtable",
)


def test_the_samples_are_what_the_tests_below_expect(sample_build: Build) -> None:
    catalog = load_catalog(sample_build.project / "briefs")
    states = {b.id: b.state("en") for b in catalog.published()}
    assert sorted(i for i, state in states.items() if state == "missing") == sorted(SAMPLE_KOREAN_ONLY)
    assert [states[i] for i in SAMPLE_TRANSLATED] == ["current", "outdated", "unverified"]


@pytest.mark.parametrize("brief_id", SAMPLE_KOREAN_ONLY)
def test_english_fallback_page_is_not_announced_as_english(sample_build: Build, brief_id: str) -> None:
    korean_head = Head(sample_build.page(f"briefs/{brief_id}/"))
    korean = korean_head.canonical()
    assert korean.endswith(f"/briefs/{brief_id}/") and "/en/" not in korean
    html = sample_build.page(f"en/briefs/{brief_id}/")
    head = Head(html)
    assert head.one("robots") == "noindex"
    assert head.canonical() == korean
    assert head.one("og:url") == korean
    assert head.hreflang() == {"ko": korean, "x-default": korean}
    assert head.one("og:locale") == "ko_KR"  # the text shown is Korean
    assert "og:locale:alternate" not in head.meta
    # Still a page for readers: Korean text under the notice, listed in English, reached by the switch.
    assert '<html lang="en"' in html and "brief-notice--missing" in html and '<h1 lang="ko">' in html
    assert f'href="../briefs/{brief_id}/"' in sample_build.page("en/archive/")
    assert re.search(rf'href="[./]*en/briefs/{brief_id}/" hreflang="en"', sample_build.page(f"briefs/{brief_id}/"))


@pytest.mark.parametrize("brief_id", SAMPLE_KOREAN_ONLY)
def test_korean_page_of_a_korean_only_brief_names_no_english_version(sample_build: Build, brief_id: str) -> None:
    head = Head(sample_build.page(f"briefs/{brief_id}/"))
    korean = head.canonical()
    assert head.hreflang() == {"ko": korean, "x-default": korean}
    assert "robots" not in head.meta
    assert head.one("og:url") == korean
    assert head.one("og:locale") == "ko_KR"
    assert "og:locale:alternate" not in head.meta  # no en_US: there is no English text


@pytest.mark.parametrize("brief_id", SAMPLE_TRANSLATED)
def test_a_translated_brief_keeps_both_versions(sample_build: Build, brief_id: str) -> None:
    korean = Head(sample_build.page(f"briefs/{brief_id}/"))
    english = Head(sample_build.page(f"en/briefs/{brief_id}/"))
    ko_url, en_url = korean.canonical(), english.canonical()
    assert en_url.endswith(f"/en/briefs/{brief_id}/") and ko_url == en_url.replace("/en/briefs/", "/briefs/")
    for head, lang, other in ((korean, "ko_KR", "en_US"), (english, "en_US", "ko_KR")):
        assert head.hreflang() == {"ko": ko_url, "en": en_url, "x-default": ko_url}
        assert "robots" not in head.meta
        assert head.one("og:locale") == lang
        assert head.one("og:locale:alternate") == other


@pytest.mark.parametrize("path", [f"briefs/{HOSTILE_ID}/", f"en/briefs/{HOSTILE_ID}/"])
def test_hostile_text_lands_escaped_everywhere(hostile_build: Build, path: str) -> None:
    html = hostile_build.page(path)
    head = Head(html)
    assert head.title.startswith(HOSTILE + " - ")
    for key in ("og:title", "twitter:title"):
        assert head.one(key) == HOSTILE
    for key in ("description", "og:description", "twitter:description"):
        assert head.one(key) == "=" + HOSTILE
    assert "x" not in [s.strip() for s in head.scripts]  # the writer's script never became one
    assert "<script>x</script>" not in html
    escaped = "&lt;script&gt;x&lt;/script&gt; &amp; &#34;q&#34;"
    assert f"<h1>{escaped}</h1>" in html
    assert f'<meta property="og:title" content="{escaped}">' in html


def test_term_page_description_is_its_description(hostile_build: Build) -> None:
    head = Head(hostile_build.page("topics/startups/"))
    assert head.one("description").startswith("창업기업과 벤처기업의")


def test_hidden_page_says_noindex(hostile_build: Build) -> None:
    assert Head(hostile_build.page("en/hidden/")).one("robots") == "noindex"
    assert "robots" not in Head(hostile_build.page("en/")).meta


def test_every_page_allows_exactly_its_inline_scripts(hostile_build: Build) -> None:
    pages = [p for p in hostile_build.site.rglob("*.html")]
    assert len(pages) > 40
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = Head(html)
        policy = head.one("Content-Security-Policy")
        script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
        allowed = set(script_src.split()[1:])
        inline = {s for s in head.scripts if s and not s.lstrip().startswith("{")}  # JSON config is data
        hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in inline}
        assert allowed == {"'self'", *hashes}, path
        assert "default-src 'self'" in policy and "object-src 'none'" in policy
        assert html.index("Content-Security-Policy") < html.index("<script"), path


def test_policy_ignores_data_blocks_and_external_scripts() -> None:
    page = ('<html><head><meta charset="utf-8"><script>a()</script><script src="x.js"></script>'
            '<script type="application/json">{"a": 1}</script><script type="module">b()</script></head></html>')
    allowlist = ScriptAllowlist.from_sources(["<script>a()</script>", "<script>b()</script>"])
    assert len(inline_script_hashes(page, allowlist)) == 2
    out = with_policy(page, allowlist)
    assert re.search(r'<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="[^"<>]+">', out)


@pytest.mark.parametrize(("path", "lang", "heading", "other_home"), [
    ("404.html", "ko", "페이지를 찾을 수 없습니다", "/sub/en/"),
    ("en/404.html", "en", "Page not found", "/sub/."),
])
def test_each_language_has_its_404_page(hostile_build: Build, path: str, lang: str, heading: str,
                                        other_home: str) -> None:
    html = (hostile_build.site / path).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert f"<h1>{heading}</h1>" in html
    assert f'href="{other_home}" hreflang="{"en" if lang == "ko" else "ko"}"' in html
    assert "Content-Security-Policy" in html
