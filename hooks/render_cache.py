"""MkDocs glue for kept Markdown renders (briefkit/render_cache.py).

Events: ``on_config`` (one cache per build, shared by both language passes),
``on_page_markdown`` (last of all hooks, so the key covers the Markdown MkDocs
would convert: on a hit MkDocs is given nothing to convert) and
``on_page_content`` (first of all hooks: on a hit, the kept HTML, table of
contents, anchors and title are put back; on a miss, the fresh render is
kept). Every later ``on_page_content`` hook (sanitising, for one) runs on the
HTML as always, so a kept render gives the same page byte for byte; the
build tests compare a cold and a warm build of the same briefs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from briefkit.render_cache import CONFIG_KEY, RenderCache, cacheable, rendered


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not isinstance(config.get(CONFIG_KEY), RenderCache):
        config[CONFIG_KEY] = RenderCache.create(Path(config.config_file_path).parent)
    return config


@event_priority(-200)  # after every hook that changes the Markdown
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    cache: RenderCache = config[CONFIG_KEY]
    if not cacheable(markdown):
        return markdown
    key = cache.key(markdown, page.file.src_uri, page.url)
    found = cache.get(key)
    cache.pending[page.file.src_uri] = (key, found)
    return "" if found is not None else markdown


@event_priority(200)  # before every hook that reads or changes the HTML
def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    cache: RenderCache = config[CONFIG_KEY]
    pending = cache.pending.pop(page.file.src_uri, None)
    if pending is None:
        return html
    key, found = pending
    if found is not None:
        page.toc = get_toc(found.toc)  # type: ignore[arg-type]
        page.present_anchor_ids = set(found.anchors)
        page._title_from_render = found.title
        page.links_to_anchors = {page.file: dict(found.own_links)} if found.own_links else {}
        return found.html
    kept = rendered(page)
    if kept is not None:
        cache.put(key, kept)
    return html
