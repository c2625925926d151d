"""Run one command and measure it: wall seconds, CPU seconds, peak memory, exit code.

Wall time is ``time.perf_counter`` around the subprocess. CPU time (user +
system) is reported beside it because this machine is shared: when others
keep both cores busy, wall time stretches while CPU time barely moves. Peak
memory is the child's maximum resident set size. Both come from GNU
``/usr/bin/time -v`` when it exists; otherwise a fresh Python wrapper runs
the command and reports its own ``RUSAGE_CHILDREN`` (read in the
benchmark's process, that would be the maximum over every earlier child too).
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

GNU_TIME = Path("/usr/bin/time")
MAX_RSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")
CPU_TIME = re.compile(r"(?:User|System) time \(seconds\): ([0-9.]+)")
WRAPPER = """\
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as report:
    print(f"Maximum resident set size (kbytes): {usage.ru_maxrss}", file=report)
    print(f"User time (seconds): {usage.ru_utime}", file=report)
    print(f"System time (seconds): {usage.ru_stime}", file=report)
sys.exit(code)
"""


@dataclass
class Run:
    """One measured command. ``site_bytes``/``site_files`` are set for builds."""

    wall_s: float
    cpu_s: float | None
    peak_rss_mb: float | None
    returncode: int
    error: str = ""
    site_bytes: int | None = None
    site_files: int | None = None
    wall_runs: list[float] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def run_measured(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``command`` in ``cwd``; keep the last lines of stderr if it fails."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    with tempfile.TemporaryDirectory(prefix="bench-rss-") as tmp:
        report = Path(tmp) / "rss"
        if GNU_TIME.exists():
            wrapped = [str(GNU_TIME), "-v", "-o", str(report), *command]
        else:
            wrapped = [sys.executable, "-c", WRAPPER, str(report), *command]
        start = time.perf_counter()
        proc = subprocess.run(wrapped, cwd=cwd, env=full_env, capture_output=True, text=True)
        wall = time.perf_counter() - start
        cpu, peak = _usage(report)
    error = "\n".join(proc.stderr.strip().splitlines()[-15:]) if proc.returncode else ""
    return Run(round(wall, 3), cpu, peak, proc.returncode, error)


def combine(runs: list[Run]) -> Run:
    """Repeated runs of one command as one: median times, highest peak, first failure."""
    failed = next((run for run in runs if not run.ok), None)
    peaks = [run.peak_rss_mb for run in runs if run.peak_rss_mb is not None]
    cpus = [run.cpu_s for run in runs if run.cpu_s is not None]
    return Run(
        round(statistics.median(run.wall_s for run in runs), 3),
        round(statistics.median(cpus), 2) if cpus else None,
        max(peaks) if peaks else None,
        failed.returncode if failed else 0,
        failed.error if failed else "",
        runs[-1].site_bytes,
        runs[-1].site_files,
        [run.wall_s for run in runs],
    )


def _usage(report: Path) -> tuple[float | None, float | None]:
    """CPU seconds and peak megabytes from a ``time -v`` style report."""
    try:
        text = report.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None, None
    rss, times = MAX_RSS.search(text), CPU_TIME.findall(text)
    cpu = round(sum(float(t) for t in times), 2) if len(times) == 2 else None
    return cpu, round(int(rss.group(1)) / 1024, 1) if rss else None


def tree_size(folder: Path) -> tuple[int, int]:
    """Total bytes and number of files under ``folder``."""
    total = count = 0
    for dirpath, _, names in os.walk(folder):
        for name in names:
            total += (Path(dirpath) / name).stat().st_size
            count += 1
    return total, count
