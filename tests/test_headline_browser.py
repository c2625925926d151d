"""Korean headlines on a phone: lines break between words, never inside one, and never overflow.

Korean text has ``word-break: keep-all`` (briefs.css): a line may break only at spaces. A
headline such as ``라운드테이블…“지역혁신생태계”`` has no break opportunity around "…“"
(Unicode line breaking keeps quotation marks with their neighbours), so "…" glued the words on
both sides into one run wider than a 360 px screen, and ``overflow-wrap`` split it inside a word
("…“지역혁신생|태계”"). The brief template puts ``<wbr>`` between "…" and an opening quote
(``briefkit.site.ellipsis_break_segments``); these tests lay such headlines out in Chromium
at 360 px and look at where each line starts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

import pytest
from browser import chromium, sample_url, serve
from support.project import Build, build, copy_project, vocabularies, write_brief

from briefkit.site import ellipsis_break_segments

__all__ = ["chromium", "sample_url"]  # fixtures from tests/browser.py
pytestmark = [pytest.mark.browser, pytest.mark.build]

PHONE = 360
# id -> (title, the run "…" glued together before the fix): typographic and straight quotes.
HEADLINES = {
    "2025-05-13-curly-quote-roundtable": (
        "중소벤처기업부 지역혁신 라운드테이블…“지역혁신생태계활성화방안” 조성 논의",
        "라운드테이블…“지역혁신생태계활성화방안”",
    ),
    "2025-05-14-straight-quote-roundtable": (
        '중소벤처기업부 지역혁신 라운드테이블…"지역혁신생태계활성화방안" 조성 논의',
        '라운드테이블…"지역혁신생태계활성화방안"',
    ),
    "2025-05-15-single-quote-roundtable": (
        "소상공인 라운드테이블…‘인내자본’…‘지역혁신생태계’ 필요",
        "라운드테이블…‘인내자본’…‘지역혁신생태계’",
    ),
    "2025-05-16-straight-single-quote-roundtable": (
        "소상공인 라운드테이블…'지역균형발전'…'지역혁신생태계' 필요",
        "라운드테이블…'지역균형발전'…'지역혁신생태계'",
    ),
}
OPENING_QUOTES = "“‘\"'"

# Each line of the element's text as laid out (one string per line box), from the rectangle of
# every character (Range.getClientRects); characters without a box (collapsed spaces) join the
# line they follow. Also the element's and its container's widths.
LAYOUT = r"""(el) => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const lines = [];
  let line = "", lastTop = null, node;
  while ((node = walker.nextNode())) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rects = [...range.getClientRects()].filter(r => r.width > 0 || r.height > 0);
      if (rects.length) {
        const top = rects[0].top, height = rects[0].height;
        if (lastTop !== null && top > lastTop + height / 2) { lines.push(line); line = ""; }
        lastTop = top;
      }
      line += node.data[i];
    }
  }
  lines.push(line);
  const box = el.getBoundingClientRect(), outer = el.parentElement.getBoundingClientRect();
  return {
    lines, text: el.textContent, html: el.innerHTML,
    scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, right: box.right, outerRight: outer.right,
    pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  };
}"""

# The width of ``text`` laid out in one piece in the headline's font (a nowrap span beside it).
RUN_WIDTH = r"""(el, text) => {
  const span = document.createElement("span");
  span.style.whiteSpace = "nowrap";
  span.textContent = text;
  el.appendChild(span);
  const width = span.getBoundingClientRect().width;
  span.remove();
  return width;
}"""


def bad_breaks(lines: list[str]) -> list[str]:
    """Every line break not at a word boundary: a line must end with a space, with "…", with a
    가운뎃점 ("농생명·|탄소": it separates the words of a list, as a comma would), or with the hyphen
    of a hyphenated English word ("off-|season"); the Unicode rules allow a break after both."""
    return [f"{before}|{after}" for before, after in itertools.pairwise(lines)
            if not (before[-1:].isspace() or before.endswith(("…", "·")) or ENGLISH_HYPHEN.search(before))]


ENGLISH_HYPHEN = re.compile(r"[A-Za-z]-$")


@pytest.fixture(scope="module")
def headline_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Build, str]]:
    root = tmp_path_factory.mktemp("headlines")
    briefs = vocabularies(root / "briefs")
    for brief_id, (title, _) in HEADLINES.items():
        quoted = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
        write_brief(briefs, brief_id, "ko", f"""
            title: {quoted}
            date: {brief_id[:10]}
            summary: 줄바꿈 시험용 브리프입니다.
            topics: [startups]
            regions: [seoul]
        """)
    result = build(copy_project(root / "project", briefs))
    assert result.returncode == 0, result.stderr
    with serve(result.site) as url:
        yield result, url


@pytest.mark.parametrize("brief_id", list(HEADLINES))
@pytest.mark.parametrize("lang", ["ko", "en"])  # the English page shows the Korean headline (no translation)
def test_headline_breaks_between_words_at_360px(chromium: Any, headline_site: tuple[Build, str], brief_id: str,
                                                lang: str) -> None:
    _, url = headline_site
    title, glued = HEADLINES[brief_id]
    prefix = "" if lang == "ko" else "en/"
    context = chromium.new_context(viewport={"width": PHONE, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{url}{prefix}briefs/{brief_id}/")
        h1 = page.locator("article h1")
        shown = h1.evaluate(LAYOUT)
        # The test means something: what "…" glues together is wider than the headline's line.
        assert h1.evaluate(RUN_WIDTH, glued) > shown["clientWidth"], "the test headline no longer needs a break"
    finally:
        context.close()
    assert len(shown["lines"]) > 1
    assert bad_breaks(shown["lines"]) == [], shown["lines"]
    pairs = list(itertools.pairwise(shown["lines"]))
    assert any(a.endswith("…") and b[:1] in OPENING_QUOTES for a, b in pairs), shown["lines"]
    assert shown["scrollWidth"] <= shown["clientWidth"], shown
    assert shown["right"] <= shown["outerRight"] + 0.5, shown
    assert shown["pageScroll"] <= 0, shown
    # What the writer typed is what search, copy and screen readers get: only <wbr> was added.
    assert shown["text"] == title
    assert shown["html"].replace("<wbr>", "") == title.replace("&", "&amp;").replace("<", "&lt;")
    assert "…<wbr>" in shown["html"]


@pytest.mark.parametrize("prefix", ["", "en/"])  # the Korean pages, the English pages: one test each
def test_sample_headlines_break_between_words_at_360px(chromium: Any, sample_url: str,
                                                       sample_build: Build, prefix: str) -> None:
    folders = sorted(p.parent.name for p in (sample_build.site / "briefs").glob("*/index.html"))
    assert len(folders) >= 10
    context = chromium.new_context(viewport={"width": PHONE, "height": 900})
    try:
        for where in [f"{prefix}briefs/{name}/" for name in folders]:
            # A new page each: one page sent from brief to brief loads each one more slowly than the last.
            page = context.new_page()
            page.goto(sample_url + where)
            shown = page.locator("article h1").evaluate(LAYOUT)
            page.close()
            assert bad_breaks(shown["lines"]) == [], (where, shown["lines"])
            assert shown["scrollWidth"] <= shown["clientWidth"], (where, shown)
    finally:
        context.close()


@pytest.mark.parametrize(("title", "segments"), [
    ("라운드테이블…“지역혁신” 필요", ("라운드테이블…", "“지역혁신” 필요")),
    ('중기부…"지역혁신" 추진', ("중기부…", '"지역혁신" 추진')),
    ("가…‘나’…“다”", ("가…", "‘나’…", "“다”")),
    ("소상공인…'인내자본'", ("소상공인…", "'인내자본'")),
    ('"그런데…"라고 했다', ('"그런데…"라고 했다',)),  # a closing straight quote stays with "…"
    ("“그런데…”라고 했다", ("“그런데…”라고 했다",)),
    ("라운드테이블…물류비 부담", ("라운드테이블…물류비 부담",)),  # a break is already allowed before Hangul
    ("끝…", ("끝…",)),
    ("…“", ("…“",)),
    ("", ("",)),
])
def test_ellipsis_break_segments(title: str, segments: tuple[str, ...]) -> None:
    assert ellipsis_break_segments(title) == segments
    assert "".join(segments) == title


def test_headline_html_keeps_the_text(headline_site: tuple[Build, str]) -> None:
    site, _ = headline_site
    html = site.page("briefs/2025-05-13-curly-quote-roundtable/")
    assert "<h1>중소벤처기업부 지역혁신 라운드테이블…<wbr>“지역혁신생태계활성화방안” 조성 논의</h1>" in html
    assert "<title>중소벤처기업부 지역혁신 라운드테이블…“지역혁신생태계활성화방안” 조성 논의 - " in html
    en = site.page("en/briefs/2025-05-14-straight-quote-roundtable/")
    quoted = "&#34;지역혁신생태계활성화방안&#34;"
    assert f'<h1 lang="ko">중소벤처기업부 지역혁신 라운드테이블…<wbr>{quoted} 조성 논의</h1>' in en
