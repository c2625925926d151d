"""On the built site: the outdated notice, the /translations/ page and the guides.

One fixture project holds a brief in every translation state. It is built,
the outdated translation is stamped with ``briefs stamp`` as a translator
would, and it is built again: the notice must be gone.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from support.project import Build, build, copy_project, vocabularies, write_brief

from briefkit.cli import main

pytestmark = pytest.mark.build

STATES = {
    "2025-04-10-outdated": "outdated",
    "2025-03-10-unverified": "unverified",
    "2025-02-10-current": "current",
    "2025-01-10-missing": "missing",
}
BODY = "부산 수출 중소기업 35곳이 참석했다.\n"
OUTDATED_NOTICE = "The Korean original has changed since this translation was made."


def digest(brief_id: str, body: str) -> str:
    joined = f"{brief_id} 제목\n요약입니다.\n{body.rstrip()}"
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:12]


def fixture_briefs(folder: Path) -> Path:
    briefs = vocabularies(folder)
    for brief_id, state in STATES.items():
        front = f'title: "{brief_id} 제목"\ndate: {brief_id[:10]}\nsummary: "요약입니다."\n'
        front += "topics: [export]\nregions: [busan]\n"
        write_brief(briefs, brief_id, "ko", front, BODY)
        if state == "missing":
            continue
        stamp = {"outdated": digest(brief_id, "부산 수출 중소기업 30곳이 참석했다."), "current": digest(brief_id, BODY)}
        en_front = f'title: "{brief_id} in English"\nsummary: "A summary."\n'
        if state in stamp:
            en_front += f'translated_from: "{stamp[state]}"\n'
        write_brief(briefs, brief_id, "en", en_front, "Thirty-five exporters came.\n")
    return briefs


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("translations")
    return copy_project(root / "project", briefs=fixture_briefs(root / "briefs"))


@pytest.fixture(scope="module")
def site(project: Path) -> Build:
    result = build(project)
    assert result.returncode == 0, result.stderr
    return result


def notice(html: str) -> str | None:
    match = re.search(r'<div class="[^"]*brief-notice--outdated[^"]*"[^>]*>(.*?)</div>', html, re.S)
    return match.group(1) if match else None


def test_outdated_translation_shows_a_notice_linking_to_the_source(site: Build) -> None:
    html = site.page("en/briefs/2025-04-10-outdated/")
    found = notice(html)
    assert found is not None and OUTDATED_NOTICE in found
    link = re.search(r'<a href="([^"]+)" hreflang="ko">([^<]+)</a>', found)
    assert link is not None and link.group(2) == "Read the Korean original"
    target = (site.site / "en/briefs/2025-04-10-outdated" / link.group(1)).resolve()
    assert target == (site.site / "briefs/2025-04-10-outdated").resolve()
    assert "2025-04-10-outdated in English" in html  # the translation is still shown, under the notice


@pytest.mark.parametrize("url", [
    "briefs/2025-04-10-outdated/",  # the Korean source page itself
    "en/briefs/2025-03-10-unverified/",  # unverified: nothing shown to readers
    "en/briefs/2025-02-10-current/",
    "en/briefs/2025-01-10-missing/",
])
def test_no_outdated_notice_elsewhere(site: Build, url: str) -> None:
    html = site.page(url)
    assert notice(html) is None
    assert OUTDATED_NOTICE not in html and "이 번역을 만든 뒤 원문이 수정되었습니다" not in html


def rows(html: str) -> dict[str, str]:
    found = re.findall(r'<tr data-brief="([^"]+)" data-lang="en" data-state="([a-z]+)">', html)
    return dict(found)


@pytest.mark.parametrize(("url", "heading", "outdated_label"), [
    ("translations/", "번역 현황", "원문이 바뀐 번역 (1)"),
    ("en/translations/", "Translation status", "Outdated (1)"),
])
def test_translations_page_lists_every_state(site: Build, url: str, heading: str, outdated_label: str) -> None:
    html = site.page(url)
    assert f"<h1>{heading}</h1>" in html
    assert rows(html) == STATES
    assert outdated_label in html
    assert '<meta name="robots" content="noindex">' in html
    row = html[html.index('data-brief="2025-04-10-outdated"'):]
    row = row[:row.index("</tr>")]
    page_dir = site.site / url
    hrefs = [(page_dir / h).resolve() for h in re.findall(r'href="([^"]+)"', row)]
    assert hrefs == [(site.site / "briefs/2025-04-10-outdated").resolve(),
                     (site.site / "en/briefs/2025-04-10-outdated").resolve()]
    assert "<code>briefs/2025/2025-04-10-outdated.ko.md</code>" in row
    assert "<code>briefs/2025/2025-04-10-outdated.en.md</code>" in row


def test_translations_page_is_not_in_the_sitemap(site: Build) -> None:
    sitemap = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/briefs/2025-04-10-outdated/" in sitemap
    assert "translations/" not in sitemap


@pytest.mark.parametrize(("url", "title", "command"), [
    ("guides/publish/", "브리프 게시하기", "briefs new --date 2026-03-12 --slug busan-export-roundtable"),
    ("en/guides/publish/", "Publish a brief", "briefs new --date 2026-03-12 --slug busan-export-roundtable"),
    ("guides/translate/", "브리프 번역하기", "briefs stamp 2024-04-25-daegu-gyeongbuk-ai-manufacturing-roundtable"),
    ("en/guides/translate/", "Translate a brief", "briefs status --lang en"),
])
def test_guides_in_both_languages(site: Build, url: str, title: str, command: str) -> None:
    html = site.page(url)
    assert f"<h1>{title}</h1>" in html
    assert command in html
    assert "make serve" in html


def test_stamping_removes_the_notice(site: Build, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a translator does after updating the text: stamp, build, and the notice is gone."""
    monkeypatch.chdir(project)
    assert main(["stamp", "2025-04-10-outdated"]) == 0
    rebuilt = build(project)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert notice(rebuilt.page("en/briefs/2025-04-10-outdated/")) is None
    assert rows(rebuilt.page("en/translations/"))["2025-04-10-outdated"] == "current"


def test_fixture_corpus_site_lists_the_states_briefs_status_reports(
    sample_build: Build, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The /translations/ page and 'briefs status --json' agree on the fixture corpus (drafts aside)."""
    monkeypatch.chdir(sample_build.project)
    assert main(["status", "--json", "--lang", "en"]) == 0
    reported = json.loads(capsys.readouterr().out)
    expected = {r["id"]: r["state"] for r in reported if not r["draft"]}
    assert rows(sample_build.page("en/translations/")) == expected
    assert rows(sample_build.page("translations/")) == expected
    outdated = [i for i, state in expected.items() if state == "outdated"]
    assert len(outdated) == 1
    assert OUTDATED_NOTICE in sample_build.page(f"en/briefs/{outdated[0]}/")
