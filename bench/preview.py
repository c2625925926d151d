"""The preview: how long after saving a brief ``make serve`` shows it (issue 8).

``measure_preview`` runs ``mkdocs serve --dirty`` (what ``make serve`` runs) on
a project folder, waits for the first build, then saves two edits to one
brief's Korean source and times, from the moment each file is written, until
every page that shows the change serves it:

- a body edit: the brief's Korean page shows the new sentence, and its
  English page shows the outdated-translation notice (the source changed);
- a title edit: the brief's page, the home page (when the brief is recent
  enough to be there), the archive and the page of its first topic show the
  new title.

Each time is from the moment the file is written to the moment the server
logs that it reloads browsers (its rebuild is on disk) after which every
expected page is checked; a page is fetched only then, because polling
during the rebuild slows the rebuild (one Python process serves and
builds). After the title edit it also times the open data showing the new
title (the preview writes the search index, feeds and data just after the
reload), and counts the rebuilds each save started (one: a build must not
start another). It restores the file afterwards. The test suite runs it on the fixture corpus
(tests/test_preview.py); the benchmark on 1,000 pairs.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefkit.catalog import load_catalog
from briefkit.model import CURRENT
from briefkit.opendata import JSON_PATH
from briefkit.settings import HOME_MAX

FIRST_BUILD_TIMEOUT = 900.0
EDIT_TIMEOUT = 120.0
POLL = 0.05
RELOADED = "Reloading browsers"  # what mkdocs serve logs once a rebuild is written
SERVING = "Serving on"  # ... and once the first build is
REBUILD_GAP = 1.5  # seconds after the last check in which no further rebuild may start
# Seconds between the first build and the first save, as a writer takes to open a file (the
# preview loads Kiwi meanwhile, in the background: briefkit_mkdocs/run.py), and between two
# saves, as a writer takes to read the page (the preview writes the search index, feeds and
# data of a rebuild just after the browser reloads: briefkit.build.Preview).
SETTLE = 3.0


@dataclass
class Edit:
    name: str
    seconds: float
    pages: dict[str, float]  # seconds until each page served the change
    saved: float  # the moment the file was written (time.perf_counter)


def measure_preview(project: Path, brief_id: str | None = None, timeout: float = EDIT_TIMEOUT) -> dict[str, Any]:
    """Seconds from saving an edit to the pages showing it, under ``mkdocs serve --dirty``.

    ``brief_id``: the brief to edit (default: the newest one with an English
    translation). Raises ``TimeoutError`` when a page never shows its change.
    """
    catalog = load_catalog(project / "briefs")
    if catalog.problems:
        raise ValueError(f"{project}: the briefs have problems")
    candidates = [b for b in catalog.briefs if not b.draft and b.state("en") == CURRENT and b.topics]
    brief = next(b for b in candidates if brief_id in (None, b.id))
    path = project / brief.source.path  # "briefs/…" as load_catalog shows it
    original = path.read_bytes()
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # python -m: the project folder comes first on sys.path, so its own briefkit/ is the one imported.
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    log = _Log(server)
    try:
        started = time.perf_counter()
        _wait(lambda: any(SERVING in line for _, line in log.lines) and _get(base) is not None,
              FIRST_BUILD_TIMEOUT, server, log, "the first build")
        first_build = time.perf_counter() - started
        time.sleep(SETTLE)
        text = original.decode("utf-8")
        marker = f"미리보기 확인 문장 {int(time.time())}"
        body_edit = _insert_paragraph(text, marker)
        body = _timed_edit(path, body_edit, {
            f"briefs/{brief.id}/": marker,
            f"en/briefs/{brief.id}/": "brief-notice--outdated",
        }, base, timeout, server, log, "body")
        time.sleep(SETTLE)  # a writer reads the page before the next save
        mark = f"(수정 {int(time.time()) % 1000})"
        new_title = f"{brief.source.title} {mark}"
        title_edit = _replace_title(body_edit, brief.source.title, new_title)
        topic = brief.topics[0].slug
        expect = {f"briefs/{brief.id}/": new_title, "archive/": new_title, f"topics/{topic}/": new_title}
        if brief.id in [b.id for b in catalog.published(include_drafts=True)[:HOME_MAX]]:
            expect[""] = new_title
        title = _timed_edit(path, title_edit, expect, base, timeout, server, log, "title")
        # The open data (like the search index and feeds) is written just after the reload.
        _wait(lambda: mark in (_get(base + JSON_PATH) or ""), timeout, server, log, "the open data of the title edit")
        outputs = time.perf_counter() - title.saved
        time.sleep(REBUILD_GAP)  # a second rebuild would have started by now
        rebuilds = {
            "body": sum(1 for at in log.reloads_after(body.saved) if at < title.saved),
            "title": len(log.reloads_after(title.saved)),
        }
    finally:
        path.write_bytes(original)
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    return {
        "brief": brief.id,
        "first_build_s": round(first_build, 2),
        "body_edit_s": round(body.seconds, 2),
        "title_edit_s": round(title.seconds, 2),
        "title_outputs_s": round(outputs, 2),
        "rebuilds": rebuilds,
        "pages": {"body": body.pages, "title": title.pages},
    }


class _Log:
    """The server's log lines with the moment each arrived (read on a thread: the pipe never fills)."""

    def __init__(self, server: subprocess.Popen[str]) -> None:
        self.lines: list[tuple[float, str]] = []
        threading.Thread(target=self._read, args=(server,), daemon=True).start()

    def _read(self, server: subprocess.Popen[str]) -> None:
        assert server.stderr is not None
        for line in server.stderr:
            self.lines.append((time.perf_counter(), line.rstrip()))

    def reloads_after(self, moment: float) -> list[float]:
        return [at for at, line in list(self.lines) if at > moment and RELOADED in line]

    def text(self) -> str:
        return "\n".join(line for _, line in self.lines[-40:])


def _timed_edit(path: Path, content: str, expect: dict[str, str], base: str, timeout: float,
                server: subprocess.Popen[str], log: _Log, name: str) -> Edit:
    """Seconds from saving ``content`` until the server, having rebuilt, serves every expected change.

    The pages are fetched only after the server says it reloads browsers: polling
    them during the rebuild would slow the rebuild (one Python process serves and builds).
    """
    from markupsafe import escape

    saved = time.perf_counter()
    path.write_text(content, encoding="utf-8")
    seen: dict[str, float] = {}
    checked: set[float] = set()

    def done() -> bool:
        for reload in log.reloads_after(saved):
            if reload in checked:
                continue
            checked.add(reload)
            for url, needle in expect.items():
                page = _get(base + url)
                if url not in seen and page is not None and (needle in page or str(escape(needle)) in page):
                    seen[url] = round(reload - saved, 2)
        return len(seen) == len(expect)

    _wait(done, timeout, server, log, f"the {name} edit ({sorted(set(expect) - set(seen))} not updated)")
    return Edit(name, max(seen.values()), seen, saved)


def _insert_paragraph(text: str, sentence: str) -> str:
    """``text`` with ``sentence`` as a new paragraph after the first heading of the body."""
    front_end = text.index("\n---", 3) + 4
    heading = re.compile(r"^#{2,3} .*$", re.M).search(text, front_end)
    at = heading.end() if heading else len(text)
    return f"{text[:at]}\n\n{sentence}\n{text[at:]}"


def _replace_title(text: str, old: str, new: str) -> str:
    match = re.compile(r"^title:.*$", re.M).search(text)
    if match is None or old not in match.group(0):
        raise ValueError("the title line is not a plain 'title: …' line")
    return text[:match.start()] + match.group(0).replace(old, new, 1) + text[match.end():]


def _wait(condition: Any, timeout: float, server: subprocess.Popen[str], log: _Log, what: str) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped during {what}:\n{log.text()}")
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{what}: not served within {timeout:.0f} s")
        time.sleep(POLL)


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
