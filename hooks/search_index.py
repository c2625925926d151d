"""MkDocs glue for search: write each language's index, give templates their strings.

Events: ``on_config`` (a cold build analyses Korean in a second process
while the pages render), ``on_page_context`` (the search strings and the search page's URL,
for the header form on every page) and ``on_post_build`` (the index of the
language just built, into ``search/index/<lang>/`` of the site).

mkdocs-static-i18n builds English from its own ``on_post_build`` (priority
-100), after this hook's (priority 0): each pass writes its own language.
The ``SearchBuild`` hangs off the config object beside the catalog, so both
passes share one analyser (Kiwi loads at most once per build) and nothing
outlives the build.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from briefkit.build import BuildState
from briefkit.search.build import INDEX_FOLDER, SearchBuild
from briefkit.search.strings import SEARCH_STRINGS
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
    # A cold build starts the Korean analysis in a second process now, so it is
    # done when the index is written (SearchBuild.analyse_ahead). A serving preview
    # has Kiwi loaded and analyses one edited brief at a time: not there.
    session = config[STATE].session
    if (session is None or not session.serving) and _search(config).analyse_ahead():
        log.info("search: analysing briefs in a second process while pages are built")
    return config


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    state: BuildState = config[STATE]
    search = _search(config)
    lang = _lang(config)
    target = Path(config.site_dir) / INDEX_FOLDER / lang

    def write() -> None:
        write_tree(target, search.files(lang))

    state.after_pages(write)
    if state.site.include_drafts and not _warming:
        # The preview: the first build read every analysis from the cache, so Kiwi
        # is not loaded; load it now, while the writer reads, not on the first save.
        _warming.append(threading.Thread(target=search.analyzer.warm_up, daemon=True))
        _warming[0].start()


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
