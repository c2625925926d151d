"""The benchmark's media lines (issue 17): the same corpus with one 3000×2000 photo per brief.

For a size N, ``bench_media`` writes the corpus ``bench.harness`` built
without images (same seed: the same briefs) and makes every brief a bundle
with one photo referred to from both languages (``bench.media_corpus``),
then times a cold build of a fresh copy of the project, a warm build of the
same copy and the preview, and compares them with the builds of that size
without images:

- cold image processing adds at most ``COLD_ADDED_GOAL_S`` (cold build with
  images less cold build without, on the machine's cores);
- a warm build stays within ``WARM_RATIO_GOAL`` of the warm build without
  images (it encodes nothing: every image comes from ``.cache/media``);
- the preview shows a saved edit in under ``PREVIEW_GOAL_S``.

Drawing a photo-like 3000×2000 JPEG takes seconds, so ``BASE_PHOTOS`` are
drawn and every brief gets one of them with its own JPEG comment segment:
different bytes (a different content digest, so a cold build encodes every
one) and the same pixels to decode, scale and encode as a photo of its own.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path
from typing import Any

from .corpus import FIXTURE_VOCABULARIES, generate_corpus
from .measure import Run, run_measured, tree_size
from .media_corpus import add_media, photo_jpeg
from .preview import measure_preview
from .projects import ROOT, project_copy

COLD_ADDED_GOAL_S = 60.0
WARM_RATIO_GOAL = 1.1
PREVIEW_GOAL_S = 3.0
BASE_PHOTOS = 12


def bench_media(
    pairs: int, seed: int, work: Path, baseline: dict[str, Any], source: Path = ROOT, preview: bool = True,
    vocabularies: Path | None = None,
) -> dict[str, Any]:
    """Measure the corpus of ``pairs`` with a photo per brief against ``baseline`` (``bench_size``'s result)."""
    folder = work / f"n{pairs}-media"
    corpus = generate_corpus(folder / "corpus", pairs, seed, vocabularies or FIXTURE_VOCABULARIES)
    photos = add_media(corpus.path, seed=seed, size=(32, 24))  # placeholders, replaced just below
    base = [photo_jpeg(seed * 7919 + k) for k in range(min(BASE_PHOTOS, len(photos)))]
    for number, path in enumerate(photos):
        path.write_bytes(unique_photo(base[number % len(base)], number))
    print(f"N={pairs}: media corpus written ({len(photos)} photos of 3000×2000 in bundles)", flush=True)
    project = project_copy(folder / "project", corpus.path, source)
    cold, warm = _build(project), _build(project)
    for name, run in (("cold", cold), ("warm", warm)):
        status = "" if run.ok else f"  FAILED (exit {run.returncode}):\n{run.error}"
        print(f"N={pairs}: project with photos, {name}: {run.wall_s:.2f} s wall, {run.cpu_s} s CPU{status}",
              flush=True)
    previewed: dict[str, Any] | None = None
    if preview and cold.ok:
        try:
            previewed = measure_preview(project)
        except (TimeoutError, RuntimeError) as error:
            previewed = {"error": str(error).splitlines()[0]}
    plain_cold, plain_warm = baseline["project_cold"], baseline["project_warm"]
    return {
        "pairs": pairs,
        "photos": len(photos),
        "cold": cold.as_json(),
        "warm": warm.as_json(),
        "preview": previewed,
        "cold_added_s": _added(cold, plain_cold, "wall_s"),
        "cold_added_cpu_s": _added(cold, plain_cold, "cpu_s"),
        "warm_ratio": _ratio(warm, plain_warm, "wall_s"),
        "warm_cpu_ratio": _ratio(warm, plain_warm, "cpu_s"),
    }


def _added(run: Run, plain: dict[str, Any], key: str) -> float | None:
    mine, theirs = getattr(run, key), plain.get(key)
    return round(mine - theirs, 2) if run.ok and plain["returncode"] == 0 and mine and theirs else None


def _ratio(run: Run, plain: dict[str, Any], key: str) -> float | None:
    mine, theirs = getattr(run, key), plain.get(key)
    return round(mine / theirs, 2) if run.ok and plain["returncode"] == 0 and mine and theirs else None


def media_lines(result: dict[str, Any] | None) -> list[str]:
    """The media goals for one size, each with its goal and marked met or not met."""
    if not result:
        return []
    n = result["pairs"]
    previewed = result.get("preview") or {}
    slowest = max(previewed["body_edit_s"], previewed["title_edit_s"]) if "title_edit_s" in previewed else None
    added = f"cold image processing (cold build with a photo per brief less without) ≤ {COLD_ADDED_GOAL_S:.0f} s"
    warm = f"warm build with photos ≤ {WARM_RATIO_GOAL}× the warm build without"
    checks = [
        (f"{added} (wall)", result["cold_added_s"], COLD_ADDED_GOAL_S),
        (f"{added} (CPU, 2 cores: half of it)", _half(result.get("cold_added_cpu_s")), COLD_ADDED_GOAL_S),
        (f"{warm} (wall)", result["warm_ratio"], WARM_RATIO_GOAL),
        (f"{warm} (CPU)", result.get("warm_cpu_ratio"), WARM_RATIO_GOAL),
        (f"preview with photos shows a saved edit < {PREVIEW_GOAL_S:.0f} s", slowest, PREVIEW_GOAL_S),
    ]
    lines = []
    for name, value, goal in checks:
        verdict = "met" if value is not None and value <= goal else "NOT met"
        lines.append(f"N={n}: media: {name}: {value if value is not None else 'n/a'} — {verdict}")
    if "error" in previewed:
        lines[-1] += f" ({previewed['error']})"
    return lines


def _half(value: float | None) -> float | None:
    """CPU seconds as wall seconds on two busy cores (the goal's machine)."""
    return round(value / 2, 2) if value is not None else None


def unique_photo(jpeg: bytes, number: int) -> bytes:
    """``jpeg`` with a comment segment naming ``number`` after its start marker: same pixels, other bytes."""
    comment = f"bench photo {number}".encode("ascii")
    return jpeg[:2] + b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment + jpeg[2:]


def _build(project: Path) -> Run:
    run = run_measured([sys.executable, "-m", "mkdocs", "build"], cwd=project)
    if run.ok:
        run.site_bytes, run.site_files = tree_size(project / "site")
    return run
