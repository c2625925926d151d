"""What happens to a page between its Markdown and its file: kept renders, sanitising, valid markup.

Kept renders (briefkit/render_cache.py): ``look_up`` runs after every other
change to the Markdown (``on_page_markdown`` at -200, after static-i18n's at
50), so the key covers the Markdown MkDocs would convert; on a hit MkDocs is
given nothing to convert. ``restore`` runs first of all ``on_page_content``
work: on a hit, the kept HTML, table of contents, anchors and title are put
back; on a miss, the fresh render is kept. Sanitising runs on the HTML as
always after that, so a kept render gives the same page byte for byte.

Sanitising (briefkit/sanitize.py): writers may put raw HTML in a brief's
Markdown and Python-Markdown passes it through; brief bodies are cleaned with
nh3. The table of contents is built from the Markdown before this, and
Material prints it (and its skip link) unescaped: its ids and titles are
made safe on every page, whatever produced them (the ids are already safe
slugs from ``briefkit.markdown_ids``; this is the second wall).

Valid markup: Material's ``base.html`` gives its hidden drawer and search
checkboxes ``autocomplete="off"`` (allowed on text-like inputs only) and its
nav template writes ``tabindex=""`` on section labels, outside any block an
override can replace; the Nu HTML Checker reports both (tests/test_html_valid.py).
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from briefkit.markdown_ids import safe_id
from briefkit.render_cache import RenderCache, cacheable, rendered
from briefkit.sanitize import clean_html, clean_inline

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
EMPTY_TABINDEX = re.compile(r' tabindex=""')


def look_up(cache: RenderCache, markdown: str, page: Page) -> str:
    """The Markdown MkDocs should convert: nothing when a render of it is kept."""
    if not cacheable(markdown):
        return markdown
    key = cache.key(markdown, page.file.src_uri, page.url)
    found = cache.get(key)
    cache.pending[page.file.src_uri] = (key, found)
    return "" if found is not None else markdown


def restore(cache: RenderCache, html: str, page: Page) -> str:
    """The kept render put back on ``page``, or the fresh one kept."""
    pending = cache.pending.pop(page.file.src_uri, None)
    if pending is None:
        return html
    key, found = pending
    if found is not None:
        page.toc = get_toc(found.toc)  # type: ignore[arg-type]
        page.present_anchor_ids = set(found.anchors)
        page._title_from_render = found.title
        page.links_to_anchors = {page.file: dict(found.own_links)} if found.own_links else {}
        return found.html
    kept = rendered(page)
    if kept is not None:
        cache.put(key, kept)
    return html


def safe_content(html: str, page: Page) -> str:
    """A brief body's HTML sanitised; every page's table of contents made safe."""
    _safe_toc(page.toc)
    if "brief" not in page.meta:
        return html  # hand-written pages in docs/ are ours
    return clean_html(html)


def _safe_toc(links: Any) -> None:
    for link in links or ():
        if isinstance(link, AnchorLink):
            link.id = safe_id(link.id)
            link.title = clean_inline(link.title)
        _safe_toc(getattr(link, "children", None))


def valid_markup(html: str) -> str:
    """``html`` without ``autocomplete`` on checkboxes and without empty ``tabindex`` values."""
    return EMPTY_TABINDEX.sub("", CHECKBOX_AUTOCOMPLETE.sub(r"\1", html))


def let_go(page: Page) -> None:
    """The page is written: let go of its Markdown and HTML. MkDocs keeps every page of a
    language pass, and static-i18n runs the English pass while the Korean one is still
    alive; at 10,000 pairs that was gigabytes."""
    page.markdown = None
    page.content = None
