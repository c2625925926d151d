"""``briefs diff`` and the change counts of ``briefs status``, on a real git history made here.

The history (tests/gitrepo.py): a Korean source committed, translated and
stamped, then one sentence changed and a paragraph added. The translator asks
what changed; the answer must show the removed and the added sentence.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from gitrepo import ADDED, BRIEF, NEW_SENTENCE, OLD_SENTENCE, commit, corrected_history, git
from support.cli import run

from briefkit.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corrected_history(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_diff_prints_the_removed_and_the_added_sentence(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", BRIEF)
    assert code == 0
    lines = out.splitlines()
    assert f"- {OLD_SENTENCE} 회의는 두 시간 동안 진행됐다." in lines
    assert f"+ {NEW_SENTENCE} 회의는 두 시간 동안 진행됐다." in lines
    assert f"+ {ADDED}" in lines
    # Word by word: only what changed is marked, the paragraph's other words are not.
    marked = next(line for line in lines if line.startswith("~ "))
    assert "[-30-]{+35+}" in marked and "{+부산과 울산의+}" in marked.replace("[-부산-]", "")
    assert "[-회의는" not in marked
    assert "1 added, 0 removed, 1 changed" in out
    assert "Brief: Busan exporters" in out  # the commit the translation was made from
    assert "\x1b[" not in out  # not a terminal: no colour


def test_diff_json_for_tools(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", BRIEF, "--lang", "en", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["found"] is True and report["reason"] is None and report["state"] == "outdated"
    assert report["commit"]["subject"] == "Brief: Busan exporters"
    assert report["commit"]["path"] == f"briefs/2025/{BRIEF}.ko.md"
    assert report["counts"] == {"added": 1, "removed": 0, "changed": 1}
    changed = next(c for c in report["changes"] if c["kind"] == "changed")
    assert changed["field"] == "body" and OLD_SENTENCE in changed["old"] and NEW_SENTENCE in changed["new"]
    assert changed["line"] == 10  # the paragraph's line in the current source file
    assert {"op": "-", "text": "30"} in changed["words"] and {"op": "+", "text": "35"} in changed["words"]
    rebuilt = "".join(w["text"] for w in changed["words"] if w["op"] != "-")
    assert rebuilt == changed["new"]
    added = next(c for c in report["changes"] if c["kind"] == "added")
    assert added == {"field": "body", "kind": "added", "old": "", "new": ADDED, "line": 12, "words": []}


def test_diff_is_plain_when_piped_and_coloured_on_request(project: Path) -> None:
    briefs = Path(sys.executable).parent / "briefs"
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    piped = subprocess.run([str(briefs), "diff", BRIEF], capture_output=True, text=True, env=env, check=True)
    assert OLD_SENTENCE in piped.stdout and "\x1b[" not in piped.stdout
    coloured = subprocess.run([str(briefs), "diff", BRIEF, "--color", "always"], capture_output=True, text=True,
                              env=env, check=True)
    assert "\x1b[31m- " in coloured.stdout and "\x1b[32m+ " in coloured.stdout
    assert "\x1b[1;7m30\x1b[0m" in coloured.stdout  # the changed word stands out


def test_diff_follows_a_move_into_a_bundle(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    year = project / "briefs" / "2025"
    (year / BRIEF).mkdir()
    for lang in ("ko", "en"):
        git(project, "mv", f"briefs/2025/{BRIEF}.{lang}.md", f"briefs/2025/{BRIEF}/{BRIEF}.{lang}.md")
    commit(project, "Brief: a bundle")
    code, out, _ = run(capsys, "diff", BRIEF, "--json")
    report = json.loads(out)
    assert code == 0 and report["found"] is True
    assert report["commit"]["path"] == f"briefs/2025/{BRIEF}.ko.md"  # where it was when translated
    assert report["source_path"] == f"briefs/2025/{BRIEF}/{BRIEF}.ko.md"
    assert report["counts"]["changed"] == 1


def test_diff_without_git_says_why_and_exits_0(project: Path, tmp_path_factory: pytest.TempPathFactory,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    plain = tmp_path_factory.mktemp("plain")
    shutil.copytree(project / "briefs", plain / "briefs")
    monkeypatch.chdir(plain)
    code, out, _ = run(capsys, "diff", BRIEF)
    assert code == 0
    assert "not inside a git work tree" in out and "compare the translation with the source by hand" in out
    code, out, _ = run(capsys, "diff", BRIEF, "--json")
    assert code == 0 and json.loads(out)["found"] is False and json.loads(out)["changes"] == []


def test_diff_with_no_matching_commit_says_so(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    en = project / "briefs" / "2025" / f"{BRIEF}.en.md"
    text = en.read_text(encoding="utf-8")
    start = text.index('translated_from: "') + len('translated_from: "')
    en.write_text(text[:start] + "0123456789ab" + text[start + 12:], encoding="utf-8")
    code, out, _ = run(capsys, "diff", BRIEF)
    assert code == 0
    assert "no commit of" in out and "0123456789ab" in out


def test_diff_of_a_current_translation_and_an_unknown_brief(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stamp", BRIEF]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "diff", BRIEF)
    assert code == 0 and "is current" in out
    code, _, err = run(capsys, "diff", "2025-01-01-nothing")
    assert code == 1 and "no brief 2025-01-01-nothing" in err


def test_status_counts_the_changed_paragraphs(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status")
    assert code == 0
    row = next(line for line in out.splitlines() if BRIEF in line)
    assert "paragraphs: 1 added, 0 removed, 1 changed" in row
    code, out, _ = run(capsys, "status", "--json")
    assert json.loads(out)[0]["changes"] == {"added": 1, "removed": 0, "changed": 1}
