"""Body scans kept between runs: a warm build or check parses no unchanged body again.

``briefkit.body_scan.scan`` parses a body with Python-Markdown, a cost on
every body that links anywhere. What it gives depends only on the text and
the parser's settings, code and versions, so it is kept in the
``body-scans`` store (``briefkit/cache.py``) under a digest of both. Each run keeps exactly the
bodies it looked at. Within one process (a preview session) ``scan`` keeps its
own results in memory as well.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from . import cache
from .atomic_write import write_atomic
from .body_scan import MARKDOWN_EXTENSIONS, BodyScan, Reference, needs_parsing, scan


class ScanStore:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.settings = _settings()
        self.kept: dict[str, BodyScan] = self._read()
        self.used: dict[str, BodyScan] = {}

    def references(self, body: str, *, external: bool = True) -> tuple[Reference, ...]:
        return self.scan(body).references if needs_parsing(body, external=external) else ()

    def anchors(self, body: str) -> frozenset[str]:
        return self.scan(body).anchors

    def scan(self, body: str) -> BodyScan:
        key = hashlib.sha256((self.settings + body).encode("utf-8", "surrogatepass")).hexdigest()[:24]
        found = self.used.get(key) or self.kept.get(key)
        if found is None:
            found = scan(body)
        self.used[key] = found
        return found

    def save(self) -> None:
        """Write what this run used, when that differs from what was read."""
        if self.path is None or self.used.keys() == self.kept.keys():
            return
        data = {key: [[[r.kind, r.url, r.line, r.html, r.alt, r.title] for r in found.references],
                      sorted(found.anchors)] for key, found in sorted(self.used.items())}
        with contextlib.suppress(OSError):
            write_atomic(self.path, json.dumps({"settings": self.settings, "scans": data}, ensure_ascii=False))

    def _read(self) -> dict[str, BodyScan]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8")) if self.path else {}
            if data.get("settings") != self.settings:
                return {}
            return {key: BodyScan(tuple(Reference(*ref) for ref in refs), frozenset(ids))
                    for key, (refs, ids) in data["scans"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}


def _settings() -> str:
    return "|".join([cache.fingerprint("body-scans"), *MARKDOWN_EXTENSIONS]) + "\n"
