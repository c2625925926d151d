"""The search page in a real browser (Debian Chromium) over the fixture corpus.

The page (search-engine.js and search-page.js over search-core.js) must return what
``briefkit.search.query`` (the same engine under Node) returns for the same
index (the recall test runs the whole query set there), in the same order;
these tests run a sample of the query set through the script, the filters
alone and with a query, a shared URL, the header form, and watch every request
the page makes: nothing fetches a whole-site index.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from browser import artifacts, chromium, plain_url, sample_url, watched_page
from support.project import SEARCH_QUERIES, Build

from briefkit.search.query import IndexFolder

__all__ = ["artifacts", "chromium", "plain_url", "sample_url"]  # fixtures from tests/browser.py
pytestmark = [pytest.mark.browser, pytest.mark.build]

PAGES = {"ko": "search/", "en": "en/search/"}
PAGE = 10  # hits shown before "more results"
QUERIES: list[dict[str, Any]] = yaml.safe_load(SEARCH_QUERIES.read_text(encoding="utf-8"))


def _sample() -> list[dict[str, Any]]:
    """Two queries of each language and kind: particle, spacing, compound, alias, inflection."""
    seen: dict[tuple[str, str], int] = {}
    chosen = []
    for query in QUERIES:
        key = (query["lang"], query["kind"])
        if seen.get(key, 0) < 2:
            seen[key] = seen.get(key, 0) + 1
            chosen.append(query)
    return chosen


SAMPLE = _sample()


@pytest.fixture
def page(chromium: Any) -> Any:
    with watched_page(chromium, height=900) as page:
        yield page


def _open(page: Any, url: str) -> list[str]:
    """Load a search URL, wait for the script to finish, return the hits' first links (absolute)."""
    page.goto(url)
    page.wait_for_selector("#briefs-search[data-state=done]")
    return _all_links(page)


def _links(page: Any) -> list[str]:
    return page.eval_on_selector_all("[data-result]", "items => items.map(i => i.querySelector('a').href)")


def _all_links(page: Any) -> list[str]:
    """Every hit, pressing "more results" until the button hides."""
    while page.locator("[data-more]").is_visible():
        page.click("[data-more]")
        page.wait_for_selector("#briefs-search[data-state=done]")
    return _links(page)


def _ids(links: list[str]) -> list[str]:
    return [link.rstrip("/").split("/")[-1] for link in links]


def _python(build: Build, lang: str, query: str = "", **filters: str) -> list[str]:
    return [hit.id for hit in IndexFolder(build.site / "search" / "index" / lang).search(query, **filters)]


@pytest.mark.parametrize("query", SAMPLE, ids=[f'{q["lang"]}-{q["kind"]}-{q["q"]}' for q in SAMPLE])
def test_query_in_the_browser_finds_its_briefs_in_the_page_language(
    page: Any, plain_url: str, sample_build: Build, query: dict[str, Any]
) -> None:
    lang = query["lang"]
    page.goto(plain_url + PAGES[lang])
    page.fill("#search-q", query["q"])
    page.press("#search-q", "Enter")
    page.wait_for_function("location.search.includes('q=')")
    page.wait_for_selector("#briefs-search[data-state=done]")
    assert len(_links(page)) == min(PAGE, len(_python(sample_build, lang, query["q"])))
    links = _all_links(page)
    ids = _ids(links)
    assert set(query["expect"]) <= set(ids)
    assert ids == _python(sample_build, lang, query["q"])  # the page ranks as the engine under Node does
    prefix = plain_url + ("en/briefs/" if lang == "en" else "briefs/")
    assert all(link.startswith(prefix) for link in links), links
    assert parse_qs(urlsplit(page.url).query)["q"] == [query["q"]]


def test_korean_page_shows_korean_hits_and_marks_the_matched_word(page: Any, plain_url: str) -> None:
    links = _open(page, plain_url + "search/?q=인력난을")
    assert "2024-09-05-incheon-gyeonggi-workforce-roundtable" in _ids(links)
    assert all("/en/" not in link for link in links)
    first = page.locator("[data-result]").first
    assert "인력난" in first.locator("mark").all_inner_texts()[0]
    assert page.locator("[data-status]").get_attribute("aria-live") == "polite"
    assert page.locator("[data-status]").inner_text() == f"검색 결과 {len(links)}건"
    # A unit written onto a number (년 in 2024년) does not empty the results.
    found = _ids(_open(page, plain_url + "search/?q=2024년 인력난을"))
    assert "2024-09-05-incheon-gyeonggi-workforce-roundtable" in found
    # Two nouns typed together that the briefs never write together: both are marked.
    split = _ids(_open(page, plain_url + "search/?q=충북공급망"))
    assert split == ["2024-07-11-chungbuk-battery-supply-chain-roundtable"]
    assert {"충북", "공급망"} <= set(page.locator("[data-result] mark").all_inner_texts())


def test_english_page_never_shows_korean_pages(page: Any, plain_url: str, sample_build: Build) -> None:
    _open(page, plain_url + "en/search/?q=startups")
    links = _all_links(page)
    assert len(links) == len(_python(sample_build, "en", "startups")) > PAGE
    assert all(link.startswith(plain_url + "en/briefs/") for link in links)
    # A brief with no English text is found on its English page, its text marked Korean.
    links = _open(page, plain_url + "en/search/?q=전북")
    assert links == [plain_url + "en/briefs/2024-02-27-jeonbuk-startup-roundtable/"]
    assert page.locator("[data-status]").inner_text() == "1 result"
    assert page.locator("[data-result] a").first.get_attribute("lang") == "ko"


def test_filters_alone_list_their_briefs_newest_first_with_counts(
    page: Any, plain_url: str, sample_build: Build
) -> None:
    ids = _ids(_open(page, plain_url + "search/?topic=smart-factory"))
    expected = _python(sample_build, "ko", topic="smart-factory")
    assert ids == expected and len(ids) == 3
    assert ids == sorted(ids, reverse=True)  # ids start with the date: newest first
    option = page.locator("select[name=topic] option[value=smart-factory]")
    assert option.inner_text().endswith(f"({len(expected)})")
    assert page.locator("select[name=topic]").input_value() == "smart-factory"
    assert _ids(_open(page, plain_url + "search/?year=2024")) == _python(sample_build, "ko", year="2024")
    both = _ids(_open(page, plain_url + "search/?region=gyeonggi&year=2024"))
    assert both == ["2024-09-05-incheon-gyeonggi-workforce-roundtable"]


def test_filter_with_a_query_and_the_filter_control_updates_the_url(page: Any, plain_url: str) -> None:
    everywhere = _ids(_open(page, plain_url + "search/?q=중소기업"))
    page.select_option("select[name=region]", "gyeongnam")
    page.wait_for_function("location.search.includes('region=gyeongnam')")
    page.wait_for_selector("#briefs-search[data-state=done]")
    ids = _ids(_links(page))
    assert ids == ["2023-10-19-gyeongnam-smart-factory-roundtable"]
    assert set(ids) < set(everywhere)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["중소기업"], "region": ["gyeongnam"]}


def test_a_shared_url_reproduces_the_results(page: Any, chromium: Any, plain_url: str) -> None:
    page.goto(plain_url + "en/search/")
    page.fill("#search-q", "smart factories")
    page.select_option("select[name=sort]", "newest")
    page.wait_for_selector("#briefs-search[data-state=done]")
    page.press("#search-q", "Enter")
    page.wait_for_function("location.search.includes('q=')")
    page.wait_for_selector("#briefs-search[data-state=done]")
    shared = page.url
    links = _links(page)
    assert len(links) >= 2
    other = chromium.new_context().new_page()
    try:
        assert _open(other, shared) == links
        assert other.input_value("#search-q") == "smart factories"
        assert other.locator("select[name=sort]").input_value() == "newest"
    finally:
        other.context.close()


def test_no_request_for_a_whole_site_index(page: Any, plain_url: str) -> None:
    _open(page, plain_url + "search/?q=스마트공장을")
    index = [url for url in page.requests if "/search/index/" in url]
    assert not [url for url in page.requests if "search_index" in url or "/workers/search" in url]
    assert all("/search/index/ko/" in url for url in index)
    meta = page.evaluate("fetch('index/ko/meta.json').then(r => r.json())")
    shards = [url for url in index if "/t/" in url]
    assert 1 <= len(shards) <= 3 < meta["shards"]


def test_typing_loads_what_enter_needs_and_an_english_word_takes_one_shard(page: Any, plain_url: str) -> None:
    _open(page, plain_url + "en/search/?q=전북")
    page.wait_for_load_state("networkidle")
    page.requests.clear()
    page.fill("#search-q", "exporters")
    # Once the reader stops typing, the word's shard (its stem shares it) and its hits' chunks load.
    deadline = time.monotonic() + 10
    while not any("/index/en/t/" in url for url in page.requests):
        assert time.monotonic() < deadline, page.requests
        page.wait_for_timeout(25)
    page.wait_for_timeout(200)
    page.wait_for_load_state("networkidle")
    loaded = [url for url in page.requests if "/search/index/" in url]
    assert len([url for url in loaded if "/t/" in url]) == 1, loaded
    assert all("/search/index/en/" in url for url in loaded)
    page.requests.clear()
    page.press("#search-q", "Enter")
    page.wait_for_selector("#briefs-search[data-state=done]")
    assert parse_qs(urlsplit(page.url).query)["q"] == ["exporters"]
    assert "2023-03-16-busan-export-roundtable" in _ids(_links(page))
    assert not [url for url in page.requests if "/search/index/" in url]  # Enter found everything loaded


def test_a_pasted_query_loads_at_once_so_enter_right_after_waits_less(page: Any, plain_url: str) -> None:
    """One input event (a paste, Playwright's fill) asks for the query's shards before Enter is pressed."""
    _open(page, plain_url + "search/?q=전북")
    page.wait_for_load_state("networkidle")
    page.evaluate(
        """() => {
        const form = document.querySelector('#briefs-search form');
        form.q.addEventListener('input', () => { window.pastedAt = performance.now(); }, true);
        form.addEventListener('submit', () => { window.sentAt = performance.now(); }, true);
    }"""
    )
    page.fill("#search-q", "스마트공장을")
    page.press("#search-q", "Enter")
    page.wait_for_selector("#briefs-search[data-state=done]")
    asked = page.evaluate(
        """() => performance.getEntriesByType('resource')
        .filter(e => e.name.includes('/search/index/ko/t/') && e.startTime >= window.pastedAt)
        .map(e => e.startTime - window.sentAt)"""
    )
    assert asked and all(delta < 0 for delta in asked), asked  # every shard of the query, before Enter
    ids = set(_ids(_links(page)))
    assert "2023-10-19-gyeongnam-smart-factory-roundtable" in ids
    assert "2024-04-25-daegu-gyeongbuk-ai-manufacturing-roundtable" in ids


def test_a_filter_change_shows_its_first_hit_with_no_request(page: Any, plain_url: str, sample_build: Build) -> None:
    """Once a search is shown, each filter value's first hit loads while the page is idle."""
    assert _ids(_open(page, plain_url + "search/?year=2026")) == _python(sample_build, "ko", year="2026")
    page.wait_for_load_state("networkidle")
    held: list[Any] = []  # display chunks asked for from now on are held, never answered
    page.route("**/search/index/ko/d/*.json", lambda route: held.append(route))
    expected = _python(sample_build, "ko", year="2023")
    page.select_option("select[name=year]", "2023")
    page.wait_for_function(
        "id => document.querySelector('[data-result]')?.dataset.result === id", arg=expected[0], timeout=5_000
    )
    assert page.locator("[data-result] a").first.inner_text()
    assert not held, [route.request.url for route in held]


def test_nothing_loads_ahead_for_a_reader_saving_data(page: Any, plain_url: str) -> None:
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'connection', {get: () => ({saveData: true})})")
    _open(page, plain_url + "search/?year=2026")  # its two hits are in the first chunk
    page.wait_for_load_state("networkidle")
    chunks = [url.split("/search/index/")[1] for url in page.requests if "/search/index/ko/d/" in url]
    assert chunks == ["ko/d/0.json"]


def test_the_count_comes_with_the_first_hit(page: Any, plain_url: str, sample_build: Build) -> None:
    """The reader learns how many briefs were found when the first one shows, not after the page."""
    index = IndexFolder(sample_build.site / "search" / "index" / "ko")
    hits = index.search("중소기업")
    chunk = index.meta["chunk"]
    first = hits[0].doc // chunk
    assert {hit.doc // chunk for hit in hits[:PAGE]} - {first}  # the page needs other chunks too
    held: list[Any] = []  # the other chunks' requests, until the first hit is checked
    released = False

    def answer(route: Any) -> None:
        if route.request.url.endswith(f"/d/{first}.json") or released:
            route.continue_()
        else:
            held.append(route)

    page.route("**/search/index/ko/d/*.json", answer)
    page.goto(plain_url + "search/?q=중소기업")
    page.wait_for_function(
        "id => document.querySelector('[data-result]')?.dataset.result === id", arg=hits[0].id, timeout=10_000
    )
    assert page.locator("[data-status]").inner_text() == f"검색 결과 {len(hits)}건"
    assert page.get_attribute("#briefs-search", "data-state") == "busy" and held
    released = True
    for route in held:
        route.continue_()
    page.wait_for_selector("#briefs-search[data-state=done]")
    assert _ids(_links(page)) == [hit.id for hit in hits[:PAGE]]


def test_the_engine_starts_the_search_in_the_address_from_the_head(page: Any, plain_url: str) -> None:
    """Before the page's own script runs, the engine has asked for the query's shards and first hits."""
    page.route("**/assets/search-page.js", lambda route: route.abort())
    page.goto(plain_url + "search/?q=스마트공장을")
    page.wait_for_load_state("networkidle")
    index = [url.split("/search/index/")[1] for url in page.requests if "/search/index/" in url]
    assert "ko/meta.json" in index
    assert [url for url in index if url.startswith("ko/t/")] and [url for url in index if url.startswith("ko/d/")]
    assert not page.query_selector("[data-result]")  # nothing shown: that is search-page.js's part


def test_header_form_leads_to_the_search_page(page: Any, plain_url: str) -> None:
    page.goto(plain_url + "en/")
    page.fill("#header-search-q", "exporters")
    page.press("#header-search-q", "Enter")
    page.wait_for_selector("#briefs-search[data-state=done]")
    assert urlsplit(page.url).path == "/en/search/"
    assert "2023-03-16-busan-export-roundtable" in _ids(_links(page))


@pytest.mark.parametrize(("width", "path", "shot"), [
    (1280, "search/?q=스마트공장을", "search-ko.png"),
    (390, "en/search/?q=roundtables&topic=smart-factory", "search-en-phone.png"),
])
def test_hits_fit_the_screen_on_a_desktop_and_a_phone(
    page: Any, sample_url: str, sample_build: Build, artifacts: Any, width: int, path: str, shot: str
) -> None:
    """Every hit is shown whole within the page's width and nothing scrolls sideways; the filter stays chosen.

    The full-page screenshots go to ``test-artifacts/`` for a person to look at.
    """
    page.set_viewport_size({"width": width, "height": 800})
    lang = "en" if path.startswith("en/") else "ko"
    query = parse_qs(urlsplit(path).query)
    ids = _ids(_open(page, sample_url + path))
    assert ids == _python(sample_build, lang, query["q"][0], **{k: v[0] for k, v in query.items() if k != "q"})
    assert ids
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    boxes = page.eval_on_selector_all(
        "[data-result]", "items => items.map(i => { const r = i.getBoundingClientRect(); return [r.left, r.right]; })")
    assert len(boxes) == len(ids)
    assert all(0 <= left < right <= width for left, right in boxes), boxes
    for name, value in query.items():
        if name != "q":
            assert page.locator(f"select[name={name}]").input_value() == value[0]
    page.screenshot(path=str(artifacts / shot), full_page=True)


def test_more_pressed_again_before_its_hits_are_in_shows_each_hit_once_in_order(
    page: Any, plain_url: str, sample_build: Build
) -> None:
    """A reader who presses "more results" twice on a slow line gets what is left of the next two
    pages, in order, not the same page twice."""
    hits = IndexFolder(sample_build.site / "search" / "index" / "ko").search("지원")
    first_page = {hit.doc for hit in hits[:PAGE]}
    assert len(hits) > PAGE and all(hit.passage for hit in hits[PAGE:])  # the next page's excerpts: files of their own
    held: list[Any] = []  # the excerpts of the next page's hits (also when loaded ahead), until both presses are in
    released = False

    def answer(route: Any) -> None:
        doc = int(route.request.url.rsplit("/", 1)[1].split("-")[0])
        if released or doc in first_page:
            route.continue_()
        else:
            held.append(route)

    page.route("**/search/index/ko/p/*.json", answer)
    page.goto(plain_url + "search/?q=지원")
    page.wait_for_selector("#briefs-search[data-state=done]")
    page.click("[data-more]")
    page.click("[data-more]")
    assert held and page.get_attribute("#briefs-search", "data-state") == "busy"
    assert len(_links(page)) == PAGE
    released = True
    for route in held:
        route.continue_()
    page.wait_for_selector("#briefs-search[data-state=done]")
    assert _ids(_links(page)) == [hit.id for hit in hits[: 3 * PAGE]]
    assert page.locator("[data-more]").is_visible() == (len(hits) > 3 * PAGE)
