"""Sanitise the HTML of brief bodies (``on_page_content``) with nh3 (Ammonia).

Writers may put raw HTML in a brief's Markdown and Python-Markdown passes it
through: here scripts, event handlers, ``javascript:`` URLs and any tag outside
ordinary document markup are removed. Hand-written pages in ``docs/`` are ours
and are left alone.

The table of contents (``page.toc``) is built from the Markdown before this
runs, and Material prints it, and its skip link, unescaped: its ids and titles
are made safe here on every page, whatever produced them (the ids are already
safe slugs from ``briefkit.markdown_ids``; this is the second wall).
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from briefkit.markdown_ids import safe_id
from briefkit.sanitize import clean_html, clean_inline


def on_page_content(html: str, page: Page, **_: Any) -> str:
    _safe_toc(page.toc)
    if "brief" not in page.meta:
        return html
    return clean_html(html)


def _safe_toc(links: Any) -> None:
    for link in links or ():
        if isinstance(link, AnchorLink):
            link.id = safe_id(link.id)
            link.title = clean_inline(link.title)
        _safe_toc(getattr(link, "children", None))
