"""Photos for the benchmark corpus, and the time it takes to publish them (briefkit.media).

``add_media(corpus)`` turns every brief of a corpus written by ``bench.corpus``
into a bundle (``<year>/<id>/<id>.ko.md`` …) holding one 3000×2000 JPEG
``photo.jpg`` with camera-like EXIF (GPS included), referred to at the end of
each language's body with alt text and a caption; an English translation that
was current stays current (its ``translated_from`` is the digest of the new
Korean text). ``photo_jpeg(seed)`` is one such photo: soft shapes and film
grain, so that it compresses like a photograph (the corpus shifts a few of
them to make each brief's distinct). The same seed gives the same bytes.

``python -m bench.media_corpus --images 40 --workers 2`` times publishing one
photo cold and from the cache, then that many photos cold and from the
cache, and prints what it measured; ``--corpus DIR`` runs ``add_media`` on a
corpus instead.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import yaml
from PIL import Image, ImageChops

from briefkit.media.images import ImageJob, publish_image, publish_images
from briefkit.model import source_digest

SIZE = (3000, 2000)
PHOTO = "photo.jpg"
ALT = {"ko": "라운드테이블 참석자들이 발표를 듣고 있다", "en": "Roundtable participants listening to a presentation"}
CAPTION = {"ko": "라운드테이블 현장", "en": "At the roundtable"}


def photo_jpeg(seed: int, size: tuple[int, int] = SIZE) -> bytes:
    """A photo-like JPEG (quality 88, about 1.3 MB at 3000×2000) with EXIF: camera, date, GPS."""
    return _jpeg(_photo(seed, size))


def _photo(seed: int, size: tuple[int, int]) -> Image.Image:
    """Soft shapes over a sky-to-ground gradient, texture and film grain."""
    rng = np.random.default_rng(seed)
    w, h = size
    sky, ground = rng.integers(60, 200, 3), rng.integers(30, 150, 3)
    share = np.linspace(0.0, 1.0, h)[:, None, None]
    pixels = np.rint(sky * (1 - share) + ground * share - 3 * 128).astype(np.int16)  # one column, broadcast
    for cells, amplitude in ((4, 50.0), (40, 30.0), (400, 14.0)):  # soft shapes down to texture
        grid = np.clip(128 + rng.normal(0.0, amplitude, (cells * h // w + 2, cells + 2, 3)), 0, 255)
        layer = Image.fromarray(grid.astype(np.uint8), "RGB").resize((w, h), Image.Resampling.BICUBIC)
        pixels = pixels + np.asarray(layer, dtype=np.int16)
    pixels += (rng.standard_normal((h, w, 1), dtype=np.float32) * 4).astype(np.int16)  # film grain
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")


def _jpeg(image: Image.Image) -> bytes:
    exif = Image.Exif()
    exif.update({0x010F: "BenchCam", 0x0110: "BC-1", 0x0132: "2025:05:13 10:00:00", 0x0112: 1})
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (37.0, 33.0, 59.0), 3: "E", 4: (126.0, 58.0, 41.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88, exif=exif)
    return out.getvalue()


class _Photos:
    """Distinct photos quickly: a few generated ones, each brief's shifted by its own offset and maybe mirrored
    (about 40 ms a photo instead of 300: 1,000 briefs take under a minute)."""

    KINDS = 4

    def __init__(self, seed: int, size: tuple[int, int]) -> None:
        self.seed, self.size = seed, size
        self.bases: dict[int, Image.Image] = {}

    def jpeg(self, number: int) -> bytes:
        kind = number % self.KINDS
        if kind not in self.bases:
            self.bases[kind] = _photo(self.seed * 1_000_003 + kind, self.size)
        w, h = self.size
        shifted = ImageChops.offset(self.bases[kind], (number * 7919) % w, (number * 104_729) % h)
        if (number // self.KINDS) % 2:
            shifted = shifted.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
        return _jpeg(shifted)


def add_media(corpus: Path, *, seed: int = 0, size: tuple[int, int] = SIZE) -> list[Path]:
    """Give every brief in ``corpus`` a bundle folder with one photo; return the photos' paths."""
    photos: list[Path] = []
    maker = _Photos(seed, size)
    for number, korean in enumerate(sorted(corpus.glob("*/*.ko.md")) + sorted(corpus.glob("*/*/*.ko.md"))):
        brief_id = korean.name.removesuffix(".ko.md")
        bundle = korean.parent if korean.parent.name == brief_id else korean.parent / brief_id
        bundle.mkdir(exist_ok=True)
        english = korean.with_name(f"{brief_id}.en.md")
        old_digest = _digest(korean.read_text(encoding="utf-8"))
        _append(korean, bundle / korean.name, "ko")
        if english.exists():
            _append(english, bundle / english.name, "en")
            _follow(bundle / english.name, old_digest, _digest((bundle / korean.name).read_text(encoding="utf-8")))
        photo = bundle / PHOTO
        photo.write_bytes(maker.jpeg(number))
        photos.append(photo)
    return photos


def _split(text: str) -> tuple[dict[str, object], str, str]:
    """Front matter (parsed), its text, and the body as the file holds it after the closing ``---``."""
    match = re.match(r"---\n(.*?\n)---\n", text, re.S)
    if match is None:
        raise ValueError("no front matter")
    return yaml.safe_load(match.group(1)), match.group(0), text[match.end() :]


def _digest(korean_text: str) -> str:
    front, _, body = _split(korean_text)
    return source_digest(str(front["title"]), str(front.get("summary", "")), body)


def _append(source: Path, target: Path, lang: str) -> None:
    text = source.read_text(encoding="utf-8").rstrip("\n")
    target.write_text(f'{text}\n\n![{ALT[lang]}]({PHOTO} "{CAPTION[lang]}")\n', encoding="utf-8")
    if source != target:
        source.unlink()


def _follow(english: Path, old: str, new: str) -> None:
    """Keep a current translation current: ``translated_from`` ``old`` becomes ``new``."""
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace(f'translated_from: "{old}"', f'translated_from: "{new}"', 1), encoding="utf-8")


def time_one(folder: Path) -> tuple[float, float, float, float]:
    """Wall and CPU seconds to publish one photo cold, then wall and CPU seconds for the cache hit."""
    source = folder / "one.jpg"
    source.write_bytes(photo_jpeg(10**6))
    publish_image(source, folder / "warmup", cache_dir=None, stem="w")  # imports and first allocations
    times = []
    for out in ("cold", "warm"):
        cpu, start = time.process_time(), time.perf_counter()
        publish_image(source, folder / out, cache_dir=folder / "one-cache", stem="one")
        times += [time.perf_counter() - start, time.process_time() - cpu]
    return times[0], times[1], times[2], times[3]


def time_publishing(images: int, workers: int, folder: Path) -> tuple[float, float, float]:
    """Seconds of wall time to publish ``images`` photos cold and warm, and CPU seconds of the cold run."""
    sources = folder / "sources"
    sources.mkdir()
    jobs = []
    for n in range(images):
        (sources / f"p{n}.jpg").write_bytes(photo_jpeg(n))
        jobs.append(ImageJob(sources / f"p{n}.jpg", folder / "out", stem=f"p{n}", cache_dir=folder / "cache"))
    cpu, start = _cpu(), time.perf_counter()
    publish_images(jobs, workers=workers)
    cold, cold_cpu = time.perf_counter() - start, _cpu() - cpu
    start = time.perf_counter()
    publish_images(jobs, workers=workers)
    return cold, time.perf_counter() - start, cold_cpu


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the pool's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.media_corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--images", type=int, default=40, help="how many 3000×2000 photos (default 40)")
    parser.add_argument("--workers", type=int, default=2, help="processes publishing them (default 2)")
    parser.add_argument("--corpus", type=Path, help="instead: add a photo to every brief of this corpus (bench.corpus)")
    args = parser.parse_args(argv)
    if args.corpus is not None:
        print(f"{len(add_media(args.corpus))} photos added to {args.corpus}")
        return 0
    with tempfile.TemporaryDirectory(prefix="media-bench-") as tmp:
        one = time_one(Path(tmp))
        cold, warm, cpu = time_publishing(args.images, args.workers, Path(tmp))
    print(f"one 3000×2000 photo: cold {one[0] * 1000:.0f} ms wall ({one[1] * 1000:.0f} ms CPU), "
          f"cached {one[2] * 1000:.0f} ms wall ({one[3] * 1000:.0f} ms CPU)")
    per = cpu / args.images
    print(f"{args.images} photos, {args.workers} workers: cold {cold:.2f} s wall ({cpu:.2f} s CPU, {per * 1000:.0f} ms "
          f"an image: 1,000 on two cores ≈ {per * 1000 / 2:.0f} s), cached {warm:.2f} s wall; "
          f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
