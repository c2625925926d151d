"""Each page's head metadata: canonical URL, robots, hreflang links, its term's feed.

A brief's page in a language it has no text in is ``noindex`` and canonical
to the source's page (``briefkit.sitemap.page_indexing``). Every public page
is noted for the sitemap, every hidden one left out of it.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from briefkit.build import BuildState
from briefkit.feeds import feed_path
from briefkit.sitemap import SitePage, hreflang_links, page_indexing
from briefkit.urls import absolute_url

from .sitemap import SitemapRecord


def page_head(context: dict[str, Any], page: Page, lang: str, config: MkDocsConfig, state: BuildState,
              record: SitemapRecord) -> None:
    path = _url_path(page.url)
    robots = str(page.meta.get("robots", ""))
    if "brief" in page.meta:
        brief = state.site.view(page.meta["brief"], lang)
        index = page_indexing(lang, path, _versions(page, lang), robots, brief.text_langs, brief.text_lang)
    else:
        index = page_indexing(lang, path, _versions(page, lang), robots)
    if index.robots:
        page.meta["robots"] = index.robots  # main.html writes it, as for a page whose front matter sets it
    if index.canonical != path and config.site_url:  # MkDocs gives every other page its own
        context["canonical_url"] = absolute_url(config.site_url, index.canonical)
    context["hreflang_links"] = hreflang_links(index.versions, config.site_url or "/")
    if "term" in page.meta:
        context["term_feed"] = feed_path(lang, page.meta["kind"], page.meta["term"])
    if index.noindex:
        record.hidden.add(page.url)
    else:
        record.pages[page.url] = SitePage(lang, path, str(page.update_date), index.versions)


def _versions(page: Page, lang: str) -> tuple[tuple[str, str], ...]:
    """Every language version of ``page`` (static-i18n pairs them), itself included."""
    alternates = getattr(page.file, "alternates", {})
    versions = {code: _url_path(file.url) for code, file in alternates.items()}
    versions[lang] = _url_path(page.url)
    return tuple(sorted(versions.items()))


def _url_path(url: str) -> str:
    return "" if url in ("", "./", ".") else url
