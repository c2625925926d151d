"""The "수정됨 / Updated" mark of a corrected brief on search hits drawn by script (issue 18), in Chromium.

The server's lists mark a brief with ``updates`` beside its date (fragments/brief-list.html);
the search page (search-page.js) and the header drop-down (search-suggest.js) draw their hits
from the search index, which says which brief was corrected. Over two briefs of this module, one
corrected and one not, both found by the same query: the corrected hit shows the mark in the
page's language, with the lists' markup and beside its date; the other shows none; axe-core
passes with the marks shown.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from browser import chromium, page, require, serve, until
from support.project import Build, build, copy_project, vocabularies, write_brief
from test_a11y_browser import AXE, run_axe

__all__ = ["chromium", "page"]  # fixtures from tests/browser.py
pytestmark = [pytest.mark.browser, pytest.mark.build]

CORRECTED = "2025-05-01-corrected-search-roundtable"
PLAIN = "2025-06-01-plain-search-roundtable"
QUERY = {"ko": "라운드테이블", "en": "roundtable"}
MARK = {"ko": "수정됨", "en": "Updated"}
ROOT = {"ko": "", "en": "en/"}
BOX = "#header-search-q"
LIST = "#header-search-q-list"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    base = tmp_path_factory.mktemp("search-updated")
    briefs = vocabularies(base / "briefs")
    write_brief(briefs, CORRECTED, "ko", """
        title: 발표 뒤 고친 라운드테이블
        date: 2025-05-01
        summary: 수출액을 바로잡은 라운드테이블 브리프입니다.
        topics: [startups]
        regions: [seoul]
        updates:
          - date: 2025-05-03
            note: 3쪽의 수출액을 바로잡았습니다.
    """)
    write_brief(briefs, CORRECTED, "en", """
        title: A roundtable corrected after publication
        summary: A roundtable brief whose export figure was corrected.
        updates:
          - note: Corrected the export figure on page 3.
    """, "Body.\n")
    write_brief(briefs, PLAIN, "ko", """
        title: 고친 적 없는 라운드테이블
        date: 2025-06-01
        summary: 발표 뒤 그대로인 라운드테이블 브리프입니다.
        topics: [startups]
        regions: [busan]
    """)
    write_brief(briefs, PLAIN, "en", """
        title: A roundtable never corrected
        summary: A roundtable brief as first published.
    """, "Body.\n")
    result = build(copy_project(base / "project", briefs))
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def url(site: Build) -> Any:
    with serve(site.site, web_font=False) as base:
        yield base





def _list_mark(page: Any, base: str, lang: str) -> str:
    """The corrected brief's mark as the server-rendered archive list writes it (outer HTML)."""
    page.goto(f"{base}{ROOT[lang]}archive/")
    item = page.locator(f".brief-list__item:has(a[href*='{CORRECTED}'])")
    assert page.locator(f".brief-list__item:has(a[href*='{PLAIN}']) .brief-list__updated").count() == 0
    return str(item.locator(".brief-list__updated").evaluate("el => el.outerHTML"))


def _beside_its_date(hit: Any) -> bool:
    """The mark follows the hit's date (the next element) on the same line, under the title."""
    return bool(hit.locator("time + .brief-list__updated").evaluate(
        """mark => {
             const date = mark.previousElementSibling.getBoundingClientRect();
             const title = mark.previousElementSibling.previousElementSibling.getBoundingClientRect();
             const box = mark.getBoundingClientRect();
             return box.left >= date.right && box.top < date.bottom && box.bottom > date.top
               && date.top >= title.bottom;
           }"""))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_search_page_marks_the_corrected_hit_only(page: Any, url: str, lang: str) -> None:
    listed = _list_mark(page, url, lang)
    page.goto(f"{url}{ROOT[lang]}search/?q={quote(QUERY[lang])}")
    page.wait_for_selector("#briefs-search[data-state=done]")
    hits = page.eval_on_selector_all("[data-result]", "items => items.map(i => i.dataset.result)")
    assert sorted(hits) == [CORRECTED, PLAIN]
    corrected = page.locator(f"[data-result='{CORRECTED}']")
    mark = corrected.locator(".brief-list__updated")
    assert mark.all_text_contents() == [MARK[lang]]
    assert mark.evaluate("el => el.outerHTML") == listed  # the lists' markup, in the page's language
    assert mark.evaluate("el => el.closest('[lang]').lang") == lang
    assert _beside_its_date(corrected)
    assert page.locator(f"[data-result='{PLAIN}'] .brief-list__updated").count() == 0
    require(AXE, "run `npm ci` in the project root, or `make test`")
    assert run_axe(page, AXE.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_header_drop_down_marks_the_corrected_hit_only(page: Any, url: str, lang: str) -> None:
    listed = _list_mark(page, url, lang)
    page.goto(f"{url}{ROOT[lang]}")
    page.click(BOX)
    page.keyboard.type(QUERY[lang], delay=30)
    until(page, f"q => document.querySelector('{LIST}')?.dataset.query === q", QUERY[lang])
    corrected = page.locator(f"{LIST} [data-result='{CORRECTED}']")
    mark = corrected.locator(".brief-list__updated")
    assert mark.all_text_contents() == [MARK[lang]]
    assert mark.evaluate("el => el.outerHTML") == listed
    assert _beside_its_date(corrected)
    assert page.locator(f"{LIST} [data-result='{PLAIN}'] .brief-list__updated").count() == 0
    assert page.locator(f"{LIST} [data-result='{PLAIN}']").count() == 1
    page.keyboard.press("ArrowDown")  # the list open, an option highlighted
    require(AXE, "run `npm ci` in the project root, or `make test`")
    assert run_axe(page, AXE.read_text(encoding="utf-8")) == []
