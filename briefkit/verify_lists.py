"""The site's lists of briefs for machines: feeds, sitemap, open data, search index.

Part of ``briefs verify-site`` (``verify_site.py``). Each must parse, and list
exactly the published briefs it should: a language's feed the newest briefs
written in that language, the sitemap every brief page written in its own
language, the open data and each language's search index every published
brief. Drafts found in them are reported by the draft scan, which reads every
file.
"""

from __future__ import annotations

import csv
import gzip
import importlib
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .feeds import feed_path, written_in
from .model import LANGUAGES
from .opendata import CSV_PATH, JSON_PATH
from .opendata_schema import SCHEMA_PATH
from .sitemap import SITEMAP_PATH

if TYPE_CHECKING:
    from .verify_site import SiteCheck

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_BRIEF_URL = re.compile(r"(?:^|/)(?:(?P<lang>[a-z]{2})/)?briefs/(?P<id>[^/]+)/\Z")
SEARCH_INDEX = "search/index/{lang}/"
ATOM_REQUIRED = ("id", "title", "updated")


def check_lists(check: SiteCheck) -> None:
    _check_feeds(check)
    _check_sitemap(check)
    _check_open_data(check)
    _check_search(check)


def _compare(check: SiteCheck, rel: str, what: str, listed: Iterable[str], expected: Iterable[str],
             unexpected: str = "which this list should not hold") -> None:
    """Report briefs ``listed`` that should not be, and those ``expected`` that are missing.

    ``unexpected`` says why a published brief does not belong (e.g. it has no text in the
    feed's language).
    """
    listed, expected = list(listed), list(expected)
    known = check.catalog.by_id()
    for brief_id in sorted(set(listed) - set(expected)):
        brief = known.get(brief_id)
        why = "a draft" if brief and brief.draft else "not a published brief" if brief is None else unexpected
        check.report(rel, 1, what, f"lists '{brief_id}', {why} (rebuild into an empty folder)")
    for brief_id in sorted(set(expected) - set(listed)):
        source = known[brief_id].source.path if brief_id in known else brief_id
        check.report(rel, 1, what, f"leaves out {source}, a published brief (rebuild the site)")
    duplicates = sorted({i for i in listed if listed.count(i) > 1}) if len(set(listed)) != len(listed) else []
    for brief_id in duplicates:
        check.report(rel, 1, what, f"lists '{brief_id}' more than once")


def _xml(check: SiteCheck, rel: str, what: str) -> ET.Element | None:
    if rel not in check.files:
        check.report(rel, 1, what, "missing (the build writes it: rebuild the site)")
        return None
    try:
        return ET.parse(check.site / rel).getroot()
    except ET.ParseError as err:
        check.report(rel, err.position[0], what, f"not well-formed XML: {err}")
        return None


def _brief_id(url: str) -> str | None:
    match = _BRIEF_URL.search(url.split("#", 1)[0])
    return match.group("id") if match else None


def _check_feeds(check: SiteCheck) -> None:
    main = {feed_path(lang): lang for lang in LANGUAGES}
    for rel in sorted(f for f in check.files if f.endswith("feed.xml")):
        root = _xml(check, rel, "feed")
        if root is None:
            continue
        if root.tag != ATOM + "feed":
            check.report(rel, 1, "feed", f"the root element is <{root.tag}>, not an Atom <feed>")
            continue
        _check_atom(check, rel, root)
        ids = [_brief_id(link.get("href", "")) or "" for entry in root.iter(ATOM + "entry")
               for link in entry.iter(ATOM + "link") if link.get("rel", "alternate") == "alternate"]
        lang = main.get(rel)
        if lang is not None:
            expected = [b.id for b in written_in(check.published, lang)][:check.feed_max]
            _compare(check, rel, "feed", ids, expected,
                     f"which has no {lang} text or is not among the newest {check.feed_max} that have one")
        else:
            published = {b.id for b in check.published}
            _compare(check, rel, "feed", ids, [i for i in ids if i in published])
    for rel in main:
        if rel not in check.files:
            check.report(rel, 1, "feed", "missing (the build writes it: rebuild the site)")


def _check_atom(check: SiteCheck, rel: str, root: ET.Element) -> None:
    """What RFC 4287 requires of a feed and of each entry, an empty feed included."""
    for name in (*ATOM_REQUIRED, "author"):
        if not _has(root, name):
            check.report(rel, 1, "feed", f"the feed has no <{name}> (Atom requires one)")
    for number, entry in enumerate(root.iter(ATOM + "entry"), 1):
        for name in ATOM_REQUIRED:
            if not _has(entry, name):
                check.report(rel, 1, "feed", f"entry {number} has no <{name}> (Atom requires one)")
        if entry.find(ATOM + "link") is None:
            check.report(rel, 1, "feed", f"entry {number} has no <link> to its page")


def _has(element: ET.Element, name: str) -> bool:
    child = element.find(ATOM + name)
    return child is not None and (name == "author" or bool((child.text or "").strip()))


def _check_sitemap(check: SiteCheck) -> None:
    root = _xml(check, SITEMAP_PATH, "sitemap")
    if root is None:
        return
    locs = [loc.text or "" for loc in root.iter(SITEMAP + "loc")]
    for loc in locs:
        if not loc.startswith(check.site_url):
            check.report(SITEMAP_PATH, 1, "sitemap", f"'{loc}' is not under the site's address {check.site_url}")
    for lang in LANGUAGES:
        prefix = check.site_url + ("" if lang == "ko" else f"{lang}/") + "briefs/"
        listed = [_brief_id(loc) or "" for loc in locs if loc.startswith(prefix)]
        expected = [b.id for b in written_in(check.published, lang)]
        _compare(check, SITEMAP_PATH, "sitemap", listed, expected,
                 f"whose {lang} page shows another language's text (such a page is not for search engines)")
    gz = SITEMAP_PATH + ".gz"
    plain = (check.site / SITEMAP_PATH).read_bytes()
    if gz in check.files and gzip.decompress((check.site / gz).read_bytes()) != plain:
        check.report(gz, 1, "sitemap", f"differs from {SITEMAP_PATH} (rebuild the site)")


def _check_open_data(check: SiteCheck) -> None:
    document = _json(check, JSON_PATH, "data")
    expected = [b.id for b in check.published]
    if isinstance(document, dict) and isinstance(document.get("briefs"), list):
        records = document["briefs"]
        _compare(check, JSON_PATH, "data", [r.get("id", "") for r in records if isinstance(r, dict)], expected)
        if document.get("count") != len(records):
            check.report(JSON_PATH, 1, "data", f"count says {document.get('count')}, the list has {len(records)}")
        _check_schema(check, document)
    elif document is not None:
        check.report(JSON_PATH, 1, "data", "not an object with a 'briefs' list")
    if CSV_PATH not in check.files:
        check.report(CSV_PATH, 1, "data", "missing (the build writes it: rebuild the site)")
        return
    rows = list(csv.DictReader(io.StringIO((check.site / CSV_PATH).read_text(encoding="utf-8-sig"))))
    _compare(check, CSV_PATH, "data", [row.get("id") or "" for row in rows], expected)


def _check_schema(check: SiteCheck, document: dict[str, Any]) -> None:
    """Validate against the published schema when the jsonschema package is installed (tests have it)."""
    try:
        jsonschema = importlib.import_module("jsonschema")  # a test tool, not a runtime dependency
    except ImportError:
        return
    schema = _json(check, SCHEMA_PATH, "data")
    if not isinstance(schema, dict):
        return
    for error in sorted(jsonschema.Draft202012Validator(schema).iter_errors(document), key=str)[:20]:
        where = "/".join(str(p) for p in error.absolute_path) or "(the document)"
        check.report(JSON_PATH, 1, "data", f"{where}: {error.message} (does not follow {SCHEMA_PATH})")


def _json(check: SiteCheck, rel: str, what: str) -> Any:
    if rel not in check.files:
        check.report(rel, 1, what, "missing (the build writes it: rebuild the site)")
        return None
    try:
        return json.loads((check.site / rel).read_text(encoding="utf-8"))
    except ValueError as err:
        check.report(rel, getattr(err, "lineno", 1), what, f"not valid JSON: {err}")
        return None


def _check_search(check: SiteCheck) -> None:
    """Each language's index shows every published brief: the ids in its display chunks."""
    expected = [b.id for b in check.published]
    for lang in LANGUAGES:
        folder = SEARCH_INDEX.format(lang=lang)
        chunks = sorted(f for f in check.files if f.startswith(folder + "d/") and f.endswith(".json"))
        if folder + "meta.json" not in check.files:
            check.report(folder + "meta.json", 1, "search", "missing: the search page would find nothing")
            continue
        listed: list[str] = []
        for rel in chunks:
            rows = _json(check, rel, "search")
            listed.extend(row[0] for row in rows or [] if isinstance(row, list) and row and isinstance(row[0], str))
        _compare(check, folder, "search", listed, expected)
