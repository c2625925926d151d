"""Findings in the editor: ``briefs qa --watch`` and the VS Code tasks that read it.

As tests/test_editor.py does for ``briefs check``, these read the problem
matchers from ``.vscode/tasks.json`` and apply them, as VS Code does, to what
the installed ``briefs`` command prints: a planted mistake in a translation
shows at its line on save, and goes away when it is fixed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from support.project import vocabularies, write_brief
from support.vscode import BRIEFS, Watcher, matcher, task
from test_qa import BRIEF, EN_BODY, EN_FRONT, EN_PATH, GLOSSARY, KO_BODY, KO_FRONT, KO_PATH, line_of

QA_WATCH_TASK = "briefs: qa while editing"
QA_TASK = "briefs: qa"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    briefs = vocabularies(tmp_path / "briefs")
    (briefs / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    write_brief(briefs, BRIEF, "ko", KO_FRONT, KO_BODY)
    write_brief(briefs, BRIEF, "en", EN_FRONT, EN_BODY)
    return tmp_path


def test_qa_tasks_use_the_check_tasks_matcher_under_their_own_owner() -> None:
    check, qa_watch, qa = task("briefs: check"), task(QA_WATCH_TASK), task(QA_TASK)
    assert (qa_watch["args"], qa["args"]) == (["qa", "--watch"], ["qa"])
    assert qa_watch["command"] == qa["command"] == check["command"]
    assert qa_watch["isBackground"] is True
    for spec in (qa_watch["problemMatcher"], qa["problemMatcher"]):
        assert spec["pattern"] == check["problemMatcher"]["pattern"]
        assert spec["fileLocation"] == check["problemMatcher"]["fileLocation"]
        # Its own owner: a 'check' run must not clear qa's marks, nor the reverse.
        assert (spec["owner"], spec["severity"]) == ("briefs-qa", "warning")


def test_the_matcher_reads_a_one_off_qa(project: Path) -> None:
    path = project / EN_PATH
    path.write_text(path.read_text(encoding="utf-8").replace("35% are", "30% are"), encoding="utf-8")
    result = subprocess.run([str(BRIEFS), "qa"], cwd=project, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    found = [matcher(QA_TASK).match(line) for line in result.stdout.splitlines()]
    line = line_of(project, EN_PATH, "30% are")
    assert [(f[0], f[1], f[2].split(":")[0]) for f in found if f] == [(EN_PATH, line, "figures")]
    assert [matcher(QA_TASK).match(line) for line in result.stderr.splitlines()] == [None]  # the count


def test_qa_while_editing_marks_a_changed_figure_and_clears_it(project: Path) -> None:
    path = project / EN_PATH
    good = path.read_text(encoding="utf-8")
    watcher = Watcher(project, QA_WATCH_TASK)
    try:
        assert watcher.run_until([])[1] == "briefs qa: 1 translation, no findings."
        path.write_text(good.replace("35% are", "30% are"), encoding="utf-8")
        line, source_line = line_of(project, EN_PATH, "30% are"), line_of(project, KO_PATH, "35%")
        message = (f"figures: the source has '35' (line {source_line}), which this paragraph of the translation"
                   " does not (check the figure, written the English way)")
        _, end = watcher.run_until([(EN_PATH, line, message)])
        assert end == "briefs qa: 1 finding in 1 file."
        path.write_text(good, encoding="utf-8")
        watcher.run_until([])
    finally:
        code, _ = watcher.stop()
    assert code == 0
    assert watcher.seen[-1:] != [] and "briefs qa: watching briefs for changes (Ctrl+C stops)" in watcher.seen
