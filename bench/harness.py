"""``python -m bench`` (``make bench``): time the project against the stock stack.

For each size N (100 and 1000 by default, 10000 with ``--large``, or
``--sizes``) it writes a synthetic corpus, times ``briefs check`` on it,
builds a fresh copy of the project twice (cold: no ``.cache``; warm: the
same copy again, nothing changed) and the stock stack once, times the
preview (``mkdocs serve --dirty``: seconds from saving an edited brief to
every page showing it, ``bench.preview``), then prints a table with the
project/stock ratios and writes everything to
``bench-results/bench-<date>.json``. Every build runs in its own process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .corpus import FIXTURE_VOCABULARIES, generate_corpus
from .machine import describe_machine
from .measure import Run, combine, run_measured, tree_size
from .media_bench import bench_media, media_lines
from .preview import measure_preview
from .projects import ROOT, export_revision, project_copy, stock_project
from .recall import RECALL_BRIEFS, RECALL_QUERIES, load_queries, measure_recall, recall_lines
from .search import NOT_MEASURED, measure_search

SIZES = (100, 1000)
LARGE = 10_000
# The goals of issue 8, checked against every size of at least GOAL_FROM pairs.
GOAL_FROM = 1000
COLD_GOAL, WARM_GOAL, CHECK_GOAL_S = 1.5, 1.1, 2.0
LARGE_COLD_GOAL_S, LARGE_MEMORY_GOAL_MB = 240.0, 2048.0
PREVIEW_GOAL_S = 3.0
# Issue 4's goals for the search, at GOAL_FROM pairs and more.
SEARCH_BYTES_GOAL, FIRST_HIT_GOAL_S, LATER_GOAL_MS = 300_000, 1.0, 50
SEARCH2_FIXTURE = Path("tests") / "fixtures" / "search2"  # issue 19's query classes and their briefs
STEPS = ("check", "project_cold", "project_warm", "stock", "stock_lean")
LABELS = {
    "check": "briefs check", "project_cold": "project, cold", "project_warm": "project, warm", "stock": "stock stack",
    "stock_lean": "stock, no dedupe",
}


def bench_size(
    pairs: int, seed: int, work: Path, repeat: int = 1, source: Path = ROOT, search: bool = True,
    preview: bool = True, vocabularies: Path | None = None, media: bool = False,
) -> dict[str, Any]:
    """Measure one corpus size, ``repeat`` times over; build folders go under ``work``.

    Each repetition times the check, a cold build of a fresh copy of the
    project, a warm build of that copy and a stock build, in that order, so
    that a busy neighbour on a shared machine slows all of them alike.
    """
    folder, repeat = work / f"n{pairs}", max(1, repeat)
    corpus = generate_corpus(folder / "corpus", pairs, seed, vocabularies or FIXTURE_VOCABULARIES)
    special = f"{len(corpus.korean_only)} Korean-only, {len(corpus.outdated)} outdated"
    print(f"N={pairs}: corpus written ({special})", flush=True)
    stock = stock_project(folder / "stock", corpus.path)
    stock_lean = stock_project(folder / "stock-lean", corpus.path, dedupe_search=False)
    builds = {"stock": stock, "stock_lean": stock_lean}
    measured: dict[str, list[Run]] = {step: [] for step in STEPS}
    for rep in range(repeat):
        project = project_copy(folder / f"project-{rep + 1}", corpus.path, source)
        builds.update(project_cold=project, project_warm=project)
        check = [sys.executable, "-m", "briefkit.cli", "check", str(corpus.path)]
        for step in STEPS:
            run = run_measured(check, cwd=project) if step == "check" else _build(builds[step])
            measured[step].append(run)
            _report(pairs, step, run)
    runs = {step: combine(measured[step]) for step in STEPS}
    sites = {"project": (project, runs["project_cold"]), "stock": (stock, runs["stock"])}
    searched = {
        stack: measure_search(folder / "site", stack) if search and run.ok else None
        for stack, (folder, run) in sites.items()
    }
    for line in search_lines(pairs, searched):
        print(line, flush=True)
    previewed = _preview(project) if preview and runs["project_cold"].ok else None
    if previewed:
        print(f"N={pairs}: preview: {preview_line(previewed)}", flush=True)
    result = {
        "pairs": pairs,
        "korean_only": len(corpus.korean_only),
        "outdated": len(corpus.outdated),
        "repeat": repeat,
        **{step: run.as_json() for step, run in runs.items()},
        "ratios": _ratios(runs),
        "search": searched,
        "preview": previewed,
    }
    if media:  # the same briefs with a photo each, against the builds above (bench/media_bench.py)
        result["media"] = bench_media(pairs, seed, work, result, source, preview, vocabularies)
    return result


def preview_line(previewed: dict[str, Any]) -> str:
    if "error" in previewed:
        return f"not measured ({previewed['error']})"
    return (f"a saved body edit shown after {previewed['body_edit_s']} s, a title edit on every list after "
            f"{previewed['title_edit_s']} s, its open data after {previewed['title_outputs_s']} s "
            f"(first build {previewed['first_build_s']} s; rebuilds per save {previewed['rebuilds']})")


def _preview(project: Path) -> dict[str, Any]:
    try:
        return measure_preview(project)
    except (TimeoutError, RuntimeError) as error:
        return {"error": str(error).splitlines()[0]}


def search_lines(pairs: int, searched: dict[str, dict[str, Any] | None]) -> list[str]:
    """One line per stack and language: time to the first hit and bytes fetched."""
    if all(result is None for result in searched.values()):
        return [NOT_MEASURED]
    lines = []
    for stack, result in searched.items():
        for lang in ("ko", "en"):
            entry = (result or {}).get(lang)
            if not entry:
                continue
            if entry.get("error"):
                shown = f"no hit ({entry['error']})"
            else:
                seen = entry.get("first_result_seen_s")
                shown = (
                    f"first hit {entry['first_result_s']} s"
                    + (f" (seen from the benchmark {seen} s)" if seen is not None else "")
                    + f", search files {entry['bytes_search'] / 1e3:.0f} KB of {entry['bytes_total'] / 1e3:.0f} KB"
                    + excerpt_part(entry)
                )
            lines.append(f"N={pairs}: search, {stack}, {lang} '{entry.get('query')}': {shown}")
            later = later_line(entry)
            if later:
                lines.append(f"N={pairs}: later queries, {stack}, {lang}: {later}")
            lines += [f"N={pairs}: search 2, {stack}, {lang} {search2_line(path)}" for path in entry.get("search2", [])]
    return lines


def excerpt_part(entry: dict[str, Any]) -> str:
    """The excerpts' share of a first search (issue 19): the passage files it read."""
    files = entry.get("bytes_by_file", {})
    passages = [n for url, n in files.items() if "search/index/" in url and "/p/" in url]
    ours = any("search/index/" in url for url in files)
    return f" (excerpts {sum(passages) / 1e3:.1f} KB in {len(passages)} files)" if ours else ""


def search2_line(path: dict[str, Any]) -> str:
    """Issue 19's paths: what the page showed, its ms, the search files with the excerpts' and word lists' part."""
    if path.get("error"):
        return f"'{path['query']}': failed ({path['error']})"
    offers = f", offered {', '.join(path['offers'])}" if path["offers"] else ""
    return (f"'{path['query']}': {path['hits']} hits, {path['excerpts']} marks in excerpts{offers}; "
            f"first hit {path['first_ms']} ms, done {path['done_ms']} ms in the page; "
            f"search files {path['bytes_search'] / 1e3:.0f} KB, of them excerpts "
            f"{path['bytes_excerpts'] / 1e3:.1f} KB ({path['files_excerpts']} files), "
            f"word lists {path['bytes_words'] / 1e3:.1f} KB")


def later_line(entry: dict[str, Any]) -> str:
    """How the search page answered later queries: ms to the first hit / to the page of hits."""
    if entry.get("error") or "second_query_s" not in entry:
        return ""
    if "second_query_in_page_ms" not in entry:  # stock: seconds from the benchmark's side
        return f"'{entry['second_query']}' typed, new results after {entry['second_query_s']} s"
    parts = [
        f"'{entry['second_query']}' typed {entry['second_query_in_page_ms']} ms",
        f"'{entry['pasted_query']}' pasted {entry['pasted_first_ms']}/{entry['pasted_ms']} ms",
        f"region filter {entry['filter_first_ms']}/{entry['filter_ms']} ms",
    ]
    if "second_query_cold_ms" in entry:
        parts.append(f"set by script {entry['second_query_cold_first_ms']}/{entry['second_query_cold_ms']} ms")
    return "; ".join(parts) + " (first hit/page of hits)"


def _build(project: Path) -> Run:
    run = run_measured([sys.executable, "-m", "mkdocs", "build"], cwd=project)
    if run.ok:
        run.site_bytes, run.site_files = tree_size(project / "site")
    return run


def _report(pairs: int, step: str, run: Run) -> None:
    status = "" if run.ok else f"  FAILED (exit {run.returncode}):\n{run.error}"
    measured = f"{run.wall_s:.2f} s wall, {run.cpu_s} s CPU, {run.peak_rss_mb} MB"
    print(f"N={pairs}: {LABELS[step]}: {measured}{status}", flush=True)


def _ratios(runs: dict[str, Run]) -> dict[str, float | None]:
    stock = runs["stock"]

    def ratio(a: float | int | None, b: float | int | None, ok: bool) -> float | None:
        return round(a / b, 2) if ok and a is not None and b else None

    ok = stock.ok and runs["project_cold"].ok
    warm_ok = ok and runs["project_warm"].ok
    lean, lean_ok = runs["stock_lean"], runs["stock_lean"].ok and runs["project_cold"].ok
    return {
        "cold_vs_lean_stock": ratio(runs["project_cold"].wall_s, lean.wall_s, lean_ok),
        "warm_vs_lean_stock": ratio(runs["project_warm"].wall_s, lean.wall_s, lean_ok and runs["project_warm"].ok),
        "cold_cpu_vs_lean_stock": ratio(runs["project_cold"].cpu_s, lean.cpu_s, lean_ok),
        "warm_cpu_vs_lean_stock": ratio(runs["project_warm"].cpu_s, lean.cpu_s, lean_ok and runs["project_warm"].ok),
        "cold_vs_stock": ratio(runs["project_cold"].wall_s, stock.wall_s, ok),
        "warm_vs_stock": ratio(runs["project_warm"].wall_s, stock.wall_s, warm_ok),
        "cold_cpu_vs_stock": ratio(runs["project_cold"].cpu_s, stock.cpu_s, ok),
        "warm_cpu_vs_stock": ratio(runs["project_warm"].cpu_s, stock.cpu_s, warm_ok),
        "memory_vs_stock": ratio(runs["project_cold"].peak_rss_mb, stock.peak_rss_mb, ok),
        "size_vs_stock": ratio(runs["project_cold"].site_bytes, stock.site_bytes, ok),
    }


def format_table(results: list[dict[str, Any]]) -> str:
    """The results as a plain-text table, one row per measured command."""
    columns = ("wall s", "× stock", "CPU s", "× stock", "peak MB", "site MB")
    lines = [f"{'N':>6}  {'what':<16} " + " ".join(f"{name:>8}" for name in columns)]
    for result in results:
        ratios = result["ratios"]
        shown = {
            "project_cold": (ratios["cold_vs_stock"], ratios["cold_cpu_vs_stock"]),
            "project_warm": (ratios["warm_vs_stock"], ratios["warm_cpu_vs_stock"]),
        }
        for step in STEPS:
            run = result[step]
            size = f"{run['site_bytes'] / 1e6:.1f}" if run["site_bytes"] else ""
            wall_ratio, cpu_ratio = shown.get(step, (None, None))
            failed = "" if run["returncode"] == 0 else f"  (failed, exit {run['returncode']})"
            lines.append(
                f"{result['pairs']:>6}  {LABELS[step]:<16} {run['wall_s']:>8.2f} {_number(wall_ratio):>8} "
                f"{_number(run['cpu_s']):>8} {_number(cpu_ratio):>8} {run['peak_rss_mb'] or '':>8} {size:>8}{failed}"
            )
    return "\n".join(lines)


def recall_run(
    work: Path, source: Path, briefs: Path | None = None, queries: Path | None = None
) -> dict[str, Any] | None:
    """Recall and precision over the query set, on the project's and the stock stack's sites of the
    briefs it is written for (``bench.recall``; by default the work tree's fixture corpus, whatever
    revision ``source`` holds, never ``briefs/``); None when either build fails."""
    briefs = briefs or ROOT / RECALL_BRIEFS
    project = project_copy(work / "recall" / "project", briefs, source)
    stock = stock_project(work / "recall" / "stock", briefs)
    if not (_build(project).ok and _build(stock).ok):
        return None
    return measure_recall(project / "site", stock / "site", briefs, load_queries(queries or ROOT / RECALL_QUERIES))


def recall_run_search2(work: Path, source: Path) -> dict[str, Any] | None:
    """Recall and precision of issue 19's query classes (derived nouns, units, acronyms, hyphens,
    initials) over their own fixture corpus (tests/fixtures/search2), on both stacks."""
    fixture = source / SEARCH2_FIXTURE
    if not (fixture / "queries.yml").is_file():
        return None
    briefs = fixture / "briefs"
    project = project_copy(work / "recall2" / "project", briefs, source)
    stock = stock_project(work / "recall2" / "stock", briefs)
    if not (_build(project).ok and _build(stock).ok):
        return None
    queries = yaml.safe_load((fixture / "queries.yml").read_text(encoding="utf-8"))
    return measure_recall(project / "site", stock / "site", briefs, queries)


def search_goal_lines(result: dict[str, Any], recall: dict[str, Any] | None) -> list[str]:
    """Issue 4's goals, each marked met or not met: the project's search at this size, its recall once."""
    n = result["pairs"]
    lines: list[str] = []
    if n < GOAL_FROM:
        return lines

    def verdict(name: str, shown: str, ok: bool) -> None:
        lines.append(f"N={n}: {name}: {shown} — {'met' if ok else 'NOT met'}")

    for lang, entry in ((result.get("search") or {}).get("project") or {}).items():
        if not isinstance(entry, dict) or entry.get("error"):
            continue
        kb = entry["bytes_search"] / 1e3
        verdict(f"search {lang}: first search ≤ {SEARCH_BYTES_GOAL / 1e3:.0f} KB", f"{kb:.0f} KB",
                entry["bytes_search"] <= SEARCH_BYTES_GOAL)
        verdict(f"search {lang}: first hit ≤ {FIRST_HIT_GOAL_S:.0f} s from loading /search/?q=…",
                f"{entry['first_result_s']} s", entry["first_result_s"] <= FIRST_HIT_GOAL_S)
        later = {kind: entry.get(key) for kind, key in (
            ("typed", "second_query_in_page_ms"), ("pasted", "pasted_first_ms"), ("filter", "filter_first_ms"))}
        times = [ms for ms in later.values() if isinstance(ms, int) and ms >= 0]
        if len(times) == len(later):
            verdict(f"search {lang}: a later query's first hit ≤ {LATER_GOAL_MS} ms",
                    ", ".join(f"{kind} {ms} ms" for kind, ms in later.items()), max(times) <= LATER_GOAL_MS)
    for lang, entry in ((recall or {}).get("project") or {}).items():
        verdict(f"search {lang}: every query returns its briefs", f"{entry['complete']} of {entry['queries']}",
                entry["complete"] == entry["queries"])
        verdict(f"search {lang}: no brief returned without a query morpheme",
                f"{entry['without_morpheme']} of {entry['returned']}", entry["without_morpheme"] == 0)
    return lines


def goal_lines(result: dict[str, Any]) -> list[str]:
    """Issue 8's goals for one size, each marked met or not met."""
    if result["pairs"] < GOAL_FROM:
        return []
    ratios, n, check, cold = result["ratios"], result["pairs"], result["check"], result["project_cold"]
    checked = check["returncode"] == 0
    checks = [
        (f"cold build ≤ {COLD_GOAL}× stock (wall)", ratios["cold_vs_stock"], COLD_GOAL),
        (f"cold build ≤ {COLD_GOAL}× stock (CPU)", ratios["cold_cpu_vs_stock"], COLD_GOAL),
        (f"warm build ≤ {WARM_GOAL}× stock (wall)", ratios["warm_vs_stock"], WARM_GOAL),
        (f"warm build ≤ {WARM_GOAL}× stock (CPU)", ratios["warm_cpu_vs_stock"], WARM_GOAL),
        (f"cold build ≤ {COLD_GOAL}× stock without search dedupe (wall)", ratios["cold_vs_lean_stock"], COLD_GOAL),
        (f"warm build ≤ {WARM_GOAL}× stock without search dedupe (wall)", ratios["warm_vs_lean_stock"], WARM_GOAL),
        (f"cold build ≤ {COLD_GOAL}× stock without search dedupe (CPU)", ratios["cold_cpu_vs_lean_stock"], COLD_GOAL),
        (f"warm build ≤ {WARM_GOAL}× stock without search dedupe (CPU)", ratios["warm_cpu_vs_lean_stock"], WARM_GOAL),
        (f"briefs check < {CHECK_GOAL_S} s (wall)", check["wall_s"] if checked else None, CHECK_GOAL_S),
        (f"briefs check < {CHECK_GOAL_S} s (CPU)", check["cpu_s"] if checked else None, CHECK_GOAL_S),
    ]
    previewed = result.get("preview") or {}
    if "title_edit_s" in previewed:
        slowest = max(previewed["body_edit_s"], previewed["title_edit_s"])
        checks.append((f"preview shows a saved edit < {PREVIEW_GOAL_S:.0f} s", slowest, PREVIEW_GOAL_S))
    if n >= LARGE:
        checks.append((f"cold build < {LARGE_COLD_GOAL_S:.0f} s", cold["wall_s"], LARGE_COLD_GOAL_S))
        checks.append((f"peak memory < {LARGE_MEMORY_GOAL_MB:.0f} MB", cold["peak_rss_mb"], LARGE_MEMORY_GOAL_MB))
    lines = []
    for name, value, goal in checks:
        verdict = "met" if value is not None and value <= goal else "NOT met"
        lines.append(f"N={n}: {name}: {value if value is not None else 'n/a'} — {verdict}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Time the project against the stock stack.")
    parser.add_argument("--sizes", type=_sizes, help="comma-separated sizes (default 100,1000)")
    parser.add_argument("--large", action="store_true", help=f"also {LARGE} pairs")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement, median reported (default 1)")
    parser.add_argument("--rev", help="benchmark the project as committed at this git revision (default: work tree)")
    parser.add_argument("--no-search", action="store_true", help="skip the search measurements in Chromium")
    parser.add_argument("--no-preview", action="store_true", help="skip timing the preview (mkdocs serve --dirty)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--media", type=_sizes, default=[],
                        help="sizes to time again with a 3000×2000 photo per brief, e.g. 1000 (make bench: 1000)")
    parser.add_argument("--recall-briefs", type=Path,
                        help=f"the briefs folder the recall queries are written for (default {RECALL_BRIEFS})")
    parser.add_argument("--recall-queries", type=Path,
                        help=f"the recall query set, naming that folder's ids (default {RECALL_QUERIES})")
    parser.add_argument("--vocabularies", type=Path,
                        help="the folder whose topics.yml and regions.yml the synthetic corpora use "
                             "(default: the fixture corpus's)")
    parser.add_argument("--out", type=Path, help="the JSON file (default bench-results/bench-<date>.json)")
    parser.add_argument("--workdir", type=Path, help="where corpora and builds go (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the build folders")
    args = parser.parse_args(argv)
    sizes = list(args.sizes or SIZES) + ([LARGE] if args.large else [])
    started = dt.datetime.now(dt.UTC)
    machine = describe_machine(ROOT, args.rev)
    print(
        f"machine: {machine['nproc']} cores, {machine['memory_gb']} GB, Python {machine['python']}, "
        f"load {machine['load_average']}"
    )
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        source = export_revision(machine["commit"], work / "source") if args.rev else ROOT
        recall = recall_run(work, source, args.recall_briefs, args.recall_queries) if not args.no_search else None
        recall2 = recall_run_search2(work, source) if not args.no_search else None
        if not args.no_search:
            for line in recall_lines(recall):
                print(line, flush=True)
            for line in recall_lines(recall2):
                print(line.replace("search recall", "search 2 recall (tests/fixtures/search2)", 1), flush=True)
        results = [bench_size(n, args.seed, work, args.repeat, source, not args.no_search, not args.no_preview,
                              args.vocabularies, n in args.media) for n in sizes]
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(format_table(results))
    for result in results:
        for line in goal_lines(result) + search_goal_lines(result, recall) + media_lines(result.get("media")):
            print(line)
    machine["load_average_after"] = describe_machine(ROOT)["load_average"]
    report = {
        "date": started.isoformat(timespec="seconds"), "machine": machine, "source": args.rev or "work tree",
        "seed": args.seed, "sizes": sizes, "recall": recall, "recall_search2": recall2, "results": results,
    }
    out = args.out or ROOT / "bench-results" / f"bench-{started:%Y-%m-%dT%H%M%SZ}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nresults written to {out}")
    failed = any(result[step]["returncode"] != 0 for result in results for step in STEPS)
    return 1 if failed else 0


def _sizes(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def _number(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else ""
