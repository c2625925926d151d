"""The English pass's Markdown, rendered ahead by the cold build's second process.

mkdocs-static-i18n builds the English pages after the Korean ones, in the
same process: one core converts every page's Markdown (about 5 ms a brief,
the largest part of a cold build) while the other waits. In a cold build the
second process that analyses the search texts (``python -m
briefkit_mkdocs.ahead``, which runs ``briefkit.search.ahead``) first renders
the English brief pages' Markdown into the render cache
(``briefkit/render_cache.py``), in the order MkDocs will reach them, while
MkDocs renders the Korean pages. When the English pass reaches a page, its
render is found under its key as in a warm build; one not there yet is
rendered in the build as always. Then it renders the Korean pages from the
last one back, and stops at the first the build has rendered: the two meet
halfway through what was left.

Nothing here can change a page: the key covers the Markdown MkDocs will
convert, the page's file and URL, mkdocs.yml and the packages' versions, and
the second process renders with MkDocs' own ``Page.render`` under the same
mkdocs.yml. A key the build computes differently (a hook that changes the
Markdown, say) is a miss, not a wrong page. The second process renders only
when the Markdown extensions it loaded are the ones the build runs with.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import get_data

from briefkit.build import BuildState
from briefkit.model import DEFAULT_LANGUAGE, LANGUAGES
from briefkit.render_cache import RenderCache, cacheable, rendered
from briefkit.site import SiteView, brief_path
from briefkit.staging import brief_page

WARM_SAMPLE = 50


def ahead_job(config: MkDocsConfig, cache: RenderCache, state: BuildState) -> dict[str, Any] | None:
    """This build's job for the second process (see ``job``)."""
    return job(config, cache, state.site, state.stage_dir)


def job(config: MkDocsConfig, cache: RenderCache, site: SiteView, stage_dir: Path) -> dict[str, Any] | None:
    """What the second process renders: the later passes' brief pages the cache lacks, in order
    (``pages``), then the first pass's from its end (``meet``).

    MkDocs renders the first pass's pages from the start meanwhile; the second
    process stops at the first of them it finds rendered: they have met, and
    each did half of what was left. None when the first ``WARM_SAMPLE`` pages
    are all in the cache: a warm build, where a page or two that changed are
    not worth a second process.
    """
    ids = sorted(brief.id for brief in site.briefs)  # the order MkDocs renders them in
    pages = []
    seen = 0
    for lang in LANGUAGES:
        if lang == DEFAULT_LANGUAGE:
            continue
        for brief_id in ids:
            src_uri, url = brief_page(brief_id, lang), brief_path(brief_id, lang)
            markdown = _markdown(stage_dir / src_uri)
            if markdown is not None and cacheable(markdown) and not cache.has(cache.key(markdown, src_uri, url)):
                pages.append([src_uri, url])
            seen += 1
            if seen == WARM_SAMPLE and not pages:
                return None
    return {
        "config_file": config.config_file_path,
        "docs_dir": str(stage_dir),
        "cache_folder": str(cache.folder),
        "settings": cache.settings,
        "extensions": _extensions(config),
        "pages": pages,
        "meet": [[brief_page(i, DEFAULT_LANGUAGE), brief_path(i, DEFAULT_LANGUAGE)] for i in reversed(ids)],
    }


def render(job: dict[str, Any]) -> int:
    """Render ``job``'s pages into the render cache (in the second process); how many were kept."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    config = load_config(job["config_file"])
    if _extensions(config) != job["extensions"]:
        return 0  # a plugin changed the Markdown extensions at build time: the keys would not hold
    config.docs_dir = job["docs_dir"]
    cache = RenderCache(Path(job["cache_folder"]), job["settings"])
    kept = 0
    pages = [(page, False) for page in job["pages"]] + [(page, True) for page in job["meet"]]
    for (src_uri, url), meeting in pages:
        markdown = _markdown(Path(job["docs_dir"]) / src_uri)
        if markdown is None or not cacheable(markdown):
            continue
        key = cache.key(markdown, src_uri, url)
        if cache.has(key):
            if meeting:
                break  # the build has rendered the first pass up to here
            continue  # the build got there first
        file = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
        file.url = url
        page = Page(None, file, config)
        page.markdown = markdown
        page.render(config, Files([file]))
        found = rendered(page)
        if found is not None:
            cache.put(key, found)
            kept += 1
    return kept


def _markdown(path: Path) -> str | None:
    """The Markdown the render cache's hook sees for a staged file.

    Read and decoded as MkDocs reads it, front matter off; then as
    static-i18n's ``on_page_markdown`` leaves every page: it rejoins the lines
    (translating admonition titles, when configured: then the keys differ,
    and its pages are rendered in the build).
    """
    try:
        source = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return "\n".join(get_data(source)[0].splitlines())


def _extensions(config: MkDocsConfig) -> list[str]:
    return [str(name) for name in config.markdown_extensions]
