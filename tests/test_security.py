"""Hostile briefs: writers' ids and attributes are data, and nothing they write runs or redirects.

One build of a corpus of hostile bodies (heading ids that close their
attribute, ``<meta http-equiv="refresh">`` through an id, ``{: #__config }``,
headings whose text slugs to the theme's ids, raw HTML ids, footnote labels
with quotes, ``data-toc-label`` markup) serves every assertion on the built
HTML, the XML outputs and, in headless Chromium, what the pages do.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jinja2
import pytest
from browser import chromium, serve
from mkdocs.structure.toc import AnchorLink
from support.project import ROOT, Build, build, copy_project, vocabularies, write_brief

from briefkit.markdown_ids import SAFE_ID, THEME_IDS, is_reserved, safe_id

__all__ = ["chromium"]

HOSTILE_ID = "2025-05-13-hostile-ids"
FRONT = """\
title: 적대적 본문
date: 2025-05-13
summary: 제목 id로 스크립트를 넣으려는 본문.
topics: [regional-innovation]
regions: [seoul]
"""
EN_FRONT = """\
title: Hostile body
summary: A body that tries to run script through heading ids.
"""
BODY = """
## 개요 {: id='x"><script>alert("toc")</script>' }

본문.

## 이동 {: id='y"><meta http-equiv="refresh" content="0;url=https://example.com/">' }

## 스타일 {: id='z" style="position:fixed;inset:0;background:red' }

## 설정 {: #__config }

## 포커스 {: id='f" autofocus onfocus="alert(`focus`)' }

## __drawer

## Main content

## 라벨 {: data-toc-label='<img src=x onerror=alert("label")>' }

<span id="__search">검색 가로채기</span>

<div markdown="1" id="__toc">
### 안쪽 {: #__nav_1 }
</div>

각주[^q"><script>alert("fn")</script>].

[^q"><script>alert("fn")</script>]: 각주 본문

<a class="md-overlay md-button" href="#id-main-content">덮개</a>
"""
ID_ATTRIBUTE = re.compile(r'\bid="([^"]*)"')


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("hostile-ids")
    briefs = vocabularies(project / "src-briefs")
    write_brief(briefs, HOSTILE_ID, "ko", FRONT, BODY)
    write_brief(briefs, HOSTILE_ID, "en", EN_FRONT, BODY)
    result = build(copy_project(project / "site-project", briefs))
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def pages(hostile: Build) -> dict[str, str]:
    return {lang: hostile.page(f"{prefix}briefs/{HOSTILE_ID}/") for lang, prefix in (("ko", ""), ("en", "en/"))}


class _Parsed(HTMLParser):
    """Every element's tag and attributes, and the text of every script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parsed(html: str) -> _Parsed:
    parser = _Parsed()
    parser.feed(html)
    return parser


@pytest.mark.build
def test_no_script_or_meta_from_a_body_reaches_the_page(pages: dict[str, str]) -> None:
    for html in pages.values():
        page = parsed(html)
        assert not [s for s in page.scripts if "alert" in s]
        assert not [a for t, a in page.elements if t == "meta" and (a.get("http-equiv") or "").lower() == "refresh"]
        assert not [a for t, a in page.elements if "onerror" in a or "onfocus" in a or "autofocus" in a]
        assert 'style="position:fixed' not in html
        assert "<script>alert" not in html


@pytest.mark.build
def test_theme_ids_belong_to_the_theme_alone(pages: dict[str, str]) -> None:
    for html in pages.values():
        ids = [a.get("id") for _, a in parsed(html).elements if a.get("id")]
        for theme_id in ("__config", "__drawer", "__search", "main-content"):
            assert ids.count(theme_id) == 1, theme_id
        assert "__toc" not in ids and "__nav_1" not in ids  # a brief's page is in no nav: only the body had them
        assert {"config", "drawer", "search", "toc", "nav_1", "id-main-content"} <= set(ids)
        config = [a for t, a in parsed(html).elements if a.get("id") == "__config"]
        assert config[0].get("type") == "application/json"


@pytest.mark.build
def test_every_id_and_toc_link_is_a_safe_slug(pages: dict[str, str]) -> None:
    for html in pages.values():
        page = parsed(html)
        body_ids = [a["id"] for t, a in page.elements if a.get("id") and t in ("h2", "h3", "div", "span", "sup", "li")]
        assert len(body_ids) >= 10
        for value in body_ids:
            assert value and (SAFE_ID.match(value) or is_reserved(value)), value
        toc = [a["href"] for t, a in page.elements if t == "a" and "md-nav__link" in (a.get("class") or "")
               and (a.get("href") or "").startswith("#")]
        assert len(toc) >= 8
        for href in toc:
            assert SAFE_ID.match(href[1:]) and not is_reserved(href[1:]), href
        skip = [a["href"] for t, a in page.elements if t == "a" and a.get("class") == "md-skip"]
        assert all(SAFE_ID.match(h[1:]) for h in skip)


@pytest.mark.build
def test_links_and_footnotes_follow_their_rewritten_ids(pages: dict[str, str]) -> None:
    page = parsed(pages["ko"])
    ids = {a["id"] for _, a in page.elements if a.get("id")}
    fragments = [a["href"][1:] for t, a in page.elements if t == "a" and (a.get("href") or "").startswith("#")
                 and "md-nav__link" not in (a.get("class") or "")]
    footnote_links = [f for f in fragments if f.startswith(("fn", "fnref"))]
    assert len(footnote_links) == 2
    assert all(f in ids for f in footnote_links)
    [cover] = re.findall(r'<a ([^>]*)>덮개', pages["ko"])
    assert 'class="md-button"' in cover


@pytest.mark.build
def test_every_xml_output_parses(hostile: Build) -> None:
    outputs = [p for p in hostile.site.rglob("*.xml")]
    assert len(outputs) >= 4
    for path in outputs:
        ET.parse(path)


@pytest.mark.build
def test_every_inline_script_is_the_themes(hostile: Build) -> None:
    for path in hostile.site.rglob("*.html"):
        for script in parsed(path.read_text(encoding="utf-8")).scripts:
            assert script.startswith(("__md_scope=", "var target=", "{")), (path, script[:80])


def test_template_ids_are_reserved() -> None:
    """Every literal id a template writes (overrides/ and Material's) is one a writer cannot take."""
    material = Path(jinja2.__file__).parent.parent / "material" / "templates"
    literal = re.compile(r'\bid="([^"{$]+)(?:\{\{|")')
    pages_without_bodies = {"archive.html", "translations.html"}
    found = set()
    for folder in (ROOT / "overrides", material):
        for path in folder.rglob("*.html"):
            if path.name in pages_without_bodies:
                continue
            found.update(literal.findall(path.read_text(encoding="utf-8")))
    assert found
    assert [value for value in found if not is_reserved(value)] == []
    assert {v.casefold() for v in found} | {"main-content"} >= THEME_IDS


@pytest.mark.parametrize(("value", "expected"), [
    ("개요", "개요"), ("fn:1", "fn:1"), ("section-2", "section-2"),
    ("__config", "config"), ("main-content", "id-main-content"), ("x\"><script>", "x"), ("", "id"),
    ("_", "id"), ("Search-Q", "id-search-q"),
])
def test_safe_id(value: str, expected: str) -> None:
    assert safe_id(value) == expected


def test_material_toc_template_cannot_print_markup_whatever_the_id() -> None:
    material = Path(jinja2.__file__).parent.parent / "material" / "templates"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(ROOT / "overrides"), str(material)]))
    item = AnchorLink('<img src=x onerror=alert(1)> &amp; "q"', 'x"><script>alert(1)</script>', 2)
    item.children = [AnchorLink("child", "y' onmouseover='alert(2)", 3)]
    html = env.get_template("partials/toc-item.html").render(toc_item=item)
    page = parsed(html)
    assert [t for t, _ in page.elements] == ["li", "a", "span", "nav", "ul", "li", "a", "span"]
    hrefs = [a["href"] for t, a in page.elements if t == "a"]
    assert hrefs == ['#x"><script>alert(1)</script>', "#y' onmouseover='alert(2)"]
    assert "&amp; &#34;q&#34;" in html or '&amp; "q"' in html or "&amp; &quot;q&quot;" in html


@pytest.mark.browser
@pytest.mark.build
def test_hostile_pages_run_no_script_and_go_nowhere(hostile: Build, chromium: Any) -> None:
    with serve(hostile.site) as base:
        for path in (f"briefs/{HOSTILE_ID}/", f"en/briefs/{HOSTILE_ID}/"):
            for _ in _visit(chromium, base + path):
                pass


def _visit(browser: Any, url: str) -> Iterator[None]:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(1500)  # a refresh of 0 s, a late script
        assert dialogs == [] and errors == []
        assert page.url == url
        # Material's JavaScript read its own configuration (a body's '__config' would stop it) and runs.
        assert page.evaluate("typeof component$ === 'object' && JSON.parse("
                             "document.getElementById('__config').textContent).base !== undefined")
        for heading in page.query_selector_all("article h2"):
            heading.scroll_into_view_if_needed()
        page.click("nav.md-nav--secondary a.md-nav__link >> nth=0")
        page.wait_for_timeout(300)
        assert page.url.startswith(url)
        assert dialogs == [] and errors == []
        yield
    finally:
        context.close()
