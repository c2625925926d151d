"""``python -m bench.profile``: where a cold build of the project spends its time.

Writes a corpus, copies the project, runs ``mkdocs build`` under cProfile in
a subprocess, and prints the share of time by package (own time of every
function, grouped by where it lives), the functions with the most own time,
and the calls with the most cumulative time. ``--stats FILE`` keeps the raw
profile for ``python -m pstats`` or snakeviz.
"""

from __future__ import annotations

import argparse
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from .corpus import generate_corpus
from .projects import ROOT, export_revision, project_copy, stock_project

Key = tuple[str, int, str]
# Frames that only hand the whole build down: left out of the cumulative table.
WRAPPERS = {"click", "(C built-ins)", "stdlib runpy", "stdlib cProfile"}


def profile_build(
    pairs: int, seed: int, work: Path, stats_file: Path, source: Path = ROOT, stock: bool = False
) -> float:
    """Profile one cold build of ``pairs`` briefs (the project's, or the stock stack's); return its wall seconds."""
    corpus = generate_corpus(work / "corpus", pairs, seed)
    if stock:
        project = stock_project(work / "stock", corpus.path)
    else:
        project = project_copy(work / "project", corpus.path, source)
    command = [sys.executable, "-m", "cProfile", "-o", str(stats_file), "-m", "mkdocs", "build"]
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=project, capture_output=True, text=True, env=_env())
    wall = time.perf_counter() - start
    if proc.returncode:
        raise RuntimeError(f"the build failed:\n{proc.stderr[-3000:]}")
    return wall


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def where(filename: str) -> str:
    """The package a profiled function belongs to, from its file name."""
    if filename.startswith("~") or filename.startswith("<"):
        return "(C built-ins)"
    parts = Path(filename).parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].removesuffix(".py")
    for own in ("briefkit", "hooks"):
        if own in parts:
            return own
    for index, part in enumerate(parts):
        if part.startswith("python3") and index + 1 < len(parts):
            return "stdlib " + parts[index + 1].removesuffix(".py")
    return Path(filename).name


def summary(stats: pstats.Stats, top: int) -> str:
    """The three tables this module prints, as text."""
    entries: dict[Key, tuple[int, int, float, float, object]] = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in entries.values())
    by_package: dict[str, float] = defaultdict(float)
    for (filename, _, _), entry in entries.items():
        if filename.startswith("~"):
            # A built-in (re.match, str.join, open…) counts for whoever called it.
            callers: dict[Key, tuple[int, int, float, float]] = entry[4]  # type: ignore[assignment]
            for caller, call in callers.items():
                by_package[where(caller[0])] += call[2]
        else:
            by_package[where(filename)] += entry[2]
    lines = [f"profiled time: {total:.1f} s", "", "own time by package (built-ins counted for their callers):"]
    for package, seconds in sorted(by_package.items(), key=lambda item: -item[1])[:top]:
        lines.append(f"  {seconds:8.2f} s  {100 * seconds / total:5.1f} %  {package}")
    lines += ["", "functions with the most own time:"]
    for key, entry in sorted(entries.items(), key=lambda item: -item[1][2])[:top]:
        lines.append(f"  {entry[2]:8.2f} s  {100 * entry[2] / total:5.1f} %  {entry[1]:>9} calls  {_name(key)}")
    lines += ["", "calls with the most cumulative time (entry points left out):"]
    inner = {key: entry for key, entry in entries.items() if where(key[0]) not in WRAPPERS and key[2] != "<module>"}
    for key, entry in sorted(inner.items(), key=lambda item: -item[1][3])[:top]:
        lines.append(f"  {entry[3]:8.2f} s  {100 * entry[3] / total:5.1f} %  {entry[1]:>9} calls  {_name(key)}")
    return "\n".join(lines)


def _name(key: Key) -> str:
    filename, line, function = key
    if filename.startswith("~"):
        return function
    return f"{function}  ({where(filename)}: {Path(filename).name}:{line})"


def _commit(revision: str) -> str:
    """The commit ``revision`` names now (HEAD moves while others commit)."""
    command = ["git", "rev-parse", "--short", revision]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True).stdout.strip() or revision


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description="Profile a cold build.")
    parser.add_argument("--pairs", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top", type=int, default=20, help="rows per table (default 20)")
    parser.add_argument("--rev", help="profile the project as committed at this git revision (default: work tree)")
    parser.add_argument("--stock", action="store_true", help="profile the stock stack's build instead")
    parser.add_argument("--stats", type=Path, help="keep the raw cProfile output here")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-profile-"))
    try:
        revision = "stock stack" if args.stock else _commit(args.rev) if args.rev else "the work tree"
        source = export_revision(revision, work / "source") if args.rev else ROOT
        stats_file = args.stats or work / "build.prof"
        wall = profile_build(args.pairs, args.seed, work, stats_file.resolve(), source, args.stock)
        print(f"cold build of {args.pairs} pairs ({revision}) under cProfile: {wall:.1f} s wall")
        print(summary(pstats.Stats(str(stats_file)), args.top))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
