"""``briefs verify-site``: a built site checked against its briefs folder.

One fixture folder (two bilingual briefs, two Korean-only, one draft) is built
once; each test copies the built site, breaks one thing a content check must
catch, and reads the messages ``verify-site`` prints.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from support.project import Build, build, copy_built, copy_project, vocabularies, write_brief

from briefkit.catalog import load_catalog
from briefkit.site_pages import resolve
from briefkit.verify_site import verify_site

pytestmark = pytest.mark.build

FIRST, SECOND = "2025-04-01-first-roundtable", "2025-05-02-second-roundtable"
KOREAN_ONLY, DRAFT = "2025-06-03-korean-only-roundtable", "2025-07-04-draft-roundtable"
FOLLOW_UP = DRAFT + "-follow-up"  # published; its id starts with the draft's


def _first_slug(vocabulary: Path) -> str:
    """The first term of a fixture vocabulary: the tests need one, whichever it is."""
    return str(yaml.safe_load(vocabulary.read_text(encoding="utf-8"))[0]["slug"])


def _front(briefs: Path, title: str, date: str, extra: str = "") -> str:
    topic, region = _first_slug(briefs / "topics.yml"), _first_slug(briefs / "regions.yml")
    return f"title: {title}\ndate: {date}\nsummary: {title}의 요약.\ntopics: [{topic}]\nregions: [{region}]\n{extra}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    folder = tmp_path_factory.mktemp("verify")
    briefs = vocabularies(folder / "briefs")
    body = "## 논의\n\n[두 번째 브리프](#논의)를 보라.\n"
    for brief_id, title in ((FIRST, "첫째"), (SECOND, "둘째")):
        write_brief(briefs, brief_id, "ko", _front(briefs, title, brief_id[:10]), body)
        write_brief(briefs, brief_id, "en", f"title: {title} in English\nsummary: Summary.", "## Talk\n\nText.\n")
    write_brief(briefs, KOREAN_ONLY, "ko", _front(briefs, "한국어만", KOREAN_ONLY[:10]), body)
    write_brief(briefs, DRAFT, "ko", _front(briefs, "초안", DRAFT[:10], "draft: true"), body)
    write_brief(briefs, FOLLOW_UP, "ko", _front(briefs, "후속", FOLLOW_UP[:10]), body)
    result = build(copy_project(folder / "project", briefs))
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def site(built: Build, tmp_path: Path) -> Path:
    return copy_built(built.site, tmp_path / "site")


def _problems(built: Build, site: Path) -> list[str]:
    catalog = load_catalog(built.project / "briefs")
    assert not catalog.problems
    return [str(p) for p in verify_site(site, catalog, "site")]


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_the_built_site_passes(built: Build, site: Path) -> None:
    assert _problems(built, site) == []
    assert (site / "briefs" / FOLLOW_UP / "index.html").is_file()  # not taken for the draft it starts like


def test_command_exits_0_and_says_what_it_checked(built: Build) -> None:
    result = subprocess.run([sys.executable, "-m", "briefkit.cli", "verify-site", "site"],
                            cwd=built.project, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("site: 4 published briefs")


def test_command_exits_1_with_one_line_per_problem(built: Build, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(built.project / "briefs", project / "briefs")
    copy_built(built.site, project / "site")
    (project / "site" / "en" / "briefs" / FIRST / "index.html").unlink()
    _edit(project / "site" / "index.html", 'href="archive/"', 'href="archives/"')
    result = subprocess.run([sys.executable, "-m", "briefkit.cli", "verify-site"],
                            cwd=project, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert f"site/en/briefs/{FIRST}/index.html:1: pages: missing: the en page of briefs/2025/{FIRST}.ko.md" \
           " was not built" in lines
    assert any(re.fullmatch(r"site/index\.html:\d+: link: 'archives/' leads to no page or file of the site", line)
               for line in lines), lines
    assert lines[-1].endswith("do not publish it.")


def test_command_stops_on_a_briefs_folder_with_problems(built: Build, tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    shutil.copytree(built.project / "briefs", briefs)
    topic = _first_slug(briefs / "topics.yml")
    _edit(briefs / "2025" / f"{FIRST}.ko.md", f"topics: [{topic}]", "topics: [no-such-topic]")
    result = subprocess.run([sys.executable, "-m", "briefkit.cli", "verify-site", str(built.site), "--briefs",
                             str(briefs)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert f"{FIRST}.ko.md:5: topics: unknown topic 'no-such-topic'" in result.stderr


def _missing_korean_page(site: Path) -> None:
    shutil.rmtree(site / "briefs" / SECOND)


def _draft_page(site: Path) -> None:
    (site / "briefs" / DRAFT).mkdir()
    (site / "briefs" / DRAFT / "index.html").write_text('<html lang="ko"><body>초안</body></html>', encoding="utf-8")


def _draft_in_feed(site: Path) -> None:
    _edit(site / "feed.xml", "</feed>",
          f'<entry><link rel="alternate" href="https://briefs.example.org/briefs/{DRAFT}/" /></entry></feed>')


def _draft_in_sitemap(site: Path) -> None:
    _edit(site / "sitemap.xml", "</urlset>", f"<url><loc>https://briefs.example.org/briefs/{DRAFT}/</loc></url></urlset>")


def _draft_in_data(site: Path) -> None:
    path = site / "data" / "briefs.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["briefs"].append({**document["briefs"][0], "id": DRAFT})
    document["count"] += 1
    path.write_text(json.dumps(document), encoding="utf-8")


def _draft_in_search(site: Path) -> None:
    chunk = site / "search" / "index" / "en" / "d" / "0.json"
    rows = json.loads(chunk.read_text(encoding="utf-8"))
    chunk.write_text(json.dumps([*rows, [DRAFT, "2025-07-04", "Draft", "", "ko"]]), encoding="utf-8")


def _brief_left_out_of_feed(site: Path) -> None:
    text = (site / "en" / "feed.xml").read_text(encoding="utf-8")
    entry = re.search(r"\s*<entry>.*?</entry>", text, re.DOTALL)
    assert entry
    (site / "en" / "feed.xml").write_text(text.replace(entry.group(0), "", 1), encoding="utf-8")


def _korean_only_in_english_feed(site: Path) -> None:
    _edit(site / "en" / "feed.xml", "</feed>",
          f'<entry><id>x</id><title>x</title><updated>2025-06-03T00:00:00+09:00</updated>'
          f'<link rel="alternate" href="https://briefs.example.org/en/briefs/{KOREAN_ONLY}/" /></entry></feed>')


def _feed_not_xml(site: Path) -> None:
    _edit(site / "en" / "feed.xml", "</feed>", "")


def _feed_without_updated(site: Path) -> None:
    text = (site / "en" / "topics" / "index.html").read_text(encoding="utf-8")
    first_term = re.search(r'class="term-list__item">\s*<a href="([^"]+/)"', text)
    assert first_term
    feed = site / "en" / "topics" / first_term.group(1) / "feed.xml"
    _edit(feed, "<updated>", "<published>")
    _edit(feed, "</updated>", "</published>")


def _brief_left_out_of_sitemap(site: Path) -> None:
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    url = re.search(rf"\s*<url>\s*<loc>[^<]*/en/briefs/{SECOND}/</loc>.*?</url>", text, re.DOTALL)
    assert url
    (site / "sitemap.xml").write_text(text.replace(url.group(0), ""), encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress((site / "sitemap.xml").read_bytes()))


def _stale_gzip_sitemap(site: Path) -> None:
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset/>"))


def _brief_left_out_of_csv(site: Path) -> None:
    path = site / "data" / "briefs.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    path.write_text("\ufeff" + "".join(line for line in lines if not line.startswith(FIRST)), encoding="utf-8")


def _count_wrong(site: Path) -> None:
    _edit(site / "data" / "briefs.json", '"count": 4', '"count": 5')


def _brief_left_out_of_search(site: Path) -> None:
    chunk = site / "search" / "index" / "ko" / "d" / "0.json"
    rows = json.loads(chunk.read_text(encoding="utf-8"))
    chunk.write_text(json.dumps([r for r in rows if r[0] != KOREAN_ONLY]), encoding="utf-8")


def _broken_link(site: Path) -> None:
    page = site / "en" / "topics" / "index.html"
    first_term = re.search(r'class="term-list__item">\s*<a href="([^"]+/)"', page.read_text(encoding="utf-8"))
    assert first_term
    _edit(page, f'href="{first_term.group(1)}"', 'href="no-such-topic/"')


def _broken_anchor(site: Path) -> None:
    _edit(site / "briefs" / FIRST / "index.html", 'href="#논의"', 'href="#토론"')


def _no_lang(site: Path) -> None:
    _edit(site / "en" / "archive" / "index.html", '<html lang="en"', "<html")


def _wrong_lang(site: Path) -> None:
    _edit(site / "en" / "search" / "index.html", '<html lang="en"', '<html lang="ko"')


def _fallback_text_unmarked(site: Path) -> None:
    path = site / "en" / "briefs" / KOREAN_ONLY / "index.html"
    head, _, body = path.read_text(encoding="utf-8").partition("<body")
    path.write_text(head + "<body" + body.replace(' lang="ko"', ""), encoding="utf-8")


def _page_of_a_deleted_brief(site: Path) -> None:
    shutil.copytree(site / "briefs" / FIRST, site / "briefs" / "2020-01-01-deleted-roundtable")


BREAKAGES: dict[str, tuple[Callable[[Path], None], str]] = {
    "missing page": (_missing_korean_page, f"site/briefs/{SECOND}/index.html:1: pages: missing: the ko page of"),
    "draft page": (_draft_page, f"site/briefs/{DRAFT}/index.html:1: draft: the draft briefs/2025/{DRAFT}.ko.md"),
    "draft in feed": (_draft_in_feed, f"site/feed.xml:1: feed: lists '{DRAFT}', a draft"),
    "draft in sitemap": (_draft_in_sitemap, f"site/sitemap.xml:1: sitemap: lists '{DRAFT}', a draft"),
    "draft in data": (_draft_in_data, f"site/data/briefs.json:1: data: lists '{DRAFT}', a draft"),
    "draft in search": (_draft_in_search, "site/search/index/en/d/0.json:1: draft: names the draft"),
    "feed leaves out": (_brief_left_out_of_feed, f"site/en/feed.xml:1: feed: leaves out briefs/2025/{SECOND}.ko.md"),
    "Korean-only in English feed": (_korean_only_in_english_feed, f"site/en/feed.xml:1: feed: lists '{KOREAN_ONLY}',"
                                    " which has no en text"),
    "feed not XML": (_feed_not_xml, "site/en/feed.xml:"),
    "feed not Atom": (_feed_without_updated, "feed: the feed has no <updated> (Atom requires one)"),
    "sitemap leaves out": (_brief_left_out_of_sitemap, f"sitemap: leaves out briefs/2025/{SECOND}.ko.md"),
    "stale sitemap.gz": (_stale_gzip_sitemap, "site/sitemap.xml.gz:1: sitemap: differs from sitemap.xml"),
    "csv leaves out": (_brief_left_out_of_csv, f"site/data/briefs.csv:1: data: leaves out briefs/2025/{FIRST}.ko.md"),
    "count wrong": (_count_wrong, "site/data/briefs.json:1: data: count says 5, the list has 4"),
    "search leaves out": (_brief_left_out_of_search, f"site/search/index/ko/:1: search: leaves out briefs/2025/"
                          f"{KOREAN_ONLY}.ko.md"),
    "broken link": (_broken_link, "link: 'no-such-topic/' leads to no page or file of the site"),
    "broken anchor": (_broken_anchor, f"anchor: '#토론': briefs/{FIRST}/index.html has no element with id '토론' "
                      f"(in briefs/2025/{FIRST}.ko.md)"),
    "no lang": (_no_lang, 'site/en/archive/index.html:1: lang: the page has no language (<html lang="en"> expected)'),
    "wrong lang": (_wrong_lang, 'site/en/search/index.html:1: lang: the page says lang="ko", its folder is en'),
    "fallback unmarked": (_fallback_text_unmarked, f"site/en/briefs/{KOREAN_ONLY}/index.html:1: lang: shows the ko "
                          f'text of briefs/2025/{KOREAN_ONLY}.ko.md without marking it lang="ko"'),
    "deleted brief": (_page_of_a_deleted_brief, "pages: a page for '2020-01-01-deleted-roundtable', which is not in"),
}


@pytest.mark.parametrize("name", list(BREAKAGES))
def test_each_broken_invariant_is_caught(built: Build, site: Path, name: str) -> None:
    breakage, expected = BREAKAGES[name]
    breakage(site)
    problems = _problems(built, site)
    assert any(expected in problem for problem in problems), "\n".join(problems)
    assert all(re.match(r"site/\S*:\d+: [a-z]+: ", p) for p in problems), problems


def test_no_built_site_is_one_clear_problem(built: Build, tmp_path: Path) -> None:
    assert _problems(built, tmp_path) == [
        "site/index.html:1: site: no home page: is this a built site? (run: mkdocs build --strict)"
    ]


@pytest.mark.parametrize(("url", "page", "site_url", "expected"), [
    ("../b/#h", "https://ex.org/en/a/", "https://ex.org/", ("en/b/index.html", "h")),
    ("#%EB%85%BC%EC%9D%98", "https://ex.org/briefs/x/", "https://ex.org/", ("briefs/x/index.html", "논의")),
    ("feed.xml?x=1", "https://ex.org/sub/en/", "https://ex.org/sub/", ("en/feed.xml", "")),
    (".", "https://ex.org/sub/404.html", "https://ex.org/sub/", ("index.html", "")),
    ("../../../x/", "https://ex.org/en/", "https://ex.org/", ("x/index.html", "")),  # a browser stops at the root
    ("../../x/", "https://ex.org/sub/en/", "https://ex.org/sub/", ("../x/", "")),  # above the site: never exists
    ("/sub/topics/", "https://ex.org/sub/en/", "https://ex.org/sub/", ("topics/index.html", "")),
    ("https://ex.org/sub/en/", "https://ex.org/sub/", "https://ex.org/sub/", ("en/index.html", "")),
])
def test_links_resolve_as_a_browser_resolves_them(url: str, page: str, site_url: str,
                                                   expected: tuple[str, str]) -> None:
    target = resolve(url, page, site_url)
    assert target is not None and (target.file, target.fragment) == expected


@pytest.mark.parametrize("url", ["https://other.example/", "mailto:a@b.kr", "data:image/png;base64,AA", "//cdn.x/a"])
def test_links_leaving_the_site_are_not_followed(url: str) -> None:
    assert resolve(url, "https://ex.org/en/", "https://ex.org/") is None
