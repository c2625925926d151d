"""A build's published media: bundle images, attachments and link-preview cards under ``briefs/<id>/``.

One copy serves both languages: the Korean brief's URL folder holds every
file (``/briefs/<id>/``), and the English page links there. What is
published is exactly what the bodies and ``cover`` refer to
(``briefkit/media_refs.py``):

- each image through ``briefkit.media.images.publish_images`` (every image
  of the build at once, in a process pool; kept by content digest in
  ``.cache/media/``, so a warm build or a preview edit encodes nothing),
  and under its own name too (``/briefs/<id>/photo.jpg``: the widest of its
  files in its own format, upright and without metadata);
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
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from multiprocessing import get_context
from pathlib import Path
from typing import Any
from urllib.parse import quote

from . import cache as briefs_cache
from .attachments import ATTACHMENT_TYPES, MEDIA_TYPES, size_text
from .media.cache import place as place_file
from .media.images import EXTENSION_KINDS, ImageJob, PublishedImage, Variant, publish_images
from .media_refs import BriefMedia
from .model import LANGUAGES
from .site import SiteView
from .urls import absolute_url

CARDS_PER_WORKER = 8  # fewer cards than this for a second process are drawn in this one
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
    stems: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> image name -> its files' stem
    own_names: dict[tuple[str, str], str] = field(default_factory=dict)  # (id, image) -> file a link names
    published: bool = False
    site_dir: Path | None = None  # where ``publish`` wrote
    _drawing: CardDrawing | None = None

    def publish(self, site_dir: Path, memo: PublishMemo | None = None, workers: int | None = None) -> None:
        """Write every published file into ``site_dir`` (images and cards in parallel); once per build.

        ``memo`` (a preview session's) skips an image or card whose files a
        previous build of the session wrote there from the same source.
        """
        if self.published:
            return
        self.published = True
        self.site_dir = site_dir
        memo = memo or PublishMemo()
        jobs: list[tuple[tuple[str, str], ImageJob]] = []
        cache = briefs_cache.path(self.root, "media")
        for brief in self.site.briefs:
            media = self.site.catalog.media.get(brief.id)
            out = site_dir / media_folder(brief.id)
            if media is None:
                continue
            for name in media.all_images:
                job = ImageJob(media.bundle.path(name), out, self._stem(brief.id, name), cache)
                kept = memo.image(job)
                if kept is not None:
                    self.images[(brief.id, name)] = kept
                else:
                    jobs.append(((brief.id, name), job))
            self.files[brief.id] = [self._attach(media, name, out) for name in media.attachments]
        results = publish_images([job for _, job in jobs], workers=workers)
        for (key, job), result in zip(jobs, results, strict=True):
            self.images[key] = result
            memo.keep_image(job, result)
        generated = self._generated()
        for brief_id, name in sorted(self.images):
            self._own_name(site_dir / media_folder(brief_id), brief_id, name, generated.get(brief_id, set()))
        cards = [card for card in self._card_jobs(site_dir, cache) if not memo.has_card(card)]
        self._drawing = CardDrawing.start(cards, workers)  # pages need no card: drawn while they render
        memo.keep_cards(cards)

    def finish(self) -> None:
        """Wait for the cards (before the site goes in place); a failed card raises here."""
        if self._drawing is not None:
            drawing, self._drawing = self._drawing, None
            drawing.wait()

    def stop(self) -> None:
        """A failed or interrupted build: draw no more cards, and wait for those being drawn.

        Then nothing writes into the output any more when it is abandoned.
        """
        if self._drawing is not None:
            drawing, self._drawing = self._drawing, None
            drawing.stop()

    def has_media(self, brief_id: str) -> bool:
        """Whether the brief publishes any image or attachment."""
        return bool(self.files.get(brief_id)) or brief_id in self._image_ids

    @cached_property
    def _image_ids(self) -> frozenset[str]:  # asked once a page, after ``publish``: a set, not a scan
        return frozenset(i for i, _ in self.images)

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

    def records(self, brief_id: str) -> list[dict[str, Any]]:
        """The brief's media as ``/data/briefs.json`` lists them (schema: ``opendata_schema._MEDIA_ITEM``)."""
        media = self.site.catalog.media.get(brief_id)
        if media is None or self.site_dir is None:
            return []
        found: list[dict[str, Any]] = []
        for name in media.all_images:
            published = self.images.get((brief_id, name))
            if published is None:
                continue
            best = max(published.fallbacks, key=lambda v: v.width)
            path = media_folder(brief_id) + best.name
            found.append(self._record(name, "image", path, best.mime, best.width, best.height,
                                      name == media.picture))
        for attachment in self.attachments(brief_id):
            found.append(self._record(attachment.name, "attachment", media_folder(brief_id) + attachment.name,
                                      attachment.mime, None, None, False))
        return found

    def _record(self, name: str, kind: str, path: str, mime: str, width: int | None, height: int | None,
                picture: bool) -> dict[str, Any]:
        assert self.site_dir is not None
        return {"file": name, "kind": kind, "url": self.absolute(quote(path)), "media_type": mime,
                "size": (self.site_dir / path).stat().st_size, "width": width, "height": height,
                "picture": picture}

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
        taken = self.stems.setdefault(brief_id, {})
        stem, n = base, 1
        while stem in taken.values() or stem.startswith("card-"):
            n += 1
            stem = f"{base}-{n}"
        taken[name] = stem
        return stem

    def _own_name(self, out: Path, brief_id: str, name: str, generated: set[str]) -> None:
        """The image under its own name as well, ``/briefs/<id>/<file>`` as the contract publishes a bundle file:
        its widest published file in the source's format, upright and without metadata (a hard link to it).

        Skipped in the rare bundle where that name is one of the build's own files (``generated``: another
        image's ``<stem>-<width>.jpg``, an attachment, a card).
        """
        published = self.images[(brief_id, name)]
        kind = EXTENSION_KINDS.get(os.path.splitext(name)[1].lower())
        same = [v for v in (*published.fallbacks, *published.variants) if v.mime == f"image/{kind}"]
        widest = max(same or published.fallbacks, key=lambda v: v.width).name
        if not same or name in generated:
            self.own_names[(brief_id, name)] = widest
            return
        place_file(out / widest, out / name)
        self.own_names[(brief_id, name)] = name

    def linked_image(self, brief_id: str, name: str) -> str | None:
        """The file a body's link to one of its images ([text](photo.jpg)) leads to, or None."""
        return self.own_names.get((brief_id, unicodedata.normalize("NFC", name)))

    def _generated(self) -> dict[str, set[str]]:
        """The names of the files the build makes in each brief's folder (not the images' own names), by id."""
        names: dict[str, set[str]] = {}
        for brief_id in {brief_id for brief_id, _ in self.images}:
            names[brief_id] = {card_name(lang) for lang in LANGUAGES} | {a.name for a in self.files.get(brief_id, [])}
        for (brief_id, _), published in self.images.items():
            names[brief_id].update(v.name for v in _variants(published))
        return names

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

    def _card_jobs(self, site_dir: Path, cache: Path) -> list[CardJob]:
        """A card per language for each brief without a picture, its title in the shown text's language."""
        jobs = []
        for brief in self.site.briefs:
            if self._picture(brief.id) is not None:
                continue
            for lang in LANGUAGES:
                text = brief.shown_text(lang)
                out = site_dir / media_folder(brief.id) / card_name(lang)
                jobs.append(CardJob(text.title, self.site_names.get(lang, ""), text.lang, out, cache))
        return jobs


@dataclass(frozen=True)
class CardJob:
    """The arguments of one ``render_card``."""

    title: str
    site_name: str
    lang: str
    out: Path
    cache_dir: Path


class CardDrawing:
    """Cards being drawn: in a pool of processes beside the build when there are many.

    The pool runs at a lower priority (``card_pool``): the pages, and the
    search analysis in the helper process, are what the build waits for; the
    cards have until its end, and take the cores those leave idle.
    """

    def __init__(self, pool: ProcessPoolExecutor | None, pending: list[Future[None]]) -> None:
        self.pool = pool
        self.pending = pending

    @classmethod
    def start(cls, jobs: list[CardJob], workers: int | None = None) -> CardDrawing:
        count = min(workers or len(os.sched_getaffinity(0)), max(1, len(jobs) // CARDS_PER_WORKER))
        if count <= 1:  # a few cards (a preview's edit): not worth starting a process
            for job in jobs:
                _render_card(job)
            return cls(None, [])
        pool = card_pool(count)
        chunks = [jobs[i:i + CARDS_PER_WORKER] for i in range(0, len(jobs), CARDS_PER_WORKER)]
        return cls(pool, [pool.submit(_render_cards, chunk) for chunk in chunks])

    def wait(self) -> None:
        try:
            for future in self.pending:
                future.result()
        finally:
            if self.pool is not None:
                self.pool.shutdown(cancel_futures=True)

    def stop(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


CARD_NICENESS = 10  # added to the build's: a card worker runs when the pages and the analysis leave a core idle


def card_pool(count: int) -> ProcessPoolExecutor:
    """``count`` processes that draw cards at a lower priority than the build's own."""
    return ProcessPoolExecutor(max_workers=count, mp_context=get_context("spawn"), initializer=_lower_priority)


def _lower_priority() -> None:
    if hasattr(os, "nice"):
        os.nice(CARD_NICENESS)


def _render_cards(jobs: list[CardJob]) -> None:
    for job in jobs:
        _render_card(job)


def _render_card(job: CardJob) -> None:
    from .media.cards import render_card  # Pillow's text layout is loaded only when a card is drawn

    render_card(job.title, job.site_name, job.lang, job.out, cache_dir=job.cache_dir)


class PublishMemo:
    """What a preview session's builds published, so that a rebuild writes only what changed.

    An image is known by its source's path, size and modification time, and
    where it went; it counts only while its files are still there.
    """

    def __init__(self) -> None:
        self._images: dict[tuple[str, int, int, str, str], PublishedImage] = {}
        self._cards: set[CardJob] = set()

    def image(self, job: ImageJob) -> PublishedImage | None:
        key = _image_key(job)
        found = self._images.get(key) if key else None
        if found is None or not all((job.out_dir / v.name).is_file() for v in _variants(found)):
            return None
        return found

    def keep_image(self, job: ImageJob, published: PublishedImage) -> None:
        key = _image_key(job)
        if key:
            self._images[key] = published

    def has_card(self, job: CardJob) -> bool:
        return job in self._cards and job.out.is_file()

    def keep_cards(self, jobs: list[CardJob]) -> None:
        self._cards.update(jobs)


def _image_key(job: ImageJob) -> tuple[str, int, int, str, str] | None:
    try:
        stat = job.src.stat()
    except OSError:
        return None
    return (str(job.src), stat.st_size, stat.st_mtime_ns, str(job.out_dir), job.stem)


def _variants(published: PublishedImage) -> tuple[Variant, ...]:
    return (*published.variants, *published.fallbacks, published.thumb, published.og)


def card_name(lang: str) -> str:
    return f"card-{lang}.png"


def _picture(brief_id: str, variant: Variant) -> Picture:
    return Picture(quote(media_folder(brief_id) + variant.name), variant.width, variant.height, variant.mime)
