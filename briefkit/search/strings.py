"""Interface text of the search page and the header search form, per language.

The ``{n}`` messages are read by search.js from data- attributes.
"""

from __future__ import annotations

SEARCH_STRINGS: dict[str, dict[str, str]] = {
    "ko": {
        "search": "검색",
        "query": "검색어",
        "placeholder": "예: 스마트공장, 인력난, 경남",
        "submit": "검색",
        "topic": "주제",
        "region": "지역",
        "year": "연도",
        "sort": "정렬",
        "sort_relevance": "관련도순",
        "sort_newest": "최신순",
        "all_topics": "모든 주제",
        "all_regions": "모든 지역",
        "all_years": "모든 연도",
        "year_value": "{year}년",
        "count": "검색 결과 {n}건",
        "count_one": "검색 결과 {n}건",
        "none": "검색 결과가 없습니다.",
        "loading": "검색 중…",
        "error": "검색 색인을 불러오지 못했습니다.",
        "more": "결과 더 보기",
        "noscript": "검색에는 JavaScript가 필요합니다. 연도별 목록에서 모든 브리프를 볼 수 있습니다.",
    },
    "en": {
        "search": "Search",
        "query": "Search terms",
        "placeholder": "e.g. smart factories, labor shortage, Gangwon",
        "submit": "Search",
        "topic": "Topic",
        "region": "Region",
        "year": "Year",
        "sort": "Order",
        "sort_relevance": "Most relevant",
        "sort_newest": "Newest first",
        "all_topics": "All topics",
        "all_regions": "All regions",
        "all_years": "All years",
        "year_value": "{year}",
        "count": "{n} results",
        "count_one": "{n} result",
        "none": "No brief matches this search.",
        "loading": "Searching…",
        "error": "The search index could not be loaded.",
        "more": "More results",
        "noscript": "Search needs JavaScript. The archive lists every brief by year.",
    },
}
