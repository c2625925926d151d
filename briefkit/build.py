"""One build of the site: the validated catalog, its staging folder, and page data.

``prepare`` is called once per build by the MkDocs hook; everything the
templates need for a page comes from ``BuildState.page_context``.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import cache
from .catalog import ReadCache
from .dates import format_date
from .history import changes_for
from .jsonld import template_helpers
from .problems import Problem
from .references import check_folder
from .settings import SiteSettings
from .site import SiteView, brief_path, lang_root, term_path
from .staging import page_files, page_inputs, write_tree
from .strings import STRINGS

TRANSLATIONS_PAGE = "translations/"  # the staged pages that show what changed since a translation
# What renders every page besides the code and packages in the ``pages-inputs`` store: the vocabularies.
VOCABULARIES = ("topics.yml", "regions.yml")


@dataclass
class BuildState:
    root: Path
    docs_dir: Path
    stage_dir: Path
    site: SiteView
    dirty: bool = False  # only changed pages are rendered (mkdocs build/serve --dirty)
    session: Preview | None = None  # the preview session this build belongs to, if any
    settings: SiteSettings = field(default_factory=SiteSettings)  # extra.briefs of mkdocs.yml

    def after_pages(self, job: Callable[[], None]) -> None:
        """Write outputs that no page shows (search index, feeds, sitemap, open data).

        At once, except in a preview that is serving: there the server reloads
        the browser as soon as the pages are written, and the session writes
        these just after (see ``Preview.after_pages``).
        """
        if self.session is not None:
            self.session.after_pages(job)
        else:
            job()

    def page_title(self, meta: dict[str, Any], lang: str, default: str | None) -> str | None:
        if "brief" in meta:
            return self.site.view(meta["brief"], lang).text.title
        if "term" in meta:
            return self.site.term(meta["kind"], meta["term"]).label(lang)
        return default

    def page_date(self, meta: dict[str, Any]) -> str:
        """A page's date: its brief's (updated), else the newest of any brief (never the clock); "" with no brief."""
        if "brief" in meta:  # its latest update's date, if corrected
            return self.site.view(meta["brief"], "ko").modified.isoformat()
        return self.site.modified.isoformat() if self.site.modified else ""

    def page_context(self, meta: dict[str, Any], lang: str) -> dict[str, Any]:
        context: dict[str, Any] = {
            "site": self.site,
            "page_lang": lang,
            "t": STRINGS[lang],
            "format_date": format_date,
            "brief_path": brief_path,
            "term_path": term_path,
            "lang_root": lang_root(lang),
            "site_home_max": self.settings.home_max,
        }
        context.update(template_helpers(self.site))  # licence, updates, structured data (jsonld.py)
        if "brief" in meta:
            context["brief"] = self.site.view(meta["brief"], lang)
        if "kind" in meta:
            context["kind"] = meta["kind"]
        if "term" in meta:
            context["term"] = self.site.term(meta["kind"], meta["term"])
        return context


@dataclass
class Preview:
    """What a preview session (``mkdocs serve``) keeps from one build to the next.

    Only caches of inputs, each checked against its file: the site built with
    a session is the site built without one.

    Once the server is up (``serving``), outputs that no page shows are
    written just after each rebuild rather than inside it: the browser reloads
    the edited page without waiting for the search index, feeds, sitemap and
    open data. The next rebuild, and the end of
    the session, wait for them (``settle``), so no two writes overlap.
    """

    reads: ReadCache
    serving: bool = False
    _pending: list[Callable[[], None]] = field(default_factory=list)
    _writer: threading.Thread | None = None

    def after_pages(self, job: Callable[[], None]) -> None:
        if self.serving:
            self._pending.append(job)
        else:
            job()

    def write_pending(self) -> None:
        """Start writing what the last build left for later, on a thread (the server calls this after each build)."""
        jobs, self._pending = self._pending, []
        if jobs:
            self._writer = threading.Thread(target=_run_jobs, args=(jobs,), name="briefs-after-pages")
            self._writer.start()

    def drop_pending(self) -> None:
        """Forget what a failed build left for later: its pages were not all written."""
        self._pending = []

    def settle(self) -> None:
        """Wait until everything left for later is written."""
        if self._writer is not None:
            self._writer.join()
            self._writer = None


def _run_jobs(jobs: list[Callable[[], None]]) -> None:
    for job in jobs:
        try:
            job()
        except Exception:  # a bug, not a brief's mistake: say so, keep the preview running
            logging.getLogger("mkdocs.plugins.briefs").exception("writing the search index, feeds or data failed")


def prepare(
    root: Path, docs_dir: Path, *, preview: bool, dirty: bool = False, session: Preview | None = None,
    settings: SiteSettings | None = None,
) -> tuple[BuildState | None, list[Problem]]:
    """Load the briefs folder (``root/briefs`` unless ``settings`` names another) and check every
    body's references; on success stage the pages MkDocs will read."""
    if session is not None:
        session.settle()
    settings = settings or SiteSettings()
    briefs_dir = root / settings.folder
    catalog = check_folder(briefs_dir, reads=session.reads if session else None, docs_dir=docs_dir)
    if catalog.problems:
        return None, catalog.problems
    site = SiteView(catalog, include_drafts=preview, related_max=settings.related_max)
    site.changes = changes_for(site.briefs, briefs_dir, cache.path(root, "translation-changes"))  # {} without git
    stage_dir = cache.path(root, "pages")
    files = page_files(site, docs_dir)
    inputs = page_inputs(site, files, code_digest(root, preview, settings.folder))
    if site.changes:  # a source edit that keeps a translation outdated changes that page only
        shown = repr(sorted(site.changes.items())).encode()
        for rel in inputs:
            if rel.startswith(TRANSLATIONS_PAGE):
                inputs[rel] = hashlib.sha256(inputs[rel].encode() + shown).hexdigest()
    write_tree(stage_dir, files, inputs, cache.path(root, "pages-inputs"))
    return BuildState(root, docs_dir, stage_dir, site, dirty, session, settings), []


def code_digest(root: Path, preview: bool, folder: str = "briefs") -> str:
    """A digest of everything that renders every page (the ``pages-inputs`` store's fingerprint, the
    briefs folder's vocabularies) and the mode."""
    digest = hashlib.sha256(f"preview={preview}\0{cache.fingerprint('pages-inputs', root)}".encode())
    for name in VOCABULARIES:
        path = root / folder / name
        digest.update(b"\0" + (path.read_bytes() if path.is_file() else b""))
    return digest.hexdigest()
