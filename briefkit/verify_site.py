"""Check a built site against its briefs folder: what must hold for any content.

``briefs verify-site [SITE]`` runs this after ``mkdocs build``, before a
deploy. It reads only the built files and the briefs folder (through the
catalog, to know which briefs are published and which are drafts); no browser,
no Java. It checks:

- every published brief has its page in each language, and no other brief
  page exists (a draft, or one left from an earlier build);
- no draft appears anywhere: pages, feeds, sitemap, open data, search index;
- every internal link leads to a file of the site, and every ``#anchor`` to an
  element with that id;
- every page has a ``lang`` matching its language folder, and a brief page that
  shows text of the other language marks it with that ``lang``;
- every brief page links to the terms of its licence;
- feeds, sitemap and open data parse and list exactly the published briefs
  (``verify_lists.py``).

Each problem is one line, ``path:line: check: what is wrong (what to do)``,
with the path of the site file and, for a brief's page, the brief's own file.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog
from .licenses import LICENSES
from .model import DEFAULT_LANGUAGE, LANGUAGES, Brief
from .problems import Problem
from .settings import FEED_MAX
from .site import brief_path, lang_root
from .site_pages import PageScan, existing_file, resolve, scan_page
from .verify_lists import check_lists

_ID_LIKE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9-]*[a-z0-9]")
_TEXT_FILES = (".html", ".xml", ".json", ".csv", ".txt", ".js")
FALLBACK_SITE_URL = "https://site.invalid/"


@dataclass
class SiteCheck:
    """One verification: the site, what it should publish, and the problems found."""

    site: Path
    shown: str  # the site folder as messages name it
    catalog: Catalog
    site_url: str = FALLBACK_SITE_URL
    feed_max: int = FEED_MAX  # extra.briefs.feed_max of the site's mkdocs.yml
    files: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    def report(self, rel: str, line: int, check: str, message: str) -> None:
        self.problems.append(Problem(f"{self.shown}/{rel}", line, check, message))

    @property
    def published(self) -> list[Brief]:
        return self.catalog.published()

    @property
    def drafts(self) -> list[Brief]:
        return [b for b in self.catalog.briefs if b.draft]


def verify_site(site: Path, catalog: Catalog, shown_as: str | None = None, feed_max: int = FEED_MAX) -> list[Problem]:
    """Every problem of the built ``site`` for the briefs of ``catalog`` (empty: all is well)."""
    check = SiteCheck(site, (shown_as or site.as_posix()).rstrip("/") or ".", catalog, feed_max=feed_max)
    if not (site / "index.html").is_file():
        check.report("index.html", 1, "site", "no home page: is this a built site? (run: mkdocs build --strict)")
        return check.problems
    check.files = set(_site_files(site))
    check.site_url = _site_url(site)
    _check_brief_pages(check)
    _check_drafts(check)
    _check_pages(check)
    check_lists(check)
    return sorted(set(check.problems))


def _site_files(site: Path) -> Iterator[str]:
    for folder, _dirs, names in os.walk(site):
        rel = Path(folder).relative_to(site).as_posix()
        prefix = "" if rel == "." else rel + "/"
        for name in names:
            yield prefix + name


def _site_url(site: Path) -> str:
    """The address the site was built for, as its open data records it."""
    try:
        url = json.loads((site / "data" / "briefs.json").read_text(encoding="utf-8")).get("site")
    except (OSError, ValueError, AttributeError):
        return FALLBACK_SITE_URL
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else FALLBACK_SITE_URL


def _check_brief_pages(check: SiteCheck) -> None:
    known = check.catalog.by_id()
    for brief in check.published:
        for lang in LANGUAGES:
            page = brief_path(brief.id, lang) + "index.html"
            if page not in check.files:
                check.report(page, 1, "pages", f"missing: the {lang} page of {brief.source.path} was not built")
    published = {b.id for b in check.published}
    for lang in LANGUAGES:
        folder = lang_root(lang) + "briefs/"
        built = {f[len(folder):].split("/", 1)[0] for f in check.files if f.startswith(folder) and
                 "/" in f[len(folder):]}  # the folders of brief pages (and their media)
        for brief_id in sorted(built - published):
            if brief_id in known:
                continue  # a draft: reported by _check_drafts
            check.report(folder + brief_id + "/index.html", 1, "pages",
                         f"a page for '{brief_id}', which is not in the briefs folder "
                         "(left from an earlier build? build into an empty folder)")


def _check_drafts(check: SiteCheck) -> None:
    """No draft's id in any file name or in any text file of the site."""
    drafts = {b.id: b for b in check.drafts}
    if not drafts:
        return
    for rel in sorted(check.files):
        named = next((part for part in rel.split("/") if part in drafts), None)
        if named:
            check.report(rel, 1, "draft", f"the draft {drafts[named].source.path} was published "
                         "(drafts stay out of a production build: mkdocs build --strict, not serve)")
            continue
        if not rel.endswith(_TEXT_FILES):
            continue
        text = (check.site / rel).read_text(encoding="utf-8", errors="replace")
        for match in _ID_LIKE.finditer(text):
            if match.group(0) in drafts:
                line = text.count("\n", 0, match.start()) + 1
                check.report(rel, line, "draft",
                             f"names the draft {drafts[match.group(0)].source.path} (drafts must not appear)")
                break


def _check_pages(check: SiteCheck) -> None:
    pages = sorted(f for f in check.files if f.endswith(".html"))
    scans = {rel: scan_page((check.site / rel).read_text(encoding="utf-8", errors="replace")) for rel in pages}
    sources = _brief_pages(check)
    for rel, scan in scans.items():
        _check_lang(check, rel, scan, sources.get(rel))
        _check_links(check, rel, scan, scans, sources.get(rel))
        _check_license(check, rel, scan, sources.get(rel))


def _brief_pages(check: SiteCheck) -> dict[str, tuple[Brief, str]]:
    return {brief_path(b.id, lang) + "index.html": (b, lang) for b in check.published for lang in LANGUAGES}


def _page_lang(rel: str) -> str:
    return next((lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE and rel.startswith(lang_root(lang))),
                DEFAULT_LANGUAGE)


def _check_lang(check: SiteCheck, rel: str, scan: PageScan, brief: tuple[Brief, str] | None) -> None:
    expected = _page_lang(rel)
    if scan.lang is None:
        check.report(rel, 1, "lang", f'the page has no language (<html lang="{expected}"> expected)')
    elif scan.lang != expected:
        check.report(rel, 1, "lang", f'the page says lang="{scan.lang}", its folder is {expected} '
                     f'(<html lang="{expected}"> expected)')
    if brief is not None:
        shown = brief[0].shown_text(brief[1]).lang
        if shown != expected and shown not in scan.inner_langs:
            check.report(rel, 1, "lang", f'shows the {shown} text of {brief[0].source.path} '
                         f'without marking it lang="{shown}" (screen readers would read it as {expected})')


def _check_license(check: SiteCheck, rel: str, scan: PageScan, brief: tuple[Brief, str] | None) -> None:
    """A brief's page links to the terms of its licence (``partials/brief-license.html``, the head)."""
    if brief is None:
        return
    terms = LICENSES[brief[0].license].terms_url
    if not any(link.url == terms for link in scan.links):
        check.report(rel, 1, "license", f"does not link to the terms of its licence, {brief[0].license} ({terms}),"
                     f" which {brief[0].source.path} is published under (build the site again)")


def _check_links(check: SiteCheck, rel: str, scan: PageScan, scans: dict[str, PageScan],
                 brief: tuple[Brief, str] | None) -> None:
    page_url = check.site_url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    origin = f" (in {brief[0].shown_text(brief[1]).path})" if brief else ""
    for link in scan.links:
        target = resolve(link.url, page_url, check.site_url)
        if target is None:
            continue
        found = existing_file(check.files, target.file)
        if found is None:
            check.report(rel, link.line, "link", f"'{link.url}' leads to no page or file of the site{origin}")
        elif target.fragment and found.endswith(".html") and target.fragment not in scans[found].ids:
            check.report(rel, link.line, "anchor",
                         f"'{link.url}': {found} has no element with id '{target.fragment}'{origin}")
