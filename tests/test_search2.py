"""Search 2 (issue 19) in the index and the engine (search-core.js under Node), over tests/fixtures/search2.

Derived nouns (불량률, 간소화) and mixed words (2030년, R&D, AI반도체,
low-carbon) are found whole and by their stem or parts, the exact form first;
each hit knows the body passage its excerpt shows; a query of initial
consonants finds the terms and titles they spell; a query with no hits is
offered close index words, a typo in its first letters too
(``offers.yml``); a Latin and a Korean word written apart (``AI 반도체``)
and together (``AI반도체``) find each other, each form first for itself;
no-hit queries still find nothing. The browser side is
tests/test_search2_browser.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from support.project import Build
from support.search2_site import GIMHAE, OFFERS, QUERIES

from bench.recall import contains, morphemes, searchable_texts
from briefkit.search.analyzer import Analyzer
from briefkit.search.forms import initials, mixed_terms, strip_particle
from briefkit.search.index_terms import SUFFIXES
from briefkit.search.passages import passages
from briefkit.search.query import IndexFolder
from briefkit.search.words import near_keys

BUSAN = "2025-06-12-busan-export-parts-roundtable"
DAEGU = "2025-09-04-daegu-finance-roundtable"


@pytest.fixture(scope="module")
def site(search2_build: Build) -> Build:
    return search2_build  # one build of the fixture for the session (conftest.py)


def index(site: Build, lang: str) -> IndexFolder:
    return IndexFolder(site.site / "search" / "index" / lang)


# --- analysis ---------------------------------------------------------------

@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(None)


def test_a_derived_noun_is_a_term_whole_and_by_its_stem(analyzer: Analyzer) -> None:
    terms = analyzer.analyse([("제품 불량률을 낮추고 절차 간소화와 유동성을 높인다",)])[0].fields[0]
    assert {"불량률", "불량", "간소화", "간소", "유동성", "유동"} <= set(terms)
    assert terms["불량률"] == 1 and terms["불량"] == 0  # the stem finds it, after briefs that write it alone


def test_mixed_words_are_terms_without_their_particles() -> None:
    text = "2030년까지 10조원 규모의 r&d와 re100, ai반도체를 30%를 low-carbon 2030 ai"
    assert set(mixed_terms(text, SUFFIXES)) == {"2030년", "10조원", "r&d", "re100", "ai반도체", "30%", "low-carbon"}
    assert strip_particle("ai반도체는", SUFFIXES) == "ai반도체"
    assert strip_particle("반도체는", SUFFIXES) == "반도체는"  # not mixed: Kiwi's job


def test_a_latin_word_beside_korean_nouns_is_a_spaced_term(analyzer: Analyzer) -> None:
    terms = analyzer.analyse([("AI 반도체 설계와 반도체 AI 칩, AI 스마트공장을 본다",)])[0].fields[0]
    assert {"ai 반도체", "반도체 ai", "ai 스마트", "ai 스마트공장"} <= set(terms)
    assert not any(" " in term and not term.isascii() and term.startswith(("설계", "칩")) for term in terms)
    names = analyzer.analyse([("해외진출\nexports\nAI 제조혁신",)])[0].fields[0]  # a topic's names, one a line
    assert [term for term in names if " " in term] == ["ai 제조", "ai 제조혁신"]


def test_a_word_is_listed_under_the_keys_of_a_typo_in_its_first_letters() -> None:
    assert near_keys("불량률") == ["7-5", "5-5"]  # ㅂㄹ, and ㄹㄹ (ㅂ left out)
    assert near_keys("풀량률")[1:] == ["5-5"]  # the typo's own deletion key meets the word's
    assert near_keys("공장") == ["0-12", "12", "0"]  # two syllables: single initials
    assert near_keys("liquidity") == ["li", "iq", "lq"]
    assert set(near_keys("kiquidity")) & set(near_keys("liquidity")) == {"iq"}
    assert near_keys("ai") == [] and near_keys("2030년") == []


def test_passages_are_the_sentences_a_reader_sees() -> None:
    body = "## 검사 공정\n\n한 대표는 **불량률을** 낮췄다. [보도자료](a.pdf)를 보라!\n\n| a | b |\n|---|---|\n- 항목"
    assert passages(body) == ["검사 공정", "한 대표는 불량률을 낮췄다.", "보도자료를 보라!", "a b", "항목"]


def test_jamo_helpers() -> None:
    assert initials("스마트 공장") == "ㅅㅁㅌㄱㅈ"


# --- the built index --------------------------------------------------------

@pytest.mark.build
@pytest.mark.parametrize("query", QUERIES, ids=[f'{q["lang"]}-{q["kind"]}-{q["q"]}' for q in QUERIES])
def test_query_finds_its_briefs_with_an_excerpt_of_the_match(site: Build, query: dict[str, Any]) -> None:
    folder = index(site, query["lang"])
    hits = folder.search(query["q"])
    ids = [hit.id for hit in hits]
    assert set(query["expect"]) <= set(ids), ids
    if "first" in query:
        assert ids[0] == query["first"]
    texts = searchable_texts(site.project / "briefs", query["lang"])
    forms = morphemes(folder, query["q"])
    assert all(contains(texts[i], forms) for i in ids), (ids, forms)  # precision: each holds a form
    if "excerpt" in query:
        assert hits[0].passage > 0  # the match is only in the body
        assert query["excerpt"] in folder.excerpt(hits[0]).lower()


@pytest.mark.build
def test_the_exact_form_ranks_first(site: Build) -> None:
    ko = index(site, "ko")
    assert [h.id for h in ko.search("불량률")] == [GIMHAE]  # not the brief that writes 불량 alone
    assert [h.id for h in ko.search("2030년")] == [GIMHAE]  # not "2030 비전"
    assert {h.id for h in ko.search("2030")} == {GIMHAE, BUSAN}
    assert [h.id for h in ko.search("AI반도체")] == [GIMHAE, BUSAN]  # BUSAN writes "AI 반도체"
    assert [h.id for h in ko.search("AI 반도체")] == [BUSAN, GIMHAE]
    assert [h.id for h in ko.search("AI반도체를")] == [GIMHAE, BUSAN]


@pytest.mark.build
def test_a_match_in_the_title_or_summary_shows_the_summary(site: Build) -> None:
    ko = index(site, "ko")
    hit = ko.search("김해")[0]
    assert hit.id == GIMHAE and hit.passage == 0
    assert ko.excerpt(hit).startswith("김해의 자동차 부품")


@pytest.mark.build
def test_no_hit_queries_still_find_nothing(site: Build) -> None:
    ko, en = index(site, "ko"), index(site, "en")
    for query in ("없는말", "불랑률", "ㅋㅋㅋ", "zzz9", "xq-zz", "1999년", "a.i 인력난"):
        assert ko.search(query) == [], query
    assert en.search("lithium battery subsidy quota") == []
    assert ko.search("lithium") == []  # English only: the page offers the English briefs instead
    assert [h.id for h in en.search("lithium")] == [GIMHAE]


@pytest.mark.build
def test_a_typo_is_offered_close_index_words(site: Build) -> None:
    ko, en = index(site, "ko"), index(site, "en")
    assert ko.suggestions("불랑률") == ["불량률"]
    assert ko.suggestions("유동셩을") == ["유동성"]
    assert en.suggestions("liquidty") == ["liquidity"]
    assert ko.suggestions("없는말") == []
    assert ko.suggestions("불량률") == []  # it finds something: nothing to correct


@pytest.mark.build
@pytest.mark.parametrize("offer", OFFERS, ids=[f'{o["lang"]}-{o["q"]}' for o in OFFERS])
def test_offers(site: Build, offer: dict[str, Any]) -> None:
    folder = index(site, offer["lang"])
    assert folder.search(offer["q"]) == []
    assert folder.suggestions(offer["q"]) == offer["offers"]
    assert len([rel for rel in folder.fetched if rel.startswith("k/")]) <= 3  # never the vocabulary


@pytest.mark.build
def test_initials_files_are_read_only_for_initials(site: Build) -> None:
    ko = index(site, "ko")
    ko.search("불량률")
    assert not any(rel.startswith("k/") for rel in ko.fetched)
    fresh = index(site, "ko")
    assert [h.id for h in fresh.search("ㅂㄹㄹ")] == [GIMHAE]
    assert [rel for rel in fresh.fetched if rel.startswith("k/")] == ["k/7-5.json"]  # ㅂ, ㄹ: initials 7 and 5


@pytest.mark.build
def test_passage_files_hold_the_body_in_blocks(site: Build) -> None:
    folder = site.site / "search" / "index" / "ko" / "p"
    names = sorted(p.name for p in folder.iterdir())
    assert names and all(name.split("-")[0].isdigit() for name in names)
    text = "".join(p.read_text(encoding="utf-8") for p in folder.iterdir())
    assert "인력난을" in text and "](" not in text and "**" not in text
