"""Search 2 (issue 19) in a real browser (Debian Chromium), over tests/fixtures/search2.

The search page shows, for a match only in the body, an excerpt of the
passage with the matched form marked; a hit's title opens the brief at that
passage (a text fragment); the header drop-down answers a query of initial
consonants and keeps its list while a syllable is being composed; a typo is
offered a correction; a query in the other language is offered that
language's briefs; a form written apart or together is marked either way
(``스마트 공장`` for 스마트공장). The page answers as the engine does under Node (briefkit.search.query).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from browser import chromium, page, serve, until
from support.project import Build
from support.search2_site import GIMHAE, QUERIES

from briefkit.search.query import IndexFolder

__all__ = ["chromium", "page"]  # fixtures from tests/browser.py
pytestmark = [pytest.mark.browser, pytest.mark.build]

BOX = "#header-search-q"
LIST = "#header-search-q-list"
DONE = "#briefs-search[data-state=done]"


@pytest.fixture(scope="module")
def site(search2_build: Build) -> Build:
    return search2_build  # one build of the fixture for the session (conftest.py)


@pytest.fixture(scope="module")
def url(site: Build) -> Any:
    with serve(site.site, web_font=False) as base:
        yield base





def _search(page: Any, base: str, lang: str, q: str) -> list[str]:
    page.goto(f"{base}{'en/' if lang == 'en' else ''}search/?q={q}")
    page.wait_for_selector(DONE)
    return page.eval_on_selector_all("[data-result]", "items => items.map(i => i.dataset.result)")


@pytest.mark.parametrize("query", QUERIES, ids=[f'{q["lang"]}-{q["kind"]}-{q["q"]}' for q in QUERIES])
def test_the_page_answers_as_the_engine(page: Any, url: str, site: Build, query: dict[str, Any]) -> None:
    from urllib.parse import quote

    ids = _search(page, url, query["lang"], quote(query["q"]))
    twin = IndexFolder(site.site / "search" / "index" / query["lang"]).search(query["q"])
    assert ids == [hit.id for hit in twin][:10]
    assert set(query["expect"]) <= set(ids)
    if "excerpt" in query:  # a body-only match: its passage, the matched form marked
        first = page.locator("[data-result]").first
        marks = first.locator("[data-excerpt] mark").all_text_contents()
        assert query["excerpt"] in [m.lower() for m in marks], marks


def test_body_only_match_shows_the_passage_with_the_analysed_form_marked(page: Any, url: str) -> None:
    assert _search(page, url, "ko", "인력난") == [GIMHAE]
    excerpt = page.locator(f"[data-result='{GIMHAE}'] [data-excerpt]")
    assert "숙련공이 떠나면서 생긴 인력난을 자동 검사로" in excerpt.text_content()
    assert excerpt.locator("mark").all_text_contents() == ["인력난을"]  # 인력난 marks 인력난을
    assert excerpt.get_attribute("lang") is None  # the page's language


def test_a_title_or_summary_match_shows_the_summary(page: Any, url: str) -> None:
    assert _search(page, url, "ko", "김해") == [GIMHAE]
    hit = page.locator(f"[data-result='{GIMHAE}']")
    assert hit.locator("[data-excerpt]").count() == 0
    assert hit.locator("p mark").all_text_contents() == ["김해의"]  # the summary, its particle marked too


def test_writer_text_is_never_markup(page: Any, url: str) -> None:
    _search(page, url, "ko", "불량률")
    assert page.locator("[data-excerpt] *:not(mark)").count() == 0


def test_following_a_hit_opens_the_brief_at_its_passage(page: Any, url: str) -> None:
    _search(page, url, "ko", "인력난")
    link = page.locator(f"[data-result='{GIMHAE}'] a").first
    assert urlsplit(link.get_attribute("href")).fragment == ""  # the link itself stays the plain page
    with page.expect_navigation():
        link.click()
    assert urlsplit(page.url).path == f"/briefs/{GIMHAE}/"
    entry = page.evaluate("performance.getEntriesByType('navigation')[0].name")
    directive = unquote(entry.split(":~:text=")[1])
    assert "인력난을" in directive
    assert page.evaluate("'fragmentDirective' in document")  # Chromium applies it: highlighted, scrolled to


def test_a_hit_picked_in_the_header_drop_down_opens_the_brief_at_its_passage(page: Any, url: str) -> None:
    page.goto(url)
    page.click(BOX)
    page.keyboard.type("인력난", delay=30)
    until(page, f"() => document.querySelector('{LIST}')?.dataset.query === '인력난'")
    hit = page.locator(f"{LIST} [data-result='{GIMHAE}']")
    with page.expect_navigation():
        hit.click()
    assert urlsplit(page.url).path == f"/briefs/{GIMHAE}/"
    entry = page.evaluate("performance.getEntriesByType('navigation')[0].name")
    assert "인력난을" in unquote(entry.split(":~:text=")[1])


def test_initials_in_the_header_drop_down(page: Any, url: str) -> None:
    page.goto(url)
    page.click(BOX)
    page.keyboard.type("ㅂㄹㄹ", delay=30)
    until(page, f"() => document.querySelector('{LIST}')?.dataset.query === 'ㅂㄹㄹ'")
    ids = page.eval_on_selector_all(f"{LIST} [data-result]", "items => items.map(i => i.dataset.result)")
    assert ids == [GIMHAE]
    assert page.locator(f"{LIST} [data-result] mark").all_text_contents() == []  # a title without the term


def test_initials_on_the_search_page(page: Any, url: str) -> None:
    assert _search(page, url, "ko", "ㅂㄹㄹ") == [GIMHAE]
    assert "불량률을" in page.locator("[data-excerpt] mark").all_text_contents()


def test_a_syllable_being_composed_does_not_flash_no_results(page: Any, url: str) -> None:
    page.goto(url)
    page.click(BOX)
    page.keyboard.type("불량률", delay=30)
    until(page, f"() => document.querySelector('{LIST}')?.dataset.query === '불량률'")
    page.fill(BOX, "")
    page.keyboard.type("인력ㄴ", delay=30)  # 인력난 half typed: the last syllable is a lone jamo so far
    page.wait_for_timeout(600)
    status = page.locator(".briefs-suggest__status").text_content()
    assert "없습니다" not in status, status  # the last list stays until the syllable is done
    page.keyboard.press("Backspace")
    page.keyboard.type("난", delay=30)
    until(page, f"() => document.querySelector('{LIST}')?.dataset.query === '인력난'")
    ids = page.eval_on_selector_all(f"{LIST} [data-result]", "items => items.map(i => i.dataset.result)")
    assert ids == [GIMHAE]


def test_a_typo_is_offered_a_correction(page: Any, url: str) -> None:
    assert _search(page, url, "ko", "불랑률을") == []
    offer = page.locator("[data-suggest] a")
    assert offer.all_text_contents() == ["불량률"]
    offer.click()
    page.wait_for_selector(DONE)
    assert parse_qs(urlsplit(page.url).query)["q"] == ["불량률"]
    assert page.eval_on_selector_all("[data-result]", "items => items.map(i => i.dataset.result)") == [GIMHAE]


def test_a_typo_in_the_header_box_is_offered_a_correction(page: Any, url: str) -> None:
    page.goto(url + "en/")
    page.click(BOX)
    page.keyboard.type("liquidty", delay=30)
    until(page, f"() => document.querySelector('{LIST}')?.dataset.query === 'liquidty'")
    offer = page.locator(f"{LIST} [data-suggest]")
    assert offer.get_attribute("data-suggest") == "liquidity"
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/en/search/" and parse_qs(urlsplit(page.url).query)["q"] == ["liquidity"]


def test_a_typo_in_the_first_letter_is_offered_a_correction(page: Any, url: str) -> None:
    assert _search(page, url, "ko", "풀량률") == []  # ㅍ for ㅂ: another word list than 불량률's first letters
    assert page.locator("[data-suggest] a").all_text_contents() == ["불량률"]


def test_english_typo(page: Any, url: str) -> None:
    assert _search(page, url, "en", "liquidty") == []
    assert page.locator("[data-suggest] a").all_text_contents() == ["liquidity"]


@pytest.mark.parametrize(("lang", "q", "text", "target"), [
    ("ko", "lithium", "영어 브리프 1건", "/en/search/"),
    ("en", "불량률", "1 Korean brief", "/search/"),
])
def test_a_query_in_the_other_language_is_offered_its_briefs(
    page: Any, url: str, lang: str, q: str, text: str, target: str
) -> None:
    assert _search(page, url, lang, q) == []
    link = page.locator("[data-other] a")
    assert link.text_content() == text
    href = urlsplit(link.evaluate("a => a.href"))
    assert href.path == target and parse_qs(href.query)["q"] == [q]
    link.click()
    page.wait_for_selector(DONE)
    assert page.eval_on_selector_all("[data-result]", "items => items.map(i => i.dataset.result)") == [GIMHAE]


@pytest.mark.parametrize("q", ["zzz9", "xq-zz", "1999년", "a.i 인력난", "ㅋㅋㅋ"])
def test_no_hit_queries_find_nothing_in_the_script_either(page: Any, url: str, q: str) -> None:
    from urllib.parse import quote

    assert _search(page, url, "ko", quote(q)) == []


def test_no_hits_and_nothing_close_says_so_and_offers_nothing(page: Any, url: str) -> None:
    assert _search(page, url, "ko", "없는말") == []
    assert page.locator("[data-status]").text_content() == "검색 결과가 없습니다."
    assert page.locator("[data-suggest], [data-other]").count() == 0
