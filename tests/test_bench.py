"""The benchmark's own tools: the synthetic corpus and the harness (N = 10).

The benchmark itself is not a timed test; these check that the corpus is a
valid briefs folder with the promised mix, and that one small run of
``python -m bench`` builds both sites and reports what it measured.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from browser import require_chromium
from support.project import ROOT

from bench.corpus import generate_corpus
from bench.harness import main as bench_main
from bench.harness import search_lines
from bench.profile import where
from bench.writing import particle
from briefkit.catalog import load_catalog
from briefkit.model import CURRENT, MISSING, OUTDATED

PAIRS = 10


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_corpus(tmp_path_factory.mktemp("corpus") / "briefs", PAIRS, seed=7).path


def test_corpus_is_a_valid_briefs_folder_with_the_promised_mix(corpus: Path) -> None:
    catalog = load_catalog(corpus)
    assert catalog.problems == []
    assert len(catalog.briefs) == PAIRS
    states = [brief.state("en") for brief in catalog.briefs]
    assert states.count(MISSING) == 1  # Korean-only
    assert states.count(OUTDATED) == 1
    assert states.count(CURRENT) == PAIRS - 2
    assert (corpus / "topics.yml").is_file() and (corpus / "regions.yml").is_file()
    assert all(2016 <= brief.year <= 2026 for brief in catalog.briefs)


def test_briefs_check_accepts_the_corpus(corpus: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "briefkit.cli", "check", str(corpus)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_bodies_read_like_briefs(corpus: Path) -> None:
    catalog = load_catalog(corpus)
    texts = [brief.source for brief in catalog.briefs] + [t for b in catalog.briefs for t in b.translations.values()]
    for text in texts:
        assert re.search(r"^## \S", text.body, re.M), text.path
        assert re.search(r"^- \S", text.body, re.M), text.path
        assert re.search(r"^1\. \S", text.body, re.M), text.path
        assert re.search(r"^\|---\|", text.body, re.M), text.path
    korean = [len(b.source.body.split()) for b in catalog.briefs]
    english = [len(t.body.split()) for b in catalog.briefs for t in b.translations.values()]
    assert 450 <= statistics.mean(korean) <= 750
    assert 450 <= statistics.mean(english) <= 900
    assert any("은 “" in b.source.body or "는 “" in b.source.body for b in catalog.briefs)


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    first = generate_corpus(tmp_path / "a", 5, seed=1)
    second = generate_corpus(tmp_path / "b", 5, seed=1)
    other = generate_corpus(tmp_path / "c", 5, seed=2)
    assert first.ids == second.ids
    assert _contents(first.path) == _contents(second.path)
    assert _contents(first.path) != _contents(other.path)


def test_generator_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("keep me", encoding="utf-8")
    with pytest.raises(FileExistsError):
        generate_corpus(tmp_path, 3)
    assert (tmp_path / "x.md").read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize(
    ("noun", "name", "expected"),
    [
        ("스마트공장", "을", "을"), ("지자체", "은", "는"), ("중소기업", "이", "이"), ("탄소 중립", "과", "과"),
        ("지자체", "과", "와"), ("정책 자금", "으로", "으로"), ("상생협력", "으로", "으로"),
        ("지자체", "으로", "로"), ("온라인 판로", "으로", "로"), ("서울", "으로", "로"), ("협력사", "의", "의"),
    ],
)
def test_particles_follow_the_noun(noun: str, name: str, expected: str) -> None:
    assert particle(noun, name) == expected


def test_profile_groups_time_by_package() -> None:
    assert where("/v/lib/python3.11/site-packages/markdown/core.py") == "markdown"
    assert where("/work/main/briefkit/site.py") == "briefkit"
    assert where("/usr/lib/python3.11/html/parser.py") == "stdlib html"
    assert where("~") == "(C built-ins)"


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    """One run of the harness without Chromium, shared by the tests below (it is slow: run it once)."""
    folder = tmp_path_factory.mktemp("bench")
    out = folder / "result.json"
    args = ["--sizes", str(PAIRS), "--out", str(out), "--workdir", str(folder / "work"), "--no-search"]
    code = bench_main(args)
    assert code == 0
    return json.loads(out.read_text(encoding="utf-8")), folder / "work" / f"n{PAIRS}"


@pytest.mark.build
def test_bench_writes_every_measurement(bench_run: tuple[dict[str, Any], Path]) -> None:
    report, _ = bench_run
    assert {"date", "machine", "source", "seed", "sizes", "results"} <= report.keys()
    assert {"nproc", "memory_gb", "python", "packages", "commit"} <= report["machine"].keys()
    assert report["machine"]["packages"]["mkdocs"] == "1.6.1"
    (result,) = report["results"]
    assert result["pairs"] == PAIRS
    for step in ("check", "project_cold", "project_warm", "stock", "stock_lean"):
        assert result[step]["returncode"] == 0, result[step]["error"]
        assert result[step]["wall_s"] > 0 and result[step]["cpu_s"] > 0
        assert result[step]["peak_rss_mb"] > 10
    for step in ("project_cold", "project_warm", "stock", "stock_lean"):
        assert result[step]["site_bytes"] > 100_000
    assert set(result["ratios"]) == {
        "cold_vs_stock", "warm_vs_stock", "cold_cpu_vs_stock", "warm_cpu_vs_stock", "memory_vs_stock", "size_vs_stock",
        "cold_vs_lean_stock", "warm_vs_lean_stock", "cold_cpu_vs_lean_stock", "warm_cpu_vs_lean_stock",
    }
    assert all(value > 0 for value in result["ratios"].values())
    assert result["search"] == {"project": None, "stock": None}  # --no-search; measured below
    preview = result["preview"]  # mkdocs serve --dirty on the project: every page showed each edit
    assert "error" not in preview, preview
    assert preview["body_edit_s"] > 0 and preview["title_edit_s"] > 0
    assert preview["title_outputs_s"] >= preview["title_edit_s"] and preview["rebuilds"] == {"body": 1, "title": 1}
    assert {"archive/", f"briefs/{preview['brief']}/"} <= set(preview["pages"]["title"])


@pytest.mark.browser
def test_search_is_measured_on_both_sites(bench_run: tuple[dict[str, Any], Path]) -> None:
    """bench.search (issue 4) in Chromium, on the sites the harness run built."""
    require_chromium()
    _, folder = bench_run
    # In its own process: a browser test run earlier in this worker holds the thread's Playwright.
    script = (
        "import json, sys; from pathlib import Path; from bench.search import measure_search; "
        "print(json.dumps([measure_search(Path(p), s) for p, s in zip(sys.argv[1::2], sys.argv[2::2])]))"
    )
    sites = [str(folder / "project-1" / "site"), "project", str(folder / "stock" / "site"), "stock"]
    proc = subprocess.run([sys.executable, "-c", script, *sites], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    project, stock = json.loads(proc.stdout.splitlines()[-1])
    assert project is not None and project["ko"]["bytes_search"] > 0, project
    assert stock is not None and stock["en"]["bytes_search"] > 0, stock
    for lang in ("ko", "en"):  # later queries on the page: each answered, its first hit before its last
        entry = project[lang]
        for name in ("pasted", "filter", "second_query_cold"):
            assert 0 <= entry[f"{name}_first_ms"] <= entry[f"{name}_ms"], (name, entry)
        assert entry["second_query_in_page_ms"] >= 0 and entry["filter_region"]
        assert 0 < entry["first_result_s"] <= entry["first_result_seen_s"], entry  # in the page, then seen
    assert stock["en"]["second_query_s"] > 0, stock


@pytest.mark.build
def test_stock_site_has_every_brief_as_a_plain_page_outside_the_nav(bench_run: tuple[dict[str, Any], Path]) -> None:
    _, folder = bench_run
    site = folder / "stock" / "site"
    pages = sorted((folder / "stock" / "docs" / "briefs").glob("*.ko.md"))
    assert len(pages) == PAIRS
    brief_id = pages[0].name.removesuffix(".ko.md")
    korean = (site / "briefs" / brief_id / "index.html").read_text(encoding="utf-8")
    english = (site / "en" / "briefs" / brief_id / "index.html").read_text(encoding="utf-8")
    assert "<table>" in korean and "<table>" in english
    assert (site / "search" / "search_index.json").is_file()
    assert "briefs/" not in (site / "index.html").read_text(encoding="utf-8").split('class="md-content"')[0]
    assert (folder / "project-1" / "site" / "briefs" / brief_id / "index.html").is_file()
    assert "reconfigure_search" not in (folder / "stock" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "reconfigure_search: false" in (folder / "stock-lean" / "mkdocs.yml").read_text(encoding="utf-8")
    assert (folder / "stock-lean" / "site" / "en" / "briefs" / brief_id / "index.html").is_file()


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_search_lines_say_what_was_measured_and_what_was_not() -> None:
    assert search_lines(10, {"project": None, "stock": None}) == ["search: not measured yet (issue 4)"]
    later = {
        "second_query": "스마트 공장", "second_query_s": 0.01, "second_query_in_page_ms": 5,
        "pasted_query": "수출 지원", "pasted_first_ms": 21, "pasted_ms": 38,
        "filter_first_ms": 17, "filter_ms": 30, "second_query_cold_first_ms": 44, "second_query_cold_ms": 61,
    }
    measured: dict[str, dict[str, Any] | None] = {
        "project": {"ko": {"query": "인력난을", "first_result_s": 2.0, "first_result_seen_s": 2.25,
                           "bytes_search": 45_777, "bytes_total": 342_142, **later}},
        "stock": {"ko": {"query": "인력난을", "error": "Timeout 30000ms exceeded."},
                  "en": {"query": "factories", "first_result_s": 9.5, "bytes_search": 15_700_000,
                         "bytes_total": 16_900_000, "second_query": "manufacturers", "second_query_s": 0.12}},
    }
    assert search_lines(1000, measured) == [
        "N=1000: search, project, ko '인력난을': first hit 2.0 s (seen from the benchmark 2.25 s), "
        "search files 46 KB of 342 KB",
        "N=1000: later queries, project, ko: '스마트 공장' typed 5 ms; '수출 지원' pasted 21/38 ms; "
        "region filter 17/30 ms; set by script 44/61 ms (first hit/page of hits)",
        "N=1000: search, stock, ko '인력난을': no hit (Timeout 30000ms exceeded.)",
        "N=1000: search, stock, en 'factories': first hit 9.5 s, search files 15700 KB of 16900 KB",
        "N=1000: later queries, stock, en: 'manufacturers' typed, new results after 0.12 s",
    ]
