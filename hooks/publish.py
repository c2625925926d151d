"""MkDocs glue for what a published site offers besides pages.

Events: ``on_config`` (a record for this build), ``on_files`` (every page URL
of the build, for dirty builds' sitemap), ``on_page_context`` (head
metadata: canonical URL, robots, hreflang links, term feed; note each public page
for the sitemap; a brief's page in a language it has no text in is ``noindex``
and canonical to the source's page, ``briefkit.sitemap.page_indexing``),
``on_template_context`` (the 404 page gets the page context of its language),
``on_post_page`` / ``on_post_template`` (Content-Security-Policy with hashes of
the inline scripts, each of which must be one the templates write: any other
stops the build, briefkit/csp.py), ``on_pre_build`` (each language's site name) and
``on_post_build`` (after the last language: feeds of every language, sitemap,
robots.txt, open data, one 404 page per language).

mkdocs-static-i18n builds English from inside the Korean ``on_post_build`` (at
priority -100), with the same config object, and leaves that object set to
English. ``on_post_build`` here runs at -200, so in the Korean pass it runs
after English is complete, and skips while the plugin is ``building`` a nested
pass: it writes once, from what each pass recorded, never from the config's
language at that moment. Both passes write ``404.html`` to the site root
(static templates ignore the language folder), so each pass's 404 page is kept
from ``on_post_template`` and written to its own place at the end.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from briefkit.build import BuildState
from briefkit.csp import PageRefused, ScriptAllowlist, with_policy
from briefkit.feeds import feed_path, site_feeds
from briefkit.media_site import MediaSite
from briefkit.model import DEFAULT_LANGUAGE
from briefkit.opendata import data_files
from briefkit.site import lang_root
from briefkit.sitemap import (
    ROBOTS_PATH,
    SITEMAP_PATH,
    SitePage,
    gzipped,
    hreflang_links,
    page_indexing,
    render_sitemap,
    robots_txt,
)
from briefkit.urls import absolute_url

STATE = "briefs_publish"
BUILD_STATE = "briefs_build"
MEDIA = "briefs_media"
NOT_FOUND = "404.html"
SITEMAP_PAGES = ".cache/sitemap-pages.json"


@dataclass
class PublishRecord:
    """What one build (both language passes) collects for the files written at its end."""

    site_names: dict[str, str] = field(default_factory=dict)
    pages: dict[str, SitePage] = field(default_factory=dict)  # by URL path: a page rendered twice counts once
    urls: set[str] = field(default_factory=set)  # every page of the build, rendered or not (dirty builds)
    hidden: set[str] = field(default_factory=set)  # pages rendered with noindex
    not_found: dict[str, str] = field(default_factory=dict)
    scripts: ScriptAllowlist = field(default_factory=ScriptAllowlist)  # the inline scripts the templates write


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not isinstance(config.get(STATE), PublishRecord):
        custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        scripts = ScriptAllowlist.from_templates(custom_dir, [Path(d) for d in config.theme.dirs])
        config[STATE] = PublishRecord(scripts=scripts)  # the Korean pass: English reuses it
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    record: PublishRecord = config[STATE]
    record.site_names[_lang(config)] = config.site_name


@event_priority(-150)  # after mkdocs-static-i18n (-100) has given this language's files their URLs
def on_files(files: Files, config: MkDocsConfig) -> Files:
    record: PublishRecord = config[STATE]
    record.urls.update(file.url for file in files.documentation_pages())
    return files


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    lang = _lang(config)
    site_url = _site_url(config)
    path = _url_path(page.url)
    robots = str(page.meta.get("robots", ""))
    if "brief" in page.meta:
        state: BuildState = config[BUILD_STATE]
        brief = state.site.view(page.meta["brief"], lang)
        index = page_indexing(lang, path, _versions(page, lang), robots, brief.text_langs, brief.text_lang)
    else:
        index = page_indexing(lang, path, _versions(page, lang), robots)
    if index.robots:
        page.meta["robots"] = index.robots  # main.html writes it, as for a page whose front matter sets it
    if index.canonical != path and config.site_url:  # MkDocs gives every other page its own
        context["canonical_url"] = absolute_url(config.site_url, index.canonical)
    context["hreflang_links"] = hreflang_links(index.versions, site_url)
    if "term" in page.meta:
        context["term_feed"] = feed_path(lang, page.meta["kind"], page.meta["term"])
    record: PublishRecord = config[STATE]
    if index.noindex:
        record.hidden.add(page.url)
    else:
        record.pages[page.url] = SitePage(lang, path, str(page.update_date), index.versions)
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == NOT_FOUND:
        state: BuildState = config[BUILD_STATE]
        context.update(state.page_context({}, _lang(config)))
        context["hreflang_links"] = []
    return context


@event_priority(-500)  # last: the policy checks and hashes the page's final inline scripts
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _with_policy(output, page.file.dest_uri, config)


@event_priority(-500)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != NOT_FOUND:
        return output_content
    output = _with_policy(output_content, template_name, config)
    record: PublishRecord = config[STATE]
    record.not_found[_lang(config)] = output
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if getattr(config.plugins["i18n"], "building", False):
        return  # a nested language pass: the outer pass writes for every language
    state: BuildState = config[BUILD_STATE]
    record: PublishRecord = config[STATE]
    site_url, site_dir = _site_url(config), Path(config.site_dir)
    media = getattr(config.get(MEDIA), "media", None)  # hooks/media.py: the build's published bundle media
    state.after_pages(lambda: _write_outputs(state, record, site_url, site_dir, media))


def _with_policy(output: str, dest: str, config: MkDocsConfig) -> str:
    record: PublishRecord = config[STATE]
    try:
        return with_policy(output, record.scripts)
    except PageRefused as refused:
        raise PluginError(f"{config.site_dir}/{dest}: {refused}") from None


def _write_outputs(state: BuildState, record: PublishRecord, site_url: str, site_dir: Path,
                   media: MediaSite | None = None) -> None:
    files: dict[str, bytes] = {}
    for lang, site_name in record.site_names.items():
        files |= site_feeds(state.site, lang, site_name, site_url, media)
    sitemap = render_sitemap(_sitemap_pages(state, record), site_url)
    files |= {SITEMAP_PATH: sitemap, SITEMAP_PATH + ".gz": gzipped(sitemap)}
    files[ROBOTS_PATH] = robots_txt(site_url).encode("utf-8")
    files |= data_files(state.site, site_url, media)
    files |= {lang_root(lang) + NOT_FOUND: page.encode("utf-8") for lang, page in record.not_found.items()}
    for rel, content in files.items():
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def _sitemap_pages(state: BuildState, record: PublishRecord) -> list[SitePage]:
    """The pages the sitemap lists: those rendered now and, in a dirty build, those rendered before.

    Every build keeps its list in ``.cache/sitemap-pages.json``; a dirty build
    renders (and so reports) only the pages that changed, and takes the others
    from there, leaving out pages that are gone or no longer indexed.
    """
    kept = state.root / SITEMAP_PAGES
    pages = dict(record.pages)
    if state.dirty:
        for url, page in _read_pages(kept).items():
            if url in record.urls and url not in record.hidden:
                pages.setdefault(url, page)
    kept.parent.mkdir(parents=True, exist_ok=True)
    data = {url: [p.lang, p.path, p.lastmod, [list(v) for v in p.versions]] for url, p in sorted(pages.items())}
    kept.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return list(pages.values())


def _read_pages(path: Path) -> dict[str, SitePage]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {url: SitePage(lang, page, lastmod, tuple((v[0], v[1]) for v in versions))
                for url, (lang, page, lastmod, versions) in data.items()}
    except (OSError, ValueError, TypeError):
        return {}


def _versions(page: Page, lang: str) -> tuple[tuple[str, str], ...]:
    """Every language version of ``page`` (static-i18n pairs them), itself included."""
    alternates = getattr(page.file, "alternates", {})
    versions = {code: _url_path(file.url) for code, file in alternates.items()}
    versions[lang] = _url_path(page.url)
    return tuple(sorted(versions.items()))


def _url_path(url: str) -> str:
    return "" if url in ("", "./", ".") else url


def _site_url(config: MkDocsConfig) -> str:
    return config.site_url or "/"


def _lang(config: MkDocsConfig) -> str:
    return str(getattr(config.plugins["i18n"], "current_language", DEFAULT_LANGUAGE))
