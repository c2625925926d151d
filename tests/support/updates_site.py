"""A built site for the licence, updates and structured-data tests (``updates_build``, session fixture).

Its briefs (under ``SITE_URL``, with the site's default licence left as shipped, ``kogl-1``):

- ``CORRECTED_ID``: Korean source with two updates, English translation giving the first
  note only (the second is shown in Korean on the English page); the default licence.
- ``HOSTILE_ID``: ``license: kogl-3``, no updates; every title and summary is ``HOSTILE``
  (markup that would close a ``<script>``, an ampersand and quotes), in both languages.
- ``KOREAN_ONLY_ID``: ``license: kogl-4``, no English file, one update.

Import the fixture into a test module: ``from support.updates_site import updates_build``.
``SOURCE``: a plain Korean source's front matter, to which a test adds ``license`` or ``updates``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.project import Build, build, copy_project, vocabularies, write_brief

SITE_URL = "https://briefs.test/sub/"
HOSTILE = '</script><script>alert(1)</script> & "q" <!--'
CORRECTED_ID = "2025-05-01-corrected-roundtable"
HOSTILE_ID = "2025-06-01-kogl3-roundtable"
KOREAN_ONLY_ID = "2025-04-01-kogl4-roundtable"
NOTE_1_KO = "3쪽의 수출액을 12억 원에서 21억 원으로 바로잡았습니다."
NOTE_1_EN = "Corrected the export figure on page 3 from KRW 1.2 billion to KRW 2.1 billion."
NOTE_2_KO = "발표자 소속을 고쳤습니다."
NOTE_KO_ONLY = "개최 장소를 바로잡았습니다."
# The front matter of a plain Korean source (2025-05-01, no licence, no updates), for tests that add a field.
SOURCE = """
    title: 제목
    date: 2025-05-01
    summary: 요약입니다.
    topics: [startups]
    regions: [seoul]
"""


def write_update_briefs(briefs: Path) -> Path:
    vocabularies(briefs)
    write_brief(briefs, CORRECTED_ID, "ko", f"""
        title: 수정된 라운드테이블
        date: 2025-05-01
        summary: 발표 뒤 두 번 고친 브리프입니다.
        topics: [startups]
        regions: [seoul, busan]
        updates:
          - date: 2025-05-03
            note: {NOTE_1_KO}
          - date: 2025-05-20
            note: {NOTE_2_KO}
    """)
    write_brief(briefs, CORRECTED_ID, "en", f"""
        title: A corrected roundtable
        summary: A brief corrected twice after publication.
        updates:
          - note: {NOTE_1_EN}
    """, "Body.\n")
    hostile = HOSTILE.replace("'", "''")
    write_brief(briefs, HOSTILE_ID, "ko", f"""
        title: '{hostile}'
        date: 2025-06-01
        summary: '{hostile}'
        topics: [workforce]
        regions: [nationwide]
        license: kogl-3
    """)
    write_brief(briefs, HOSTILE_ID, "en", f"""
        title: '{hostile}'
        summary: '{hostile}'
    """, "Body.\n")
    write_brief(briefs, KOREAN_ONLY_ID, "ko", f"""
        title: 한국어만 있는 제4유형 브리프
        date: 2025-04-01
        summary: 영어 번역이 아직 없습니다.
        topics: [startups]
        regions: [busan]
        license: kogl-4
        updates:
          - date: 2025-04-02
            note: {NOTE_KO_ONLY}
    """)
    return briefs


@pytest.fixture(scope="session")
def updates_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    # Each module importing this fixture gets its own copy of it: the site is built once per
    # session (per xdist worker) in a fixed folder of the session's temporary root, and reused.
    base = tmp_path_factory.getbasetemp() / "updates-site"
    built = base / "built"
    if not built.exists():
        project = copy_project(base / "project", write_update_briefs(base / "briefs"))
        result = build(project, env={"SITE_URL": SITE_URL})
        assert result.returncode == 0, result.stderr
        built.touch()
    project = base / "project"
    return Build(project, project / "site", 0, "", "")
