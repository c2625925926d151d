"""Images of brief bundles: checked by their content, published without metadata in the widths a page needs.

``inspect_image`` (from ``checks``) accepts JPEG, PNG and WebP by their
content, matching their extension, within 20 MB and 40 megapixels, reading
the header only.

``publish_image`` writes ``<stem>-<width>.webp`` variants (480/960/1440, never
wider than the source, twice the page column or 2000 px), one fallback
(``<stem>-<width>.jpg``, or ``.png`` for PNG sources and transparent images),
a list thumbnail (``<stem>-thumb.webp``, 320×180) and the Open Graph picture
(``<stem>-og.jpg``, 1200×630), all upright and with no metadata
(``encode``). With a ``cache_dir`` the bytes are kept by the digest of the
source, the settings, Pillow's version and this package's code, and a
second call only links or copies them (``cache``). ``publish_images`` also
keeps, beside the entries, which entry each source file led to, by the file's
path, size, modification time and inode (``SourceKeys``): a warm build neither
reads nor hashes a photo it has published before.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

import PIL
import PIL.features

from briefkit.atomic_write import write_atomic
from briefkit.media import cache as store
from briefkit.media.checks import EXTENSION_KINDS as EXTENSION_KINDS
from briefkit.media.checks import MAX_BYTES as MAX_BYTES
from briefkit.media.checks import MAX_PIXELS as MAX_PIXELS
from briefkit.media.checks import ImageFacts as ImageFacts
from briefkit.media.checks import MediaProblem as MediaProblem
from briefkit.media.checks import inspect_image as inspect_image
from briefkit.media.encode import SETTINGS, Output, render_outputs

from ..cache import memo


@dataclass(frozen=True)
class Variant:
    """One published file of an image: its size, name in the brief's folder and media type."""

    width: int
    height: int
    name: str
    mime: str


@dataclass(frozen=True)
class PublishedImage:
    """Every file published for one image; ``width``/``height`` are the widest variant's (the ``<img>`` size)."""

    width: int
    height: int
    variants: tuple[Variant, ...]  # WebP, narrowest first: the ``srcset``
    fallbacks: tuple[Variant, ...]  # one JPEG (photos) or PNG (PNG sources, transparency): the ``src``
    thumb: Variant  # 320×180 WebP, cropped to fill: lists
    og: Variant  # 1200×630 JPEG, cropped to fill: Open Graph

    def srcset(self, prefix: str = "") -> str:
        """The WebP variants as a ``srcset`` value, each name after ``prefix`` (a URL folder, e.g. ``../``)."""
        return ", ".join(f"{prefix}{v.name} {v.width}w" for v in self.variants)


@dataclass(frozen=True)
class ImageJob:
    """One image for ``publish_images``: the arguments of ``publish_image``."""

    src: Path
    out_dir: Path
    stem: str
    cache_dir: Path | None = None


def publish_image(src: Path, out_dir: Path, *, cache_dir: Path | None, stem: str) -> PublishedImage:
    """Write the published files of the image ``src`` into ``out_dir`` as ``<stem>-…``; see the module doc."""
    return _publish(src, out_dir, cache_dir, stem)[0]


def _publish(src: Path, out_dir: Path, cache_dir: Path | None, stem: str) -> tuple[PublishedImage, str]:
    """``publish_image``, and the cache key of the source's bytes (for ``SourceKeys``)."""
    facts, source, key, hit = _lookup(src, out_dir, cache_dir, stem)
    if hit is not None:
        return hit, key
    outputs = _encode(source, facts.format)
    manifest = _manifest(outputs)
    if cache_dir is not None:
        store.store(cache_dir, key, {o.suffix: o.data for o in outputs}, manifest)
    out_dir.mkdir(parents=True, exist_ok=True)
    for o in outputs:
        store.write(out_dir / f"{stem}-{o.suffix}", o.data)
    return _published(manifest, stem), key


def publish_images(jobs: Sequence[ImageJob], *, workers: int | None = None) -> list[PublishedImage]:
    """``publish_image`` for every job, in order, in a pool of ``workers`` processes (default: every core).

    The results and bytes are those of publishing one after another. Images
    whose source file is unchanged since a build put it in the cache are placed
    here without being read (``SourceKeys``); each other one is read, hashed and
    placed from the cache or encoded once, by the pool, which starts at the
    first such image unless fewer than three jobs are left. A problem raises
    the ``MediaProblem`` of the first failing job in job order, with ``job`` set.
    """
    count = workers or _cores()
    results: list[tuple[PublishedImage, str] | Future[tuple[PublishedImage, str]]] = []
    pool: ProcessPoolExecutor | None = None
    known: dict[Path, SourceKeys] = {}
    names = [""] * len(jobs)  # each source's stat, taken before it is read
    try:
        for i, job in enumerate(jobs):
            _check_stem(job.stem)
            hit = None
            if job.cache_dir is not None:
                if job.cache_dir not in known:
                    known[job.cache_dir] = SourceKeys(job.cache_dir)
                hit, names[i] = known[job.cache_dir].placed(job)
            if hit is None and pool is None and count > 1 and len(jobs) - i >= 3:
                pool = ProcessPoolExecutor(max_workers=count, mp_context=_start_method())
            if hit is not None:
                results.append((hit, ""))
            elif pool is not None:
                results.append(pool.submit(_run, job))
            else:
                results.append(_run(job))
        published = []
        for job, name, result in zip(jobs, names, results, strict=True):
            image, key = result.result() if isinstance(result, Future) else result
            if key and name and job.cache_dir is not None:
                known[job.cache_dir].note(name, key)
            published.append(image)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        for keys in known.values():
            keys.save()
    return published


class SourceKeys:
    """Which cache entry each source image led to, by the file's path, size, modification time and inode.

    Kept as ``sources.json`` in the cache folder. A source whose stat is
    unchanged has the same bytes (the rule git and make rely on), so its
    entry is placed without reading the file; any other is read and hashed,
    and its key noted for the next build.
    """

    FILE = "sources.json"
    MAX = 100_000  # entries kept: far more than a site's photos; the oldest go first

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        try:
            found = json.loads((cache_dir / self.FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            found = {}
        self.keys: dict[str, str] = found if isinstance(found, dict) else {}
        self.changed = False

    def placed(self, job: ImageJob) -> tuple[PublishedImage | None, str]:
        """``job``'s image placed from the cache when its file is unchanged since it was noted (else None),
        and the file's stat as ``note`` takes it ("" when it cannot be read)."""
        assert job.cache_dir is not None
        try:
            found = os.stat(job.src)
        except OSError:
            return None, ""
        name = f"{os.path.abspath(job.src)}\0{found.st_size}\0{found.st_mtime_ns}\0{found.st_ino}"
        key = self.keys.get(name)
        return (_placed(job.out_dir, job.cache_dir, job.stem, key) if key is not None else None), name

    def note(self, name: str, key: str) -> None:
        """The source file whose stat was ``name`` (taken before it was read) has the bytes of entry ``key``."""
        if self.keys.get(name) != key:
            self.keys.pop(name, None)
            self.keys[name] = key
            self.changed = True

    def save(self) -> None:
        if self.changed:
            kept = dict(list(self.keys.items())[-self.MAX:])
            write_atomic(self.cache_dir / self.FILE, json.dumps(kept, ensure_ascii=False, indent=0) + "\n")
            self.changed = False


def _start_method() -> BaseContext:
    """``fork`` while this process has one thread (a build): workers start at once with everything imported;
    ``spawn`` otherwise (``mkdocs serve`` watches files in threads, and forking a threaded process can hang)."""
    if threading.active_count() == 1 and "fork" in get_all_start_methods():
        return get_context("fork")
    return get_context("spawn")


def _cores() -> int:
    """The cores this process may run on (all of them where the system cannot say)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _run(job: ImageJob) -> tuple[PublishedImage, str]:
    try:
        return _publish(job.src, job.out_dir, job.cache_dir, job.stem)
    except MediaProblem as problem:
        problem.job = job
        raise


def _lookup(
    src: Path, out_dir: Path, cache_dir: Path | None, stem: str
) -> tuple[ImageFacts, bytes, str, PublishedImage | None]:
    """The image's facts, bytes and cache key, and the image placed from the cache when it is there."""
    _check_stem(stem)
    facts = inspect_image(src)  # also for a cached image: the limits may have changed
    source = src.read_bytes()
    key = _cache_key(source)
    return facts, source, key, _placed(out_dir, cache_dir, stem, key) if cache_dir is not None else None


def _check_stem(stem: str) -> None:
    if not stem or "/" in stem or "\\" in stem or stem.startswith("."):
        raise ValueError(f"not a file name stem: {stem!r}")


def _placed(out_dir: Path, cache_dir: Path, stem: str, key: str) -> PublishedImage | None:
    """Entry ``key``'s files linked into ``out_dir`` as ``<stem>-…``, or None when the entry is not there."""
    manifest = store.load(cache_dir, key)
    if manifest is None:
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    folder = store.entry_dir(cache_dir, key)
    for suffix in manifest["files"]:
        store.place(folder / suffix, out_dir / f"{stem}-{suffix}")
    return _published(manifest, stem)


def _cache_key(source: bytes) -> str:
    return hashlib.sha256(b"\0".join([source, _settings_key().encode("ascii")])).hexdigest()


def _encode(source: bytes, kind: str) -> list[Output]:
    """The published bytes (separate so that a test can count encodings)."""
    try:
        return render_outputs(source, kind, SETTINGS)
    except (OSError, SyntaxError, ValueError, EOFError):
        raise MediaProblem("the image could not be decoded: it is damaged or incomplete (save it again)") from None


def _manifest(outputs: list[Output]) -> dict[str, Any]:
    return {"outputs": [{k: v for k, v in asdict(o).items() if k != "data"} for o in outputs]}


def _published(manifest: dict[str, Any], stem: str) -> PublishedImage:
    def variant(o: dict[str, Any]) -> Variant:
        return Variant(int(o["width"]), int(o["height"]), f"{stem}-{o['suffix']}", str(o["mime"]))

    outputs = manifest["outputs"]
    by_role: dict[str, list[Variant]] = {}
    for o in outputs:
        by_role.setdefault(o["role"], []).append(variant(o))
    largest = max(by_role["variant"], key=lambda v: v.width)
    return PublishedImage(
        width=largest.width,
        height=largest.height,
        variants=tuple(by_role["variant"]),
        fallbacks=tuple(by_role["fallback"]),
        thumb=by_role["thumb"][0],
        og=by_role["og"][0],
    )


@memo("image settings key", 1)
def _settings_key() -> str:
    """Settings, library versions and this package's code: what else decides the published bytes."""
    code = hashlib.sha256()
    here = Path(__file__).parent
    for name in ("images.py", "encode.py", "sniff.py"):
        code.update((here / name).read_bytes())
    features = ",".join(f"{m}={PIL.features.version(m)}" for m in ("jpg", "webp", "zlib", "littlecms2"))
    return f"{SETTINGS!r};pillow={PIL.__version__};{features};code={code.hexdigest()}"
