"""The region map in a real browser: every tile is a link reached by Tab, named, and leading to its page;
the index pages pass axe-core.

Screenshots of ``/regions/`` and ``/en/regions/`` at phone and desktop width
go to ``test-artifacts/`` for a person to look at.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from browser import artifacts, chromium, plain_url, sample_url
from playwright.sync_api import expect

__all__ = ["artifacts", "chromium", "plain_url", "sample_url"]  # fixtures from tests/browser.py
pytestmark = [pytest.mark.browser, pytest.mark.build]

PAGES = {"ko": "regions/", "en": "en/regions/"}
COUNT = {"ko": "{n}건", "en": "{n} briefs"}
REGIONS_ON_MAP = 17
TABS_MAX = 80  # more than the header, tabs and 17 tiles need


def _table(page: Any) -> dict[str, tuple[str, str, int]]:
    """The plain table under the map: slug -> (label, code, count)."""
    rows = {}
    for row in page.locator(".region-table tbody tr").all():
        href = row.locator("th a").get_attribute("href")
        slug = href.strip("/").split("/")[-1]
        cells = row.locator("td").all_inner_texts()
        rows[slug] = (row.locator("th").inner_text().strip(), cells[0].strip(), int(cells[1]))
    return rows


def _count_text(lang: str, n: int) -> str:
    return "1 brief" if lang == "en" and n == 1 else COUNT[lang].format(n=n)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_tile_is_reached_by_tab_named_and_leads_to_its_page(chromium: Any, plain_url: str, lang: str) -> None:
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    url = plain_url + PAGES[lang]
    page.goto(url)
    table = _table(page)
    tiles = page.locator("svg.region-map__svg a[data-region]")
    assert tiles.count() == REGIONS_ON_MAP
    on_map = [tiles.nth(i).get_attribute("data-region") for i in range(tiles.count())]
    assert "nationwide" not in on_map
    assert page.locator(".region-map__beside a[data-region=nationwide]").is_visible()

    # Tab through the page from the top: every tile gets focus, in map order.
    page.locator("body").focus()
    reached: list[str] = []
    for _ in range(TABS_MAX):
        page.keyboard.press("Tab")
        slug = page.evaluate("document.activeElement.closest('svg') ? document.activeElement.dataset.region : null")
        if slug and slug not in reached:
            reached.append(slug)
        elif not slug and len(reached) == len(on_map):
            break  # past the map
    assert reached == on_map

    # Focus is visible: the focused tile's outline is drawn thicker, in the focus colour.
    tiles.first.focus()
    stroke = tiles.first.locator("rect").evaluate("r => [getComputedStyle(r).stroke, getComputedStyle(r).strokeWidth]")
    assert stroke == ["rgb(26, 86, 219)", "6px"]

    # Each tile's accessible name starts with what the tile shows (WCAG 2.5.3), then the region's
    # full name from the table when it differs; the count is the table's, in the page language.
    for slug in on_map:
        label, _code, count = table[slug]
        tile = page.locator(f"svg.region-map__svg a[data-region={slug}]")
        short = tile.locator(".region-map__name").text_content()
        assert tile.locator(".region-map__count").text_content() == _count_text(lang, count)
        name = f"{short} {_count_text(lang, count)}" + ("" if label == short else f", {label}")
        expect(tile).to_have_accessible_name(name)
        assert page.get_by_role("link", name=name, exact=True).count() == 1

    # Every tile's link, as the browser resolves it, is the region's page, titled with the table's label.
    for slug in on_map:
        href = page.locator(f"svg.region-map__svg a[data-region={slug}]").evaluate("a => a.href.baseVal ?? a.href")
        target = urljoin(url, href)
        assert target == url + slug + "/"
        response = context.request.get(target)
        assert response.ok
        assert f"<h1>{table[slug][0]}</h1>" in response.text()
    # Enter on a focused tile opens that page (first, a middle one, last).
    for slug in (on_map[0], on_map[8], on_map[-1]):
        page.goto(url)
        page.locator(f"svg.region-map__svg a[data-region={slug}]").focus()
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(re.escape(PAGES[lang] + slug + "/") + "$"))
        assert page.locator("article h1").inner_text() == table[slug][0]
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_screenshots(chromium: Any, sample_url: str, artifacts: Path, lang: str, width: int) -> None:
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(sample_url + PAGES[lang])
    page.screenshot(path=artifacts / f"regions-{lang}-{width}.png", full_page=True)
    svg = page.locator("svg.region-map__svg").bounding_box()
    assert svg is not None
    # The whole map fits the viewport's width: no tile is cut off on a phone, and nothing scrolls sideways.
    assert svg["x"] >= 0 and svg["x"] + svg["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # Tile labels and counts fit inside their tiles.
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('svg.region-map__svg a')].filter(a => {
            const t = a.querySelector('rect').getBBox();
            return [...a.querySelectorAll('text')].some(text => {
                const l = text.getBBox();
                return l.x < t.x + 2 || l.x + l.width > t.x + t.width - 2;
            });
        }).map(a => a.dataset.region)"""
    )
    assert overflow == []
    page.locator("svg.region-map__svg a").first.focus()
    page.locator(".region-map").screenshot(path=artifacts / f"regions-map-focus-{lang}-{width}.png")
    context.close()


@pytest.mark.parametrize(("ci", "outcome"), [("true", pytest.fail.Exception), ("", pytest.skip.Exception)])
def test_a_missing_chromium_fails_in_ci_and_skips_elsewhere(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ci: str, outcome: type[BaseException]
) -> None:
    import browser

    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome):
        browser.require_chromium()


AXE_PAGES = ["regions/", "topics/", "topics/startups/", "regions/nationwide/", "archive/"]


@pytest.mark.parametrize("path", [prefix + p for prefix in ("", "en/") for p in AXE_PAGES])
def test_index_pages_pass_axe(chromium: Any, plain_url: str, path: str) -> None:
    # The site's CSP rightly blocks injected scripts; axe is the test's, not the page's.
    context = chromium.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(plain_url + path)
    page.add_script_tag(content=AXE_SCRIPT)
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)"""
    )
    context.close()
    assert violations == []
