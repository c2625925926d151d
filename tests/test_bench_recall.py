"""The benchmark's recall and precision (bench/recall.py) and issue 4's goal lines (bench/harness.py).

Scored over the fixture corpus (``tests/fixtures/corpus/``, the set the query
set names): the project through its index, stock Material through its own
search box in Chromium, on the stock stack's site of the same briefs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from browser import require_chromium
from support.project import CORPUS, ROOT, SEARCH_QUERIES, Build

from bench.harness import search_goal_lines
from bench.projects import stock_project
from bench.recall import load_queries, recall_lines, score, searchable_texts
from briefkit.search.query import IndexFolder

pytestmark = [pytest.mark.build]

QUERIES = load_queries(SEARCH_QUERIES)
WORKFORCE = "2024-09-05-incheon-gyeonggi-workforce-roundtable"
EXPORT = "2023-03-16-busan-export-roundtable"


def _judges(build: Build) -> dict[str, tuple[dict[str, str], IndexFolder]]:
    return {lang: (searchable_texts(CORPUS, lang), IndexFolder(build.site / "search" / "index" / lang))
            for lang in ("ko", "en")}


def test_score_counts_missed_briefs_and_briefs_without_a_query_morpheme(sample_build: Build) -> None:
    query = {"lang": "ko", "kind": "particle", "q": "인력난을", "expect": [WORKFORCE]}
    # A stack that returns the brief and one about exports, which never mentions 인력난.
    both = score([query], lambda q: [WORKFORCE, EXPORT, WORKFORCE], _judges(sample_build))["ko"]
    assert both == {"queries": 1, "complete": 1, "returned": 2, "without_morpheme": 1, "missed": [],
                    "recall": 1.0, "precision": 0.5}
    neither = score([query, {**query, "q": "인력난"}], lambda q: [], _judges(sample_build))["ko"]
    assert neither["recall"] == 0.0 and neither["complete"] == 0 and neither["precision"] is None
    assert neither["missed"] == ["인력난을", "인력난"]


def test_recall_lines_say_what_each_stack_found() -> None:
    entry = {"queries": 2, "complete": 1, "returned": 4, "without_morpheme": 1, "missed": ["강원도"],
             "recall": 0.5, "precision": 0.75}
    assert recall_lines({"project": {"ko": {**entry, "complete": 2, "missed": [], "recall": 1.0}}, "stock": None}) == [
        "search recall, project, ko: 1.00 over 2 queries (2 complete), precision 0.75 "
        "(1 of 4 briefs returned without a query morpheme)",
        "search recall, stock: not measured (no Chromium)",
    ]
    assert recall_lines({"project": {}, "stock": {"ko": entry}})[0].endswith("; missed: 강원도")
    assert recall_lines(None) == ["search recall: not measured"]


def test_search_goal_lines_mark_each_goal() -> None:
    entry = {"bytes_search": 85_000, "first_result_s": 0.42, "second_query_in_page_ms": 6, "pasted_first_ms": 17,
             "filter_first_ms": 61}
    result = {"pairs": 1000, "search": {"project": {"stack": "project", "ko": entry}}}
    recall = {"project": {"en": {"queries": 16, "complete": 15, "returned": 51, "without_morpheme": 0}}}
    assert search_goal_lines(result, recall) == [
        "N=1000: search ko: first search ≤ 300 KB: 85 KB — met",
        "N=1000: search ko: first hit ≤ 1 s from loading /search/?q=…: 0.42 s — met",
        "N=1000: search ko: a later query's first hit ≤ 50 ms: typed 6 ms, pasted 17 ms, filter 61 ms — NOT met",
        "N=1000: search en: every query returns its briefs: 15 of 16 — NOT met",
        "N=1000: search en: no brief returned without a query morpheme: 0 of 51 — met",
    ]
    assert search_goal_lines({**result, "pairs": 100}, recall) == []


@pytest.mark.browser
def test_the_project_finds_every_query_and_stock_lunr_misses_particles_and_aliases(
    sample_build: Build, tmp_path: Path
) -> None:
    require_chromium()
    stock = stock_project(tmp_path / "stock", CORPUS)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=stock, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    picked = {"인력난을", "스마트공장을", "지역혁신", "강원도", "roundtables", "exporters"}
    chosen = [q for q in QUERIES if q["q"] in picked]
    assert len(chosen) == 6
    # In a process of its own: this one may hold the browser fixtures' Playwright (one a process).
    script = (
        "import json, sys; from pathlib import Path; from bench.recall import measure_recall; "
        "print(json.dumps(measure_recall(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), "
        "json.loads(sys.argv[4]))))"
    )
    run = subprocess.run([sys.executable, "-c", script, str(sample_build.site), str(stock / "site"),
                          str(CORPUS), json.dumps(chosen)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    measured: dict[str, Any] = json.loads(run.stdout.splitlines()[-1])
    for lang, entry in measured["project"].items():
        assert entry["complete"] == entry["queries"] and entry["without_morpheme"] == 0, (lang, entry)
    stock_ko, stock_en = measured["stock"]["ko"], measured["stock"]["en"]
    # Lunr matches a word by its prefix: 인력난을 is in the text as typed; the others are not.
    assert stock_ko["missed"] == ["스마트공장을", "지역혁신", "강원도"]
    assert stock_en["missed"] == ["roundtables"]  # no stemming: only the pages with the plural
    assert stock_ko["returned"] > 0 and stock_en["returned"] > 0
