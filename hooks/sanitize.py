"""Sanitise the HTML of brief bodies (``on_page_content``) with nh3 (Ammonia).

Writers may put raw HTML in a brief's Markdown and Python-Markdown passes it
through: here scripts, event handlers, ``javascript:`` URLs and any tag outside
ordinary document markup are removed. Hand-written pages in ``docs/`` are ours
and are left alone.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.pages import Page

from briefkit.sanitize import clean_html


def on_page_content(html: str, page: Page, **_: Any) -> str:
    if "brief" not in page.meta:
        return html
    return clean_html(html)
