"""Atom feeds: the newest briefs of one language, for the site and per topic and region.

A feed lists only briefs written in its language: the English feed leaves out
briefs that have no English text (their English pages show the Korean source).
Every date comes from the briefs, never from the clock, so two builds of the
same briefs give the same bytes; an entry's ``updated`` is its brief's latest
update (``Brief.modified``), and its ``rights`` and ``license`` link name the
brief's licence. XML is built with ElementTree, which escapes
every writer-typed string. Elements are written without ElementTree's
namespace machinery (the Atom namespace is a plain ``xmlns`` attribute), so
no process-wide prefix registry is touched.
"""

from __future__ import annotations

import hashlib
import pickle
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from . import cache
from .licenses import LICENSES
from .model import Brief
from .settings import FEED_MAX
from .site import SiteView, brief_path, lang_root, term_path
from .staging import TERM_KINDS
from .urls import absolute_url, day_start
from .vocabulary import Term

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"
EMPTY_FEED_DATE = "2000-01-01T00:00:00+09:00"


@dataclass(frozen=True)
class FeedInfo:
    """Where a feed lives and what it is called."""

    path: str  # relative to the site root, e.g. ``en/topics/startups/feed.xml``
    title: str
    page_path: str  # the HTML page the feed belongs to


def feed_path(lang: str, kind: str | None = None, slug: str | None = None) -> str:
    """The site feed (no ``kind``) or the feed of one topic or region."""
    folder = term_path(kind, slug, lang) if kind else lang_root(lang)
    return folder + FEED_FILE


def written_in(briefs: Iterable[Brief], lang: str) -> list[Brief]:
    """The briefs that have a text in ``lang``, in the given (newest first) order."""
    return [b for b in briefs if b.text(lang) is not None]


class Pictures(Protocol):
    """A brief's picture as an absolute URL (``briefkit.media_site.MediaSite.image_url``)."""

    def image_url(self, brief_id: str) -> Any: ...


def site_feeds(site: SiteView, lang: str, site_name: str, site_url: str,
               feed_max: int = FEED_MAX, pictures: Pictures | None = None) -> dict[str, bytes]:
    """Every feed of one language, by path relative to the site root, each of the newest ``feed_max``
    (each entry with its brief's picture)."""
    shown = {b.id: pictures.image_url(b.id) for b in site.briefs} if pictures else {}
    feeds = {
        feed_path(lang): render_feed(
            FeedInfo(feed_path(lang), site_name, lang_root(lang)), site.briefs, lang, site_url, site_name, feed_max,
            shown
        )
    }
    for kind in TERM_KINDS:
        for term in site.vocabulary(kind):
            info = FeedInfo(
                feed_path(lang, kind, term.slug),
                f"{term.label(lang)} · {site_name}",
                term_path(kind, term.slug, lang),
            )
            tagged = [view.brief for view in site.tagged(kind, term.slug, lang)]
            feeds[info.path] = render_feed(info, tagged, lang, site_url, site_name, feed_max, shown)
    return feeds


def render_feed(info: FeedInfo, briefs: Iterable[Brief], lang: str, site_url: str, author: str,
                feed_max: int = FEED_MAX, pictures: dict[str, Any] | None = None) -> bytes:
    """One Atom document: the newest ``feed_max`` of ``briefs`` written in ``lang``.

    Remembered for the process by everything it shows: a preview session
    rebuilds after each save, and only the feeds listing the edited brief
    change (serialising all 60-odd feeds is a noticeable part of a rebuild).
    """
    entries = written_in(briefs, lang)[:feed_max]
    pictures = pictures or {}
    shown = [(b.id, b.date, b.text(lang), b.topics, b.regions, b.modified, b.license, pictures.get(b.id))
             for b in entries]
    key = hashlib.sha256(pickle.dumps((info, lang, site_url, author, shown), protocol=5)).hexdigest()
    rendered = _RENDERED.get(key)
    if rendered is None:
        rendered = _render_feed(info, entries, lang, site_url, author, pictures)
        _RENDERED.put(key, rendered)
    return rendered


# Feeds rendered in this process, by a digest of what they show (see render_feed).
_RENDERED: cache.Recent[str, bytes] = cache.Recent("feeds", maxsize=500)


def _render_feed(info: FeedInfo, entries: list[Brief], lang: str, site_url: str, author: str,
                 pictures: dict[str, Any]) -> bytes:
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang})
    _text(feed, "id", absolute_url(site_url, info.path))
    _text(feed, "title", info.title)
    _text(feed, "updated", day_start(max(b.modified for b in entries)) if entries else EMPTY_FEED_DATE)
    _link(feed, "self", absolute_url(site_url, info.path), "application/atom+xml")
    _link(feed, "alternate", absolute_url(site_url, info.page_path), "text/html")
    _text(ET.SubElement(feed, "author"), "name", author)
    for brief in entries:
        _entry(feed, brief, lang, site_url, pictures.get(brief.id))
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def _entry(feed: ET.Element, brief: Brief, lang: str, site_url: str, picture: Any = None) -> None:
    text = brief.text(lang)
    assert text is not None  # written_in kept only briefs with a text in lang
    url = absolute_url(site_url, brief_path(brief.id, lang))
    entry = ET.SubElement(feed, "entry")
    _text(entry, "id", url)
    _text(entry, "title", text.title)
    _text(entry, "published", day_start(brief.date))
    _text(entry, "updated", day_start(brief.modified))  # the latest update's day, if corrected
    _link(entry, "alternate", url, "text/html")
    kogl = LICENSES[brief.license]
    ET.SubElement(entry, "link", {"rel": "license", "href": kogl.terms_url})  # RFC 4946
    _text(entry, "summary", text.summary)
    _text(entry, "rights", kogl.name(lang))
    if picture is not None:  # the brief's picture, absolute: a reader shows it beside the entry
        _link(entry, "enclosure", picture.path, picture.mime)
    for term in (*brief.topics, *brief.regions):
        _category(entry, term, lang, site_url)


def _category(entry: ET.Element, term: Term, lang: str, site_url: str) -> None:
    ET.SubElement(entry, "category", {
        "term": term.slug,
        "label": term.label(lang),
        "scheme": absolute_url(site_url, term_path(term.kind, None, lang)),
    })


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, name)
    element.text = value
    return element


def _link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "href": href, "type": media_type})
