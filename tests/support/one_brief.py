"""A project copy holding one brief the test writes (Korean, optionally English): the cache tests' set-up.

``test_cache.py`` and ``test_render_cache.py`` build such a project, change something
(the code, the kept cache, the brief) and build again.
"""

from __future__ import annotations

from pathlib import Path

from support.project import copy_project, vocabularies, write_brief

BRIEF_ID = "2025-01-02-cache-roundtable"
FRONT = """\
title: "캐시 확인 라운드테이블"
date: 2025-01-02
summary: "렌더 캐시를 확인하는 예시 브리프입니다."
topics: [startups]
regions: [seoul]
"""
BODY = "## 첫 번째 주제\n\n본문 문단입니다.\n\n## 두 번째 주제\n\n둘째 문단입니다.\n"
EN_FRONT = """\
title: "Cache check roundtable"
summary: "A sample brief that checks the render cache."
"""
EN_BODY = "## First topic\n\nA body paragraph.\n\n## Second topic\n\nA second paragraph.\n"


def one_brief_project(dest: Path, body: str = BODY, *, english: bool = True) -> Path:
    """``dest/project``: the project with only ``BRIEF_ID`` (``body`` in Korean; English too if ``english``)."""
    briefs = vocabularies(dest / "briefs")
    write_brief(briefs, BRIEF_ID, "ko", FRONT, body)
    if english:
        write_brief(briefs, BRIEF_ID, "en", EN_FRONT, EN_BODY)
    return copy_project(dest / "project", briefs)


def files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative path: two sites or caches compare byte for byte."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
