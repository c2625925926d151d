"""The sitemap (both languages, with ``hreflang`` alternates) and ``robots.txt``.

Each page is listed once per language with links to every language version of
itself and an ``x-default`` pointing to the Korean one, as search engines
expect for bilingual sites. ``lastmod`` is the page's date from the briefs
(never the clock). Pages marked ``robots: noindex`` are left out by the caller.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from collections.abc import Iterable
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
    lastmod: str  # YYYY-MM-DD
    versions: tuple[tuple[str, str], ...]  # (language, path) of every language version, itself included


def hreflang_links(versions: Iterable[tuple[str, str]], site_url: str) -> list[tuple[str, str]]:
    """``(hreflang, absolute URL)`` per language version in site order, then ``x-default``."""
    by_lang = dict(versions)
    links = [(lang, absolute_url(site_url, by_lang[lang])) for lang in LANGUAGES if lang in by_lang]
    if len(links) > 1 and DEFAULT_LANGUAGE in by_lang:
        links.append((X_DEFAULT, absolute_url(site_url, by_lang[DEFAULT_LANGUAGE])))
    return links


def render_sitemap(pages: Iterable[SitePage], site_url: str) -> bytes:
    """The sitemap document, pages sorted by path; alternates only among listed pages."""
    listed = sorted(pages, key=lambda p: p.path)
    public = {p.path for p in listed}
    urlset = ET.Element("urlset", {"xmlns": SITEMAP_NS, "xmlns:xhtml": XHTML_NS})
    for page in listed:
        url = ET.SubElement(urlset, "url")
        ET.SubElement(url, "loc").text = absolute_url(site_url, page.path)
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
