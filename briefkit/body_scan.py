"""What a brief body links to, and which ids it has: read by the parser the build uses.

The build converts a body with Python-Markdown under mkdocs.yml's
``markdown_extensions`` (after MkDocs' own ``toc``, ``tables`` and
``fenced_code``), and MkDocs then resolves the ``href`` of every ``a`` and the
``src`` of every ``img`` in the element tree, and checks links to anchors
against every ``id`` the page has. ``scan`` converts a body the same way and
collects exactly those: the references in document order and the ids (heading
ids from ``toc`` with the build's slugify, ``attr_list`` ids, footnotes). Raw
HTML that Python-Markdown passes through (MkDocs neither rewrites nor checks
it, the sanitiser keeps ``a href`` and ``img src``) is read with an HTML
parser. tests/test_references.py checks that these settings are mkdocs.yml's.

Python-Markdown keeps no line numbers: each reference is found again in the
text (the n-th reference to a URL at the n-th place the text has it), so a
problem is reported at the line the writer typed it on.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from xml.etree import ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from pymdownx.slugs import slugify

from . import cache

# MkDocs puts its defaults first (toc, tables, fenced_code), then mkdocs.yml's, in order.
MARKDOWN_EXTENSIONS = ("toc", "tables", "fenced_code", "attr_list", "admonition", "footnotes", "def_list",
                       "md_in_html", "briefkit.markdown_ids")
# Markdown that can refer to nothing: no link or image, no raw HTML or autolink, no reference definition.
_MAY_REFER = re.compile(r"\]\(|<|\]:")
# Links to other sites, which need no parsing to pass: an inline link (not an image), an autolink, a
# reference definition. Without them, what still may refer to something needs the parser.
_EXTERNAL = re.compile(
    r"(?<!!)\[[^\[\]]*\]\(\s*<?(?:https?|mailto):"  # [text](https://…
    r"|<(?:https?|mailto):[^<>\s]*>"  # <https://…>
    r"|^ {0,3}\[[^\[\]]+\]:\s*<?(?:https?|mailto):",  # [name]: https://…
    re.IGNORECASE | re.MULTILINE,
)
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash escape, as Python-Markdown reads one
_URL_ATTRIBUTES = {"a": "href", "img": "src"}


def markdown_configs() -> dict[str, dict[str, Any]]:
    """mkdocs.yml's extension settings (the only ones it sets are the table of contents')."""
    return {"toc": {"permalink": True, "permalink_title": "", "slugify": slugify(case="lower")}}


@dataclass(frozen=True)
class Reference:
    """One link or image of a body, as MkDocs reads it."""

    kind: str  # "link" or "image"
    url: str  # the attribute's value in the element tree (character references not decoded)
    line: int  # in the body, from 1
    html: bool = False  # written as raw HTML: the build leaves it exactly as written
    alt: str = ""  # an image's alt text (a bundle's image needs one)
    title: str = ""  # an image's title: its visible caption

    @property
    def mail(self) -> bool:
        """An e-mail autolink (``<name@example.org>``): Python-Markdown hides the address in entities."""
        return AMP_SUBSTITUTE in self.url


@dataclass(frozen=True)
class BodyScan:
    references: tuple[Reference, ...]
    anchors: frozenset[str]


def references(body: str, *, external: bool = True) -> tuple[Reference, ...]:
    """Every link and image of ``body``, in document order (``external``: see ``needs_parsing``)."""
    return scan(body).references if needs_parsing(body, external=external) else ()


def needs_parsing(body: str, *, external: bool = True) -> bool:
    """Whether ``body`` may refer to anything; ``external=False``: to anything but other sites.

    Parsing a body is the cost; most briefs link only outwards, if at all.
    """
    if _MAY_REFER.search(body) is None:
        return False
    if external:
        return True
    rest = _EXTERNAL.sub("", body)
    return _MAY_REFER.search(rest) is not None or "{" in rest  # attr_list may set a link's href: {: href=… }


def anchors(body: str) -> frozenset[str]:
    """Every id a link may point at on the page of ``body``."""
    return scan(body).anchors


@cache.memo("body scans", maxsize=8192)  # keyed by the text: a preview converts again only what was edited
def scan(body: str) -> BodyScan:
    """Convert ``body`` as the build does; its references and ids.

    Raises ``RecursionError`` on Markdown nested too deeply for the parser.
    """
    md = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS), extension_configs=markdown_configs())
    collector = _Collector(md)
    md.treeprocessors.register(collector, "briefs_references", 0)  # where MkDocs resolves links: after toc
    # static-i18n hands MkDocs each page's lines rejoined with "\n" (str.splitlines also splits at U+2028 …).
    md.convert("\n".join(body.splitlines()))
    found: list[tuple[str, str, bool, str, tuple[str, str]]] = [
        (kind, url, False, url, words) for kind, url, words in collector.references]
    ids = set(collector.ids)
    for block in md.htmlStash.rawHtmlBlocks:
        if isinstance(block, str):
            raw = _RawHTML()
            raw.feed(block)
            raw.close()
            ids |= raw.ids
            found += [(kind, url, True, block, ("", "")) for kind, url in raw.references]
    locate = _Locator(body)
    refs = tuple(Reference(kind, url, locate(url, raw, block), raw, *words) for kind, url, raw, block, words in found)
    return BodyScan(refs, frozenset(ids))


def _no_html(root: etree.Element) -> str:
    return "<div></div>"  # what Python-Markdown strips as the document's wrapper


def footnote_line(body: str, name: str) -> int:
    """The line of footnote ``name``'s definition (``[^name]:``), or 1."""
    return _Locator(body).line_of(f"[^{name}]:", 1)


class _Collector(Treeprocessor):
    """What MkDocs' own tree processors see: ``a``/``img`` URLs, ids and ``a`` names."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.references: list[tuple[str, str, tuple[str, str]]] = []
        self.ids: list[str] = []

    def run(self, root: etree.Element) -> None:
        self.md.serializer = _no_html  # the tree is all that is read: not writing the HTML saves a tenth
        for element in root.iter():
            if anchor := element.get("id"):
                self.ids.append(anchor)
            if element.tag == "a" and (name := element.get("name")):
                self.ids.append(name)
            attribute = _URL_ATTRIBUTES.get(element.tag)
            url = element.get(attribute) if attribute else None
            if url is not None:
                words = (element.get("alt", ""), element.get("title", "")) if element.tag == "img" else ("", "")
                self.references.append(("link" if element.tag == "a" else "image", url, words))


class _RawHTML(HTMLParser):
    """Links, images and ids of raw HTML (attribute values come decoded, as a browser reads them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if value is None:
                continue
            if key == "id" or (key == "name" and tag == "a"):
                self.ids.add(value)
            if _URL_ATTRIBUTES.get(tag) == key:
                self.references.append(("link" if tag == "a" else "image", value))


class _Locator:
    """Finds the line of each reference in the text, the n-th use of a URL at its n-th place."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.unescaped: str | None = None  # the body with backslash escapes read, made on first need
        self.used: dict[tuple[str, bool], int] = {}

    def __call__(self, url: str, raw: bool, block: str) -> int:
        nth = self.used.get((url, raw), 0)
        self.used[(url, raw)] = nth + 1
        if raw:
            start = self.body.find(block)
            if start >= 0:
                offset = max(block.find(url), block.find(html.escape(url)), 0)
                return self._line(start + offset)
            return self.line_of(url, nth + 1) or self.line_of(html.escape(url), nth + 1) or 1
        found = self.line_of(url, nth + 1)
        if not found:
            if self.unescaped is None:  # no escape spans lines: its lines are the body's
                self.unescaped = _ESCAPED.sub(r"\1", self.body)
            found = self._line_in(self.unescaped, url, nth + 1, unescaped=True)
        return found or 1

    def line_of(self, needle: str, nth: int) -> int:
        """The line of the ``nth`` place of ``needle`` (or of its last place), 0 if it is nowhere."""
        return self._line_in(self.body, needle, nth)

    def _line_in(self, text: str, needle: str, nth: int, unescaped: bool = False) -> int:
        position, last = -1, -1
        for _ in range(nth):
            position = text.find(needle, position + 1) if needle else -1
            if position < 0:
                break
            last = position
        if last < 0:
            return 0
        return text.count("\n", 0, last) + 1 if unescaped else self._line(last)

    def _line(self, position: int) -> int:
        return self.body.count("\n", 0, position) + 1
