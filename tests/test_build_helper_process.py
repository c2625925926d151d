"""The build's helper process ends with the build, however the build ends (issue 21).

A cold build starts a second process as soon as the briefs are loaded
(``on_config``): it analyses the search texts while MkDocs renders pages
(briefkit/search/analyzer.py). The build object (briefkit_mkdocs/site_build.py)
ends it on every way out. Each test starts ``mkdocs build`` in a process group
of its own, makes it fail after the helper has started, and then looks for
any process left in that group (the helper, if it outlived the build).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_project, vocabularies, write_brief

pytestmark = pytest.mark.build

BRIEFS = 60  # both languages: 120 texts to analyse, more than the helper's threshold (AHEAD_MIN)
FAILING_HOOK = '''
import os


def on_pre_build(**_):
    if os.environ.get("FAIL_WITH") == "exception":
        raise RuntimeError("a hook failed after the briefs were loaded")
'''
STARTED = "in a second process"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("helper")
    briefs = vocabularies(folder / "briefs")
    for n in range(BRIEFS):
        brief_id = f"2025-01-{n % 28 + 1:02d}-helper-{n}"
        front = (f"title: 도우미 프로세스 확인 {n}\ndate: {brief_id[:10]}\nsummary: 요약 {n}\n"
                 "topics: [regional-innovation]\nregions: [seoul]\n")
        write_brief(briefs, brief_id, "ko", front, f"## 중소기업 지원 {n}\n\n지역 혁신 정책을 논의했습니다.\n")
        write_brief(briefs, brief_id, "en", f"title: Helper check {n}\nsummary: Summary {n}\n",
                    f"## Support for SMEs {n}\n\nRegional innovation policy was discussed.\n")
    project = copy_project(folder / "project", briefs)
    (project / "hooks" / "failing.py").write_text(FAILING_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/failing.py\n", 1),
                      encoding="utf-8")
    return project


def start_build(project: Path, **env: str) -> subprocess.Popen[str]:
    """``mkdocs build`` from cold (no caches), as the leader of a new process group."""
    subprocess.run(["rm", "-rf", str(project / ".cache"), str(project / "site")], check=True)
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def group_members(group: int) -> list[str]:
    """The command lines of the live processes in process group ``group``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError):
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(cmdline)
    return found


def children(pid: int) -> list[str]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append((stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except (OSError, IndexError):
            continue
    return found


def test_a_build_that_fails_after_starting_the_helper_leaves_no_process(project: Path) -> None:
    proc = start_build(project, FAIL_WITH="exception")
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode != 0 and "a hook failed after the briefs were loaded" in stderr
    assert STARTED in stderr  # the helper had started
    assert group_members(proc.pid) == []


def test_ctrl_c_during_a_build_leaves_no_process(project: Path) -> None:
    proc = start_build(project)
    deadline = time.monotonic() + 300
    while not any("ahead" in c for c in children(proc.pid)):
        assert proc.poll() is None and time.monotonic() < deadline, "the helper process never started"
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)  # to MkDocs alone, as a terminal's Ctrl-C reaches the foreground job
    proc.communicate(timeout=600)
    assert proc.returncode != 0
    assert group_members(proc.pid) == []
