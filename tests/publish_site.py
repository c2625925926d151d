"""A built site for the publishing tests: a hostile brief, a Korean-only brief, a hidden page.

``hostile_build`` (session fixture) builds a project whose briefs are:

- ``HOSTILE_ID``: every writer-typed field in both languages is ``HOSTILE``
  (markup, an ampersand and quotes), the summary starts with ``=`` as a
  spreadsheet formula would;
- ``KOREAN_ONLY_ID``: no English file (its English page shows the Korean text);
- ``ENGLISH_ID``: Korean and English, nothing unusual.

and ``docs/hidden.{ko,en}.md`` say ``robots: noindex``. Import the fixture
into a test module: ``from publish_site import hostile_build``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.project import Build, build, copy_project, vocabularies, write_brief

HOSTILE = '<script>x</script> & "q"'
HOSTILE_ID = "2025-07-01-hostile-roundtable"
KOREAN_ONLY_ID = "2025-06-01-korean-only-roundtable"
ENGLISH_ID = "2025-05-01-bilingual-roundtable"
HIDDEN_PAGE = "hidden"
SITE_URL = "https://briefs.test/sub/"

_HOSTILE_FRONT = """
    title: '{h}'
    summary: '={h}'
    venue: '{h}'
    organizers: ['{h}']
    speakers:
      - name: '{h}'
        role: '{h}'
        affiliation: '{h}'
"""


def write_publish_briefs(briefs: Path) -> Path:
    vocabularies(briefs)
    front = _HOSTILE_FRONT.format(h=HOSTILE)
    structure = "    date: 2025-07-01\n    topics: [startups]\n    regions: [seoul]\n"
    write_brief(briefs, HOSTILE_ID, "ko", front + structure, f"본문 {HOSTILE}\n")
    write_brief(briefs, HOSTILE_ID, "en", front, f"Body {HOSTILE}\n")
    write_brief(briefs, KOREAN_ONLY_ID, "ko", """
        title: 한국어만 있는 브리프
        date: 2025-06-01
        summary: 영어 번역이 아직 없는 브리프입니다.
        topics: [startups, workforce]
        regions: [busan]
    """)
    write_brief(briefs, ENGLISH_ID, "ko", """
        title: 두 언어 브리프
        date: 2025-05-01
        summary: 두 언어로 쓴 브리프입니다.
        topics: [workforce]
        regions: [nationwide]
    """)
    write_brief(briefs, ENGLISH_ID, "en", """
        title: A bilingual brief
        summary: A brief written in both languages.
    """, "Body, with [a source](https://example.org/source).\n")
    return briefs


def publish_project(dest: Path) -> Path:
    project = copy_project(dest / "project", write_publish_briefs(dest / "briefs"))
    for lang, title in (("ko", "숨긴 페이지"), ("en", "Hidden page")):
        (project / "docs" / f"{HIDDEN_PAGE}.{lang}.md").write_text(
            f"---\ntitle: {title}\nrobots: noindex\n---\n\n{title}.\n", encoding="utf-8"
        )
    return project


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(publish_project(tmp_path_factory.mktemp("publish")), env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return result
