"""VS Code's view of the ``briefs`` command: the problem matchers of ``.vscode/tasks.json``, applied as VS Code does.

``Matcher`` reads a task's matcher; ``Watcher`` runs a background task's
command (``briefs check --watch``, ``briefs qa --watch``) and reads its
output run by run, as the matcher's begin and end patterns frame it.
"""

from __future__ import annotations

import json
import queue
import re
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from support.project import ROOT

BRIEFS = ROOT / ".venv" / "bin" / "briefs"
TASKS = ROOT / ".vscode" / "tasks.json"


def load_jsonc(path: Path) -> Any:
    """JSON with // and /* */ comments, as VS Code reads its settings and tasks (no trailing commas here)."""
    text, out, i = path.read_text(encoding="utf-8"), [], 0
    while i < len(text):
        if text[i] == '"':
            end = i + 1
            while text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            out.append(text[i : end + 1])
            i = end + 1
        elif text.startswith("//", i):
            i = text.find("\n", i) if "\n" in text[i:] else len(text)
        elif text.startswith("/*", i):
            i = text.index("*/", i) + 2
        else:
            out.append(text[i])
            i += 1
    return json.loads("".join(out))


def js_regex(pattern: str) -> re.Pattern[str]:
    """A JavaScript regular expression (as VS Code runs it) for Python's ``re``."""
    assert "(?<" not in pattern.replace("(?<=", "").replace("(?<!", ""), "use numbered groups"
    assert not re.search(r"\\[uxk]\{|\\[pP]\{|\$<", pattern), "JavaScript-only syntax"
    return re.compile(pattern)


@dataclass
class Matcher:
    """A task's problem matcher, applied line by line as VS Code applies it."""

    spec: dict[str, Any]

    @property
    def problem(self) -> re.Pattern[str]:
        return js_regex(self.spec["pattern"]["regexp"])

    def match(self, line: str) -> tuple[str, int, str] | None:
        found = self.problem.search(line)
        if found is None:
            return None
        groups = self.spec["pattern"]
        return found[groups["file"]], int(found[groups["line"]]), found[groups["message"]]

    def begins(self, line: str) -> bool:
        return js_regex(self.spec["background"]["beginsPattern"]).search(line) is not None

    def ends(self, line: str) -> bool:
        return js_regex(self.spec["background"]["endsPattern"]).search(line) is not None


def task(label: str) -> dict[str, Any]:
    [found] = [t for t in load_jsonc(TASKS)["tasks"] if t["label"] == label]
    return found


def matcher(label: str) -> Matcher:
    return Matcher(task(label)["problemMatcher"])


class Watcher:
    """The background task ``label`` running in ``project``, its output read as VS Code's matcher reads it."""

    def __init__(self, project: Path, label: str) -> None:
        spec = task(label)
        self.matcher = Matcher(spec["problemMatcher"])
        self.command = " ".join(["briefs", *spec["args"]])
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        self.proc = subprocess.Popen(
            [str(BRIEFS), *spec["args"]], cwd=project, text=True, encoding="utf-8",
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def line(self, deadline: float) -> str:
        try:
            line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            pytest.fail(f"no output in time; so far: {self.seen}")
        if line is None:
            pytest.fail(f"{self.command} ended; so far: {self.seen}")
        self.seen.append(line)
        return line

    def run(self, deadline: float) -> tuple[list[tuple[str, int, str]], str]:
        """The problems of the next whole run (begin line to end line), and its end line."""
        while not self.matcher.begins(self.line(deadline)):
            pass
        problems = []
        while not self.matcher.ends(line := self.line(deadline)):
            found = self.matcher.match(line)
            assert found is not None, f"not a problem line inside a run of {self.command}: {line!r}"
            problems.append(found)
        return problems, line

    def run_until(self, wanted: Any, seconds: float = 15) -> tuple[list[tuple[str, int, str]], str]:
        """Runs until one reports ``wanted`` problems (an editor's save may start more than one run)."""
        deadline = time.monotonic() + seconds
        while True:
            problems, end = self.run(deadline)
            if problems == wanted:
                return problems, end

    def stop(self) -> tuple[int, str]:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            code = self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
        assert self.proc.stderr is not None
        return code, self.proc.stderr.read()
