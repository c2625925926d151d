"""``briefs check [PATH]``: the installed command, run as a writer or a pre-commit hook runs it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from support.project import CORPUS, ROOT, build, copy_project, vocabularies, write_brief
from test_validation import GOLDEN, KO_FRONT, write_broken

from briefkit.catalog import load_catalog

BRIEFS = ROOT / ".venv" / "bin" / "briefs"
SUMMARY = re.compile(r"\d+ problems?: nothing can be published until they are fixed\.")


def check(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": ""}
    return subprocess.run([str(BRIEFS), "check", *args], cwd=cwd, capture_output=True, text=True, timeout=60, env=env)


def test_a_good_corpus_passes_quickly(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "briefs")
    started = time.perf_counter()
    result = check(cwd=tmp_path)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    count = len(load_catalog(CORPUS).briefs)
    assert count == 15
    assert result.stdout == f"{count} briefs checked, no problems.\n"
    assert result.stderr == ""
    assert elapsed < 5  # fast enough for a pre-commit hook


def test_a_good_folder_given_as_a_path_passes(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "content")
    write_brief(briefs, "2025-05-13-x", "ko", KO_FRONT)
    result = check("content", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert re.fullmatch(r"1 briefs? checked, no problems\.\n", result.stdout)


def test_every_problem_is_printed_once_then_a_count_and_the_exit_code_is_1(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_broken(briefs)
    result = check("briefs", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.splitlines()  # one line per problem, nothing else: the count is on stdout
    golden = (GOLDEN / "broken-briefs.txt").read_text(encoding="utf-8").splitlines()
    assert lines == golden
    summary = result.stdout.splitlines()
    assert len(summary) == 1 and SUMMARY.fullmatch(summary[0]) and summary[0].startswith(f"{len(golden)} problems: ")
    assert "Traceback" not in result.stderr


def test_without_a_path_it_checks_briefs_in_the_current_folder(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-05-13-x", "ko", KO_FRONT + "topic: [x]\n")
    result = check(cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "briefs/2025/2025-05-13-x.ko.md:7: topic: unknown field (did you mean 'topics'?; remove it)",
    ]
    assert result.stdout == "1 problem: nothing can be published until they are fixed.\n"


def test_messages_start_with_the_path_as_given(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "site" / "briefs")
    write_brief(briefs, "2025-05-13-x", "ko", KO_FRONT.replace("[seoul]", "[seol]"))
    relative = check("site/briefs/", cwd=tmp_path)
    absolute = check(str(briefs), cwd=ROOT)
    message = "/2025/2025-05-13-x.ko.md:6: regions: unknown region 'seol' (did you mean 'seoul'?)"
    assert relative.stderr.splitlines()[0] == "site/briefs" + message
    assert absolute.stderr.splitlines()[0] == briefs.as_posix() + message


def test_a_missing_folder_fails(tmp_path: Path) -> None:
    result = check("nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "nowhere:1: folder: not found (create the briefs/ folder next to mkdocs.yml)"
    )


def test_junk_file_names_and_bytes_print_without_a_traceback(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    (briefs / os.fsdecode(b"2025-05-13-\xff\xfe.ko.md")).write_bytes(os.urandom(256))
    (briefs / "2025-05-14-x.ko.md").write_bytes(b"---\n\x1b[31mtitle: \xed\xa0\x80\n---\n")
    result = check("briefs", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith("briefs/2025-05-13-\ufffd\ufffd.ko.md:1: file: name ")
    assert lines[1].startswith("briefs/2025-05-14-x.ko.md:")
    assert SUMMARY.fullmatch(result.stdout.strip())


def test_watching_a_missing_folder_reports_it_in_one_framed_run_and_exits_1(tmp_path: Path) -> None:
    result = check("--watch", "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"briefs check: checking nowhere … \(\d\d:\d\d:\d\d\)", lines[0])
    assert lines[1:] == [
        "nowhere:1: folder: not found (create the briefs/ folder next to mkdocs.yml)",
        "briefs check: 1 problem in 1 file: nothing can be published until they are fixed.",
        "briefs check: cannot watch nowhere: not a folder",
    ]


def test_a_usage_mistake_exits_2(tmp_path: Path) -> None:
    result = check("a", "b", cwd=tmp_path)
    assert result.returncode == 2
    assert "usage: briefs" in result.stderr


@pytest.mark.build
def test_the_build_prints_the_same_messages_and_fails(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_broken(briefs)
    project = copy_project(tmp_path / "project", briefs)
    built = build(project)
    checked = check(cwd=project)
    assert built.returncode != 0 and checked.returncode == 1
    problems = checked.stderr.splitlines()[:-1]
    built_lines = built.stderr.splitlines()
    assert built_lines[: len(problems)] == problems  # every message first, in the same order
    assert "Traceback" not in built.stderr
    assert not (project / "site").exists() or not any((project / "site").rglob("*.html"))
