"""Analyse a cold build's search texts in a second process: ``python -m briefkit.search.ahead JOB``.

Started by ``Analyzer.analyse_ahead`` as soon as the catalog is loaded. JOB is
a JSON file ``{"cache_dir", "user_words", "units"}``; every unit's analysis
is written to the cache, as the build's own ``Analyzer`` would write it, and
JOB is removed. Kiwi runs on one thread here: the build uses the other core.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .analyzer import Analyzer


def main(job_path: str) -> None:
    job_file = Path(job_path)
    try:
        job = json.loads(job_file.read_text(encoding="utf-8"))
    finally:
        job_file.unlink(missing_ok=True)
    analyzer = Analyzer(Path(job["cache_dir"]), tuple(job["user_words"]), workers=1)
    analyzer.analyse([tuple(unit) for unit in job["units"]])


if __name__ == "__main__":
    main(sys.argv[1])
