"""A brief page's bundle images and attachment links, rewritten for readers.

Runs on the body's HTML after sanitising (``briefkit_mkdocs/media.py``), where every
attribute is in double quotes and escaped (nh3's output). An ``<img>`` whose
``src`` is one of the brief's bundle images becomes a responsive
``<picture>`` (WebP ``srcset`` beside a JPEG or PNG fallback, ``width`` and
``height``, lazy loading except for an image that opens the body), inside a
``<figure>`` with its title as the visible caption when it stands alone in
its paragraph. A link to one of its attachments points at the published file
and shows its type and size. The markup is ``overrides/fragments/figure.html``
and ``attachment-link.html``, rendered with autoescaping.

Addresses are made relative to the page, so the site works in a sub-folder:
the Korean page's folder holds the files; the English page climbs to it.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import jinja2
from markupsafe import Markup

from .media.images import PublishedImage
from .media_refs import plain_name
from .media_site import MediaSite, media_folder

# The page column is at most about 760 CSS pixels wide (Material's grid less its sidebars).
SIZES = "(min-width: 76.25em) 760px, 100vw"
TOP_BLOCKS = 2  # blocks of text before the body's first image that may still leave it on the first screen
_ALONE = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>")
_IMG = re.compile(r"<img\b[^>]*>")
_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
_ATTR = re.compile(r'([a-zA-Z-]+)="([^"]*)"')


class MediaMarkup:
    """Renders one build's figures and attachment links (``overrides/fragments/``)."""

    def __init__(self, media: MediaSite, templates: Path) -> None:
        self.media = media
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), autoescape=True,
                                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)

    def page(self, body: str, brief_id: str, page_url: str) -> str:
        """``body`` with the brief's bundle images and attachment links rewritten."""
        if not self.media.has_media(brief_id):
            return body
        folder = _relative_folder(brief_id, page_url)
        first = _first_image_at_top(body)

        def figure(match: re.Match[str]) -> str:
            return self._image(match.group(1), brief_id, folder, alone=True, eager=match.start() == first) \
                or match.group(0)

        def inline(match: re.Match[str]) -> str:
            return self._image(match.group(0), brief_id, folder, alone=False, eager=False) or match.group(0)

        body = _ALONE.sub(figure, body)
        body = _IMG.sub(inline, body)
        return _LINK.sub(lambda m: self._link(m, brief_id, folder), body)

    def _image(self, tag: str, brief_id: str, folder: str, *, alone: bool, eager: bool) -> str | None:
        attrs = _attributes(tag)
        if "srcset" in attrs:
            return None  # already ours
        published = self.media.image(brief_id, _name(attrs.get("src", "")))
        if published is None:
            return None
        template = self.env.get_template("figure.html")
        return template.render(
            figure=alone, eager=eager, alt=attrs.get("alt", ""), caption=attrs.get("title", ""),
            webp=_srcset(published, folder, fallback=False), fallback=_srcset(published, folder, fallback=True),
            src=folder + quote(max(published.fallbacks, key=lambda v: v.width).name),
            width=published.width, height=published.height, sizes=SIZES,
        ).strip()

    def _link(self, match: re.Match[str], brief_id: str, folder: str) -> str:
        attrs = _attributes(match.group(1))
        name = _name(attrs.get("href", ""))
        found = self.media.attachment(brief_id, name)
        if found is None:
            image = self.media.linked_image(brief_id, name)
            if image is None:
                return match.group(0)
            return f'<a{_with_href(match.group(1), folder + quote(image))}>{match.group(2)}</a>'
        return self.env.get_template("attachment-link.html").render(
            href=folder + quote(found.name), attachment=found, text=Markup(match.group(2)),
            lang=attrs.get("lang", ""),
        ).strip()


def _attributes(tag: str) -> dict[str, str]:
    return {name.lower(): html.unescape(value) for name, value in _ATTR.findall(tag)}


def _with_href(attrs: str, href: str) -> str:
    """A tag's attributes with its ``href`` replaced."""
    return re.sub(r'\bhref="[^"]*"', lambda _: f'href="{html.escape(href)}"', attrs, count=1)


def _name(url: str) -> str:
    """The bundle file a body's relative address names ("" for anything else)."""
    parts = urlsplit(url)
    path = plain_name(parts.path)
    if parts.scheme or parts.netloc or "/" in path:
        return ""
    return unicodedata.normalize("NFC", unquote(path))


def _srcset(published: PublishedImage, folder: str, *, fallback: bool) -> str:
    variants = published.fallbacks if fallback else published.variants
    return ", ".join(f"{folder}{quote(v.name)} {v.width}w" for v in sorted(variants, key=lambda v: v.width))


def _relative_folder(brief_id: str, page_url: str) -> str:
    """The media folder from the page at ``page_url`` (``briefs/<id>/`` or ``en/briefs/<id>/``)."""
    page_dir = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    rel = posixpath.relpath(media_folder(brief_id), page_dir or ".")
    return "" if rel == "." else rel + "/"


def _first_image_at_top(body: str) -> int:
    """Where the body's first image stands when it is near the top (at most two blocks before it), or -1.

    That image is likely on the first screen: it loads at once, with priority.
    """
    match = _ALONE.search(body)
    if match is None:
        return -1
    before = body[:match.start()]
    return match.start() if len(re.findall(r"</(?:p|h[1-6]|ul|ol|table|blockquote)>", before)) <= TOP_BLOCKS else -1
