"""Images of brief bundles: checked by their content, published without metadata in the widths a page needs.

``inspect_image`` accepts JPEG, PNG and WebP only, decided by the file's
content (Pillow opening it with just those three decoders), and the content
must match the extension's family: a PNG named ``.jpg`` is refused, so that
what the writer sees on their computer is what the site publishes. It reads
the header only: an image over the pixel limit (a decompression bomb) is
refused before a single pixel is decoded.

``publish_image`` writes ``<stem>-<width>.webp`` variants (480/960/1440, never
wider than the source, twice the page column or 2000 px), one fallback
(``<stem>-<width>.jpg``, or ``.png`` for PNG sources and transparent images),
a list thumbnail (``<stem>-thumb.webp``, 320×180) and the Open Graph picture
(``<stem>-og.jpg``, 1200×630), all upright and with no metadata
(``encode``). With a ``cache_dir`` the bytes are kept by the digest of the
source, the settings, Pillow's version and this package's code, and a
second call only links or copies them (``cache``).
"""

from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass
from functools import cache
from multiprocessing import get_context
from pathlib import Path
from typing import IO, Any

import PIL
import PIL.features
from PIL import Image, UnidentifiedImageError

from briefkit.media import cache as store
from briefkit.media.encode import EncodeSettings, Output, render_outputs, variant_widths
from briefkit.media.sniff import IMAGE_NAMES, content_kind

MAX_BYTES = 20_000_000
MAX_PIXELS = 40_000_000
WEBP_MAX_SIDE = 16383  # the format's limit: a taller variant cannot be encoded
SETTINGS = EncodeSettings()
EXTENSION_KINDS = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}
_RENAME = {"jpeg": ".jpg", "png": ".png", "webp": ".webp"}


class MediaProblem(Exception):
    """A bundle file the site cannot publish; the message says what is wrong and what to do (no path)."""

    job: ImageJob | None = None  # set by publish_images: which image it is


@dataclass(frozen=True)
class ImageFacts:
    """What the header of an accepted image says; width and height as shown (orientation applied)."""

    format: str  # "jpeg" | "png" | "webp"
    width: int
    height: int


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


def inspect_image(path: Path, *, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS) -> ImageFacts:
    """Check the image at ``path`` by its content and header; raise ``MediaProblem`` if it cannot be published."""
    expected = _expected_kind(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise MediaProblem(
            f"the image is {size / 1_000_000:.1f} MB, over the {max_bytes / 1_000_000:g} MB limit "
            "(save it smaller, e.g. 3000 pixels wide at JPEG quality 85)"
        )
    with path.open("rb") as fp:
        return _inspect(fp, expected, max_pixels)


def publish_image(src: Path, out_dir: Path, *, cache_dir: Path | None, stem: str) -> PublishedImage:
    """Write the published files of the image ``src`` into ``out_dir`` as ``<stem>-…``; see the module doc."""
    facts, source, hit = _lookup(src, out_dir, cache_dir, stem)
    if hit is not None:
        return hit
    outputs = _encode(source, facts.format)
    manifest = _manifest(outputs)
    if cache_dir is not None:
        store.store(cache_dir, _cache_key(source), {o.suffix: o.data for o in outputs}, manifest)
    out_dir.mkdir(parents=True, exist_ok=True)
    for o in outputs:
        store.write(out_dir / f"{stem}-{o.suffix}", o.data)
    return _published(manifest, stem)


def publish_images(jobs: Sequence[ImageJob], *, workers: int | None = None) -> list[PublishedImage]:
    """``publish_image`` for every job, in order, in a pool of ``workers`` processes (default: every core).

    The results and bytes are those of publishing one after another. Images
    found in the cache are placed here, while the pool encodes the others; the
    pool (a fraction of a second to start) starts at the first image not in
    the cache, unless fewer than three jobs are left. A problem raises the
    ``MediaProblem`` of the first failing job in job order, with ``job`` set.
    """
    count = workers or _cores()
    results: list[PublishedImage | Future[PublishedImage]] = []
    pool: ProcessPoolExecutor | None = None
    failure: MediaProblem | None = None
    try:
        for i, job in enumerate(jobs):
            try:
                hit = _lookup(job.src, job.out_dir, job.cache_dir, job.stem)[2] if job.cache_dir else None
            except MediaProblem as problem:
                problem.job = job
                failure = problem
                break
            if hit is None and pool is None and count > 1 and len(jobs) - i >= 3:
                pool = ProcessPoolExecutor(max_workers=count, mp_context=get_context("spawn"))
            if hit is not None:
                results.append(hit)
            elif pool is not None:
                results.append(pool.submit(_run, job))
            else:
                results.append(_run(job))
        published = [r.result() if isinstance(r, Future) else r for r in results]
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    if failure is not None:
        raise failure
    return published


def _cores() -> int:
    """The cores this process may run on (all of them where the system cannot say)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _run(job: ImageJob) -> PublishedImage:
    try:
        return publish_image(job.src, job.out_dir, cache_dir=job.cache_dir, stem=job.stem)
    except MediaProblem as problem:
        problem.job = job
        raise


def _lookup(
    src: Path, out_dir: Path, cache_dir: Path | None, stem: str
) -> tuple[ImageFacts, bytes, PublishedImage | None]:
    """The image's facts and bytes, and the image placed from the cache when it is there."""
    if not stem or "/" in stem or "\\" in stem or stem.startswith("."):
        raise ValueError(f"not a file name stem: {stem!r}")
    facts = inspect_image(src)  # also for a cached image: the limits may have changed
    source = src.read_bytes()
    if cache_dir is None:
        return facts, source, None
    key = _cache_key(source)
    manifest = store.load(cache_dir, key)
    if manifest is None:
        return facts, source, None
    out_dir.mkdir(parents=True, exist_ok=True)
    folder = store.entry_dir(cache_dir, key)
    for suffix in manifest["files"]:
        store.place(folder / suffix, out_dir / f"{stem}-{suffix}")
    return facts, source, _published(manifest, stem)


def _cache_key(source: bytes) -> str:
    return hashlib.sha256(b"\0".join([source, _settings_key().encode("ascii")])).hexdigest()


def _encode(source: bytes, kind: str) -> list[Output]:
    """The published bytes (separate so that a test can count encodings)."""
    try:
        return render_outputs(source, kind, SETTINGS)
    except (OSError, SyntaxError, ValueError, EOFError):
        raise MediaProblem("the image could not be decoded: it is damaged or incomplete (save it again)") from None


def _expected_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".svg":
        raise MediaProblem("SVG is not accepted as an image (export the drawing as PNG, or JPEG for a photo)")
    kind = EXTENSION_KINDS.get(suffix)
    if kind is None:
        shown = f"'{suffix}'" if suffix else "a name without an extension"
        raise MediaProblem(f"{shown} is not an image type the site publishes (save it as .jpg, .png or .webp)")
    return kind


def _inspect(fp: IO[bytes], expected: str, max_pixels: int) -> ImageFacts:
    head = fp.read(512)
    fp.seek(0)
    actual = content_kind(head)
    if actual not in IMAGE_NAMES:
        if "SVG" in actual:
            advice = "export it as PNG"
        elif "image" in actual or "photo" in actual or "Photoshop" in actual:
            advice = "convert it to JPEG, or PNG for a drawing"
        else:
            advice = "upload the image itself, saved as .jpg, .png or .webp"
        raise MediaProblem(f"the file's content is {actual}, not {IMAGE_NAMES[expected]} ({advice})")
    if actual != expected:
        raise MediaProblem(
            f"the file's content is {IMAGE_NAMES[actual]} but its name ends like {IMAGE_NAMES[expected]} "
            f"(rename it to end in {_RENAME[actual]})"
        )
    limit = f"over the {max_pixels / 1_000_000:g}-megapixel limit (scale it down, e.g. to 3000 pixels wide)"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(fp, formats=["JPEG", "PNG", "WEBP"]) as im:
                width, height = im.size
                if width * height > max_pixels:
                    raise MediaProblem(f"the image is {width} × {height} pixels, {limit}")
                if expected != "jpeg" and getattr(im, "is_animated", False):
                    raise MediaProblem("animated images are not accepted (publish a still image)")
                turned = _orientation(im) in (5, 6, 7, 8)
                im.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise MediaProblem(f"the image has too many pixels, {limit}") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise MediaProblem("the image is damaged or incomplete (save it again)") from None
    if width < 1 or height < 1:
        raise MediaProblem("the image is empty (save it again)")
    facts = ImageFacts(expected, height, width) if turned else ImageFacts(expected, width, height)
    shown = variant_widths(facts.width, SETTINGS)[-1]
    if facts.height * shown / facts.width > WEBP_MAX_SIDE:
        raise MediaProblem(
            f"the image is {facts.width} × {facts.height} pixels, too tall to show on a page "
            "(crop it, or split it into parts)"
        )
    return facts


def _orientation(im: Image.Image) -> int:
    """The EXIF orientation from the header; a PNG's ``eXIf`` after the pixels is not read (that would decode)."""
    if im.format == "PNG" and "exif" not in im.info:
        return 1
    value = im.getexif().get(0x0112, 1)
    return value if isinstance(value, int) else 1


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


@cache
def _settings_key() -> str:
    """Settings, library versions and this package's code: what else decides the published bytes."""
    code = hashlib.sha256()
    here = Path(__file__).parent
    for name in ("images.py", "encode.py", "sniff.py"):
        code.update((here / name).read_bytes())
    features = ",".join(f"{m}={PIL.features.version(m)}" for m in ("jpg", "webp", "zlib", "littlecms2"))
    return f"{SETTINGS!r};pillow={PIL.__version__};{features};code={code.hexdigest()}"
