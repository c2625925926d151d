"""A build's published media: bundle images, attachments and link-preview cards under ``briefs/<id>/``.

One copy serves both languages: the Korean brief's URL folder holds every
file (``/briefs/<id>/``), and the English page links there. What is
published is exactly what the bodies and ``cover`` refer to
(``briefkit/media_refs.py``):

- each image through ``briefkit.media.images.publish_images`` (every image
  of the build at once, in a process pool; kept by content digest in
  ``.cache/media/``, so a warm build or a preview edit encodes nothing);
- each attachment byte for byte, under its own name;
- for a brief with no picture, a generated card per language
  (``card-<lang>.png``, ``briefkit.media.cards.render_card``).

Templates get this object as ``media`` (thumbnails in lists, ``og:image``,
the attachments block); ``briefkit/media_html.py`` rewrites a page's images
and attachment links with it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from .attachments import ATTACHMENT_TYPES, MEDIA_TYPES, size_text
from .media.images import ImageJob, PublishedImage, Variant, publish_images
from .media_refs import BriefMedia
from .model import LANGUAGES
from .site import SiteView
from .urls import absolute_url

CACHE_FOLDER = ".cache/media"
CARD_WIDTH, CARD_HEIGHT = 1200, 630


def media_folder(brief_id: str) -> str:
    """Where a brief's media are published, relative to the site root (the Korean page's folder)."""
    return f"briefs/{brief_id}/"


@dataclass(frozen=True)
class Attachment:
    """One published attachment, as a link and the attachments block show it."""

    name: str
    path: str  # relative to the site root, URL-quoted
    kind: str  # "PDF"
    size: int
    mime: str

    @property
    def size_text(self) -> str:
        return size_text(self.size)

    @property
    def label(self) -> str:
        """``PDF, 1.2 MB``: the same in both languages."""
        return f"{self.kind}, {self.size_text}"


@dataclass(frozen=True)
class Picture:
    """A file of the brief's picture: a path from the site root and its size."""

    path: str
    width: int
    height: int
    mime: str = "image/webp"


@dataclass
class MediaSite:
    """What one build publishes from its bundles, and where."""

    site: SiteView
    root: Path
    site_url: str
    site_names: dict[str, str]
    images: dict[tuple[str, str], PublishedImage] = field(default_factory=dict)  # (id, name) -> published
    files: dict[str, list[Attachment]] = field(default_factory=dict)  # id -> attachments, in body order
    stems: dict[tuple[str, str], str] = field(default_factory=dict)
    published: bool = False

    def publish(self, site_dir: Path, workers: int | None = None) -> None:
        """Write every published file into ``site_dir`` (images in parallel); once per build."""
        if self.published:
            return
        self.published = True
        jobs: list[tuple[tuple[str, str], ImageJob]] = []
        cache = self.root / CACHE_FOLDER
        for brief in self.site.briefs:
            media = self.site.catalog.media.get(brief.id)
            out = site_dir / media_folder(brief.id)
            if media is None:
                continue
            names = [*media.images, *([media.cover] if media.cover and media.cover not in media.images else [])]
            for name in names:
                stem = self._stem(brief.id, name)
                jobs.append(((brief.id, name), ImageJob(media.bundle.path(name), out, stem, cache)))
            self.files[brief.id] = [self._attach(media, name, out) for name in media.attachments]
        results = publish_images([job for _, job in jobs], workers=workers)
        self.images = {key: result for (key, _), result in zip(jobs, results, strict=True)}
        self._cards(site_dir, cache)

    def image(self, brief_id: str, name: str) -> PublishedImage | None:
        return self.images.get((brief_id, unicodedata.normalize("NFC", name)))

    def attachment(self, brief_id: str, name: str) -> Attachment | None:
        name = unicodedata.normalize("NFC", name)
        return next((a for a in self.files.get(brief_id, []) if a.name == name), None)

    def attachments(self, brief_id: str) -> list[Attachment]:
        return self.files.get(brief_id, [])

    def thumb(self, brief_id: str) -> Picture | None:
        """The brief's picture for lists (320×180), or None without one."""
        published = self._picture(brief_id)
        if published is None:
            return None
        return _picture(brief_id, published.thumb)

    def share_image(self, brief_id: str, lang: str) -> Picture:
        """The link-preview picture (1200×630): the brief's picture, else its card in ``lang``."""
        published = self._picture(brief_id)
        if published is not None:
            return _picture(brief_id, published.og)
        return Picture(media_folder(brief_id) + card_name(lang), CARD_WIDTH, CARD_HEIGHT, "image/png")

    def absolute(self, path: str) -> str:
        """A path from the site root as an absolute URL (print, feeds, open data)."""
        return absolute_url(self.site_url, path)

    def share_url(self, brief_id: str, lang: str) -> str:
        return absolute_url(self.site_url, self.share_image(brief_id, lang).path)

    def image_url(self, brief_id: str) -> Picture | None:
        """The brief's picture as feeds and open data carry it: the largest fallback, an absolute URL."""
        published = self._picture(brief_id)
        if published is None:
            return None
        best = max(published.fallbacks, key=lambda v: v.width)
        return Picture(absolute_url(self.site_url, _picture(brief_id, best).path), best.width, best.height,
                       best.mime)

    def _picture(self, brief_id: str) -> PublishedImage | None:
        media = self.site.catalog.media.get(brief_id)
        picture = media.picture if media else None
        return self.images.get((brief_id, picture)) if picture else None

    def _stem(self, brief_id: str, name: str) -> str:
        """A file-name stem for an image's published files: ASCII, unique within the bundle."""
        base = re.sub(r"[^a-z0-9]+", "-", os.path.splitext(name)[0].lower()).strip("-") or "image"
        taken = {stem for (i, _), stem in self.stems.items() if i == brief_id}
        stem, n = base, 1
        while stem in taken or stem.startswith("card-"):
            n += 1
            stem = f"{base}-{n}"
        self.stems[(brief_id, name)] = stem
        return stem

    def _attach(self, media: BriefMedia, name: str, out: Path) -> Attachment:
        source = media.bundle.path(name)
        out.mkdir(parents=True, exist_ok=True)
        target = out / name
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        try:
            os.link(source, target)  # the same bytes, without copying them
        except OSError:
            shutil.copyfile(source, target)
        ext = os.path.splitext(name)[1].lower()
        return Attachment(name, quote(media_folder(media.bundle.id) + name), ATTACHMENT_TYPES[ext],
                          source.stat().st_size, MEDIA_TYPES[ext])

    def _cards(self, site_dir: Path, cache: Path) -> None:
        try:  # TEMPORARY until img17's cards land
            from .media.cards import render_card  # Pillow's text layout is loaded only when a card is drawn
        except ImportError:
            return

        for brief in self.site.briefs:
            if self._picture(brief.id) is not None:
                continue
            for lang in LANGUAGES:
                out = site_dir / media_folder(brief.id) / card_name(lang)
                out.parent.mkdir(parents=True, exist_ok=True)
                text = brief.shown_text(lang)
                render_card(text.title, self.site_names.get(lang, ""), text.lang, out, cache_dir=cache)


def card_name(lang: str) -> str:
    return f"card-{lang}.png"


def _picture(brief_id: str, variant: Variant) -> Picture:
    return Picture(quote(media_folder(brief_id) + variant.name), variant.width, variant.height, variant.mime)
