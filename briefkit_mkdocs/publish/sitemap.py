"""``sitemap.xml`` (and its gzipped copy) and ``robots.txt`` (briefkit/sitemap.py).

The sitemap lists the pages rendered now and, in a dirty build, those
rendered before: every build keeps its list in the ``sitemap-pages`` store (briefkit/cache.py);
a dirty build renders (and so reports) only the pages that changed, and
takes the others from there, leaving out pages that are gone or no longer
indexed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from briefkit import cache
from briefkit.atomic_write import write_atomic
from briefkit.build import BuildState
from briefkit.sitemap import ROBOTS_PATH, SITEMAP_PATH, SitePage, gzipped, render_sitemap, robots_txt


@dataclass
class SitemapRecord:
    """What both language passes of a build say about their pages."""

    pages: dict[str, SitePage] = field(default_factory=dict)  # by URL path: a page rendered twice counts once
    urls: set[str] = field(default_factory=set)  # every page of the build, rendered or not (dirty builds)
    hidden: set[str] = field(default_factory=set)  # pages rendered with noindex


def files(state: BuildState, record: SitemapRecord, site_url: str) -> dict[str, bytes]:
    sitemap = render_sitemap(_sitemap_pages(state, record), site_url)
    return {SITEMAP_PATH: sitemap, SITEMAP_PATH + ".gz": gzipped(sitemap), ROBOTS_PATH: robots_txt(site_url).encode()}


def _sitemap_pages(state: BuildState, record: SitemapRecord) -> list[SitePage]:
    kept = cache.path(state.root, "sitemap-pages")
    fingerprint = cache.fingerprint("sitemap-pages", state.root)
    pages = dict(record.pages)
    if state.dirty:
        for url, page in _read_pages(kept, fingerprint).items():
            if url in record.urls and url not in record.hidden:
                pages.setdefault(url, page)
    data = {url: [p.lang, p.path, p.lastmod, [list(v) for v in p.versions]] for url, p in sorted(pages.items())}
    write_atomic(kept, json.dumps({"fingerprint": fingerprint, "pages": data}, ensure_ascii=False))
    return list(pages.values())


def _read_pages(path: Path, fingerprint: str) -> dict[str, SitePage]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["fingerprint"] != fingerprint:
            return {}
        return {url: SitePage(lang, page, lastmod, tuple((v[0], v[1]) for v in versions))
                for url, (lang, page, lastmod, versions) in data["pages"].items()}
    except (OSError, ValueError, TypeError, KeyError):
        return {}
