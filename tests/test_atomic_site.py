"""A failed build leaves the previous site exactly as it was (issue 22 item 5).

The build writes beside ``site/`` and moves the finished site into place only
on success (briefkit/site_output.py, briefkit_mkdocs/site_build.py). One small project
is built once; each test copies it with its site, fails a build in one way (a
brief's problem, a strict-mode warning from a hand-written page, an exception
in a hook, Ctrl-C) and compares the site's files, byte for byte, with before.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.project import Build, build, copy_built, copy_project, vocabularies, write_brief

from briefkit.site_output import StagedOutput

BRIEF = "2025-01-01-one"
FRONT = "title: 제목\ndate: 2025-01-01\nsummary: 요약\ntopics: [regional-innovation]\nregions: [seoul]\n"
FAILING_HOOK = '''
import os


def on_post_page(output, **_):
    if os.environ.get("FAIL_WITH") == "exception":
        raise RuntimeError("a hook failed")
    if os.environ.get("FAIL_WITH") == "interrupt":
        raise KeyboardInterrupt
    return output
'''


def tree(site: Path) -> dict[str, str]:
    """Every file of ``site`` (hidden ones too) with the digest of its bytes."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if ".building" in p.name)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project built once, its site holding a deployment's hidden folder, with a hook that fails on demand."""
    folder = tmp_path_factory.mktemp("atomic")
    briefs = vocabularies(folder / "briefs")
    write_brief(briefs, BRIEF, "ko", FRONT)
    project = copy_project(folder / "project", briefs)
    (project / "hooks" / "failing.py").write_text(FAILING_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/failing.py\n", 1),
                      encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    (project / "site" / ".git").mkdir()
    (project / "site" / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    return copy_built(built, tmp_path / "project")


def failed(project: Path, result: Build, before: dict[str, str]) -> None:
    assert result.returncode != 0
    assert tree(project / "site") == before
    assert leftovers(project) == []


@pytest.mark.build
def test_a_brief_problem_leaves_the_previous_site(project: Path) -> None:
    before = tree(project / "site")
    write_brief(project / "briefs", BRIEF, "ko", FRONT, "[없는 브리프](2025-09-09-nowhere.md)\n")
    result = build(project)
    failed(project, result, before)
    assert f"briefs/2025/{BRIEF}.ko.md:8: body: link '2025-09-09-nowhere.md'" in result.stderr


@pytest.mark.build
def test_a_strict_mode_warning_leaves_the_previous_site(project: Path) -> None:
    before = tree(project / "site")
    write_brief(project / "briefs", BRIEF, "ko", FRONT, "고친 본문\n")  # a change that would show
    page = project / "docs" / "guides" / "publish.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[broken](no-such-page.md)\n", encoding="utf-8")
    result = build(project)
    failed(project, result, before)
    assert "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr


@pytest.mark.build
@pytest.mark.parametrize("fail_with", ["exception", "interrupt"])
def test_a_hook_exception_or_an_interrupt_leaves_the_previous_site(project: Path, fail_with: str) -> None:
    before = tree(project / "site")
    write_brief(project / "briefs", BRIEF, "ko", FRONT, "고친 본문\n")
    failed(project, build(project, env={"FAIL_WITH": fail_with}), before)


@pytest.mark.build
def test_ctrl_c_leaves_the_previous_site(project: Path) -> None:
    before = tree(project / "site")
    write_brief(project / "briefs", BRIEF, "ko", FRONT, "고친 본문\n")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not leftovers(project) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert leftovers(project), "the build did not start writing beside the site"
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode != 0, stderr
    assert tree(project / "site") == before
    assert leftovers(project) == []


@pytest.mark.build
def test_a_successful_build_replaces_the_site_and_keeps_hidden_files(project: Path) -> None:
    (project / "site" / "stale.html").write_text("from an old build", encoding="utf-8")
    orphan = project / f".site.building-{2**22 + 1}"  # what a killed build leaves (no such process)
    orphan.mkdir()
    write_brief(project / "briefs", BRIEF, "ko", FRONT, "고친 본문\n")
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert "고친 본문" in (site / "briefs" / BRIEF / "index.html").read_text(encoding="utf-8")
    assert not (site / "stale.html").exists()
    assert (site / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"
    assert (site / "feed.xml").is_file() and (site / "sitemap.xml").is_file()
    assert leftovers(project) == []


def test_staged_output_commits_only_when_asked(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "old").mkdir(parents=True)
    (site / "old" / "page.html").write_text("old", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    output = StagedOutput.begin(site, dirty=False)
    assert output.building.parent == tmp_path and list(output.building.iterdir()) == []
    (output.building / "new.html").write_text("new", encoding="utf-8")
    assert sorted(tree(site)) == [".nojekyll", "old/page.html"]
    output.commit()
    assert sorted(tree(site)) == [".nojekyll", "new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_staged_output_abandoned_leaves_nothing(tmp_path: Path) -> None:
    output = StagedOutput.begin(tmp_path / "out" / "site", dirty=False)
    (output.building / "page.html").write_text("half", encoding="utf-8")
    output.abandon()
    output.commit()  # too late: nothing to put in place
    assert list((tmp_path / "out").iterdir()) == []


def test_a_dirty_build_starts_from_the_previous_site_with_its_times(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text("kept", encoding="utf-8")
    os.utime(site / "page.html", ns=(1_000_000_000_123, 1_000_000_000_123))
    output = StagedOutput.begin(site, dirty=True)
    assert (output.building / "page.html").stat().st_mtime_ns == 1_000_000_000_123
    output.abandon()
