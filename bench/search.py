"""Hook point for the search measurements (issue 4): bandwidth and time to first result.

The benchmark calls ``measure_search`` on every site it builds and records
what it returns. Until the project's search exists there is nothing honest to
measure, so it returns None and the benchmark says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

NOT_MEASURED = "search: not measured yet (issue 4)"


def measure_search(site: Path, stack: str) -> dict[str, Any] | None:
    """Bytes fetched and seconds to the first result for typical queries in Chromium.

    ``site`` is a built site folder, ``stack`` is ``"project"`` or ``"stock"``.
    To be written with issue 4: serve ``site`` on localhost, open
    ``/search/?q=…`` in headless Chromium (see tests/conftest.py and the stack
    notes for the launch arguments), sum the response sizes and time the
    first ``[data-result]`` element, for Korean and English queries.
    """
    return None
