"""The header search box's drop-down (assets/search-suggest.js) in a real browser (Debian Chromium).

Over the fixture corpus: the hits of the page's language only, in the order the Python
(``briefkit.search.query``, search-core.js under Node) gives; the WAI-ARIA combobox pattern with the keyboard
(arrows, Enter, Escape); Enter with nothing highlighted goes to the search page; nothing
loads before the reader focuses the box, and never a whole-site index; an input method's
composition is waited for; the plain form without script; axe-core with the list open;
a 360 px phone and a desktop.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import artifacts, chromium, plain_url, require, sample_url, until
from support.project import Build
from test_a11y_browser import AXE, run_axe

from briefkit.search.query import IndexFolder

__all__ = ["artifacts", "chromium", "plain_url", "sample_url"]  # fixtures from tests/browser.py
pytestmark = [pytest.mark.browser, pytest.mark.build]

BOX = "#header-search-q"
LIST = "#header-search-q-list"
HITS = f"{LIST} [role=option][data-result]"
SHOWN = 6  # hits the drop-down lists before "all results"
WORKFORCE = "2024-09-05-incheon-gyeonggi-workforce-roundtable"
EXPORT = "2023-03-16-busan-export-roundtable"


def _page(chromium: Any, width: int = 1280, script: bool = True) -> Any:
    context = chromium.new_context(viewport={"width": width, "height": 800}, java_script_enabled=script)
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


@pytest.fixture
def page(chromium: Any) -> Any:
    page = _page(chromium)
    yield page
    page.context.close()
    assert not page.errors


def _type(page: Any, text: str) -> list[str]:
    """Type ``text`` into the header box; the hits' brief ids once the list shows them."""
    page.click(BOX)
    page.keyboard.type(text, delay=30)
    until(page, f"q => document.querySelector('{LIST}')?.dataset.query === q"  # made when search-suggest.js runs
                 f" && document.querySelector('{BOX}').getAttribute('aria-expanded') === 'true'", text.strip())
    return page.eval_on_selector_all(HITS, "items => items.map(i => i.dataset.result)")



def _python(build: Build, lang: str, query: str) -> list[str]:
    return [hit.id for hit in IndexFolder(build.site / "search" / "index" / lang).search(query)][:SHOWN]


def _hrefs(page: Any) -> list[str]:
    return page.eval_on_selector_all(f"{LIST} [role=option]", "items => items.map(i => i.dataset.href)")


def test_korean_home_lists_korean_hits_for_a_particle_query(page: Any, plain_url: str, sample_build: Build) -> None:
    page.goto(plain_url)
    page.wait_for_load_state("networkidle")
    # Nothing of search loads before the reader comes to the box.
    assert not [u for u in page.requests if "/search/index/" in u or "search-engine" in u], page.requests
    ids = _type(page, "인력난을")
    assert WORKFORCE in ids
    assert ids == _python(sample_build, "ko", "인력난을")  # the drop-down ranks as the engine under Node does
    hrefs = _hrefs(page)
    assert hrefs[:-1] == [f"{plain_url}briefs/{i}/" for i in ids]
    assert parse_qs(urlsplit(hrefs[-1]).query) == {"q": ["인력난을"]}  # last: every result, on the search page
    assert urlsplit(hrefs[-1]).path == "/search/"
    assert "인력난" in page.locator(HITS).first.locator("mark").all_inner_texts()
    assert page.locator(HITS).first.locator("time").inner_text().startswith("2024년")
    box = page.locator(BOX)
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-controls") == LIST[1:]
    assert page.locator(LIST).get_attribute("role") == "listbox"
    index = [u for u in page.requests if "/search/index/" in u]
    assert index and all("/search/index/ko/" in u for u in index)
    assert not [u for u in page.requests if "search_index" in u or "/workers/search" in u]


def test_focus_loads_the_engine_and_meta_of_the_page_language_only(page: Any, plain_url: str) -> None:
    page.goto(plain_url + "en/archive/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in page.requests if "search-engine" in u or "search.css" in u or "/search/index/" in u]
    page.focus(BOX)
    until(page, "() => performance.getEntriesByType('resource').some(e => e.name.endsWith('/meta.json'))")
    page.wait_for_load_state("networkidle")
    index = [u for u in page.requests if "/search/index/" in u]
    assert index == [plain_url + "search/index/en/meta.json"]  # no shard before a word is typed
    assert [u for u in page.requests if u.endswith("/assets/search-engine.js")]
    assert [u for u in page.requests if u.endswith("/assets/search.css")]


def test_english_page_lists_english_hits_for_a_plural(page: Any, plain_url: str, sample_build: Build) -> None:
    page.goto(plain_url + "en/topics/")
    ids = _type(page, "exporters")
    assert EXPORT in ids
    assert ids == _python(sample_build, "en", "exporters")
    assert all(h.startswith(plain_url + "en/") for h in _hrefs(page))
    assert page.locator(f"{LIST} .briefs-suggest__all").inner_text().startswith("All results (")
    index = [u for u in page.requests if "/search/index/" in u]
    assert index and all("/search/index/en/" in u for u in index)
    # A Korean-only brief is listed on its English page, its title marked Korean.
    page.fill(BOX, "")
    ids = _type(page, "전북")
    assert ids == ["2024-02-27-jeonbuk-startup-roundtable"]
    assert page.locator(HITS).first.locator(".briefs-suggest__title").get_attribute("lang") == "ko"
    assert _hrefs(page)[0] == plain_url + "en/briefs/2024-02-27-jeonbuk-startup-roundtable/"


def test_arrow_keys_escape_and_enter_on_a_highlighted_hit(page: Any, plain_url: str) -> None:
    page.goto(plain_url + "en/")
    ids = _type(page, "startups")
    options = page.locator(f"{LIST} [role=option]")
    count = options.count()
    assert count == len(ids) + 1 == SHOWN + 1
    box = page.locator(BOX)
    assert box.get_attribute("aria-activedescendant") is None
    page.keyboard.press("ArrowDown")
    first = options.nth(0)
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.nth(1).get_attribute("id")
    assert first.get_attribute("aria-selected") == "false"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")  # from the first hit up to the last option, "all results"
    assert box.get_attribute("aria-activedescendant") == options.nth(count - 1).get_attribute("id")
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.locator(LIST).is_hidden()
    assert box.get_attribute("aria-activedescendant") is None
    assert box.input_value() == "startups"  # Escape closes the list, keeps the words
    page.keyboard.press("ArrowDown")  # opens it again on the first hit
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{plain_url}en/briefs/{ids[1]}/")
    assert page.locator("h1").count() == 1


def test_enter_with_nothing_highlighted_goes_to_the_search_page(page: Any, plain_url: str) -> None:
    page.goto(plain_url + "regions/")
    _type(page, "스마트 공장")
    page.keyboard.press("Enter")
    page.wait_for_selector("#briefs-search[data-state=done]")
    assert urlsplit(page.url).path == "/search/"
    assert parse_qs(urlsplit(page.url).query) == {"q": ["스마트 공장"]}
    assert page.locator("[data-result]").count() >= 1


def test_all_results_option_and_a_click_on_a_hit(page: Any, plain_url: str) -> None:
    page.goto(plain_url)
    ids = _type(page, "경남")
    page.locator(f"{LIST} .briefs-suggest__all").click()
    page.wait_for_selector("#briefs-search[data-state=done]")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["경남"]}
    # On the search page the drop-down shares the page's engine: the files it needs are in.
    page.requests.clear()
    _type(page, "경남")
    page.locator(HITS).nth(0).click()
    page.wait_for_url(f"{plain_url}briefs/{ids[0]}/")


def test_on_the_search_page_the_header_box_searches_without_a_reload(
    page: Any, plain_url: str, sample_build: Build
) -> None:
    page.goto(plain_url + "search/?q=경남")
    page.wait_for_selector("#briefs-search[data-state=done]")
    page.evaluate("window.samePage = true")  # gone if the page loads again
    hits = "items => items.map(i => i.dataset.result)"
    index = IndexFolder(sample_build.site / "search" / "index" / "ko")

    def page_of(query: str) -> list[str]:
        return [hit.id for hit in index.search(query)][:10]

    for query, send in (("스마트 공장", lambda: page.keyboard.press("Enter")),
                        ("수출", lambda: page.locator(f"{LIST} .briefs-suggest__all").click())):
        page.fill(BOX, "")
        _type(page, query)
        send()
        until(page, "q => new URLSearchParams(location.search).get('q') === q", query)
        page.wait_for_selector("#briefs-search[data-state=done]")
        assert page.evaluate("window.samePage === true")
        assert page.input_value("#search-q") == query
        assert page.locator(BOX).get_attribute("aria-expanded") == "false" and page.locator(LIST).is_hidden()
        assert page.eval_on_selector_all("#briefs-search [data-result]", hits) == page_of(query)
    page.go_back()  # the page's history holds both searches
    until(page, "() => new URLSearchParams(location.search).get('q') === '스마트 공장'")
    page.wait_for_selector("#briefs-search[data-state=done]")
    assert page.eval_on_selector_all("#briefs-search [data-result]", hits) == page_of("스마트 공장")


def test_the_list_waits_for_the_input_method_to_finish_a_syllable(page: Any, plain_url: str) -> None:
    page.goto(plain_url)
    page.click(BOX)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.imeSetComposition", {"text": "인력난", "selectionStart": 3, "selectionEnd": 3})
    page.wait_for_timeout(600)  # well past the drop-down's wait after a keystroke
    assert page.locator(BOX).get_attribute("aria-expanded") == "false"
    assert page.locator(LIST).is_hidden()
    cdp.send("Input.insertText", {"text": "인력난"})  # the input method commits the syllables
    page.wait_for_selector(f"{LIST}:not([hidden]) [role=option][data-result]")
    assert WORKFORCE in page.eval_on_selector_all(HITS, "items => items.map(i => i.dataset.result)")


def test_without_script_the_header_form_still_leads_to_the_search_page(chromium: Any, plain_url: str) -> None:
    page = _page(chromium, script=False)
    try:
        page.goto(plain_url + "en/")
        assert page.locator(BOX).get_attribute("role") is None
        page.fill(BOX, "exporters")
        page.press(BOX, "Enter")
        page.wait_for_url("**/en/search/?q=exporters")
        assert page.locator("noscript").count() >= 1
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("width", [360, 1280])
def test_open_list_passes_axe_and_fits_the_screen(
    chromium: Any, sample_url: str, artifacts: Any, lang: str, width: int
) -> None:
    require(AXE, "run `npm ci` in the project root, or `make test`")
    page = _page(chromium, width)
    try:
        page.goto(sample_url + ("" if lang == "ko" else "en/"), wait_until="networkidle")
        _type(page, "스마트공장을" if lang == "ko" else "smart factories")
        page.keyboard.press("ArrowDown")
        assert run_axe(page, AXE.read_text(encoding="utf-8")) == []
        box = page.locator(LIST).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
        assert page.locator(HITS).first.is_visible()
        if lang == "en":  # the stem factori marks "factory" as well as "factories"
            assert "factory" in [m.lower() for m in page.locator(f"{LIST} mark").all_inner_texts()]
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing scrolls sideways
        page.screenshot(path=str(artifacts / f"search-suggest-{lang}-{width}.png"))
        assert not page.errors
    finally:
        page.context.close()
