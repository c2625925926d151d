"""The pipeline end to end: a briefs folder written here becomes a bilingual site.

One production build of a small folder serves most tests; each asserts on the
HTML a reader gets. Further builds cover the failure path, the preview (drafts
shown) and two builds in one process.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.project import Build, build, copy_project, vocabularies, write_brief

pytestmark = pytest.mark.build

HOSTILE = '<script>x</script> & "q"'

ALPHA_KO = """\
title: 스마트공장 확산 라운드테이블
date: 2025-03-04
summary: 중소기업의 스마트공장 도입을 논의했다.
topics: [smart-factory, startups]
regions: [서울]
venue: 서울 중소기업회관
organizers: [중소벤처기업부, 중소기업기술정보진흥원]
speakers:
  - name: 김민준
    role: 원장
    affiliation: 스마트제조연구원
"""
ALPHA_KO_BODY = """\
도입 문단입니다.

## 정책 과제

| 구분 | 내용 |
|:-----|-----:|
| 예산 | 120억 원 |

[중기부](https://www.mss.go.kr/) 누리집을 참고하세요.

<script>alert("body")</script>
<img alt="그림" onerror="alert(1)">
<a href="https://www.mss.go.kr/" onmouseover="alert(1)">위험한 링크</a>
<p onclick="alert(2)" style="color: red">문단</p>
"""
ALPHA_EN = """\
title: Roundtable on spreading smart factories
summary: SMEs discussed adopting smart factories.
venue: SME Hall, Seoul
speakers:
  - name: Kim Min-jun
    role: Director
    affiliation: Smart Manufacturing Institute
"""
BETA_KO = """\
title: 경남 제조업 인력난 간담회
date: 2025-06-01
summary: 경남 제조 현장의 인력난을 다뤘다.
topics: [workforce]
regions: [경남]
"""
GAMMA_KO = f"""\
title: '{HOSTILE}'
date: 2024-12-01
summary: '{HOSTILE} 요약'
topics: [export]
regions: [KR-26]
"""
GAMMA_EN = f"""\
title: '{HOSTILE} EN'
summary: '{HOSTILE} summary'
"""
DRAFT_KO = """\
title: 아직 공개하지 않는 초안
date: 2026-01-01
summary: 초안입니다.
topics: [finance]
regions: [nationwide]
draft: true
"""


def make_briefs(folder: Path) -> Path:
    briefs = vocabularies(folder)
    write_brief(briefs, "2025-03-04-alpha", "ko", ALPHA_KO, ALPHA_KO_BODY)
    write_brief(briefs, "2025-03-04-alpha", "en", ALPHA_EN, "Introduction.\n\n## Policy tasks\n\nText.\n")
    write_brief(
        briefs, "2025-06-01-beta", "ko", BETA_KO, "## 현장 목소리\n\n인력난을 호소했다.\n", folder="nested/deeper"
    )
    write_brief(briefs, "2024-12-01-gamma", "ko", GAMMA_KO)
    write_brief(briefs, "2024-12-01-gamma", "en", GAMMA_EN, "English body.\n")
    write_brief(briefs, "2026-01-01-delta", "ko", DRAFT_KO)
    return briefs


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    tmp = tmp_path_factory.mktemp("pipeline")
    result = build(copy_project(tmp / "project", make_briefs(tmp / "briefs")))
    assert result.returncode == 0, result.stderr
    return result


def text_of(fragment: str) -> str:
    """Visible text of an HTML fragment, white space folded."""
    folded = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())
    return re.sub(r" ([,.])", r"\1", folded)


def listed_ids(page: str) -> list[str]:
    return re.findall(r'class="brief-list__title" href="[^"]*briefs/([^/"]+)/"', page)


def test_brief_page_shows_every_field_in_korean(site: Build) -> None:
    page = site.page("briefs/2025-03-04-alpha/")
    assert '<html lang="ko"' in page
    assert "<h1>스마트공장 확산 라운드테이블</h1>" in page
    text = text_of(page)
    for shown in (
        "2025년 3월 4일",
        "서울 중소기업회관",
        "중소벤처기업부, 중소기업기술정보진흥원",
        "김민준",
        "스마트제조연구원 원장",
        "중소기업의 스마트공장 도입을 논의했다.",
        "도입 문단입니다.",
    ):
        assert shown in text
    assert 'href="../../topics/smart-factory/"' in page
    assert 'href="../../regions/seoul/"' in page  # written as the alias 서울


def test_brief_page_in_english_uses_the_translation(site: Build) -> None:
    page = site.page("en/briefs/2025-03-04-alpha/")
    assert '<html lang="en"' in page
    assert "<h1>Roundtable on spreading smart factories</h1>" in page
    text = text_of(page)
    assert "4 March 2025" in text
    assert "Kim Min-jun, Director, Smart Manufacturing Institute" in text
    # organizers are not translated: the Korean ones are shown, marked as Korean
    assert re.search(r'<dd lang="ko">중소벤처기업부, 중소기업기술정보진흥원</dd>', page)
    assert 'href="../../../en/topics/smart-factory/"' in page or 'href="../../topics/smart-factory/"' in page
    assert "no-translation" not in page and "brief-notice--missing" not in page


def test_language_switch_leads_to_the_same_brief(site: Build) -> None:
    ko = site.page("briefs/2025-03-04-alpha/")
    en = site.page("en/briefs/2025-03-04-alpha/")
    assert re.search(r'href="\.\./\.\./en/briefs/2025-03-04-alpha/" hreflang="en"', ko)
    assert re.search(r'href="\.\./\.\./\.\./briefs/2025-03-04-alpha/" hreflang="ko"', en)


def test_korean_only_brief_has_an_english_page_marked_korean(site: Build) -> None:
    page = site.page("en/briefs/2025-06-01-beta/")
    assert '<html lang="en"' in page
    notice = re.search(r'<div class="[^"]*brief-notice--missing[^"]*"[^>]*>(.*?)</div>', page, re.S)
    assert notice and "No English translation" in text_of(notice.group(1))
    assert '<h1 lang="ko">경남 제조업 인력난 간담회</h1>' in page
    body = re.search(r'<div class="brief-body" lang="ko">(.*?)</div>', page, re.S)
    assert body and "인력난을 호소했다." in body.group(1)
    assert page.index("brief-notice--missing") < page.index('<h1 lang="ko">')


def test_home_lists_briefs_newest_first_in_both_languages(site: Build) -> None:
    expected = ["2025-06-01-beta", "2025-03-04-alpha", "2024-12-01-gamma"]
    assert listed_ids(site.page("")) == expected
    english_home = site.page("en/")
    assert listed_ids(english_home) == expected
    # the Korean-only brief is listed on the English home, in Korean, linking under /en/
    assert re.search(r'href="briefs/2025-06-01-beta/" lang="ko">경남 제조업 인력난 간담회</a>', english_home)


def test_drafts_are_left_out_of_the_production_build(site: Build) -> None:
    assert not (site.site / "briefs" / "2026-01-01-delta").exists()
    assert not (site.site / "en" / "briefs" / "2026-01-01-delta").exists()
    for page in ("", "en/", "archive/", "topics/finance/", "regions/nationwide/"):
        assert "2026-01-01-delta" not in site.page(page)
    assert "초안" not in site.page("topics/finance/")


def test_typed_text_is_escaped_everywhere_it_lands(site: Build) -> None:
    page = site.page("briefs/2024-12-01-gamma/")
    assert "<script>x</script>" not in page
    heading = re.search(r"<h1>(.*?)</h1>", page)
    assert heading and "<" not in heading.group(1) and html.unescape(heading.group(1)) == HOSTILE
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and html.unescape(title.group(1)).startswith(HOSTILE)
    description = re.search(r'<meta name="description" content="([^"]*)"', page)
    assert description and html.unescape(description.group(1)) == f"{HOSTILE} 요약"
    for listing in ("", "en/", "topics/export/", "regions/busan/", "archive/"):
        assert "<script>x</script>" not in site.page(listing)
    english_titles = re.findall(r'class="brief-list__title"[^>]*>([^<]*)</a>', site.page("en/"))
    assert HOSTILE + " EN" in [html.unescape(t) for t in english_titles]


def test_body_html_is_sanitised_and_markdown_kept(site: Build) -> None:
    page = site.page("briefs/2025-03-04-alpha/")
    body = re.search(r'<div class="brief-body">(.*?)</div>\s*(?:<section|</article>)', page, re.S)
    assert body
    content = body.group(1)
    assert "<script" not in content and 'alert("body")' not in content
    assert "onerror" not in content and "onclick" not in content and "onmouseover" not in content
    assert "color: red" not in content
    assert '<img alt="그림">' in content  # a missing image or a javascript: link stops the build (test_references.py)
    assert "<table>" in content and re.search(r'<td style="text-align: ?right;?">120억 원</td>', content)
    assert '<a href="https://www.mss.go.kr/"' in content and ">중기부</a>" in content


def test_korean_headings_get_readable_ids(site: Build) -> None:
    page = site.page("briefs/2025-03-04-alpha/")
    assert re.search(r'<h2 id="정책-과제">정책 과제', page)
    assert 'id="_1"' not in page


def test_a_bad_brief_fails_the_build_and_writes_nothing(tmp_path: Path) -> None:
    briefs = make_briefs(tmp_path / "briefs")
    write_brief(
        briefs,
        "2025-07-01-broken",
        "ko",
        BETA_KO.replace("2025-06-01", "2025-07-01").replace("[workforce]", "[workforse]"),
    )
    write_brief(briefs, "2025-07-01-broken", "en", "title: x\nsummary: y\ntopics: [export]\n")
    result = build(copy_project(tmp_path / "project", briefs))
    assert result.returncode != 0
    assert (
        "briefs/2025/2025-07-01-broken.ko.md:5: topics: unknown topic 'workforse' (did you mean 'workforce'?)"
        in result.stderr
    )
    assert re.search(
        r"briefs/2025/2025-07-01-broken\.en\.md:4: topics: .*edit briefs/2025/2025-07-01-broken\.ko\.md", result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not result.site.exists() or not any(result.site.rglob("*.html"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serving(project: Path) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(url, timeout=2).read()
                break
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_preview_shows_drafts_with_a_banner(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", make_briefs(tmp_path / "briefs"))
    with serving(project) as url:
        page = urllib.request.urlopen(url + "briefs/2026-01-01-delta/", timeout=10).read().decode()
        home = urllib.request.urlopen(url, timeout=10).read().decode()
    banner = re.search(r'class="brief-banner brief-banner--draft"[^>]*>([^<]*)<', page)
    assert banner and "초안" in banner.group(1)
    assert "2026-01-01-delta" in home


IN_PROCESS_BUILD = """
import sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
for project in sys.argv[1:]:
    config = load_config(str(Path(project) / "mkdocs.yml"), site_dir=str(Path(project) / "site"))
    build(config)
"""


def test_two_builds_in_one_process_do_not_share_state(tmp_path: Path) -> None:
    first = copy_project(tmp_path / "first", make_briefs(tmp_path / "briefs-1"))
    other = vocabularies(tmp_path / "briefs-2")
    write_brief(
        other, "2023-05-05-solo", "ko", BETA_KO.replace("2025-06-01", "2023-05-05").replace("경남 제조업", "부산 수출")
    )
    second = copy_project(tmp_path / "second", other)
    proc = subprocess.run(
        [sys.executable, "-c", IN_PROCESS_BUILD, str(first), str(second)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert listed_ids((first / "site" / "index.html").read_text()) == [
        "2025-06-01-beta",
        "2025-03-04-alpha",
        "2024-12-01-gamma",
    ]
    second_home = (second / "site" / "index.html").read_text()
    assert listed_ids(second_home) == ["2023-05-05-solo"]
    assert listed_ids((second / "site" / "en" / "index.html").read_text()) == ["2023-05-05-solo"]
    assert not (second / "site" / "briefs" / "2025-03-04-alpha").exists()
    assert (
        "부산 수출 인력난 간담회" in (second / "site" / "en" / "briefs" / "2023-05-05-solo" / "index.html").read_text()
    )


def test_the_fixture_corpus_builds_with_the_seed_roundtable(sample_build: Build) -> None:
    ko = sample_build.page("briefs/2025-05-13-regional-innovation-roundtable/")
    en = sample_build.page("en/briefs/2025-05-13-regional-innovation-roundtable/")
    assert "지역혁신 라운드테이블" in text_of(ko) and "2025년 5월 13일" in text_of(ko)
    assert "Regional Innovation Roundtable" in text_of(en) and "13 May 2025" in text_of(en)
