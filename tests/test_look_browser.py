"""How the site looks to its readers: defects found by looking at every page type in Chromium.

Each test lays a page out in headless Chromium and measures what a reader sees: where the
"수정됨 / Updated" mark sits in a list, which blue the links are, whether the site's name is
centred in the header on a phone, where a search highlight lets a Korean line break, how wide
an English list's items are, how a brief's corrections line up, how big table text is, what a
printed brief repeats on every sheet, and whether the search form's controls match.

The fixture corpus (``sample_url``) has no photos and no corrections, so one small site of this
module's own (``look_url``: a bundle brief with a photo, a table and two updates, and a plain
brief) is built once for the module.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser import chromium, sample_url, serve, watched_page
from support.bundle_fixtures import bundle_brief, photo
from support.project import build, copy_project, vocabularies, write_brief

__all__ = ["chromium", "sample_url"]  # fixtures from tests/browser.py
pytestmark = [pytest.mark.browser, pytest.mark.build]

PHOTO_ID = "2025-06-10-look-photo-roundtable"
PLAIN_ID = "2025-06-02-look-plain-roundtable"
LONG_NOTE = "2쪽 표의 스마트공장 보급 수치와 수출 중소기업 수를 보도자료 원문에 맞게 바로잡고 발표자 소속을 고쳤습니다."
KRDS_LINK = "rgb(11, 80, 208)"    # --krds-link (primary-60)
KRDS_HOVER = "rgb(8, 56, 145)"    # --md-accent-fg-color and --krds-focus: primary-70
PHONE, DESKTOP = 360, 1280
MM = 96 / 25.4  # CSS pixels in a millimetre

BOX = "el => { const r = el.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width, h: r.height}; }"


@pytest.fixture(scope="module")
def look_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    briefs = vocabularies(tmp_path_factory.mktemp("look-briefs") / "briefs")
    extra = ("updates:\n  - date: 2025-06-12\n    note: 발표자 소속을 고쳤습니다.\n"
             f"  - date: 2025-06-20\n    note: {LONG_NOTE}\n")
    body = ("본문입니다.\n\n![참석자들이 토론하는 모습](photo.jpg \"토론하는 참석자들\")\n\n"
            "| 구분 | 2024년 | 2025년 |\n|---|---|---|\n| 스마트공장 보급(개) | 1,234 | 1,567 |\n")
    en_body = "Body.\n\n![Participants in discussion](photo.jpg)\n"
    where = bundle_brief(briefs, PHOTO_ID, body, en_body, title="사진과 수정 이력이 있는 라운드테이블", extra=extra)
    photo(where / "photo.jpg", (800, 533))
    write_brief(briefs, PLAIN_ID, "ko", "title: 사진 없는 라운드테이블\ndate: 2025-06-02\nsummary: 요약입니다.\n"
                "topics: [startups]\nregions: [seoul]\n")
    result = build(copy_project(tmp_path_factory.mktemp("look-site"), briefs))
    assert result.returncode == 0, result.stderr
    with serve(result.site) as url:
        yield url


def box(locator: Any) -> dict[str, float]:
    return dict(locator.evaluate(BOX))


def middle(rect: dict[str, float]) -> float:
    return rect["y"] + rect["h"] / 2


def test_updated_mark_sits_beside_the_date_in_a_list_with_a_thumbnail(chromium: Any, look_url: str) -> None:
    # Beside a thumbnail the list item is a grid: the mark was a grid item of its own, a pill
    # stretched across the whole column on a row under the date.
    with watched_page(chromium) as page:
        for lang, width in [("", PHONE), ("en/", DESKTOP)]:
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(look_url + lang)
            item = page.locator(f".brief-list__item:has(a[href*='{PHOTO_ID}'])")
            assert item.locator(".brief-list__thumb").count() == 1
            date, mark = box(item.locator(".brief-list__date")), box(item.locator(".brief-list__updated"))
            assert mark["w"] < 120, (lang, width, mark)
            assert mark["x"] >= date["x"] + date["w"], (lang, width, date, mark)
            assert abs(middle(mark) - middle(date)) < date["h"] / 2, (lang, width, date, mark)


def test_links_buttons_and_hover_are_krds_blue(chromium: Any, sample_url: str) -> None:
    # Material's palette (indigo) declared its colours on the body, over krds.css's :root.
    with watched_page(chromium) as page:
        page.goto(sample_url + "en/")
        title = page.locator(".brief-list__title").first
        assert title.evaluate("a => getComputedStyle(a).color") == KRDS_LINK
        title.hover()
        page.wait_for_timeout(300)  # Material eases the colour over 125 ms
        assert title.evaluate("a => getComputedStyle(a).color") == KRDS_HOVER
        page.goto(sample_url + "search/")
        button = page.locator(".briefs-search__query .md-button--primary")
        assert button.evaluate("b => getComputedStyle(b).backgroundColor") == KRDS_LINK


def test_the_header_search_box_has_a_visible_focus_ring(chromium: Any, sample_url: str) -> None:
    # A yellow ring made for Material's indigo header stayed on KRDS's white one (1.5:1).
    with watched_page(chromium) as page:
        page.goto(sample_url)
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "header-search-q":
                break
        ring = page.evaluate("(s => [s.outlineStyle, s.outlineColor])(getComputedStyle(document.activeElement))")
        assert ring == ["solid", KRDS_HOVER]


def test_site_name_is_centred_in_the_header(chromium: Any, sample_url: str) -> None:
    # On narrow screens the name was set at the top edge of the bar: one line (English, 200% zoom,
    # the 404 page without a search box) sat 15 px above the middle.
    with watched_page(chromium) as page:
        # Two lines (a Korean name on a phone), one line (English at 1280 px and 200% zoom; the 404
        # page, which has no search box).
        for width, path in [(PHONE, ""), (640, "en/"), (PHONE, "en/404.html")]:
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(sample_url + path)
            bar = box(page.locator(".md-header__inner"))
            name = box(page.locator(".md-header__topic").first.locator(".md-ellipsis"))
            assert abs(middle(name) - middle(bar)) <= 2, (path, width, bar, name)


def test_a_search_highlight_keeps_korean_words_whole(chromium: Any, sample_url: str) -> None:
    # Material gives <mark> word-break: break-word, which let a line break inside "수|출바우처"
    # (the summary of a fixture brief, at this width). A one-word highlight is one line box.
    with watched_page(chromium, width=DESKTOP) as page:
        page.goto(sample_url + "search/?q=%EC%88%98%EC%B6%9C")  # 수출
        page.locator("[data-result] mark").first.wait_for()
        marks = page.locator("[data-result] mark").all()
        assert len(marks) > 3
        for mark in marks:
            assert mark.evaluate("m => getComputedStyle(m).wordBreak") == "keep-all"
            lines = mark.evaluate("m => m.getClientRects().length")
            assert lines == 1, mark.evaluate("m => m.parentElement.textContent")


def test_english_list_items_span_the_column(chromium: Any, sample_url: str) -> None:
    # The 38em measure for English running text applied to list items too: their separators
    # stopped 40 px short of the column and of the boxes above them on a brief page.
    with watched_page(chromium, width=DESKTOP) as page:
        page.goto(sample_url + "en/")
        column = box(page.locator(".brief-list").first)
        for item in page.locator(".brief-list__item").all()[:3]:
            assert abs(box(item)["w"] - column["w"]) <= 1, (column, box(item))


def test_corrections_line_up_with_their_heading_and_dates(chromium: Any, look_url: str) -> None:
    with watched_page(chromium) as page:
        for lang in ["", "en/"]:
            page.set_viewport_size({"width": DESKTOP, "height": 800})
            page.goto(f"{look_url}{lang}briefs/{PHOTO_ID}/")
            heading = box(page.locator("#updates-heading"))
            rows = page.locator(".brief-updates__list li").all()
            assert len(rows) == 2
            for row in rows:
                date = box(row.locator(".brief-updates__date"))
                assert abs(date["x"] - heading["x"]) <= 1, (lang, heading, date)  # was indented 10 px
                # A long note wraps in its own column, never back under the date.
                starts = row.locator(".brief-updates__note").evaluate(
                    "n => Array.from(n.getClientRects()).map(r => r.x)")
                assert min(starts) > date["x"] + date["w"], (lang, date, starts)
            page.set_viewport_size({"width": PHONE, "height": 800})  # on a phone, each note under its date
            for row in rows:
                date, note = box(row.locator(".brief-updates__date")), box(row.locator(".brief-updates__note"))
                assert note["y"] >= date["y"] + date["h"] - 1, (lang, date, note)


# Where a line breaks between two Hangul syllables (inside a Korean word, under keep-all only
# when the word is wider than its box): the two characters, for each such break in the element.
MID_WORD_BREAKS = r"""(el) => {
  const hangul = c => c >= "\uac00" && c <= "\ud7a3";
  const chars = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (rect) chars.push([node.data[i], Math.round(rect.top)]);
    }
  }
  const breaks = [];
  for (let i = 1; i < chars.length; i++) {
    if (chars[i][1] > chars[i - 1][1] && hangul(chars[i][0]) && hangul(chars[i - 1][0])) {
      breaks.push(chars[i - 1][0] + "|" + chars[i][0]);
    }
  }
  return breaks;
}"""


def test_translations_page_keeps_korean_titles_whole_on_a_phone(chromium: Any, sample_url: str) -> None:
    # The file paths beside the brief's column squeezed it until titles broke inside words
    # ("라운드테이|블"); the title had no break after "…" as it has in the lists.
    with watched_page(chromium, width=PHONE) as page:
        page.goto(sample_url + "translations/")
        titles = page.locator(".translations-group td:first-child > span[lang=ko]").all()
        assert len(titles) >= 10
        for title in titles:
            assert title.evaluate(MID_WORD_BREAKS) == [], title.inner_text()


def test_table_text_is_body_small(chromium: Any, look_url: str) -> None:
    # Material's 12.8 px table text stood beside 17 px body text; KRDS's body-small is 15 px.
    with watched_page(chromium) as page:
        page.goto(f"{look_url}briefs/{PHOTO_ID}/")
        for width in [PHONE, DESKTOP]:
            page.set_viewport_size({"width": width, "height": 800})
            cell = page.locator(".brief-body table td").first
            assert cell.evaluate("c => getComputedStyle(c).fontSize") == "15px"


def test_a_printed_brief_repeats_no_skip_link_and_keeps_photos_to_a_third_of_a_page(
        chromium: Any, look_url: str) -> None:
    with watched_page(chromium, width=DESKTOP) as page:
        page.goto(f"{look_url}briefs/{PHOTO_ID}/")
        page.emulate_media(media="print")
        # A fixed element prints on every sheet: the skip link covered a line of text on each.
        assert page.locator(".briefs-skip").evaluate("a => getComputedStyle(a).display") == "none"
        image = page.locator(".brief-figure img")
        image.scroll_into_view_if_needed()
        assert box(image)["h"] <= 90 * MM + 1


def test_search_form_controls_match(chromium: Any, sample_url: str) -> None:
    with watched_page(chromium, width=DESKTOP) as page:
        page.goto(sample_url + "en/search/")
        field, button = box(page.locator("#search-q")), box(page.locator(".briefs-search__query .md-button"))
        assert abs(field["h"] - button["h"]) <= 1 and abs(field["y"] - button["y"]) <= 1, (field, button)
        for select in page.locator(".briefs-search__filters select").all():
            assert box(select)["h"] >= 40, box(select)  # KRDS's small control; the browser's was 26 px


def test_licence_conditions_read_as_one_row(chromium: Any, look_url: str) -> None:
    # briefs.css laid the three conditions out in a row, but Material's "ul:not([hidden])" won: a bullet list.
    with watched_page(chromium) as page:
        for lang in ("", "en/"):
            page.goto(f"{look_url}{lang}briefs/{PHOTO_ID}/")
            items = page.locator(".brief-license__conditions li")
            assert items.count() == 3
            tops = {round(box(items.nth(i))["y"]) for i in range(3)}
            assert len(tops) == 1, (lang, tops)
            assert items.first.evaluate("li => getComputedStyle(li).listStyleType") == "none"  # no bullets
