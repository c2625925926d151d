"""Problems in the editor: ``briefs check --watch`` and the VS Code tasks that read it.

VS Code shows what the problem matchers of ``.vscode/tasks.json`` find in the
command's output, so these tests read the matchers from that file and apply
them, as VS Code does, to what the installed ``briefs`` command really prints.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from support.project import CORPUS, ROOT, vocabularies
from support.vscode import BRIEFS, Watcher, load_jsonc, matcher, task
from test_validation import write_broken

from briefkit.catalog import load_catalog
from briefkit.problems import one_line

WATCH_TASK = "briefs: check while editing"
CHECK_TASK = "briefs: check"
BRIEF = "briefs/2024/2024-04-25-daegu-gyeongbuk-ai-manufacturing-roundtable.ko.md"


def expected(problem_line: str) -> tuple[str, int, str]:
    """What the matcher must capture from a line ``path:line: field: message``."""
    path, line, rest = problem_line.split(":", 2)
    return path, int(line), rest.lstrip()


# --- the tasks ------------------------------------------------------------------------------------


def test_the_watch_task_starts_with_the_folder_and_runs_the_watcher_in_the_background() -> None:
    watch, check = task(WATCH_TASK), task(CHECK_TASK)
    assert watch["command"] == check["command"] == "${workspaceFolder}/.venv/bin/briefs"
    assert (watch["args"], check["args"]) == (["check", "--watch"], ["check"])
    assert watch["options"]["cwd"] == check["options"]["cwd"] == "${workspaceFolder}"
    assert watch["isBackground"] is True and not check.get("isBackground", False)
    assert watch["runOptions"] == {"runOn": "folderOpen"}
    # One matcher for both: the same problems, owner and file locations.
    without_background = {k: v for k, v in watch["problemMatcher"].items() if k != "background"}
    assert without_background == check["problemMatcher"]
    assert check["problemMatcher"]["fileLocation"] == ["relative", "${workspaceFolder}"]
    assert set(watch["problemMatcher"]["background"]) >= {"beginsPattern", "endsPattern"}
    # settings.json, edited beside it, still parses and still maps the schemas.
    settings = load_jsonc(ROOT / ".vscode" / "settings.json")
    assert set(settings["yaml.schemas"]) == {
        "./schemas/brief-source.schema.json", "./schemas/brief-translation.schema.json"
    }


def test_the_matcher_reads_every_kind_of_problem_of_a_one_off_check(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_broken(briefs)
    result = subprocess.run([str(BRIEFS), "check"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    problems = load_catalog(briefs, shown_as="briefs").problems
    lines = result.stderr.splitlines() + result.stdout.splitlines()
    assert len(lines) == len(problems) + 1  # the count comes last, on stdout
    found = [matcher(CHECK_TASK).match(line) for line in lines]
    assert found[-1] is None
    assert found[:-1] == [
        (one_line(p.path), p.line, f"{one_line(p.field)}: {one_line(p.message)}") for p in problems
    ]
    # fileLocation is relative to the workspace folder, where the task runs the command.
    for item in found[:-1]:
        assert item is not None and (tmp_path / item[0]).exists(), item
    assert ("briefs/2024/2024-03-05-unknown-terms.ko.md", 5,
            "topics: unknown topic 'ai-manufactoring' (did you mean 'ai-manufacturing'?)") in found
    assert ("briefs/2024/2024-04-03-types.ko.md", 8,
            "topic: unknown field (did you mean 'topics'?; remove it)") in found


# --- the watcher ----------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(CORPUS, tmp_path / "briefs")
    return tmp_path


def line_of(path: Path, start: str) -> int:
    [number] = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(start)]
    return number


def test_check_while_editing_flags_a_mistake_at_its_line_and_clears_it_when_fixed(project: Path) -> None:
    count = len(load_catalog(project / "briefs").briefs)
    brief = project / BRIEF
    good = brief.read_text(encoding="utf-8")
    assert "topics: [ai-manufacturing," in good and "\nvenue: " in good
    watcher = Watcher(project, WATCH_TASK)
    try:
        assert watcher.run_until([]) == ([], f"briefs check: {count} briefs, no problems.")

        # An editor saving in place: a misspelt topic and a misspelt field.
        brief.write_text(
            good.replace("topics: [ai-manufacturing,", "topics: [ai-manufactoring,").replace("\nvenue: ", "\nvenu: "),
            encoding="utf-8",
        )
        wanted = [
            (BRIEF, line_of(brief, "topics:"),
             "topics: unknown topic 'ai-manufactoring' (did you mean 'ai-manufacturing'?)"),
            (BRIEF, line_of(brief, "venu:"), "venu: unknown field (did you mean 'venue'?; remove it)"),
        ]
        assert (wanted[0][1], wanted[1][1]) == (5, 7)
        problems, end = watcher.run_until(wanted)
        assert end == "briefs check: 2 problems in 1 file: nothing can be published until they are fixed."
        assert all((project / file).is_file() for file, _, _ in problems)  # relative to the workspace folder

        # An editor saving through a temporary file renamed over the brief.
        temporary = brief.with_name("." + brief.name + ".tmp")
        temporary.write_text(good, encoding="utf-8")
        os.replace(temporary, brief)
        assert watcher.run_until([]) == ([], f"briefs check: {count} briefs, no problems.")

        # A new file with a wrong name is a problem too; deleting it clears it.
        stray = project / "briefs" / "2024" / "notes.md"
        stray.write_text("# notes\n", encoding="utf-8")
        problems, end = watcher.run_until([(
            "briefs/2024/notes.md", 1,
            "file: name 'notes.md' is not <id>.<lang>.md (name it like 2025-05-13-regional-roundtable.ko.md:"
            " the roundtable's date, a slug, the language)",
        )])
        assert end == "briefs check: 1 problem in 1 file: nothing can be published until they are fixed."
        stray.unlink()
        watcher.run_until([])
    finally:
        code, stderr = watcher.stop()
    assert (code, stderr) == (0, "")
    rest = list(iter(lambda: watcher.lines.get(timeout=5), None))
    assert rest[-1:] == ["briefs check: stopped."]


def test_framing_lines_and_problem_lines_cannot_be_mistaken_for_each_other(project: Path) -> None:
    (project / BRIEF).write_text("---\ntitle: x\n---\n", encoding="utf-8")
    watcher = Watcher(project, WATCH_TASK)
    try:
        problems, end = watcher.run(time.monotonic() + 15)
    finally:
        watcher.stop()
    begin = watcher.seen[0]
    assert re.fullmatch(r"briefs check: checking briefs … \(\d\d:\d\d:\d\d\)", begin)
    assert len(problems) > 1 and re.match(rf"briefs check: {len(problems)} problems in \d+ files?: ", end)
    problem_lines = watcher.seen[1:-1]
    m = watcher.matcher
    framing = [begin, end, "briefs check: 1 brief, no problems.", "briefs check: 1 problem in 1 file: …",
               "briefs check: watching briefs for changes (Ctrl+C stops)", "briefs check: stopped."]
    assert [m.match(line) for line in framing] == [None] * len(framing)
    assert [(m.begins(line), m.ends(line)) for line in framing] == [
        (True, False), (False, True), (False, True), (False, True), (False, False), (False, False)
    ]
    assert not any(m.begins(line) or m.ends(line) for line in problem_lines)
    assert [m.match(line) for line in problem_lines] == [expected(line) for line in problem_lines]
