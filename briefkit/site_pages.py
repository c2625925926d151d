"""Read a built site's HTML pages fast: their language, element ids and links.

For ``briefs verify-site`` (``verify_site.py``): a 1,000-pair site has over
4,000 pages, so pages are scanned with regular expressions over the markup
MkDocs writes (attributes in double quotes), not parsed into trees. Script and
style contents and comments are skipped, so code in them is not read as links.
Links are then resolved as a browser would, against the page's own address.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

_SKIPPED = re.compile(r"(<script\b[^>]*>).*?</script>|<style\b[^>]*>.*?</style>|<!--.*?-->", re.DOTALL | re.I)
_HTML_LANG = re.compile(r"<html\b[^>]*?\slang=\"([^\"]*)\"", re.I)
_ID = re.compile(r"<[a-zA-Z][^>]*?\sid=\"([^\"]*)\"")
_TAG = re.compile(r"<(a|link|area|img|source|script|iframe)(\s[^>]*)>", re.I)
_URL_ATTR = re.compile(r"\s(href|src|srcset)=\"([^\"]*)\"", re.I)
_OTHER_LANG = re.compile(r"<(?!html\b)[a-zA-Z][^>]*?\slang=\"([^\"]*)\"")
# A URL scheme that is not a page of this site (mail, telephone, inline data).
_NOT_A_PAGE = ("mailto:", "tel:", "data:", "javascript:", "blob:")


@dataclass
class Link:
    """One address in one page, with the line it is on."""

    url: str
    line: int


@dataclass
class PageScan:
    """What one HTML page declares and links to."""

    lang: str | None
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)
    inner_langs: set[str] = field(default_factory=set)  # lang attributes on elements inside the page


def scan_page(text: str) -> PageScan:
    """The language, element ids, links and inner ``lang`` attributes of one page."""
    lang = _HTML_LANG.search(text[:4096])
    visible = _SKIPPED.sub(lambda m: m.group(1) or "", text)
    scan = PageScan(html.unescape(lang.group(1)) if lang else None)
    scan.ids = {html.unescape(m.group(1)) for m in _ID.finditer(visible)}
    scan.inner_langs = {m.group(1) for m in _OTHER_LANG.finditer(visible)}
    lines = _LineCounter(visible)
    for tag in _TAG.finditer(visible):
        for attr in _URL_ATTR.finditer(tag.group(2)):
            values = _srcset(attr.group(2)) if attr.group(1).lower() == "srcset" else [attr.group(2)]
            line = lines.at(tag.start())
            scan.links.extend(Link(html.unescape(v), line) for v in values if v)
    return scan


def _srcset(value: str) -> list[str]:
    return [candidate.strip().split()[0] for candidate in value.split(",") if candidate.strip()]


class _LineCounter:
    """Line numbers of positions met in increasing order, without counting from the start each time."""

    def __init__(self, text: str) -> None:
        self._text, self._pos, self._line = text, 0, 1

    def at(self, pos: int) -> int:
        self._line += self._text.count("\n", self._pos, pos)
        self._pos = pos
        return self._line


# A link that is not a plain relative path: it has a scheme, starts at a host or the root, or is
# only a query. Those go through urljoin; the rest (most links) are joined as paths, much faster.
_NOT_RELATIVE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|[/?]")


@dataclass(frozen=True)
class Target:
    """Where an internal link leads: a file of the site (relative path) and a fragment."""

    file: str
    fragment: str


def resolve(url: str, page_url: str, site_url: str) -> Target | None:
    """The site file ``url`` on the page at ``page_url`` leads to, or None when it leaves the site.

    ``page_url`` and ``site_url`` are absolute; a directory address leads to its
    ``index.html``. A link to the same host outside the site's folder gives a
    ``file`` starting with ``../``, which never exists.
    """
    if url.lower().startswith(_NOT_A_PAGE):
        return None
    if page_url.startswith(site_url) and not _NOT_RELATIVE.match(url):
        target = _relative(url, page_url[len(site_url):])
        if target is not None:
            return target
    absolute = urljoin(page_url, url)
    parts, base = urlsplit(absolute), urlsplit(site_url)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return None
    path = unquote(parts.path)
    if not path.startswith(base.path):
        return Target("../" + path.lstrip("/"), unquote(parts.fragment))
    rel = path[len(base.path):]
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return Target(rel, unquote(parts.fragment))


def existing_file(files: set[str], rel: str) -> str | None:
    """``rel`` if the site has that file, its ``index.html`` if it is a folder, else None.

    ``files`` holds every file of the site, relative and POSIX (a set: one walk of
    the site instead of a file system call per link).
    """
    if rel in files:
        return rel
    index = rel.rstrip("/") + "/index.html"
    return index if index in files else None


def _relative(url: str, page: str) -> Target | None:
    """A relative ``url`` on the page at ``page`` (a path from the site root, like ``en/topics/``).

    None when it climbs above the site's folder: then urljoin decides, as a browser
    would (above the host's root it stays at the root).
    """
    path, _, fragment = url.partition("#")
    path = path.split("?", 1)[0]
    folder = page.rsplit("/", 1)[0] if "/" in page else ""
    if not path:
        rel = page
    else:
        joined = posixpath.normpath(posixpath.join(folder, unquote(path)))
        folder_link = path.endswith(("/", "/.", "/..")) or path in (".", "..")
        rel = "" if joined == "." else joined + ("/" if folder_link else "")
        if rel.startswith("../") or rel == "..":
            return None
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return Target(rel, unquote(fragment))
