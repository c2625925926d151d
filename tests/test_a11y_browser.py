"""Accessibility and layout of every page type, in both languages, in a real browser.

Headless Chromium opens each page type of the fixture corpus's site (home,
brief: translated, Korean-only on /en/, outdated; topic list, topic, region
list with the map, region, archive, search with hits and without, the
translations page, a guide, 404) in Korean and English, and checks what a
reader with a screen reader, a keyboard or a phone meets:

- axe-core (npm ``axe-core``) finds no violation of WCAG 2.0/2.1/2.2 A and AA,
  at any impact level, with no rule disabled;
- one ``h1``, no skipped heading level, one ``main``/``banner``/``contentinfo``;
- a skip link is the first Tab stop, visible when focused, and lands in the main content;
- Korean text on an English page sits under ``lang="ko"``; language links carry ``hreflang``;
- the map tiles and the search filters are reached by Tab, with a visible focus ring;
- at 360 px nothing scrolls sideways; screenshots at 360 and 1280 px go to
  ``test-artifacts/screenshots/`` for a person to look at.

Without Chromium or ``node_modules`` (``npm ci``) the tests skip, except in CI
(``CI=true``), where they fail.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from browser import artifacts, chromium, require, sample_url
from playwright.sync_api import expect
from support.project import ROOT

__all__ = ["artifacts", "chromium", "sample_url"]  # fixtures from tests/browser.py
pytestmark = [pytest.mark.browser, pytest.mark.build]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
TRANSLATED = "2025-05-13-regional-innovation-roundtable"
KOREAN_ONLY = "2024-02-27-jeonbuk-startup-roundtable"
OUTDATED = "2024-04-25-daegu-gyeongbuk-ai-manufacturing-roundtable"
# page type -> URL path under the language root ("" for Korean, "en/" for English)
PAGES = {
    "home": "",
    "brief": f"briefs/{TRANSLATED}/",
    "brief-korean-only": f"briefs/{KOREAN_ONLY}/",
    "brief-outdated": f"briefs/{OUTDATED}/",
    "topics": "topics/",
    "topic": "topics/startups/",
    "regions": "regions/",
    "region": "regions/gyeongnam/",
    "archive": "archive/",
    "search-hits": "search/?q={query}",
    "search-none": "search/?q=zzqxv",
    "translations": "translations/",
    "guide": "guides/publish/",
    "404": "404.html",
}
SEARCH_QUERY = {"ko": "%EC%B0%BD%EC%97%85", "en": "startup"}  # 창업
LANGS = ["ko", "en"]
CASES = [(name, lang) for name in PAGES for lang in LANGS]
SKIP_TEXT = {"ko": "본문 바로가기", "en": "Skip to main content"}
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE = {"ko": re.compile(r"\d{4}년 \d{1,2}월 \d{1,2}일"), "en": re.compile(rf"\d{{1,2}} ({MONTHS}) \d{{4}}")}
PHONE, DESKTOP = 360, 1280

# Every text node with Hangul whose nearest lang is not Korean: "TAG: text".
HANGUL_OUTSIDE_KO = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!/[\\uac00-\\ud7a3]/.test(node.data) || el.closest("script, style, noscript, template")) continue;
    const marked = el.closest("[lang]");
    if (!marked || !marked.lang.startsWith("ko")) out.push(el.tagName + ": " + node.data.trim().slice(0, 60));
  }
  return out;
}"""
# Headings a screen reader lists, in document order: [level, text].
HEADINGS = """() => [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
  .filter(h => !h.closest("[hidden], [aria-hidden=true]") && getComputedStyle(h).display !== "none")
  .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)])"""
# Whether the focused element shows a focus indicator: an outline, or (SVG map tiles) a thick stroke.
FOCUS_SHOWN = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) return true;
  const tile = el.closest("svg") && el.querySelector("rect");
  return !!tile && parseFloat(getComputedStyle(tile).strokeWidth) >= 3;
}"""
ACTIVE = """() => { const el = document.activeElement;
  return [el.tagName.toLowerCase(), el.getAttribute("name") || el.dataset.region || el.id || "",
          el.getAttribute("aria-label") || el.textContent.trim().slice(0, 40)]; }"""

# Resolves once every font the page has asked for is loaded (or failed).
FONTS_LOADED = "document.fonts.ready.then(() => document.fonts.status)"
# Resolves after two animation frames: what a resize sets off has been laid out and painted.
NEXT_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


def url_of(base: str, name: str, lang: str) -> str:
    root = "" if lang == "ko" else "en/"
    return base + root + PAGES[name].format(query=SEARCH_QUERY[lang])


def open_page(browser: Any, url: str, width: int, context: Any = None) -> Any:
    """A new page at ``width`` px showing ``url`` (in ``context``, or a new one), settled: loaded,
    the search page's results shown, every font the page asked for in place (after the load event
    only the favicon and the search's own files are fetched; no need to wait for the network to idle)."""
    if context is None:
        context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(url)
    assert response is not None and (response.ok or url.endswith("404.html")), url
    if "/search/" in url:
        page.wait_for_selector("#briefs-search[data-state=done]")
    page.evaluate(FONTS_LOADED)
    return page


@pytest.fixture(scope="module")
def axe_source() -> str:
    require(AXE, "run `npm ci` in the project root, or `make test`")
    return AXE.read_text(encoding="utf-8")


def run_axe(page: Any, source: str) -> list[str]:
    """axe-core's violations on ``page``: one line per rule and element."""
    page.evaluate(source)  # evaluated by the browser, so the site's CSP does not stop it
    violations = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
             .then(r => r.violations.flatMap(v => v.nodes.map(
               n => `${v.id} (${v.impact}): ${n.target.join(" ")}: ${n.failureSummary.replace(/\\s+/g, " ")}`)))""",
        AXE_TAGS,
    )
    return list(violations)


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_page_type_is_accessible_readable_at_360px_and_photographed(
    chromium: Any, sample_url: str, axe_source: str, artifacts: Path, name: str, lang: str
) -> None:
    shots = artifacts / "screenshots"
    shots.mkdir(exist_ok=True)
    context = chromium.new_context()  # one per page type and language: the phone's load finds the fonts cached
    try:
        for width in (DESKTOP, PHONE):
            page = open_page(chromium, url_of(sample_url, name, lang), width, context)
            screenshot(page, shots / f"{name}-{lang}-{width}.png", width)
            assert run_axe(page, axe_source) == [], f"{name} ({lang}) at {width}px"
            if width == PHONE:
                wide = page.evaluate("document.scrollingElement.scrollWidth")
                assert wide <= PHONE, f"{name} ({lang}) is {wide}px wide at {PHONE}px"
            else:
                check_structure(page, lang)
            page.close()
    finally:
        context.close()


def screenshot(page: Any, path: Path, width: int) -> None:
    """The whole page, taken in a window as tall as the page: Playwright's full-page mode made
    Material hide its navigation tabs in the picture. The window is put back afterwards."""
    height = page.evaluate("document.scrollingElement.scrollHeight")
    page.set_viewport_size({"width": width, "height": height})
    page.evaluate(NEXT_FRAMES)  # Material re-lays out the header and tabs (a resize observer, before a frame)
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": width, "height": 900})


def check_structure(page: Any, lang: str) -> None:
    """Language, dates, headings, landmarks and the skip link of the open page."""
    assert page.get_attribute("html", "lang") == lang
    if lang == "en":
        assert page.evaluate(HANGUL_OUTSIDE_KO) == []
    for shown in page.locator("main time").all_text_contents():  # also below the first screen (not laid out yet)
        assert DATE[lang].fullmatch(shown.strip()), shown
    for text in page.locator("main :lang(ko) :is(p, a, h1)").all()[:8]:  # Korean breaks between words
        assert text.evaluate("p => getComputedStyle(p).wordBreak") == "keep-all", text.inner_text()

    headings = page.evaluate(HEADINGS)
    assert [level for level, _ in headings].count(1) == 1, headings
    assert headings[0][0] == 1, headings
    for (before, _), (level, text) in itertools.pairwise(headings):
        assert level <= before + 1, f"h{before} then h{level} ({text}) in {headings}"
    assert page.locator("main h1").count() == 1
    for role in ("main", "banner", "contentinfo"):
        assert page.get_by_role(role).count() == 1, role

    # The first Tab stop skips to the content, is visible when focused, and moves focus there.
    page.locator("body").focus()
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text(SKIP_TEXT[lang])
    assert page.evaluate(FOCUS_SHOWN)
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0 and box["width"] > 20
    page.keyboard.press("Enter")
    assert page.evaluate("!!document.activeElement.closest('main')"), page.evaluate(ACTIVE)


@pytest.mark.parametrize("lang", LANGS)
def test_header_controls_are_named_and_language_links_marked(chromium: Any, sample_url: str, lang: str) -> None:
    other = "en" if lang == "ko" else "ko"
    names = {
        "ko": {"menu": "메뉴", "language": "언어 선택", "search": "검색"},
        "en": {"menu": "Menu", "language": "Select language", "search": "Search"},
    }[lang]
    for width in (PHONE, DESKTOP):
        page = open_page(chromium, url_of(sample_url, "brief", lang), width)
        try:
            header = page.get_by_role("banner")
            expect(header.get_by_role("button", name=names["language"], exact=True)).to_have_count(1)
            expect(header.get_by_role("button", name=names["search"], exact=True)).to_have_count(1)
            if width == PHONE:
                menu = header.get_by_role("button", name=names["menu"], exact=True)
                expect(menu).to_be_visible()
                menu.focus()
                assert page.evaluate(FOCUS_SHOWN)
                page.keyboard.press("Enter")
                expect(page.locator("#__drawer")).to_be_checked()
                expect(menu).to_have_attribute("aria-expanded", "true")
            switch = page.locator(f".md-select__link[hreflang={other}]")
            expect(switch).to_have_attribute("lang", other)
            expect(page.locator(f".md-select__link[hreflang={lang}]")).to_have_count(1)
        finally:
            page.context.close()


def test_korean_text_on_english_pages_is_marked_korean(chromium: Any, sample_url: str) -> None:
    page = open_page(chromium, url_of(sample_url, "brief-korean-only", "en"), DESKTOP)
    try:
        for selector in ("h1", ".brief-summary", ".brief-body"):
            expect(page.locator(f"main {selector}").first).to_have_attribute("lang", "ko")
        notice = page.locator(".brief-notice--missing")
        expect(notice).to_be_visible()
        assert notice.evaluate("n => n.closest('[lang]').lang") == "en"
        page.goto(url_of(sample_url, "home", "en"))
        item = page.locator(f".brief-list__title[href*='{KOREAN_ONLY}']")
        expect(item).to_have_attribute("lang", "ko")
    finally:
        page.context.close()


def _tab_until(page: Any, done: str, limit: int = 120) -> list[tuple[list[str], bool]]:
    """Press Tab from the top until ``done`` (JS, true when finished); each stop and whether focus showed."""
    page.locator("body").focus()
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append((page.evaluate(ACTIVE), page.evaluate(FOCUS_SHOWN)))
        if page.evaluate(done):
            break
    return stops


@pytest.mark.parametrize("lang", LANGS)
def test_search_filters_are_reached_by_tab_with_visible_focus(chromium: Any, sample_url: str, lang: str) -> None:
    page = open_page(chromium, url_of(sample_url, "search-hits", lang), DESKTOP)
    try:
        stops = _tab_until(page, "document.activeElement.getAttribute('name') === 'sort'")
        reached = [active[1] for active, _ in stops if active[0] in ("input", "select")]
        assert reached[-5:] == ["q", "topic", "region", "year", "sort"]
        assert [active for active, shown in stops if not shown] == []
        # The count of hits is a polite live region: read out once the search is done.
        status = page.locator("[data-status]")
        expect(status).to_have_attribute("role", "status")
        expect(status).to_have_attribute("aria-live", "polite")
        expect(status).to_contain_text(re.compile(r"\d"))
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_map_tiles_are_reached_by_tab_with_visible_focus(chromium: Any, sample_url: str, lang: str) -> None:
    page = open_page(chromium, url_of(sample_url, "regions", lang), DESKTOP)
    try:
        tiles = page.locator("svg a[data-region]").count()
        assert tiles == 17
        stops = _tab_until(page, "document.activeElement.closest('.region-map__beside') !== null")
        on_map = [active[1] for active, _ in stops if active[0] == "a" and active[1]]
        assert len(set(on_map)) >= tiles
        assert [active for active, shown in stops if not shown] == []
    finally:
        page.context.close()


def test_korean_typography_fonts_and_long_urls(chromium: Any, sample_url: str) -> None:
    """KRDS's Pretendard GOV (tests/test_fonts_browser.py), then the Hangul fonts each platform has while it
    loads; keep-all and a Hangul line height; URLs wrap at 360 px."""
    page = open_page(chromium, url_of(sample_url, "brief", "ko"), PHONE)
    try:
        body = page.locator("main .brief-body p").first
        family = body.evaluate("p => getComputedStyle(p).fontFamily")
        assert family.startswith('"Pretendard GOV"'), family
        for font in ("Apple SD Gothic Neo", "Noto Sans CJK KR", "Malgun Gothic", "sans-serif"):
            assert font in family, family  # macOS/iOS, Linux/Android, Windows, any
        style = body.evaluate("p => [getComputedStyle(p).wordBreak, getComputedStyle(p).lineHeight, "
                              "getComputedStyle(p).fontSize]")
        assert style[0] == "keep-all"
        assert float(style[1].removesuffix("px")) >= 1.7 * float(style[2].removesuffix("px"))
        # A long address pasted into a brief wraps instead of widening the page.
        url = "https://www.mss.go.kr/site/smba/ex/bbs/View.do?cbIdx=86&bcIdx=1234567&parentSeq=1234567" * 2
        body.evaluate("(p, url) => { const a = document.createElement('a'); a.href = url; a.textContent = url;"
                      " p.append(' 자료: ', a); }", url)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE
    finally:
        page.context.close()

