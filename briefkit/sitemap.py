"""The sitemap (both languages, with ``hreflang`` alternates) and ``robots.txt``.

Each page is listed once per language with links to every language version of
itself and an ``x-default`` pointing to the Korean one, as search engines
expect for bilingual sites. ``lastmod`` is the page's date from the briefs
(never the clock). Pages marked ``robots: noindex`` are left out by the caller.

A brief's page in a language it has no text in (the English page of a Korean-only
brief, which shows the Korean text under a notice) is a *fallback*: readers reach
it, search engines are told it is not a version of its own (``page_indexing``):
``noindex``, canonical to the page of the text it shows, no ``hreflang`` naming it
and none naming the other language from any page of that brief.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from .model import DEFAULT_LANGUAGE, LANGUAGES
from .urls import absolute_url

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
SITEMAP_PATH = "sitemap.xml"
ROBOTS_PATH = "robots.txt"
X_DEFAULT = "x-default"


@dataclass(frozen=True)
class SitePage:
    """One public page of one language."""

    lang: str
    path: str  # URL path relative to the site root: "" for the Korean home, "en/briefs/<id>/"
    lastmod: str  # YYYY-MM-DD, or "" when the site has no brief yet
    versions: tuple[tuple[str, str], ...]  # (language, path) of every language version, itself included


NOINDEX = "noindex"


@dataclass(frozen=True)
class PageIndexing:
    """What one rendered page tells search engines about itself."""

    versions: tuple[tuple[str, str], ...]  # (language, path) of the versions to name with hreflang
    canonical: str  # path of the page to index in its place (its own path unless a fallback)
    robots: str  # the robots meta value ("" for none)

    @property
    def noindex(self) -> bool:
        return NOINDEX in self.robots


def page_indexing(lang: str, path: str, versions: Iterable[tuple[str, str]], robots: str = "",
                  text_langs: Collection[str] | None = None, text_lang: str | None = None) -> PageIndexing:
    """The indexing of the page ``path`` of ``lang`` with these language ``versions``.

    For a brief, ``text_langs`` are the languages it is written in and ``text_lang`` the
    language of the text this page shows; other pages pass neither. Only versions written in
    their own language are named; a page showing another language's text is ``noindex`` and
    canonical to the version of that language.
    """
    versions = tuple(versions)
    if text_langs is None:
        return PageIndexing(versions, path, robots)
    written = tuple((code, href) for code, href in versions if code in text_langs)
    if text_lang is None or text_lang == lang:
        return PageIndexing(written, path, robots)
    canonical = dict(versions).get(text_lang, path)
    if NOINDEX not in robots:
        robots = ", ".join(filter(None, (NOINDEX, robots)))
    return PageIndexing(written, canonical, robots)


def hreflang_links(versions: Iterable[tuple[str, str]], site_url: str) -> list[tuple[str, str]]:
    """``(hreflang, absolute URL)`` per language version in site order, then ``x-default``.

    ``x-default`` is the Korean version, or the only version when there is no Korean one
    (a brief written in English only).
    """
    by_lang = dict(versions)
    links = [(lang, absolute_url(site_url, by_lang[lang])) for lang in LANGUAGES if lang in by_lang]
    if DEFAULT_LANGUAGE in by_lang:
        links.append((X_DEFAULT, absolute_url(site_url, by_lang[DEFAULT_LANGUAGE])))
    elif len(links) == 1:
        links.append((X_DEFAULT, links[0][1]))
    return links


def render_sitemap(pages: Iterable[SitePage], site_url: str) -> bytes:
    """The sitemap document, pages sorted by path; alternates only among listed pages."""
    listed = sorted(pages, key=lambda p: p.path)
    public = {p.path for p in listed}
    urlset = ET.Element("urlset", {"xmlns": SITEMAP_NS, "xmlns:xhtml": XHTML_NS})
    for page in listed:
        url = ET.SubElement(urlset, "url")
        ET.SubElement(url, "loc").text = absolute_url(site_url, page.path)
        if page.lastmod:  # none before the first brief: a made-up date would mislead crawlers
            ET.SubElement(url, "lastmod").text = page.lastmod
        versions = [(lang, path) for lang, path in page.versions if path in public]
        for hreflang, href in hreflang_links(versions, site_url):
            # A literal prefixed name: the namespace is declared on <urlset> above.
            ET.SubElement(url, "xhtml:link", {"rel": "alternate", "hreflang": hreflang, "href": href})
    ET.indent(urlset)
    document: bytes = ET.tostring(urlset, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def gzipped(data: bytes) -> bytes:
    """Gzip with a zero timestamp and no file name, so equal input gives equal bytes."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute_url(site_url, SITEMAP_PATH)}\n"
