"""A cold build's second process: ``python -m briefkit.search.ahead JOB``.

Started by ``Analyzer.analyse_ahead`` as soon as the catalog is loaded. JOB is
a JSON-lines file: ``{"cache_dir", "user_words", "render"}``, then one unit (a
list of field texts) per line. With a ``render`` job, the MkDocs build starts
``python -m briefkit_mkdocs.ahead JOB`` instead, which first renders the
English pass's Markdown into the render cache (``briefkit_mkdocs.render_ahead``)
and then calls ``main`` here; this module imports no MkDocs.
Then it analyses the search texts. Every unit's analysis is written to the cache, as the
build's own ``Analyzer`` would write it, a batch at a time (so memory stays
at Kiwi's plus one batch at any archive size), and JOB is removed. Kiwi runs
on one thread here: the build uses the other core.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

from .analyzer import Analyzer

BATCH = 200  # units per Kiwi batch


def main(job_path: str, render: Callable[[dict[str, Any]], object] | None = None) -> None:
    job_file = Path(job_path)
    failed = ""
    try:
        with job_file.open(encoding="utf-8") as lines:
            head = json.loads(next(lines))
            if head.get("render") and render is not None:
                # First what the build needs first: the English pass starts halfway through it.
                try:
                    render(head["render"])
                except Exception as error:  # the build renders those pages itself; say so at the end
                    failed = f"rendering ahead failed: {type(error).__name__}: {error}"
            analyzer = Analyzer(Path(head["cache_dir"]), tuple(head["user_words"]), workers=1)
            while batch := [tuple(json.loads(line)) for line in islice(lines, BATCH)]:
                analyzer.analyse(batch)
    finally:
        job_file.unlink(missing_ok=True)
    if failed:
        sys.exit(failed)


if __name__ == "__main__":
    main(sys.argv[1])
