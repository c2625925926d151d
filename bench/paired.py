"""Paired cold builds of two versions of the project: does a change make a build faster?

One build of each is noise on a shared machine; this builds the same corpus
with version A and version B alternately (A B, B A, A B, …: neither always
runs first), each time from a fresh copy (no ``.cache``, no ``site``), and
reports the median and spread of the paired differences (B − A) in wall
seconds::

    python -m bench.paired --a DIR_A --b DIR_B --pairs 300 --runs 10
    python -m bench.paired --a DIR_A --b DIR_B --shipped --runs 10   # briefs/ as shipped

``DIR_A`` and ``DIR_B`` are project trees (``python -m bench.paired
--export REV DIR`` unpacks a git revision into one). Each build runs
``python -m mkdocs build --strict`` in its copy, so the copy's own
``briefkit/`` and adapter package are the ones imported.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from .corpus import generate_corpus
from .measure import run_measured
from .projects import ROOT, export_revision, project_copy


def cold_build(source: Path, briefs: Path, work: Path) -> float:
    """Wall seconds of one cold build of ``source`` with ``briefs``, in a fresh copy under ``work``."""
    copy = project_copy(work / "copy", briefs, source)
    try:
        run = run_measured([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=copy)
        if not run.ok:
            raise SystemExit(f"build of {source} failed:\n{run.error}")
        return run.wall_s
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def paired(a: Path, b: Path, briefs: Path, runs: int) -> dict[str, object]:
    times: dict[str, list[float]] = {"a": [], "b": []}
    with tempfile.TemporaryDirectory(prefix="bench-paired-") as tmp:
        for i in range(runs):
            order = [("a", a), ("b", b)] if i % 2 == 0 else [("b", b), ("a", a)]
            for name, source in order:
                times[name].append(cold_build(source, briefs, Path(tmp)))
            print(f"run {i + 1}/{runs}: A {times['a'][-1]:.2f} s, B {times['b'][-1]:.2f} s", flush=True)
    diffs = [tb - ta for ta, tb in zip(times["a"], times["b"], strict=True)]
    return {
        "a_s": times["a"], "b_s": times["b"],
        "median_a_s": statistics.median(times["a"]), "median_b_s": statistics.median(times["b"]),
        "median_diff_s": statistics.median(diffs),
        "diff_min_s": min(diffs), "diff_max_s": max(diffs),
        "diff_stdev_s": statistics.stdev(diffs) if len(diffs) > 1 else 0.0,
        "b_faster_in": sum(d < 0 for d in diffs),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.paired", description=__doc__.splitlines()[0])
    parser.add_argument("--a", type=Path, help="project tree A")
    parser.add_argument("--b", type=Path, help="project tree B")
    parser.add_argument("--pairs", type=int, default=300, help="synthetic corpus size (bilingual pairs)")
    parser.add_argument("--shipped", action="store_true", help="build the shipped briefs/ instead of a corpus")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--export", nargs=2, metavar=("REV", "DIR"), help="unpack git revision REV into DIR, then stop")
    args = parser.parse_args(argv)
    if args.export:
        export_revision(args.export[0], Path(args.export[1]))
        return 0
    if args.a is None or args.b is None:
        parser.error("--a and --b are required")
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        if args.shipped:
            briefs = ROOT / "briefs"
        else:
            briefs = Path(tmp) / "briefs"
            generate_corpus(briefs, args.pairs)
        result = paired(args.a.resolve(), args.b.resolve(), briefs, args.runs)
    size = "shipped" if args.shipped else f"{args.pairs} pairs"
    print(f"{size}, {args.runs} paired cold builds: median A {result['median_a_s']:.2f} s, "
          f"median B {result['median_b_s']:.2f} s; B − A median {result['median_diff_s']:+.2f} s "
          f"(min {result['diff_min_s']:+.2f}, max {result['diff_max_s']:+.2f}, "
          f"stdev {result['diff_stdev_s']:.2f}); B faster in {result['b_faster_in']} of {args.runs}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
