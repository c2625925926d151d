"""Time the workflow's content path: ``briefs check``, the build, ``briefs verify-site``.

``python -m bench.content_path [--pairs N ...] [--repeat R]`` measures, for the
shipped briefs (``--pairs 0``) and for synthetic corpora of N pairs
(``bench.corpus``), the three steps a content-only push runs before it deploys
(``.github/workflows/publish.yml``), each in a fresh copy of the project:

- **cold**: no ``.cache/`` and no ``site/``, as the first run or a run after a
  code change;
- **warm**: ``.cache/`` kept from the cold run, ``site/`` gone (a workflow run
  starts from a fresh checkout), one brief's Korean body edited: a content push.

It prints one line per size and state with each step's wall seconds and, in
brackets, CPU seconds (user + system: on a shared machine wall time stretches
with the load, CPU time much less), and the totals. Numbers for DEPLOY.md.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from .corpus import PROJECT_BRIEFS, generate_corpus
from .measure import run_measured
from .projects import project_copy

STEPS = {
    "check": ["-m", "briefkit.cli", "check"],
    "build": ["-m", "mkdocs", "build", "--strict", "-q"],
    "verify": ["-m", "briefkit.cli", "verify-site", "site"],
}


def measure_path(project: Path) -> dict[str, float]:
    """Wall and CPU seconds of each step in ``project`` (``<step>`` and ``<step> cpu``)."""
    times: dict[str, float] = {}
    for name, args in STEPS.items():
        run = run_measured([sys.executable, *args], project)
        if not run.ok:
            raise SystemExit(f"{name} failed in {project}:\n{run.error}")
        times[name] = run.wall_s
        times[f"{name} cpu"] = run.cpu_s if run.cpu_s is not None else float("nan")
    return times


def edit_one_brief(briefs: Path) -> Path:
    """Add a sentence to the body of the newest Korean file, as a writer's correction would."""
    newest = max(briefs.rglob("*.ko.md"), key=lambda p: p.name)
    with newest.open("a", encoding="utf-8") as text:
        text.write("\n수정: 참석 기관 이름을 바로잡았다.\n")
    return newest


def measure_size(pairs: int, work: Path, repeat: int) -> dict[str, list[dict[str, float]]]:
    briefs = PROJECT_BRIEFS if pairs == 0 else generate_corpus(work / f"corpus-{pairs}", pairs).path
    results: dict[str, list[dict[str, float]]] = {"cold": [], "warm": []}
    for n in range(repeat):
        project = project_copy(work / f"project-{pairs}-{n}", briefs)
        results["cold"].append(measure_path(project))
        shutil.rmtree(project / "site")
        edit_one_brief(project / "briefs")
        results["warm"].append(measure_path(project))
    return results


def _line(label: str, runs: list[dict[str, float]]) -> str:
    wall = {step: statistics.median(r[step] for r in runs) for step in STEPS}
    cpu = {step: statistics.median(r[f"{step} cpu"] for r in runs) for step in STEPS}
    steps = ", ".join(f"{step} {wall[step]:.1f} s (cpu {cpu[step]:.1f} s)" for step in STEPS)
    return f"{label}: {steps}; total {sum(wall.values()):.1f} s (cpu {sum(cpu.values()):.1f} s)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.content_path", description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, nargs="+", default=[0, 1000],
                        help="sizes; 0 is the shipped briefs (default: 0 1000)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size, the median is shown (default: 1)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="content-path-") as tmp:
        for pairs in args.pairs:
            results = measure_size(pairs, Path(tmp), args.repeat)
            size = "shipped briefs" if pairs == 0 else f"{pairs:,} pairs"
            for state, runs in results.items():
                print(_line(f"{size}, {state}", runs), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
