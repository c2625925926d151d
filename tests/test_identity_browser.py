"""The KRDS look in a real browser: masthead, header and footer on a phone and a desktop, the banner.

For the home page, a brief, a topic and the search page, in Korean and English,
at 360 and 1280 px, Chromium takes a screenshot of the whole page into
``test-artifacts/screenshots/identity-*.png`` (the workflow attaches them to
the run) and checks what the picture shows: nothing wider than the screen, the
ministry's name above a header that fits one row on a phone, the footer with
the ministry's name and its policy links in full view, Korean kept whole
between words. A site with ``official_banner: true`` shows the banner first,
closed, and opens its explanation from the keyboard; axe finds nothing there.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import pytest
from browser import artifacts, chromium, require, sample_url, serve
from conftest import Build, build, copy_project
from playwright.sync_api import expect
from test_a11y_browser import AXE, FONTS_LOADED, run_axe

__all__ = ["artifacts", "chromium", "sample_url"]  # fixtures from tests/browser.py
pytestmark = [pytest.mark.browser, pytest.mark.build]

PAGES = {"home": "", "brief": "briefs/2025-05-13-regional-innovation-roundtable/", "topic": "topics/startups/",
         "search": "search/?q={query}"}
QUERY = {"ko": "%EC%B0%BD%EC%97%85", "en": "startup"}  # 창업
MINISTRY = {"ko": "중소벤처기업부", "en": "Ministry of SMEs and Startups"}
PRIVACY = {"ko": "개인정보처리방침", "en": "Privacy policy"}
BANNER = {"ko": "이 누리집은 대한민국 공식 전자정부 누리집입니다.",
          "en": "This is an official website of the Republic of Korea."}


def open_at(browser: Any, url: str, width: int) -> Any:
    """A new page at ``width`` px showing ``url``, settled as test_a11y_browser.open_page settles it."""
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    response = page.goto(url)
    assert response is not None and response.ok, url
    if "/search/" in url:
        page.wait_for_selector("#briefs-search[data-state=done]")
    page.evaluate(FONTS_LOADED)
    return page


def whole_page_shot(page: Any, path: Path, width: int) -> tuple[int, int]:
    """The whole page in a window as tall as it (laid out twice: parts below the first screen are sized
    when they come into view); returns the PNG's width and height."""
    for _ in range(2):
        height = page.evaluate("document.scrollingElement.scrollHeight")
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": width, "height": 900})
    with path.open("rb") as png:
        header = png.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_masthead_header_and_footer_fit_and_are_photographed(
    chromium: Any, sample_url: str, artifacts: Path, name: str, lang: str, width: int
) -> None:
    url = sample_url + ("" if lang == "ko" else "en/") + PAGES[name].format(query=QUERY[lang])
    page = open_at(chromium, url, width)
    try:
        strip = page.locator(".briefs-ministry__name")
        expect(strip).to_have_text(MINISTRY[lang])
        header = page.locator(".md-header").bounding_box()
        assert header is not None and header["height"] <= 64, header  # one row on a phone too
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") \
            == "rgb(255, 255, 255)"  # KRDS's white header
        shots = artifacts / "screenshots"
        shots.mkdir(exist_ok=True)
        size = whole_page_shot(page, shots / f"identity-{name}-{lang}-{width}.png", width)
        assert size[0] == width and size[1] > 600, size
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width
        footer = page.get_by_role("contentinfo")
        expect(footer).to_contain_text(MINISTRY[lang])
        privacy = footer.get_by_role("link", name=PRIVACY[lang], exact=True)
        privacy.scroll_into_view_if_needed()
        expect(privacy).to_be_in_viewport()
        box = privacy.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        if lang == "ko":
            assert page.locator(".briefs-footer").evaluate("f => getComputedStyle(f).wordBreak") == "keep-all"
            assert page.locator("main h1").evaluate("h => getComputedStyle(h).wordBreak") == "keep-all"
    finally:
        page.context.close()


@pytest.fixture(scope="module")
def banner_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    project = copy_project(tmp_path_factory.mktemp("banner"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("official_banner: false", "official_banner: true"),
                      encoding="utf-8")
    result: Build = build(project)
    assert result.returncode == 0, result.stderr
    with serve(result.site) as url:
        yield url


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_official_banner_comes_first_and_opens_from_the_keyboard(
    chromium: Any, banner_site: str, artifacts: Path, lang: str
) -> None:
    require(AXE, "run `npm ci` in the project root, or `make test`")
    page = open_at(chromium, banner_site + ("" if lang == "ko" else "en/"), 360)
    try:
        banner = page.locator(".briefs-official")
        expect(banner).to_contain_text(BANNER[lang])
        top = banner.bounding_box()
        assert top is not None and top["y"] == 0  # above the ministry's name and the header
        explanation = banner.locator(".briefs-official__text")
        expect(explanation).to_be_hidden()
        page.locator("body").focus()
        page.keyboard.press("Tab")  # the skip link
        page.keyboard.press("Tab")  # the banner's toggle
        assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
        page.keyboard.press("Enter")
        expect(explanation).to_be_visible()
        expect(explanation).to_contain_text("go.kr")
        assert run_axe(page, AXE.read_text(encoding="utf-8")) == []
        (artifacts / "screenshots").mkdir(exist_ok=True)
        page.screenshot(path=str(artifacts / "screenshots" / f"identity-banner-{lang}-360.png"))
    finally:
        page.context.close()
