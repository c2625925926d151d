"""The two sites the benchmark builds from one corpus: the project, and the stock stack.

``project_copy`` is a fresh copy of this project (no ``.cache``, no ``site``)
with the corpus as its ``briefs/``. ``stock_project`` is what a team would get
from the stack alone: MkDocs + Material + mkdocs-static-i18n, each brief a
plain page ``docs/briefs/<id>.<lang>.md`` whose front matter is only its
title, not in the nav, Material's search plugin on, no hooks, the same
Markdown extensions. A Korean-only brief gets static-i18n's fallback English
page, as the project publishes one too.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

from briefkit.catalog import load_catalog

ROOT = Path(__file__).resolve().parent.parent
# Not part of what a build reads: tools, results, caches, the repository's own site.
LEFT_OUT = {
    ".git", ".venv", ".cache", "site", "briefs", "bench", "bench-results", "tests", "test-artifacts",
    "node_modules", ".pytest_cache", ".mypy_cache", ".ruff_cache", "__pycache__",
}

STOCK_CONFIG = """\
site_name: Briefs (stock stack)
site_url: https://briefs.example.org/
docs_dir: docs
theme:
  name: material
  language: ko
  font: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      reconfigure_material: true
      languages:
        - locale: ko
          name: 한국어
          default: true
          build: true
        - locale: en
          name: English
          build: true
nav:
  - index.md
markdown_extensions:
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
  - tables
  - attr_list
  - admonition
  - footnotes
  - def_list
  - md_in_html
"""


def project_copy(dest: Path, briefs: Path, source: Path = ROOT) -> Path:
    """A copy of the project at ``source`` in ``dest`` whose ``briefs/`` is ``briefs``.

    The copy holds ``briefkit/`` too: MkDocs runs with the copy as its working
    directory, so ``python -m`` imports the copy's core, not the installed one.
    """
    dest.mkdir(parents=True)
    for item in sorted(source.iterdir()):
        if item.name in LEFT_OUT or item.name.endswith(".egg-info"):
            continue
        if item.is_dir():
            shutil.copytree(item, dest / item.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(item, dest / item.name)
    shutil.copytree(briefs, dest / "briefs")
    return dest


def export_revision(revision: str, dest: Path) -> Path:
    """The project's files at a git ``revision`` (e.g. HEAD), unpacked in ``dest``."""
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", revision], cwd=ROOT, capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def stock_project(dest: Path, briefs: Path, dedupe_search: bool = True) -> Path:
    """The stock-stack site of the same briefs in ``dest``.

    ``dedupe_search=False`` sets static-i18n's ``reconfigure_search: false`` (as
    the project does): by default, with Material's search on, static-i18n
    compares every default-language search entry with every other-language
    one to drop duplicates, which grows as N² and is about half the stock
    build at 1,000 pairs.
    """
    catalog = load_catalog(briefs)
    if catalog.problems:
        raise ValueError("\n".join(str(p) for p in catalog.problems))
    docs = dest / "docs"
    (docs / "briefs").mkdir(parents=True)
    config = STOCK_CONFIG
    if not dedupe_search:
        material = "      reconfigure_material: true\n"
        config = config.replace(material, material + "      reconfigure_search: false\n")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    (docs / "index.ko.md").write_text("# 정책 라운드테이블 브리프\n", encoding="utf-8")
    (docs / "index.en.md").write_text("# Policy roundtable briefs\n", encoding="utf-8")
    for brief in catalog.briefs:
        for lang in ("ko", "en"):
            text = brief.text(lang)
            if text is not None:
                page = f"---\ntitle: {json.dumps(text.title, ensure_ascii=False)}\n---\n\n{text.body}\n"
                (docs / "briefs" / f"{brief.id}.{lang}.md").write_text(page, encoding="utf-8")
    return dest
