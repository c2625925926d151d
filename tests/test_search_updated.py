"""The search index's display chunks say which brief was corrected after publication (issue 18).

A document of ``d/<n>.json`` ends with 1 for a brief with ``updates``, else 0: a flag, not the
word, so the pages write "수정됨 / Updated" in their own language (search-index.js's DocRow and
Row). The pages' marks are tested in a browser: tests/test_search_updated_browser.py.
"""

from __future__ import annotations

import json

from briefkit.search.analyzer import Analysis
from briefkit.search.records import Record
from briefkit.search.writer import index_files


def _record(brief_id: str, updated: bool) -> Record:
    return Record(id=brief_id, date=brief_id[:10], year=int(brief_id[:4]), title="제목", summary="요약",
                  text_lang="ko", updated=updated, topics=(), regions=())


def test_a_display_chunk_flags_the_corrected_briefs_only() -> None:
    records = [_record("2025-06-01-plain", False), _record("2025-05-01-corrected", True)]
    texts = ("제목", "요약", "")
    items = [(r, Analysis([{"제목": 1}, {"요약": 1}, {}], {}), texts) for r in records]
    chunk = json.loads(index_files("ko", items, {}, {})["d/0.json"])
    assert chunk == [
        ["2025-06-01-plain", "2025-06-01", "제목", "요약", "ko", 0],
        ["2025-05-01-corrected", "2025-05-01", "제목", "요약", "ko", 1],
    ]
