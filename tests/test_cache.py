"""The build's caches (briefkit/cache.py): keyed by the code and packages that shape them, switchable off.

Build tests: a changed analyser is not served from the cache (the index shows
the change), and ``BRIEFS_NO_CACHE=1`` writes nothing under ``.cache/``, reads
nothing from it (a poisoned cache changes nothing) and gives the same site.
Unit tests: the key function, the atomic writer, the manifest, the memos.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from support.one_brief import files, one_brief_project
from support.project import ROOT, build

from briefkit import cache
from briefkit.atomic_write import atomic_file, write_atomic
from briefkit.cli import main
from briefkit.search.analyzer import Analyzer

MARKER = "zzanalysermarker"  # a term only the edited analyser gives
# Appended to the project copy's analyser: every text also gives MARKER (a behaviour change
# with no version number bumped anywhere).
EDITED_ANALYSER = f'''

_plain_latin_terms = latin_terms


def latin_terms(text, stemmer, forms, stems):  # type: ignore[no-untyped-def]
    terms = _plain_latin_terms(text, stemmer, forms, stems)
    terms["{MARKER}"] += 1
    return terms
'''


def index_text(site: Path, lang: str) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((site / "search" / "index" / lang).rglob("*.json")))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = one_brief_project(tmp_path)
    # The project's own copy of the core: the build imports it from here (python -m puts the
    # working folder first), so the test can change the analyser without touching the repository.
    shutil.copytree(ROOT / "briefkit", project / "briefkit", ignore=shutil.ignore_patterns("__pycache__"))
    return project


@pytest.mark.build
def test_a_changed_analyser_is_not_served_from_the_cache(project: Path) -> None:
    first = build(project)
    assert first.returncode == 0, first.stderr
    assert MARKER not in index_text(first.site, "en")
    kept = set(files(cache.path(project, "analysis")))
    analyser = project / "briefkit" / "search" / "index_terms.py"
    analyser.write_text(analyser.read_text(encoding="utf-8") + EDITED_ANALYSER, encoding="utf-8")

    second = build(project)
    assert second.returncode == 0, second.stderr
    # Every brief analysed again by the new code: its term is in both indexes.
    assert MARKER in index_text(second.site, "en") and MARKER in index_text(second.site, "ko")
    assert set(files(cache.path(project, "analysis"))) - kept  # new entries, under new keys


@pytest.mark.build
def test_no_cache_builds_the_same_site_reading_and_writing_nothing_under_dot_cache(project: Path) -> None:
    cached = build(project)
    assert cached.returncode == 0, cached.stderr
    expected = files(cached.site)
    # Poison every kept analysis and drop the kept indexes: a build that read the cache would
    # index the poison; one without the cache does not, and leaves .cache exactly as it was.
    for entry in cache.path(project, "analysis").rglob("*.json"):
        data = json.loads(entry.read_text(encoding="utf-8"))
        data["fields"] = [{**terms, "zzpoison": 1} for terms in data["fields"]]
        entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(cache.path(project, "search-index"))
    before = files(project / ".cache")

    uncached = build(project, env={cache.NO_CACHE: "1"})
    assert uncached.returncode == 0, uncached.stderr
    assert files(uncached.site) == expected
    assert files(project / ".cache") == before


def test_a_package_version_in_a_store_changes_its_key_and_no_other_does() -> None:
    installed = {"kiwipiepy": "0.24.1", "kiwipiepy_model": "0.24.0", "snowballstemmer": "3.0.1", "Markdown": "3.9"}
    key = cache.fingerprint("analysis", version=installed.get)
    assert cache.fingerprint("analysis", version=installed.get) == key
    for package in cache.STORES["analysis"].packages:
        assert cache.fingerprint("analysis", version={**installed, package: "9.9"}.get) != key, package
    assert cache.fingerprint("analysis", version={**installed, "Markdown": "9.9"}.get) == key
    assert cache.fingerprint("body-scans", version={**installed, "Markdown": "9.9"}.get) != \
        cache.fingerprint("body-scans", version=installed.get)


def test_every_analysis_key_holds_the_fingerprint() -> None:
    unit = ("스마트공장", "smart factories")
    assert Analyzer(None, (), "code A").key(unit) != Analyzer(None, (), "code B").key(unit)
    assert Analyzer(None).fingerprint == cache.fingerprint("analysis")


def test_the_manifest_names_code_that_exists() -> None:
    for name, store in cache.STORES.items():
        for rel in store.core:
            assert (ROOT / "briefkit" / rel).exists(), f"{name}: briefkit/{rel}"
        for rel in store.project:
            assert (ROOT / rel).exists() or rel.startswith("briefs/"), f"{name}: {rel}"


def test_the_atomic_writer_leaves_no_partial_file_on_an_exception(tmp_path: Path) -> None:
    path = tmp_path / "kept" / "entry.json"
    write_atomic(path, "old")
    path.chmod(0o640)
    with pytest.raises(RuntimeError, match="disk full"), atomic_file(path) as out:
        out.write(b"half of a ne")
        raise RuntimeError("disk full")
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in path.parent.iterdir()) == ["entry.json"]
    write_atomic(path, "new 내용", durable=True)
    assert path.read_text(encoding="utf-8") == "new 내용"
    assert path.stat().st_mode & 0o777 == 0o640  # the old file's permissions kept
    assert sorted(p.name for p in path.parent.iterdir()) == ["entry.json"]


def test_every_memo_is_bounded() -> None:
    import briefkit.body_scan
    import briefkit.feeds
    import briefkit.figures
    import briefkit.model
    import briefkit.search.writer  # noqa: F401  (each registers its memos)

    assert {"source digests", "body scans", "figures", "search shard hashes", "Kiwi, loaded", "feeds",
            "analyses read or written"} <= set(cache.MEMOS)
    for name, memo in cache.MEMOS.items():
        assert (memo.maxsize if isinstance(memo, cache.Recent) else memo.cache_info().maxsize), name
    recent: cache.Recent[str, int] = cache.Recent("a test's", maxsize=2)
    recent.put("a", 1)
    recent.put("b", 2)
    assert recent.get("a") == 1  # now the most recent
    recent.put("c", 3)
    assert ("a" in recent, "b" in recent, "c" in recent, len(recent)) == (True, False, True, 2)
    del cache.MEMOS["a test's"]
    unbounded = re.compile(r"functools\.cache\b|lru_cache\(\s*(maxsize\s*=\s*)?None|@lru_cache\s*$|@cache\s*$", re.M)
    for source in (ROOT / "briefkit").rglob("*.py"):
        assert not unbounded.search(source.read_text(encoding="utf-8")), source


def test_cache_clear_removes_every_store_and_nothing_else(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in cache.STORES:
        write_atomic(cache.path(tmp_path, name) / "x.json" if "." not in cache.STORES[name].path
                     else cache.path(tmp_path, name), "{}")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    assert main(["cache", "list", "--project", str(tmp_path)]) == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in cache.STORES)
    assert main(["cache", "clear", "--project", str(tmp_path)]) == 0
    assert f"removed {len(cache.STORES)} stores" in capsys.readouterr().out
    assert not (tmp_path / ".cache").exists()
    assert (tmp_path / "mkdocs.yml").is_file()
