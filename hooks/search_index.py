"""MkDocs glue for search: write each language's index, give templates their strings.

Events: ``on_config`` (a cold build analyses the search texts, after
rendering the English pass's Markdown, in a second process while the pages
render), ``on_page_context`` (the search strings and the search page's URL,
for the header form on every page) and ``on_post_build`` (after the last
language pass, every language's index, into ``search/index/<lang>/`` of the site).

mkdocs-static-i18n builds English from its own ``on_post_build`` (priority
-100), after this hook's (priority 0): the English pass writes both indexes.
The ``SearchBuild`` hangs off the config object beside the catalog, so both
passes share one analyser (Kiwi loads at most once per build) and nothing
outlives the build.
"""

from __future__ import annotations

import functools
import logging
import threading
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from briefkit import render_ahead
from briefkit.build import BuildState
from briefkit.render_cache import CONFIG_KEY as RENDER_CACHE
from briefkit.search.indexing import INDEX_FOLDER, SearchBuild
from briefkit.search.page_strings import SEARCH_STRINGS
from briefkit.site import lang_root
from briefkit.staging import write_tree

STATE = "briefs_build"
SEARCH = "briefs_search"

log = logging.getLogger("mkdocs.plugins.briefs")


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    lang = _lang(config)
    context["search_t"] = SEARCH_STRINGS[lang]
    context["search_path"] = f"{lang_root(lang)}search/"
    return context


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # After briefs_site's on_config (mkdocs.yml lists it first): the catalog is loaded.
    # A cold build starts a second process now (SearchBuild.analyse_ahead): it renders
    # the English pass's Markdown into the render cache while MkDocs renders the Korean
    # pages (briefkit/render_ahead.py), then analyses the search texts, done by the time
    # the indexes are written. A serving preview has Kiwi loaded and analyses one edited
    # brief at a time: not there.
    state: BuildState = config[STATE]
    session = state.session
    cache = config.get(RENDER_CACHE)

    def render() -> dict[str, Any] | None:
        return render_ahead.job(config, cache, state.site, state.stage_dir) if cache is not None else None

    if (session is None or not session.serving) and _search(config).analyse_ahead(render):
        log.info("search: analysing briefs (and rendering English pages) in a second process while pages are built")
    return config


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    state: BuildState = config[STATE]
    search = _search(config)
    lang = _lang(config)
    search.passes.append(lang)
    if lang == _last_pass(config):
        # Every language's index at the end of the last pass, the first one's too: the
        # analysis ahead is done by then, not by the end of the first pass (it renders
        # the later passes' pages first).
        for lang in search.passes:
            state.after_pages(functools.partial(_write, config, search, lang))
    if state.site.include_drafts and not _warming:
        # The preview: the first build read every analysis from the cache, so Kiwi
        # is not loaded; load it now, while the writer reads, not on the first save.
        _warming.append(threading.Thread(target=search.analyzer.warm_up, daemon=True))
        _warming[0].start()


def _write(config: MkDocsConfig, search: SearchBuild, lang: str) -> None:
    write_tree(Path(config.site_dir) / INDEX_FOLDER / lang, search.files(lang))


def _last_pass(config: MkDocsConfig) -> str:
    """The language static-i18n builds last: the default one first, then the others in order."""
    i18n = config.plugins["i18n"]
    default = str(i18n.default_language)
    return [default, *(str(lang) for lang in i18n.build_languages if lang != default)][-1]


def _search(config: MkDocsConfig) -> SearchBuild:
    """This build's search index: one for both language passes (static-i18n runs on_config twice)."""
    state: BuildState = config[STATE]
    search = config.get(SEARCH)
    if not isinstance(search, SearchBuild) or search.site is not state.site:
        search = SearchBuild.create(state.site, state.root)
        config[SEARCH] = search
    return search


# The preview's background load of Kiwi, started once per process.
_warming: list[threading.Thread] = []


def _lang(config: MkDocsConfig) -> str:
    return str(config.plugins["i18n"].current_language)
