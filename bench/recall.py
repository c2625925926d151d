"""Recall and precision of the search over the query set (issue 4), beside stock Material's.

``tests/fixtures/search_queries.yml`` holds queries over the fixture corpus
``tests/fixtures/corpus/`` (a frozen copy of the samples the project first
shipped; never ``briefs/``, which is content), each with the briefs it must
return. Recall is the share of those a search returns;
a query is complete when it returns all of them. Precision is the share of
returned briefs that contain one of the query's morphemes (its words as
typed, without particles or endings, stemmed, or split into two known words):
the issue's "no brief returned that contains none of the query's morphemes".
The project is asked through ``briefkit.search.query`` (the site's own
engine, search-core.js, run under Node); stock
Material through its own search box in Chromium (lunr, in its worker), on the
stock stack's site of the same briefs (``bench.projects.stock_project``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import yaml

from bench.search import CHROMIUM, CHROMIUM_ARGS, serve
from briefkit.catalog import load_catalog
from briefkit.search.query import IndexFolder
from briefkit.search.records import records, term_names
from briefkit.site import SiteView

# Under the project's root: the corpus the queries are written for, and the queries.
RECALL_BRIEFS = Path("tests") / "fixtures" / "corpus"
RECALL_QUERIES = Path("tests") / "fixtures" / "search_queries.yml"


def load_queries(path: Path) -> list[dict[str, Any]]:
    """The query set in ``path`` (a project root: its ``RECALL_QUERIES``; or the YAML file itself)."""
    if path.is_dir():
        path = path / RECALL_QUERIES
    return yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def searchable_texts(briefs: Path, lang: str) -> dict[str, str]:
    """Brief id → what the index reads of it in ``lang`` (fields and term names), NFC, lower case."""
    site = SiteView(load_catalog(briefs), include_drafts=False)
    texts = {}
    for record, fields in records(site, lang):
        names = " ".join(name for term in record.terms for name in term_names(term))
        texts[record.id] = unicodedata.normalize("NFC", " ".join((*fields, names))).lower()
    return texts


def morphemes(index: IndexFolder, query: str) -> set[str]:
    """The forms a brief must contain one of to be a fair hit for ``query``, as the engine names them.

    A word of two scripts (``2030년``) counts with its parts; a query of
    initial consonants (``ㅂㄹㄹ``) with the index terms it stands for.
    """
    return index.morphemes(query)


def contains(text: str, forms: set[str]) -> bool:
    compact = re.sub(r"\s+", "", text)
    return any(form in text or form in compact for form in forms)


def score(
    queries: list[dict[str, Any]], hits: Callable[[dict[str, Any]], list[str]],
    judges: dict[str, tuple[dict[str, str], IndexFolder]],
) -> dict[str, dict[str, Any]]:
    """Per language: queries, mean recall, complete queries, briefs returned, of them without a morpheme.

    ``hits(query)`` is the brief ids a stack returns; ``judges[lang]`` the
    searchable texts and the project's index, whose analysis names the
    morphemes (a brief the texts do not hold, such as another language's
    page, has none of them).
    """
    out: dict[str, dict[str, Any]] = {}
    for query in queries:
        lang = query["lang"]
        texts, index = judges[lang]
        found = list(dict.fromkeys(hits(query)))
        expected = set(query["expect"])
        forms = morphemes(index, query["q"])
        entry = out.setdefault(lang, {"queries": 0, "recall_sum": 0.0, "complete": 0, "returned": 0,
                                      "without_morpheme": 0, "missed": []})
        entry["queries"] += 1
        entry["recall_sum"] += len(expected & set(found)) / len(expected)
        entry["complete"] += expected <= set(found)
        if not expected <= set(found):
            entry["missed"].append(query["q"])
        entry["returned"] += len(found)
        entry["without_morpheme"] += sum(1 for brief in found if not contains(texts.get(brief, ""), forms))
    for entry in out.values():
        entry["recall"] = round(entry.pop("recall_sum") / entry["queries"], 3)
        returned = entry["returned"]
        entry["precision"] = round(1 - entry["without_morpheme"] / returned, 3) if returned else None
    return out


def project_hits(site: Path) -> Callable[[dict[str, Any]], list[str]]:
    indexes = {lang: IndexFolder(site / "search" / "index" / lang) for lang in ("ko", "en")}
    return lambda query: [hit.id for hit in indexes[query["lang"]].search(query["q"])]


def stock_hits(site: Path, queries: list[dict[str, Any]]) -> dict[tuple[str, str], list[str]] | None:
    """What stock Material's search box lists for each query, as brief ids; None without Chromium.

    Each query is opened from the address (``?q=``), as the speed benchmark
    does, and every result is read: the list grows as it is scrolled, so it is
    scrolled until it holds as many documents as its count says.
    """
    if not CHROMIUM.exists():
        return None
    with serve(site) as base:
        return _stock_hits(base, queries)


def _stock_hits(base: str, queries: list[dict[str, Any]]) -> dict[tuple[str, str], list[str]]:
    from playwright.sync_api import sync_playwright

    listed = """() => {
        const meta = document.querySelector('.md-search-result__meta');
        const items = [...document.querySelectorAll('.md-search-result__list > .md-search-result__item > a')];
        return [meta ? meta.textContent : '', items.map(a => a.href)];
    }"""
    found: dict[tuple[str, str], list[str]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        for query in queries:
            page.goto(f"{base}{'' if query['lang'] == 'ko' else 'en/'}?q={quote(query['q'])}")
            # The count ("3 matching documents", "일치하는 문서 없음"…) shows once the worker answers.
            page.wait_for_function(
                "() => /\\d|no |없/i.test(document.querySelector('.md-search-result__meta')?.textContent || '')",
                timeout=30_000)
            meta, hrefs = page.evaluate(listed)
            count = int(match.group()) if (match := re.search(r"\d+", meta)) else 0
            for _ in range(100):
                if len(hrefs) >= count:
                    break
                page.eval_on_selector(".md-search__scrollwrap", "e => e.scrollTo(0, e.scrollHeight)")
                page.wait_for_timeout(50)
                meta, hrefs = page.evaluate(listed)
            paths = [urlsplit(href).path for href in hrefs]
            found[(query["lang"], query["q"])] = [p.rstrip("/").split("/")[-1] for p in paths if "/briefs/" in p]
        browser.close()
    return found


def measure_recall(project_site: Path, stock_site: Path, briefs: Path, queries: list[dict[str, Any]]) -> dict[str, Any]:
    """Recall and precision of the project's search and of stock Material's over ``queries``."""
    judges = {lang: (searchable_texts(briefs, lang), IndexFolder(project_site / "search" / "index" / lang))
              for lang in ("ko", "en")}
    result: dict[str, Any] = {"project": score(queries, project_hits(project_site), judges)}
    stock = stock_hits(stock_site, queries)
    result["stock"] = None if stock is None else score(queries, lambda q: stock[(q["lang"], q["q"])], judges)
    return result


def recall_lines(measured: dict[str, Any] | None) -> list[str]:
    """One line per stack and language."""
    if not measured:
        return ["search recall: not measured"]
    lines = []
    for stack in ("project", "stock"):
        for lang, entry in (measured.get(stack) or {}).items():
            precision = "—" if entry["precision"] is None else f"{entry['precision']:.2f}"
            missed = f"; missed: {', '.join(entry['missed'])}" if entry["missed"] else ""
            lines.append(
                f"search recall, {stack}, {lang}: {entry['recall']:.2f} over {entry['queries']} queries "
                f"({entry['complete']} complete), precision {precision} "
                f"({entry['without_morpheme']} of {entry['returned']} briefs returned without a query morpheme)"
                f"{missed}")
        if measured.get(stack) is None:
            lines.append(f"search recall, {stack}: not measured (no Chromium)")
    return lines
