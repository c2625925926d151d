"""The pages MkDocs reads: hand-written ``docs/`` plus one Markdown file per page.

MkDocs and mkdocs-static-i18n only handle pages that are real files under
``docs_dir`` (a generated ``File`` loses its content when static-i18n rebuilds
its file list), so the build assembles a staging folder: a copy of ``docs/``,
``briefs/<id>.<lang>.md`` per brief and language, and ``topics/<slug>.<lang>.md``
and ``regions/<slug>.<lang>.md`` per term. Only files whose bytes changed are
written, so their modification times, and MkDocs' dirty rebuilds, stay right.

Generated front matter holds only values made here (a template name, an id, a
slug); what a writer typed reaches pages through the catalog, never through
MkDocs' own front-matter reader.
"""

from __future__ import annotations

import os
from pathlib import Path

from .model import LANGUAGES
from .site import SiteView

TERM_KINDS = ("topics", "regions")


def page_files(site: SiteView, docs_dir: Path) -> dict[str, bytes]:
    """Every file of the staging folder, by POSIX path, with its bytes."""
    files: dict[str, bytes] = {}
    for folder, dirs, names in os.walk(docs_dir):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            files[path.relative_to(docs_dir).as_posix()] = path.read_bytes()
    for brief in site.briefs:
        for lang in LANGUAGES:
            body = brief.shown_text(lang).body
            files[f"briefs/{brief.id}.{lang}.md"] = _page("brief.html", {"brief": brief.id}, body)
    for kind in TERM_KINDS:
        for term in site.vocabulary(kind):
            for lang in LANGUAGES:
                files[f"{kind}/{term.slug}.{lang}.md"] = _page("term.html", {"kind": kind, "term": term.slug}, "")
    return files


def write_tree(stage_dir: Path, files: dict[str, bytes]) -> int:
    """Make ``stage_dir`` hold exactly ``files``; return how many were written."""
    written = 0
    for rel, content in files.items():
        path = stage_dir / rel
        try:
            if path.read_bytes() == content:
                continue
        except OSError:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written += 1
    for folder, _dirs, names in os.walk(stage_dir, topdown=False):
        for name in names:
            path = Path(folder) / name
            if path.relative_to(stage_dir).as_posix() not in files:
                path.unlink()
        if folder != str(stage_dir) and not os.listdir(folder):
            os.rmdir(folder)
    return written


def _page(template: str, meta: dict[str, str], body: str) -> bytes:
    lines = ["---", f"template: {template}", *(f"{k}: {v}" for k, v in meta.items()), "---", "", body]
    return "\n".join(lines).encode("utf-8")
