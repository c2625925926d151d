"""Ask the site's own search engine, under Node, about a built index folder.

The engine is one: ``overrides/assets/search-core.js``, the module the
browser runs. The tests and the benchmark ask it through
``engine_cli.js`` (one Node process for the whole Python process, one
request a line), so a query here answers exactly as the search page does:
the same hits in the same order, the same excerpt passage, the same
corrections, the same files read. Needs ``node`` (Node.js 20 or newer) on
the PATH.
"""

from __future__ import annotations

import atexit
import itertools
import json
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

CLI = Path(__file__).with_name("engine_cli.js")
_NUMBERS = itertools.count(1)  # each IndexFolder has its own engine in the Node process


@dataclass
class Hit:
    doc: int
    id: str
    score: float
    terms: tuple[str, ...]
    passage: int = 0  # 0: the excerpt is the summary; else one more than the body passage shown


@dataclass
class IndexFolder:
    """One engine over ``folder`` (``search/index/<lang>/`` of a built site), with the files it read."""

    folder: Path
    fetched: list[str] = field(default_factory=list)  # files read, in order
    number: int = field(default_factory=lambda: next(_NUMBERS))

    @cached_property
    def meta(self) -> dict[str, Any]:
        return json.loads((self.folder / "meta.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]

    def search(self, query: str, topic: str = "", region: str = "", year: str = "", sort: str = "") -> list[Hit]:
        """Hits for ``query`` and the filters, best first (every document, newest first, with no words)."""
        found = self._ask("search", q=query, topics=topic, regions=region, years=year, sort=sort)
        terms = tuple(found["terms"])
        return [Hit(h["doc"], h["id"], h["score"], terms, h["passage"]) for h in found["hits"]]

    def excerpt(self, hit: Hit) -> str:
        """The text a hit shows under its title: its body passage, or its summary."""
        return str(self._ask("excerpt", doc=hit.doc, passage=hit.passage)["text"])

    def suggestions(self, query: str) -> list[str]:
        """Corrections offered for a query with no hits ("did you mean"), best first."""
        return list(self._ask("suggestions", q=query)["offers"])

    def morphemes(self, query: str) -> set[str]:
        """The forms a brief must hold one of to be a fair hit (the benchmark's precision)."""
        return set(self._ask("morphemes", q=query)["forms"])

    def _ask(self, op: str, **request: Any) -> dict[str, Any]:
        reply = _engine().ask({"engine": self.number, "folder": str(self.folder), "op": op, **request})
        self.fetched += reply["fetched"]
        return reply



class _Engine:
    """The Node process answering every IndexFolder of this Python process."""

    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            raise RuntimeError("node was not found: the search engine runs under Node.js 20 or newer")
        self.process = subprocess.Popen([node, str(CLI)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, encoding="utf-8", bufsize=1)
        self.lock = threading.Lock()

    def alive(self) -> bool:
        return self.process.poll() is None

    def ask(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        with self.lock:
            self.process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
            self.process.stdin.flush()
            line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the search engine stopped ({self.process.poll()})")
        reply: dict[str, Any] = json.loads(line)
        if "error" in reply:
            raise RuntimeError(f"search engine: {reply['error']}")
        return reply

    def close(self) -> None:
        if self.alive():
            assert self.process.stdin is not None
            self.process.stdin.close()
            self.process.wait(timeout=10)


_ENGINE: _Engine | None = None
_STARTING = threading.Lock()


def _engine() -> _Engine:
    global _ENGINE
    with _STARTING:
        if _ENGINE is None or not _ENGINE.alive():
            _ENGINE = _Engine()
            atexit.register(_ENGINE.close)
        return _ENGINE
