"""Shared test helpers: copy the project, write briefs, build a real site.

Builds run MkDocs in a subprocess (as CI and writers run it), into a copy of
the project under ``tmp_path``, so no test touches the repository's own
``site/`` or ``.cache/``.

``briefs/`` is content, not test data: the communications team replaces it.
No test reads it. Tests take their briefs from fixtures under
``tests/fixtures/``: ``CORPUS`` (a frozen copy of the samples the project
first shipped, with their topics.yml and regions.yml, whose ids and
vocabularies tests may name) and the briefs each test writes itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = FIXTURES / "corpus"  # a briefs folder: 28 files, 15 briefs 2023-2026, one draft, two Korean-only
SEARCH_QUERIES = FIXTURES / "search_queries.yml"  # the recall set over CORPUS
# ``make test-fast`` sets this and runs ``-m "not build and not browser"``: a test that builds or
# opens Chromium without its marker then fails, naming the marker, instead of slowing the fast lane.
FAST = "BRIEFS_TEST_FAST"
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "hooks")


def not_in_the_fast_lane(what: str, marker: str) -> None:
    """Fail a test that ``make test-fast`` should not have run: it does ``what`` without ``marker``."""
    if os.environ.get(FAST):
        pytest.fail(f"this test {what}: mark it @pytest.mark.{marker} (make test-fast runs none)", pytrace=False)


@dataclass
class Build:
    project: Path
    site: Path
    returncode: int
    stdout: str
    stderr: str

    def page(self, url_path: str) -> str:
        """The HTML of a page by its URL path, e.g. ``en/briefs/x/``."""
        path = (
            self.site / url_path.strip("/") / "index.html" if not url_path.endswith(".html") else self.site / url_path
        )
        return path.read_text(encoding="utf-8")


def copy_project(dest: Path, briefs: Path | None = None) -> Path:
    """A copy of the project in ``dest`` with the fixture corpus (``CORPUS``) or ``briefs`` as its briefs/."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    shutil.copytree(briefs or CORPUS, dest / "briefs")
    (dest / "fonts").symlink_to(ROOT / "fonts")  # 5,000 files, only read: the build links them into the site
    return dest


def copy_built(src: Path, dest: Path) -> Path:
    """A copy of a built site (or of a project with its site) for a test to change: every file
    copied except the font files under ``assets/fonts/``, which are hard-linked (thousands of
    files that a test only reads; never write into one). Symbolic links stay links."""

    def copy(source: str, target: str) -> None:
        if f"{os.sep}assets{os.sep}fonts{os.sep}" in source:
            os.link(source, target)
        else:
            shutil.copy2(source, target)

    return Path(shutil.copytree(src, dest, symlinks=True, copy_function=copy))


def vocabularies(dest: Path) -> Path:
    """A briefs folder holding only the fixture corpus's topics.yml and regions.yml."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("topics.yml", "regions.yml"):
        shutil.copy2(CORPUS / name, dest / name)
    return dest


def write_brief(
    briefs: Path, brief_id: str, lang: str, front: str, body: str = "본문입니다.\n", folder: str = ""
) -> Path:
    """Write ``<briefs>/<folder>/<id>.<lang>.md`` from front-matter text and a body."""
    path = briefs / (folder or brief_id[:4]) / f"{brief_id}.{lang}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + textwrap.dedent(front).strip() + "\n---\n" + body, encoding="utf-8")
    return path


def build(project: Path, *args: str, env: dict[str, str] | None = None) -> Build:
    """Run ``mkdocs build --strict`` in ``project``; the site goes to ``project/site``."""
    not_in_the_fast_lane("builds a site", "build")
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=project,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return Build(project, project / "site", proc.returncode, proc.stdout, proc.stderr)
