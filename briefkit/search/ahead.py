"""A cold build's second process: ``python -m briefkit.search.ahead JOB``.

Started by ``Analyzer.analyse_ahead`` as soon as the catalog is loaded. JOB is
a JSON-lines file: ``{"cache_dir", "user_words", "fingerprint"}``, then one unit (a list of
field texts) per line. Every unit's analysis is written to the cache, as the
build's own ``Analyzer`` would write it, a batch at a time (so memory stays
at Kiwi's plus one batch at any archive size), and JOB is removed. Kiwi runs
on one thread here: the build uses the other core.
"""

from __future__ import annotations

import json
import sys
from itertools import islice
from pathlib import Path

from .analyzer import Analyzer

BATCH = 200  # units per Kiwi batch


def main(job_path: str) -> None:
    job_file = Path(job_path)
    try:
        with job_file.open(encoding="utf-8") as lines:
            head = json.loads(next(lines))
            analyzer = Analyzer(Path(head["cache_dir"]), tuple(head["user_words"]), head["fingerprint"], workers=1)
            while batch := [tuple(json.loads(line)) for line in islice(lines, BATCH)]:
                analyzer.analyse(batch)
    finally:
        job_file.unlink(missing_ok=True)


if __name__ == "__main__":
    main(sys.argv[1])
