"""The /translations/ page shows what changed in each outdated translation's source, in a git build only.

The same project (tests/gitrepo.py's history) is built three times: inside its
git work tree, as a plain copy without ``.git``, and in the work tree with no
``git`` command on the PATH. Only the first shows the changed paragraphs; the
other two build the same site, and every page but the translations page is the
same in all three.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from gitrepo import ADDED, BRIEF, NEW_SENTENCE, OLD_SENTENCE, corrected_history
from support.project import Build, build, copy_project, vocabularies

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    root = tmp_path_factory.mktemp("changes")
    git_project = copy_project(root / "git", briefs=vocabularies(root / "vocabularies"))
    shutil.rmtree(git_project / "briefs")
    corrected_history(git_project)
    plain = root / "plain"
    shutil.copytree(git_project, plain, ignore=shutil.ignore_patterns(".git"))
    no_git_bin = root / "bin"
    no_git_bin.mkdir()
    builds = {  # without the git command first: a git build leaves what it found in .cache for the next
        "no-git-command": build(git_project, "-d", str(root / "site-no-git"), env={"PATH": str(no_git_bin)}),
        "git": build(git_project),
        "plain": build(plain),
    }
    for name, result in builds.items():
        assert result.returncode == 0, f"{name}: {result.stderr}"
    builds["no-git-command"].site = root / "site-no-git"
    return builds


def changes_row(page: str) -> str | None:
    match = re.search(rf'<tr class="translations-changes" data-changes-for="{BRIEF}" data-lang="en">(.*?)</tr>',
                      page, re.S)
    return match.group(1) if match else None


def text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.parametrize("url", ["translations/", "en/translations/"])
def test_git_build_lists_changed_paragraphs_old_and_new(projects: dict[str, Build], url: str) -> None:
    row = changes_row(projects["git"].page(url))
    assert row is not None
    old = re.search(r'<span lang="ko" data-old>(.*?)</span>', row, re.S)
    new = re.search(r'<span lang="ko" data-new>(.*?)</span>', row, re.S)
    assert old is not None and new is not None
    assert OLD_SENTENCE in text(old.group(1)) and NEW_SENTENCE in text(new.group(1))
    assert "<del>30</del>" in old.group(1) and "<ins>35</ins>" in new.group(1)
    assert ADDED in text(row)
    assert f"briefs/2025/{BRIEF}.ko.md:10" in row


def test_counts_in_the_summary(projects: dict[str, Build]) -> None:
    row = changes_row(projects["git"].page("en/translations/"))
    assert row is not None and "1 added, 0 removed, 1 changed" in row


@pytest.mark.parametrize("name", ["plain", "no-git-command"])
def test_without_git_the_page_is_as_before(projects: dict[str, Build], name: str) -> None:
    page = projects[name].page("en/translations/")
    assert changes_row(page) is None and "translations-changes" not in page
    assert f'<tr data-brief="{BRIEF}" data-lang="en" data-state="outdated">' in page


def test_only_the_translations_pages_differ(projects: dict[str, Build]) -> None:
    sites = {name: result.site for name, result in projects.items()}

    def files(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}

    git_files, plain_files, no_git_files = (files(sites[n]) for n in ("git", "plain", "no-git-command"))
    assert plain_files == no_git_files
    assert set(git_files) == set(plain_files)
    differ = sorted(rel for rel in git_files if git_files[rel] != plain_files[rel])
    assert differ == ["en/translations/index.html", "translations/index.html"]
