"""Ids in rendered Markdown are the writer's data: safe slugs that never take a name the theme uses.

A body sets ids through ``attr_list`` (``## 개요 {: #x }``), ``md_in_html``
(``<div markdown id=…>``), footnote labels (``fn:…``) and raw HTML, and the
``toc`` extension derives ids from heading text. Material prints the table of
contents and its skip link from those ids without escaping them, and its
JavaScript finds its own elements by id (``__config``, ``__drawer``, …). So:

- ``WriterIdsExtension`` (``briefkit.markdown_ids`` in ``mkdocs.yml``) runs
  after ``attr_list`` and before ``toc``: every id in the tree that is not a
  safe slug, or that the theme uses, is rewritten, links to it follow, and
  the ids ``toc`` makes from heading text go through the same rule.
- ``safe_id`` is the rule; ``briefkit.sanitize`` applies it to raw HTML too.

A safe id starts with a letter or digit and holds only letters, digits,
``-``, ``_``, ``.`` and ``:`` (footnotes use ``fn:1``): nothing that can end an
attribute or start markup, whatever template prints it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Any

from markdown import Extension, Markdown
from markdown.extensions.toc import unique
from markdown.treeprocessors import Treeprocessor
from pymdownx.slugs import slugify

SAFE_ID = re.compile(r"[^\W_][\w.:-]{0,127}\Z")
# Ids the site's templates give their own elements (overrides/ and Material's; tests/test_security.py
# checks the list against every template). Material's own start with "_" (``__config``, ``__nav_2``).
THEME_IDS = frozenset({
    "main-content", "briefs-search", "header-search-q", "search-q", "latest-heading", "related-heading",
    "speakers-heading", "region-map-heading", "region-map-legend", "updates-heading", "license-heading",
    "attachments-heading",
})
_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")  # Python-Markdown's stash of raw HTML inside text
_SLUG = slugify(case="lower")
_SLUGIFY_WRAPPED = "_briefs_safe_ids"


def is_reserved(value: str) -> bool:
    """Whether ``value`` is an id the theme or the site's templates use."""
    return value.startswith("_") or value.casefold() in THEME_IDS


def safe_id(value: str) -> str:
    """``value`` if it is a safe id the theme does not use, else a safe slug made from it."""
    if SAFE_ID.match(value) and not is_reserved(value):
        return value
    slug = _SLUG(_PLACEHOLDER.sub("", value), "-").strip("_-.:")[:100] or "id"
    if not SAFE_ID.match(slug) or is_reserved(slug):
        slug = "id-" + slug
    return slug if SAFE_ID.match(slug) else "id"


class WriterIds(Treeprocessor):
    """Rewrites unsafe or reserved ids in the tree, and the ``#`` links that point at them."""

    def run(self, root: etree.Element) -> None:
        _guard_toc_slugs(self.md)
        renamed: dict[str, str] = {}
        used: set[str] = set()
        for element in root.iter():
            old = element.get("id")
            if old is None:
                continue
            new = safe_id(old)
            if new != old:
                new = unique(new, used) if new in used else new
                renamed.setdefault(old, new)
                element.set("id", new)
            used.add(new)
        if not renamed:
            return
        for element in root.iter("a"):
            href = element.get("href", "")
            if href.startswith("#") and href[1:] in renamed:
                element.set("href", "#" + renamed[href[1:]])


def _guard_toc_slugs(md: Markdown) -> None:
    """Make the ids ``toc`` derives from heading text (``## __config``, ``## Main content``) safe too."""
    if "toc" not in md.treeprocessors:
        return
    toc: Any = md.treeprocessors["toc"]
    if getattr(toc, _SLUGIFY_WRAPPED, False):
        return
    original: Callable[[str, str], str] = toc.slugify

    def safe_slugify(value: str, separator: str) -> str:
        return safe_id(original(value, separator))

    toc.slugify = safe_slugify
    setattr(toc, _SLUGIFY_WRAPPED, True)


class WriterIdsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (8), which sets ids from '{: #…}'; before toc (5), which reads them.
        md.treeprocessors.register(WriterIds(md), "briefs_writer_ids", 6)


def makeExtension(**kwargs: Any) -> WriterIdsExtension:
    return WriterIdsExtension(**kwargs)
