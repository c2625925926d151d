"""MkDocs glue for bundle media: publish them, rewrite pages' images and links, hand templates ``media``.

Events: ``on_config`` (one ``MediaSite`` per build, shared by both language
passes; after hooks/briefs_site.py, which checked every reference), ``on_files``
(the first pass, after MkDocs cleaned the output: every image, attachment and
card written into ``briefs/<id>/``), ``on_page_content`` (after sanitising:
the brief's bundle images and attachment links, briefkit/media_html.py) and
``on_page_context`` (``media`` for templates: thumbnails, ``og:image``, the
attachments block) and ``on_post_build`` (the cards, drawn in other processes
while the pages rendered, are waited for before the site goes in place;
``on_build_error`` and ``on_shutdown`` stop them before a failed build's output
is abandoned).

MkDocs resolves a body's ``photo.jpg`` against the staged page
(``briefs/<id>.<lang>.md``) and warns that ``briefs/photo.jpg`` is not among
its files: it cannot know bundles. ``briefkit/references.py`` has already
resolved every one of them in the brief's own bundle, so exactly those
warnings are dropped (``_BundleLinks``); any other stays a warning.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from briefkit.build import BuildState
from briefkit.media_html import MediaMarkup
from briefkit.media_site import MediaSite, PublishMemo

STATE = "briefs_build"
MEDIA = "briefs_media"
FRAGMENTS = "overrides/fragments"
_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")
# What this process's builds published (a preview rebuild writes only what changed): the
# hook-module form of a persistent plugin's state, made anew by on_startup.
_memo: list[PublishMemo] = [PublishMemo()]
_building: list[MediaSite] = []  # this build's media, for on_build_error and on_shutdown


def on_startup(command: str, dirty: bool) -> None:
    _memo[0] = PublishMemo()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state: BuildState = config[STATE]
    current = config.get(MEDIA)
    if isinstance(current, MediaMarkup) and current.media.site is state.site:
        return config  # the English pass of the same build
    media = MediaSite(state.site, state.root, config.site_url or "/", _site_names(config))
    config[MEDIA] = MediaMarkup(media, state.root / FRAGMENTS)
    _building[:] = [media]
    for old in [f for f in _PAGES_LOG.filters if isinstance(f, _BundleLinks)]:
        _PAGES_LOG.removeFilter(old)
    _PAGES_LOG.addFilter(_BundleLinks(media))
    return config


@event_priority(-160)  # after MkDocs cleaned the output folder and static-i18n (-100) sorted the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    markup: MediaMarkup = config[MEDIA]
    markup.media.publish(Path(config.site_dir), _memo[0])  # the Korean pass's site_dir is the site root; once
    return files


@event_priority(-500)  # after static-i18n (-100) built the other languages, before briefs_site (-1000) commits
def on_post_build(config: MkDocsConfig) -> None:
    if getattr(config.plugins["i18n"], "building", False):
        return  # a nested language pass: the outer pass finishes
    markup: MediaMarkup = config[MEDIA]
    markup.media.finish()


@event_priority(100)  # before hooks/briefs_site.py abandons the unfinished output: no card is written after
def on_build_error(error: Exception) -> None:
    for media in _building:
        media.stop()


@event_priority(100)  # the same after Ctrl-C, which no on_build_error hears
def on_shutdown() -> None:
    for media in _building:
        media.stop()


@event_priority(-50)  # after hooks/sanitize.py: the markup added here is ours
def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    if "brief" not in page.meta:
        return html
    markup: MediaMarkup = config[MEDIA]
    return markup.page(html, page.meta["brief"], page.url)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    markup: MediaMarkup = config[MEDIA]
    context["media"] = markup.media
    return context


def _site_names(config: MkDocsConfig) -> dict[str, str]:
    """Each language's site name, as mkdocs.yml's i18n languages set it (for the generated cards)."""
    names = {}
    for language in config.plugins["i18n"].config.languages:
        names[str(language.locale)] = str(language.site_name or config.site_name)
    return names


class _BundleLinks(logging.Filter):
    """Drops MkDocs' "not found" warning for a body's reference to one of its brief's bundle files."""

    _WARNING = re.compile(r"Doc file 'briefs/(?P<id>[^/']+)\.[a-z]{2}\.md' contains a link '(?P<url>[^']*)', "
                          r"but the target '[^']*' is not found among documentation files\.")

    def __init__(self, media: MediaSite) -> None:
        super().__init__()
        self.media = media

    def filter(self, record: logging.LogRecord) -> bool:
        found = self._WARNING.match(record.getMessage())
        if found is None:
            return True
        brief_media = self.media.site.catalog.media.get(found["id"])
        path = urlsplit(found["url"]).path
        if brief_media is None or "/" in path:
            return True
        return not brief_media.is_published(unicodedata.normalize("NFC", unquote(path)))
