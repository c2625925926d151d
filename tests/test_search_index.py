"""Search index: Korean and English analysis, the cache, the files a build writes, recall.

Analysis runs the real Kiwi (slow to load: once for this module).
The recall test runs every query of ``tests/fixtures/search_queries.yml`` over
the index of the fixture corpus, through ``briefkit.search.query`` (the site's
engine, search-core.js, under Node); the browser test runs a sample through the page.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml
from support.project import CORPUS, SEARCH_QUERIES, Build, build, copy_project, vocabularies, write_brief

from bench.recall import contains, morphemes, searchable_texts
from briefkit.catalog import load_catalog
from briefkit.search import analyzer as analyzer_module
from briefkit.search.analyzer import Analyzer
from briefkit.search.index_terms import MINISTRY_NAMES
from briefkit.search.indexing import SearchBuild
from briefkit.search.query import IndexFolder
from briefkit.search.writer import bucket, fnv1a, shard_key
from briefkit.site import SiteView

QUERIES: list[dict[str, Any]] = yaml.safe_load(SEARCH_QUERIES.read_text(encoding="utf-8"))
DRAFT = "2026-10-15-small-business-ai-adoption-roundtable"


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(None, tuple(sorted({*MINISTRY_NAMES, "경상남도", "경남", "강원도"})))


def terms_of(analyzer: Analyzer, text: str) -> dict[str, int]:
    return analyzer.analyse([(text,)])[0].fields[0]


# --- analysis ---------------------------------------------------------------

def test_particles_are_not_part_of_terms(analyzer: Analyzer) -> None:
    terms = terms_of(analyzer, "뿌리기업 인력난을 외국인력만으로는 못 푼다")
    assert "인력난" in terms
    assert not any(t.endswith("을") for t in terms)


def test_compounds_and_their_halves_are_terms(analyzer: Analyzer) -> None:
    terms = terms_of(analyzer, "스마트공장을 고도화한다")
    assert {"스마트", "공장", "스마트공장"} <= set(terms)


def test_nouns_written_apart_also_make_the_compound(analyzer: Analyzer) -> None:
    assert "지역혁신" in terms_of(analyzer, "지역 혁신 정책")
    assert "지역혁신" in terms_of(analyzer, "지역혁신 정책")


def test_punctuation_breaks_a_compound(analyzer: Analyzer) -> None:
    assert "지역혁신" not in terms_of(analyzer, "지역, 혁신")


def test_user_dictionary_keeps_the_ministry_whole(analyzer: Analyzer) -> None:
    terms = terms_of(analyzer, "중소벤처기업부는 19일 간담회를 열었다")
    assert "중소벤처기업부" in terms
    assert "기업부" not in terms


def test_noun_prefix_joins_its_noun(analyzer: Analyzer) -> None:
    assert {"소상공인", "상공인"} <= set(terms_of(analyzer, "소상공인들이 모였다"))


def test_english_words_are_stemmed_without_stop_words(analyzer: Analyzer) -> None:
    result = analyzer.analyse([("The roundtables discussed exporting to the markets",)])[0]
    assert {"roundtabl", "discuss", "export", "market"} <= set(result.fields[0])
    assert "the" not in result.fields[0]
    assert result.forms["roundtables"] == "roundtabl"


def test_decomposed_hangul_gives_the_same_terms(analyzer: Analyzer) -> None:
    text = "경남 스마트공장 라운드테이블"
    assert terms_of(analyzer, unicodedata.normalize("NFD", text)) == terms_of(analyzer, text)


def test_bucket_is_fnv1a_of_the_shard_key() -> None:
    assert fnv1a("a") == 0xE40C292C  # the FNV-1a 32-bit test vector
    assert bucket("a", 2**32) == 0xE40C292C
    assert bucket("스마트공장", 2**32) == fnv1a("스마트공장") != bucket("스마트", 2**32)  # Korean: the whole term
    assert bucket("2024", 2**32) == fnv1a("2024")
    # English: a word, its plural and its Snowball stem in one shard (one round trip in the browser).
    assert shard_key("factories") == shard_key("factori") == "fac"
    assert len({bucket(w, 2**32) for w in ("manufacturers", "manufacturer", "manufactur")}) == 1


def test_every_english_word_and_its_stem_share_a_shard(sample_build: Build) -> None:
    folder = sample_build.site / "search" / "index" / "en"
    shards = json.loads((folder / "meta.json").read_text(encoding="utf-8"))["shards"]
    forms = {}
    for path in (folder / "t").glob("*.json"):
        shard = json.loads(path.read_text(encoding="utf-8"))
        for word, stem in shard["f"].items():
            assert bucket(word, shards) == int(path.stem)
            forms[word] = (stem, int(path.stem))
    assert forms["exporters"][0] == "export"
    apart = [w for w, (stem, n) in forms.items() if bucket(stem, shards) != n]
    assert len(apart) <= len(forms) // 50, apart  # a stem whose first letters differ (dying → die): rare


# --- cache -------------------------------------------------------------------

def _sample_site() -> SiteView:
    return SiteView(load_catalog(CORPUS), include_drafts=False)


def test_cache_skips_analysis_and_kiwi_and_keeps_the_bytes(tmp_path: Path) -> None:
    site = _sample_site()
    cold = SearchBuild.create(site, tmp_path)
    cold_files = {lang: cold.files(lang) for lang in ("ko", "en")}
    assert cold.analyzer.analysed > 0
    warm = SearchBuild.create(site, tmp_path)
    warm_files = {lang: warm.files(lang) for lang in ("ko", "en")}
    assert warm.analyzer.analysed == 0
    assert warm.analyzer._kiwi is None  # a rebuild with nothing changed never loads Kiwi
    assert warm_files == cold_files
    uncached = SearchBuild.create(site, None)
    assert {lang: uncached.files(lang) for lang in ("ko", "en")} == cold_files


def test_a_second_process_analyses_ahead_and_the_index_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    site = _sample_site()
    expected = {lang: SearchBuild.create(site, None).files(lang) for lang in ("ko", "en")}
    monkeypatch.setattr(analyzer_module, "AHEAD_MIN", 1)  # the fixture corpus is smaller than a cold archive
    ahead = SearchBuild.create(site, tmp_path / "ahead")
    assert ahead.analyse_ahead()
    assert not ahead.analyse_ahead()  # once per build (static-i18n runs on_config again for English)
    assert {lang: ahead.files(lang) for lang in ("ko", "en")} == expected
    assert ahead.analyzer.analysed == 0 and ahead.analyzer._kiwi is None  # all of it done by the other process
    assert not list((tmp_path / "ahead").glob("ahead-*"))  # its job file is gone
    # A second process that fails changes nothing but the time: this one analyses, and says so.
    monkeypatch.setattr(analyzer_module, "AHEAD_COMMAND", [sys.executable, "-c", "raise SystemExit('no Kiwi here')"])
    failed = SearchBuild.create(site, tmp_path / "failed")
    assert failed.analyse_ahead()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.briefs"):
        assert {lang: failed.files(lang) for lang in ("ko", "en")} == expected
    assert failed.analyzer.analysed > 0
    assert "the second process stopped (1: no Kiwi here); the build does its work here" in caplog.text
    # Nothing left to analyse: no second process.
    assert not SearchBuild.create(site, tmp_path / "ahead").analyse_ahead()


# --- the built site ------------------------------------------------------------

def test_each_language_has_its_own_small_index(sample_build: Build) -> None:
    for lang in ("ko", "en"):
        folder = sample_build.site / "search" / "index" / lang
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        assert meta["lang"] == lang
        assert meta["count"] == 14  # the fixture corpus's 15 briefs less the draft
        assert len(list((folder / "t").glob("*.json"))) == meta["shards"]
    assert not list(sample_build.site.rglob("search_index.json"))


def test_index_json_is_sorted_and_compact(sample_build: Build) -> None:
    path = sample_build.site / "search" / "index" / "ko" / "meta.json"
    text = path.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def test_drafts_are_not_searchable(sample_build: Build) -> None:
    for path in (sample_build.site / "search" / "index").rglob("*.json"):
        assert DRAFT not in path.read_text(encoding="utf-8"), path


def test_search_page_configures_the_script_without_inline_script(sample_build: Build) -> None:
    for url, lang in (("search/", "ko"), ("en/search/", "en")):
        html = sample_build.page(url)
        assert f'data-lang="{lang}"' in html
        index = re.search(r'data-index="([^"]*)"', html)
        briefs = re.search(r'data-briefs="([^"]*)"', html)
        assert index and urljoin(f"http://x/{url}", index.group(1)) == f"http://x/search/index/{lang}/"
        root = "" if lang == "ko" else "en/"
        assert briefs and urljoin(f"http://x/{url}", briefs.group(1)) == f"http://x/{root}briefs/"
        # The engine runs from the head before the stylesheets and starts the search in the address
        # (an async ES module, its imports preloaded beside it); the page's module is after the
        # search form, before Material's bundle.
        head = html.split("</head>")[0]
        engine = re.search(
            r'<script type="module" async src="[./]*assets/search-engine\.js" data-prepare="([^"]*)"></script>', head)
        assert re.search(r'<link rel="modulepreload" href="[./]*assets/search-core\.js">', head)
        styles = re.search(r'rel="stylesheet" href="[./]*assets/stylesheets/main\.', head)
        assert engine and styles and engine.end() < styles.start()
        assert urljoin(f"http://x/{url}", engine.group(1)) == f"http://x/search/index/{lang}/"
        page = re.search(
            r'</noscript>\s*</div>\s*<script type="module" async src="[./]*assets/search-page\.js"></script>', html)
        assert page and page.end() < html.index("javascripts/bundle.")
        ours = html.split('id="briefs-search"')[1].split("</noscript>")[0]
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", ours)
        assert 'role="status"' in html


def test_header_search_form_leads_to_the_search_page(sample_build: Build) -> None:
    assert re.search(r'<form class="briefs-header-search" role="search" method="get" action="search/"',
                     sample_build.page(""))
    assert re.search(r'<form class="briefs-header-search" role="search" method="get" action="\.\./\.\./search/"',
                     sample_build.page("en/briefs/2025-05-13-regional-innovation-roundtable/"))


@pytest.mark.parametrize(("url", "lang"), [("", "ko"), ("en/briefs/2025-05-13-regional-innovation-roundtable/", "en")])
def test_header_drop_down_is_configured_by_attributes_and_loads_lazily(
    sample_build: Build, url: str, lang: str
) -> None:
    html = sample_build.page(url)
    form = html.split('<form class="briefs-header-search"')[1].split(">")[0]
    attributes = dict(re.findall(r'(data-[a-z-]+)="([^"]*)"', form))
    base = f"http://x/{url}"
    assert attributes["data-lang"] == lang
    assert urljoin(base, attributes["data-index"]) == f"http://x/search/index/{lang}/"
    assert urljoin(base, attributes["data-briefs"]) == f"http://x/{'' if lang == 'ko' else 'en/'}briefs/"
    assert urljoin(base, attributes["data-engine"]) == "http://x/assets/search-engine.js"
    assert urljoin(base, attributes["data-css"]) == "http://x/assets/search.css"
    assert attributes["data-msg-all"] == ("검색 결과 모두 보기 ({n}건)" if lang == "ko" else "All results ({n})")
    # Every page has the drop-down's script; the engine loads only when the reader comes to the box.
    assert re.search(r'<script src="[./]*assets/search-suggest\.js" defer></script>', html)
    assert not re.search(r'<script [^>]*src="[^"]*search-(engine|core)\.js"', html)
    assert not re.search(r'<link rel="stylesheet" href="[^"]*search\.css"', html)


# --- recall and precision over the query set -----------------------------------

def test_query_set_covers_every_kind() -> None:
    assert len(QUERIES) >= 40
    assert {q["kind"] for q in QUERIES} >= {"particle", "spacing", "compound", "alias", "inflection"}
    assert {q["lang"] for q in QUERIES} == {"ko", "en"}


@pytest.mark.parametrize("query", QUERIES, ids=[f'{q["lang"]}-{q["kind"]}-{q["q"]}' for q in QUERIES])
def test_query_finds_its_briefs_and_only_briefs_with_its_morphemes(sample_build: Build, query: dict[str, Any]) -> None:
    index = IndexFolder(sample_build.site / "search" / "index" / query["lang"])
    hits = [hit.id for hit in index.search(query["q"])]
    assert set(query["expect"]) <= set(hits), f"missing {set(query['expect']) - set(hits)}"
    texts = searchable_texts(CORPUS, query["lang"])
    forms = morphemes(index, query["q"])  # the benchmark's precision: bench/recall.py
    for hit in hits:
        assert contains(texts[hit], forms), f"{hit} has none of {forms}"


# --- a build with briefs that use only one name of their region -----------------

@pytest.mark.build
def test_region_aliases_find_briefs_that_never_use_them(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-03-04-changwon-roundtable", "ko", """
        title: 창원 제조 라운드테이블
        date: 2025-03-04
        summary: 경상남도 창원의 조선 기자재 기업이 모였다.
        topics: [smart-factory]
        regions: [gyeongnam]
    """, "경상남도 창원에서 조선 기자재 기업들이 설비 교체를 논의했다.\n")
    write_brief(briefs, "2025-04-01-chuncheon-roundtable", "ko", """
        title: 춘천 관광 라운드테이블
        date: 2025-04-01
        summary: 춘천의 관광 소상공인이 모였다.
        topics: [small-business]
        regions: [gangwon]
    """, "춘천 관광 소상공인들이 비수기 대책을 논의했다.\n")
    project = copy_project(tmp_path / "project", briefs)
    first = build(project)
    assert first.returncode == 0, first.stderr
    index = IndexFolder(first.site / "search" / "index" / "ko")
    assert [h.id for h in index.search("경남")] == ["2025-03-04-changwon-roundtable"]
    assert [h.id for h in index.search("강원도")] == ["2025-04-01-chuncheon-roundtable"]
    english = IndexFolder(first.site / "search" / "index" / "en")
    assert [h.id for h in english.search("Gangwon")] == ["2025-04-01-chuncheon-roundtable"]
    before = {p.relative_to(first.site).as_posix(): p.read_bytes() for p in (first.site / "search").rglob("*.json")}
    second = build(project)
    assert second.returncode == 0, second.stderr
    after = {p.relative_to(second.site).as_posix(): p.read_bytes() for p in (second.site / "search").rglob("*.json")}
    assert after == before  # the warm build (every analysis cached) writes the same bytes
