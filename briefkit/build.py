"""One build of the site: the validated catalog, its staging folder, and page data.

``prepare`` is called once per build by the MkDocs hook; everything the
templates need for a page comes from ``BuildState.page_context``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalog import load_catalog
from .dates import format_date
from .problems import Problem
from .site import SiteView, brief_path, lang_root, term_path
from .staging import page_files, write_tree
from .strings import STRINGS

STAGE_FOLDER = ".cache/pages"
HOME_MAX = 30  # the home page lists this many; the archive lists all


@dataclass
class BuildState:
    root: Path
    docs_dir: Path
    stage_dir: Path
    site: SiteView

    def page_title(self, meta: dict[str, Any], lang: str, default: str | None) -> str | None:
        if "brief" in meta:
            return self.site.view(meta["brief"], lang).text.title
        if "term" in meta:
            return self.site.term(meta["kind"], meta["term"]).label(lang)
        return default

    def page_date(self, meta: dict[str, Any]) -> str:
        """A page's date: its brief's, else the newest brief's (never the clock)."""
        if "brief" in meta:
            return self.site.view(meta["brief"], "ko").date.isoformat()
        newest = self.site.briefs[0].date.isoformat() if self.site.briefs else "2000-01-01"
        return newest

    def page_context(self, meta: dict[str, Any], lang: str) -> dict[str, Any]:
        context: dict[str, Any] = {
            "site": self.site,
            "page_lang": lang,
            "t": STRINGS[lang],
            "format_date": format_date,
            "brief_path": brief_path,
            "term_path": term_path,
            "lang_root": lang_root(lang),
            "site_home_max": HOME_MAX,
        }
        if "brief" in meta:
            context["brief"] = self.site.view(meta["brief"], lang)
        if "kind" in meta:
            context["kind"] = meta["kind"]
        if "term" in meta:
            context["term"] = self.site.term(meta["kind"], meta["term"])
        return context


def prepare(root: Path, docs_dir: Path, *, preview: bool) -> tuple[BuildState | None, list[Problem]]:
    """Load ``root/briefs``; on success stage the pages MkDocs will read."""
    catalog = load_catalog(root / "briefs")
    if catalog.problems:
        return None, catalog.problems
    site = SiteView(catalog, include_drafts=preview)
    stage_dir = root / STAGE_FOLDER
    write_tree(stage_dir, page_files(site, docs_dir))
    return BuildState(root, docs_dir, stage_dir, site), []
