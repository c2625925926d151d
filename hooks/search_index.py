"""MkDocs glue for search: write each language's index, give templates their strings.

Events: ``on_page_context`` (the search strings and the search page's URL,
for the header form on every page) and ``on_post_build`` (the index of the
language just built, into ``search/index/<lang>/`` of the site).

mkdocs-static-i18n builds English from its own ``on_post_build`` (priority
-100), after this hook's (priority 0): each pass writes its own language.
The ``SearchBuild`` hangs off the config object beside the catalog, so both
passes share one analyser (Kiwi loads at most once per build) and nothing
outlives the build.
"""

from __future__ import annotations

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


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    lang = _lang(config)
    context["search_t"] = SEARCH_STRINGS[lang]
    context["search_path"] = f"{lang_root(lang)}search/"
    return context


def on_post_build(config: MkDocsConfig, **_: Any) -> None:
    state: BuildState = config[STATE]
    search = config.get(SEARCH)
    if not isinstance(search, SearchBuild) or search.site is not state.site:
        search = SearchBuild.create(state.site, state.root)
        config[SEARCH] = search
    lang = _lang(config)
    write_tree(Path(config.site_dir) / INDEX_FOLDER / lang, search.files(lang))


def _lang(config: MkDocsConfig) -> str:
    return str(config.plugins["i18n"].current_language)
