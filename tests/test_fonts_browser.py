"""Pretendard GOV in a real browser: a brief renders in it, from this site only, within budget.

Headless Chromium opens a Korean and an English brief of the fixture corpus's
site, cold (a new context: nothing cached), at 1280 and 360 px, and counts every
font file the first view downloads (Playwright's response events): all from
the site's own origin, at most 150 KB for the Korean brief's first view. The
text is drawn in Pretendard GOV (computed ``font-family`` and
``document.fonts.check`` for the title and the first paragraph: the faces for
their characters are loaded). Scrolling to the end loads the rest, still from
the site. The measured bytes go to ``test-artifacts/font-bytes.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser import artifacts, chromium, sample_url

__all__ = ["artifacts", "chromium", "sample_url"]  # fixtures from tests/browser.py
pytestmark = [pytest.mark.browser, pytest.mark.build]

BRIEF = "briefs/2025-05-13-regional-innovation-roundtable/"  # a translated brief of the fixture corpus
BUDGET = 150 * 1024  # bytes of font files for the first view of a Korean brief
FAMILY = "Pretendard GOV"
# Whether the faces for every character of the element's text are loaded, in its own weight.
DRAWN_IN_FAMILY = """el => { const s = getComputedStyle(el);
  return document.fonts.check(`${s.fontWeight} ${s.fontSize} "Pretendard GOV"`, el.textContent.trim()); }"""


def first_view(browser: Any, url: str, width: int) -> tuple[Any, list[Any], list[str]]:
    """The page at ``url`` opened cold at ``width`` px, the font responses it got, every request's URL."""
    context = browser.new_context(viewport={"width": width, "height": 900 if width > 400 else 740})
    page = context.new_page()
    fonts: list[Any] = []
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda r: fonts.append(r) if r.request.resource_type == "font" else None)
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_load_state("networkidle")
    return page, fonts, requests


def font_bytes(responses: list[Any]) -> int:
    """Bytes of the font files the responses carried (read while the page is open)."""
    return sum(len(response.body()) for response in responses)


@pytest.fixture(scope="module")
def measured(artifacts: Path) -> Iterator[dict[str, int]]:
    results: dict[str, int] = {}
    yield results
    (artifacts / "font-bytes.json").write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_brief_is_drawn_in_pretendard_gov_from_this_site_within_budget(
    chromium: Any, sample_url: str, measured: dict[str, int], lang: str, width: int
) -> None:
    url = sample_url + ("" if lang == "ko" else "en/") + BRIEF
    page, fonts, requests = first_view(chromium, url, width)
    try:
        origin = urlsplit(sample_url).netloc
        assert [r for r in requests if urlsplit(r).netloc != origin and not r.startswith("data:")] == []
        assert fonts, "no font file was downloaded"
        assert all(urlsplit(r.url).netloc == origin and r.url.endswith(".woff2") and r.ok for r in fonts), fonts
        total = font_bytes(fonts)
        measured[f"{lang}-{width}-first-view"] = total
        if lang == "ko":
            assert total <= BUDGET, f"{total} bytes of fonts for the first view ({len(fonts)} files)"
        for selector in ("main h1", "main .brief-summary"):
            element = page.locator(selector).first
            assert element.evaluate("el => getComputedStyle(el).fontFamily").startswith(f'"{FAMILY}"')
            assert element.evaluate(DRAWN_IN_FAMILY), f"{selector} is not drawn in {FAMILY}"
        loaded = page.evaluate("""[...document.fonts].filter(f => f.status === 'loaded')
                                  .map(f => f.family.replace(/"/g, '') + ' ' + f.weight)""")
        assert {f"{FAMILY} 400", f"{FAMILY} 700"} <= set(loaded), sorted(set(loaded))
        # The rest of the brief, once scrolled to: its fonts too come from the site, and it is drawn in them.
        page.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
        page.wait_for_timeout(200)
        page.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
        page.evaluate("document.fonts.ready.then(() => true)")
        page.wait_for_load_state("networkidle")
        last = page.locator("main .brief-body p").last
        assert last.evaluate(DRAWN_IN_FAMILY), "the brief's last paragraph is not drawn in Pretendard GOV"
        assert all(urlsplit(r.url).netloc == origin for r in fonts)
        measured[f"{lang}-{width}-whole-page"] = font_bytes(fonts)
    finally:
        page.context.close()
