"""Bundle media in one build: published once, pages' images and links rewritten, ``media`` for templates.

Part of a ``SiteBuild`` (site_build.py), which calls it from its events:
the first language pass's ``files`` (after MkDocs cleaned the output: every
image, attachment and card written into ``briefs/<id>/``), each brief page's
content (after sanitising: its bundle images and attachment links,
briefkit/media_html.py), every page's context (``media``: thumbnails,
``og:image``, the attachments block), ``after_every_language`` (the cards,
drawn in other processes while the pages rendered, are waited for before the
site goes in place) and ``close`` (a failed or interrupted build draws no
more cards before its output is abandoned).

MkDocs resolves a body's ``photo.jpg`` against the staged page
(``briefs/<id>.<lang>.md``) and warns that ``briefs/photo.jpg`` is not among
its files: it cannot know bundles. ``briefkit/references.py`` has already
resolved every one of them in the brief's own bundle, so exactly those
warnings are dropped (``BundleLinks``); any other stays a warning.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig

from briefkit.build import BuildState
from briefkit.media_html import MediaMarkup
from briefkit.media_refs import plain_name
from briefkit.media_site import MediaSite, PublishMemo

FRAGMENTS = "overrides/fragments"
_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")


class BuildMedia:
    def __init__(self, state: BuildState, config: MkDocsConfig) -> None:
        self.site = MediaSite(state.site, state.root, config.site_url or "/", _site_names(config))
        self.markup = MediaMarkup(self.site, state.root / FRAGMENTS)
        for old in [f for f in _PAGES_LOG.filters if isinstance(f, BundleLinks)]:
            _PAGES_LOG.removeFilter(old)
        _PAGES_LOG.addFilter(BundleLinks(self.site))

    def publish(self, site_dir: Path, memo: PublishMemo) -> None:
        """Every bundle's published files into ``site_dir`` (the site root: the first pass's); once a build."""
        self.site.publish(site_dir, memo)

    def page(self, html: str, brief_id: str, page_url: str) -> str:
        return self.markup.page(html, brief_id, page_url)

    def finish(self) -> None:
        self.site.finish()

    def stop(self) -> None:
        self.site.stop()


def _site_names(config: MkDocsConfig) -> dict[str, str]:
    """Each language's site name, as mkdocs.yml's i18n languages set it (for the generated cards)."""
    names = {}
    for language in config.plugins["i18n"].config.languages:
        names[str(language.locale)] = str(language.site_name or config.site_name)
    return names


class BundleLinks(logging.Filter):
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
        path = plain_name(urlsplit(found["url"]).path)
        if brief_media is None or "/" in path:
            return True
        return not brief_media.is_published(unicodedata.normalize("NFC", unquote(path)))
