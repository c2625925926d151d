"""Topic, region and year indexes, the region map's data, and related briefs.

One small briefs folder, written here, is built once for the module; every
assertion reads the built HTML the way a reader would meet it. The fixture
corpus's build (``sample_build``) is checked for dead links from every index page.
"""

from __future__ import annotations

import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from support.project import CORPUS, Build, build, copy_project, vocabularies, write_brief

from briefkit.catalog import load_catalog
from briefkit.regions_map import TILES, region_map, shade_steps
from briefkit.site import SiteView

pytestmark = pytest.mark.build

A, B, C, D, E = (
    "2024-03-05-alpha-roundtable",
    "2024-11-20-beta-roundtable",
    "2025-01-15-gamma-roundtable",
    "2025-06-30-delta-roundtable",  # a draft
    "2023-07-01-epsilon-roundtable",
)


def _write_briefs(briefs: Path) -> Path:
    vocabularies(briefs)
    write_brief(briefs, A, "ko", "title: 알파 창업 간담회\ndate: 2024-03-05\nsummary: 알파 요약.\n"
                "topics: [startups]\nregions: [서울]")
    write_brief(briefs, A, "en", "title: Alpha startup roundtable\nsummary: Alpha summary.")
    # No English file: English lists show the Korean title, marked lang="ko".
    write_brief(briefs, B, "ko", "title: 베타 금융 간담회\ndate: 2024-11-20\nsummary: 베타 요약.\n"
                "topics: [startups, finance]\nregions: [Seoul]")
    write_brief(briefs, C, "ko", "title: 감마 수출 간담회\ndate: 2025-01-15\nsummary: 감마 요약.\n"
                "topics: [export]\nregions: [KR-11, 부산, seoul]")
    write_brief(briefs, C, "en", "title: Gamma export roundtable\nsummary: Gamma summary.")
    write_brief(briefs, D, "ko", "title: 델타 초안\ndate: 2025-06-30\nsummary: 델타 요약.\ntopics: [startups]\n"
                "regions: [seoul, jeju]\ndraft: true")
    write_brief(briefs, D, "en", "title: Delta draft\nsummary: Delta summary.")
    write_brief(briefs, E, "ko", "title: 엡실론 금융 간담회\ndate: 2023-07-01\nsummary: 엡실론 요약.\n"
                "topics: [finance]\nregions: [South Gyeongsang, busan]", folder="old")
    write_brief(briefs, E, "en", "title: Epsilon finance roundtable\nsummary: Epsilon summary.", folder="old")
    return briefs


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("indexes")
    result = build(copy_project(root / "project", _write_briefs(root / "briefs")))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return result


def article(html: str) -> str:
    start, end = html.index('<article class="md-content__inner'), html.index("</article>")
    return html[start:end]


def listed(html: str) -> list[tuple[str, str]]:
    """The briefs a page lists, in order: (link as written, title)."""
    return [(href, unescape(title.replace("<wbr>", ""))) for href, title in
            re.findall(r'class="brief-list__title" href="([^"]+)"[^>]*>((?:[^<]|<wbr>)*)</a>', article(html))]


def listed_ids(html: str) -> list[str]:
    return [href.rstrip("/").split("/")[-1] for href, _ in listed(html)]


def text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))).strip()


# Topic and region pages -------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_region_page_lists_its_briefs_newest_first_drafts_left_out(small: Build, prefix: str) -> None:
    assert listed_ids(small.page(prefix + "regions/seoul/")) == [C, B, A]
    assert listed_ids(small.page(prefix + "regions/busan/")) == [C, E]
    assert listed_ids(small.page(prefix + "regions/gyeongnam/")) == [E]
    assert listed_ids(small.page(prefix + "topics/startups/")) == [B, A]
    assert listed_ids(small.page(prefix + "topics/finance/")) == [B, E]


def test_term_pages_show_titles_in_the_page_language_with_counts(small: Build) -> None:
    assert listed(small.page("regions/seoul/")) == [
        (f"../../briefs/{C}/", "감마 수출 간담회"), (f"../../briefs/{B}/", "베타 금융 간담회"),
        (f"../../briefs/{A}/", "알파 창업 간담회"),
    ]
    en = small.page("en/regions/seoul/")
    assert listed(en) == [
        (f"../../briefs/{C}/", "Gamma export roundtable"), (f"../../briefs/{B}/", "베타 금융 간담회"),
        (f"../../briefs/{A}/", "Alpha startup roundtable"),
    ]
    assert f'href="../../briefs/{B}/" lang="ko"' in en  # the untranslated brief is marked as Korean
    assert "<h1>서울특별시</h1>" in small.page("regions/seoul/")
    assert "<h1>Seoul</h1>" in en
    assert '<p class="term-count">브리프 3건</p>' in small.page("regions/seoul/")
    assert '<p class="term-count">3 briefs</p>' in en
    assert '<p class="term-count">1 brief</p>' in small.page("en/regions/gyeongnam/")
    assert "Policies that help small and medium-sized manufacturers" in small.page("en/topics/ai-manufacturing/")


@pytest.mark.parametrize(("prefix", "empty"), [("", "이 항목에는 아직 발표된 브리프가 없습니다."),
                                               ("en/", "No brief has been published under this heading yet.")])
def test_a_term_without_published_briefs_has_a_page_that_says_so(small: Build, prefix: str, empty: str) -> None:
    # Jeju's only brief is a draft; no brief is about regulation.
    for path in ("regions/jeju/", "topics/regulation/", "regions/nationwide/"):
        page = article(small.page(prefix + path))
        assert listed_ids(small.page(prefix + path)) == []
        assert f'<p class="brief-list__empty">{empty}</p>' in page
        assert ("브리프 0건" if not prefix else "0 briefs") in page


def test_every_vocabulary_term_has_a_page_in_both_languages(small: Build) -> None:
    for kind in ("topics", "regions"):
        slugs = re.findall(r"^- slug: (\S+)$", (small.project / "briefs" / f"{kind}.yml").read_text(), re.M)
        assert len(slugs) == (18 if kind == "regions" else 12)
        for slug in slugs:
            assert (small.site / kind / slug / "index.html").is_file()
            assert (small.site / "en" / kind / slug / "index.html").is_file()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_aliases_codes_and_labels_lead_to_one_region_page(small: Build, prefix: str) -> None:
    # A wrote 서울, B Seoul, C KR-11 and seoul: each brief page links to /regions/seoul/, once.
    for brief_id in (A, B, C):
        page = small.page(f"{prefix}briefs/{brief_id}/")
        regions = re.search(r'<ul class="term-links term-links--regions">(.*?)</ul>', page, re.S)
        assert regions is not None
        assert re.findall(r'href="([^"]+)"', regions.group(1)).count("../../regions/seoul/") == 1
    region_dirs = {p.name for p in (small.site / prefix / "regions").iterdir() if p.is_dir()}
    assert len(region_dirs) == 18
    assert not {"서울", "Seoul", "KR-11"} & region_dirs


def test_brief_pages_link_their_labels_to_term_pages_in_the_page_language(small: Build) -> None:
    def term_links(path: str, kind: str) -> list[tuple[str, str]]:
        found = re.search(rf'<ul class="term-links term-links--{kind}">(.*?)</ul>', small.page(path), re.S)
        assert found is not None
        return [(href, unescape(label)) for href, label in
                re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', found.group(1))]

    assert term_links(f"briefs/{C}/", "topics") == [("../../topics/export/", "수출·해외진출")]
    assert term_links(f"briefs/{C}/", "regions") == [("../../regions/seoul/", "서울특별시"),
                                                     ("../../regions/busan/", "부산광역시")]
    assert term_links(f"en/briefs/{C}/", "topics") == [("../../topics/export/", "Exports and Global Expansion")]
    assert term_links(f"en/briefs/{C}/", "regions") == [("../../regions/seoul/", "Seoul"),
                                                        ("../../regions/busan/", "Busan")]


def test_language_switch_on_a_term_page_leads_to_the_same_term(small: Build) -> None:
    switch = re.compile(r'<a href="([^"]+)" hreflang="(ko|en)"[^>]*class="md-select__link"')
    assert switch.findall(small.page("regions/seoul/")) == [("./", "ko"), ("../../en/regions/seoul/", "en")]
    assert switch.findall(small.page("en/topics/startups/")) == [("../../../topics/startups/", "ko"), ("./", "en")]
    assert switch.findall(small.page("en/regions/")) == [("../../regions/", "ko"), ("./", "en")]


@pytest.mark.parametrize(("prefix", "counts"), [
    ("", {"창업·벤처": "브리프 2건", "금융·투자": "브리프 2건", "수출·해외진출": "브리프 1건",
          "규제혁신": "브리프 0건"}),
    ("en/", {"Startups and Ventures": "2 briefs", "Finance and Investment": "2 briefs",
             "Exports and Global Expansion": "1 brief", "Regulatory Reform": "0 briefs"}),
])
def test_topic_index_lists_every_topic_in_vocabulary_order_with_counts(
    small: Build, prefix: str, counts: dict[str, str]
) -> None:
    page = article(small.page(prefix + "topics/"))
    items = re.findall(r'<a href="([^"]+)">([^<]+)</a>\s*<span class="term-list__count">([^<]+)</span>', page)
    first = ["ai-manufacturing/", "regional-innovation/", "startups/", "smart-factory/"]
    assert [href for href, _, _ in items][:4] == first
    assert len(items) == 12
    shown = {unescape(label): count for _, label, count in items}
    for label, count in counts.items():
        assert shown[label] == count


# The archive -----------------------------------------------------------------


@pytest.mark.parametrize(("prefix", "years"), [("", ["2025년", "2024년", "2023년"]), ("en/", ["2025", "2024", "2023"])])
def test_archive_groups_by_year_newest_first(small: Build, prefix: str, years: list[str]) -> None:
    page = small.page(prefix + "archive/")
    sections = re.findall(r'<section aria-labelledby="y(\d{4})">(.*?)</section>', page, re.S)
    assert [year for year, _ in sections] == ["2025", "2024", "2023"]
    lists = [listed_ids(f'<article class="md-content__inner">{body}</article>') for _, body in sections]
    assert lists == [[C], [B, A], [E]]
    headings = [text(h) for h in re.findall(r'<h2 id="y\d{4}">(.*?)</h2>', page, re.S)]
    one, two = ("브리프 1건", "브리프 2건") if not prefix else ("1 brief", "2 briefs")
    assert headings == [f"{years[0]} ({one})", f"{years[1]} ({two})", f"{years[2]} ({one})"]
    assert re.findall(r'<li><a href="#y(\d{4})">', page) == ["2025", "2024", "2023"]
    assert D not in page  # the draft is nowhere


def test_drafts_are_not_published_or_counted(small: Build) -> None:
    assert not (small.site / "briefs" / D).exists()
    assert not (small.site / "en" / "briefs" / D).exists()
    for prefix in ("", "en/"):
        for path in ("", "topics/startups/", "regions/seoul/", "regions/jeju/", "archive/", "regions/"):
            page = small.page(prefix + path)
            assert D not in page and "델타" not in page and "Delta" not in page


# The region index and its map -------------------------------------------------


@pytest.mark.parametrize(("prefix", "seoul", "busan", "jeju"), [
    ("", "서울 3건, 서울특별시", "부산 2건, 부산광역시", "제주 0건, 제주특별자치도"),
    ("en/", "Seoul 3 briefs", "Busan 2 briefs", "Jeju 0 briefs"),
])
def test_region_map_has_a_named_link_per_region_and_nationwide_beside_it(
    small: Build, prefix: str, seoul: str, busan: str, jeju: str
) -> None:
    page = small.page(prefix + "regions/")
    assert 'href="../assets/map.css"' in page or 'href="../../assets/map.css"' in page
    svg = re.search(r'<svg class="region-map__svg".*?</svg>', page, re.S)
    assert svg is not None
    tile = r'<a class="region-map__region" href="([^"]+)"\s+aria-label="([^"]+)" data-region="([^"]+)">'
    tiles = re.findall(tile, svg.group(0))
    assert len(tiles) == 17
    assert [slug for _, _, slug in tiles][:4] == ["incheon", "seoul", "gyeonggi", "gangwon"]
    assert all(href == f"{slug}/" for href, _, slug in tiles)
    names = {slug: name for _, name, slug in tiles}
    assert (names["seoul"], names["busan"], names["jeju"]) == (seoul, busan, jeju)
    # The name starts with what the tile shows (label, count), then the full name if it differs.
    if prefix:
        assert names["chungnam"] == "Chungnam 0 briefs, South Chungcheong"
        assert names["gyeonggi"] == "Gyeonggi 0 briefs, Gyeonggi Province"
    else:
        assert names["chungnam"] == "충남 0건, 충청남도"
    assert "nationwide" not in svg.group(0)
    beside = re.search(r'<ul class="region-map__beside">(.*?)</ul>', page, re.S)
    assert beside is not None and 'href="nationwide/"' in beside.group(1)
    # The legend's steps for at most three briefs per region, and Seoul's tile drawn in the darkest.
    legend = re.search(r'<div class="region-map__legend">(.*?)</div>', page, re.S)
    assert legend is not None
    steps = (["브리프 0건", "브리프 1건", "브리프 2건", "브리프 3건"] if not prefix
             else ["0 briefs", "1 brief", "2 briefs", "3 briefs"])
    assert [text(li) for li in re.findall(r"<li>(.*?)</li>", legend.group(1), re.S)] == steps


@pytest.mark.parametrize(("prefix", "head"), [
    ("", ["지역", "코드", "브리프 수"]), ("en/", ["Region", "Code", "Briefs"]),
])
def test_region_table_gives_the_same_numbers(small: Build, prefix: str, head: list[str]) -> None:
    page = small.page(prefix + "regions/")
    table = re.search(r"<table>(.*?)</table>", page, re.S)
    assert table is not None
    assert [text(th) for th in re.findall(r'<th scope="col">(.*?)</th>', table.group(1))] == head
    rows = [(text(a), code, int(n)) for a, code, n in
            re.findall(r'<th scope="row">(.*?)</th>\s*<td>([^<]*)</td>\s*<td>(\d+)</td>', table.group(1), re.S)]
    assert len(rows) == 18
    by_code = {code: (label, n) for label, code, n in rows}
    assert by_code["KR-11"] == ("서울특별시" if not prefix else "Seoul", 3)
    assert by_code["KR-26"][1] == 2 and by_code["KR-48"][1] == 1 and by_code["KR-49"][1] == 0
    assert by_code["KR-51"][0] == ("강원특별자치도" if not prefix else "Gangwon State")
    assert by_code["KR-52"][0] == ("전북특별자치도" if not prefix else "Jeonbuk State")
    assert rows[-1][1:] == ("KR", 0)


@pytest.mark.parametrize(("name", "slug"), [
    ("서울", "seoul"), ("Seoul", "seoul"), ("KR-11", "seoul"), ("seoul", "seoul"), ("서울특별시", "seoul"),
    ("경남", "gyeongnam"), ("South Gyeongsang", "gyeongnam"), ("south gyeongsang", "gyeongnam"),
    ("전북", "jeonbuk"), ("전라북도", "jeonbuk"), ("KR-52", "jeonbuk"), ("North Jeolla", "jeonbuk"),
    ("강원도", "gangwon"), ("KR-51", "gangwon"), ("Gangwon-do", "gangwon"),
    ("KR", "nationwide"), ("전국", "nationwide"),
])
def test_fixture_regions_know_the_names_people_type(name: str, slug: str) -> None:
    catalog = load_catalog(CORPUS)
    term = catalog.regions.resolve(name)
    assert term is not None and term.slug == slug


def test_fixture_regions_are_the_17_divisions_and_nationwide() -> None:
    regions = load_catalog(CORPUS).regions.terms
    assert len(regions) == 18
    codes = sorted(t.code for t in regions)
    divisions = (11, 26, 27, 28, 29, 30, 31, 41, 43, 44, 46, 47, 48, 49, 50, 51, 52)
    assert codes == ["KR", *sorted(f"KR-{n}" for n in divisions)]
    assert {t.code for t in TILES} == set(codes) - {"KR"}


def test_region_map_places_every_region_by_code_and_former_codes_too() -> None:
    assert len({(t.col, t.row) for t in TILES}) == len(TILES) == 17
    regions = load_catalog(CORPUS).regions.terms
    drawn = region_map(regions, {})
    assert [r.term.slug for r in drawn.beside] == ["nationwide"]
    assert len(drawn.tiles) == 17 and len(drawn.rows) == 18
    # A regions.yml that still uses Gangwon's and Jeonbuk's former codes lands on the same tiles.
    from dataclasses import replace

    former = [replace(t, code={"KR-51": "KR-42", "KR-52": "KR-45"}.get(t.code, t.code)) for t in regions]
    assert [r.tile for r in region_map(former, {}).tiles] == [r.tile for r in drawn.tiles]


@pytest.mark.parametrize(("most", "steps"), [
    (0, ["0"]), (1, ["0", "1"]), (3, ["0", "1", "2", "3"]), (4, ["0", "1", "2", "3", "4"]),
    (10, ["0", "1–3", "4–5", "6–8", "9–10"]),
])
def test_shade_steps_cover_every_count(most: int, steps: list[str]) -> None:
    shades = shade_steps(most)
    assert [s.label for s in shades] == steps
    assert len({s.fill for s in shades}) == len(shades)


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_tile_labels_have_enough_contrast_on_every_shade() -> None:
    for most in range(0, 12):
        for shade in shade_steps(most):
            light, dark = sorted((_luminance(shade.fill), _luminance(shade.text)), reverse=True)
            assert (light + 0.05) / (dark + 0.05) >= 4.5, shade


# Related briefs -----------------------------------------------------------------


def test_related_briefs_share_most_terms_first_then_newest(small: Build) -> None:
    def related(path: str) -> list[str]:
        section = re.search(r'<section class="brief-related".*?</section>', small.page(path), re.S)
        return listed_ids(f'<article class="md-content__inner">{section.group(0)}</article>') if section else []

    # A shares startups and Seoul with B, Seoul with C; nothing with E; D is a draft.
    assert related(f"briefs/{A}/") == [B, C]
    assert related(f"en/briefs/{A}/") == [B, C]
    # C shares one term with each of A, B and E: newest first.
    assert related(f"briefs/{C}/") == [B, A, E]
    assert '<h2 id="related-heading">Related briefs</h2>' in small.page(f"en/briefs/{C}/")
    assert '<h2 id="related-heading">관련 브리프</h2>' in small.page(f"briefs/{C}/")


def test_related_briefs_stop_at_five(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    for day in range(1, 9):
        regions = "[busan, seoul]" if day in (2, 3) else "[busan]"
        write_brief(briefs, f"2024-05-0{day}-r{day}", "ko",
                    f"title: 브리프 {day}\ndate: 2024-05-0{day}\nsummary: 요약.\ntopics: [export]\nregions: {regions}")
    catalog = load_catalog(briefs)
    assert catalog.problems == []
    site = SiteView(catalog, include_drafts=False)
    assert [v.id for v in site.related("2024-05-02-r2", "en")] == [
        "2024-05-03-r3", "2024-05-08-r8", "2024-05-07-r7", "2024-05-06-r6", "2024-05-05-r5",
    ]
    assert all(v.lang == "en" for v in site.related("2024-05-02-r2", "en"))


# Vocabulary errors -----------------------------------------------------------


BAD_REGIONS = """\
- slug: seoul
  code: KR-11
  ko: 서울특별시
  en: Seoul
  aliases: [서울]
- slug: busan
  code: KR-11
  ko: 부산광역시
  en: Busan
- slug: seoul
  code: KR-99
  ko: 또서울
  en: Seoul Again
- slug: incheon
  code: KR-28
  ko: 인천광역시
  en: Incheon
  aliases: [서울]
- slug: daegu
  code: KR-27
  ko: 대구광역시
"""
BAD_TOPICS = """\
- slug: export
  ko: 수출
  en: Exports
- slug: export
  ko: 수출 두번째
  en: Exports again
- slug: finance
  en: Finance
"""
# (file, lines of the term, field, message): one line each, wherever in the term it points.
VOCABULARY_PROBLEMS = [
    ("regions.yml", range(6, 10), "code", "'KR-11' already names 'seoul'"),
    ("regions.yml", range(10, 14), "slug", "duplicate slug 'seoul'"),
    ("regions.yml", range(14, 19), "aliases", "'서울' already names 'seoul'"),
    ("regions.yml", range(19, 22), "en", "missing"),
    ("topics.yml", range(4, 7), "slug", "duplicate slug 'export'"),
    ("topics.yml", range(7, 9), "ko", "missing"),
]


def _reported(output: str, name: str, lines: range, field: str, message: str) -> bool:
    pattern = re.compile(rf"^briefs/{re.escape(name)}:(\d+): {field}: (.*)$", re.M)
    return any(int(m.group(1)) in lines and message in m.group(2) for m in pattern.finditer(output))


def test_vocabulary_errors_stop_the_build_with_one_line_each(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "regions.yml").write_text(BAD_REGIONS, encoding="utf-8")
    (briefs / "topics.yml").write_text(BAD_TOPICS, encoding="utf-8")
    write_brief(briefs, A, "ko", "title: 알파\ndate: 2024-03-05\nsummary: 요약.\ntopics: [export]\nregions: [seoul]")
    result = build(copy_project(tmp_path / "project", briefs))
    assert result.returncode != 0
    assert not (result.site / "index.html").exists()
    for name, lines, field, message in VOCABULARY_PROBLEMS:
        assert _reported(result.stderr, name, lines, field, message), (name, field, message, result.stderr)
    check = subprocess.run([str(Path(sys.executable).parent / "briefs"), "check", "briefs"],
                           capture_output=True, text=True, cwd=tmp_path)
    assert check.returncode == 1
    for name, lines, field, message in VOCABULARY_PROBLEMS:
        assert _reported(check.stdout + check.stderr, name, lines, field, message), (name, field, message)


# The fixture corpus ----------------------------------------------------------


INDEX_PAGES = ["topics/", "regions/", "archive/", ""]


def test_sample_indexes_have_no_dead_links(sample_build: Build) -> None:
    pages = [prefix + p for prefix in ("", "en/") for p in INDEX_PAGES]
    for kind in ("topics", "regions"):
        pages += [f"{prefix}{kind}/{d.name}/" for prefix in ("", "en/") for d in (sample_build.site / kind).iterdir()
                  if d.is_dir()]
    checked = 0
    for path in pages:
        for href in re.findall(r'href="([^"#]+)"', article(sample_build.page(path))):
            if urlsplit(href).scheme:
                continue
            target = urlsplit(urljoin("http://x/" + path, href)).path.lstrip("/")
            found = (sample_build.site / target / "index.html").is_file() or (sample_build.site / target).is_file()
            assert found, (path, href)
            checked += 1
    assert checked > 200


def test_sample_archive_lists_every_published_brief_once(sample_build: Build) -> None:
    files = sorted(CORPUS.rglob("*.ko.md"))
    ids = (p.name.removesuffix(".ko.md") for p in files if "draft: true" not in p.read_text(encoding="utf-8"))
    published = sorted(ids, reverse=True)
    for prefix in ("", "en/"):
        page = sample_build.page(prefix + "archive/")
        assert listed_ids(page) == published
        years = re.findall(r'<section aria-labelledby="y(\d{4})">', page)
        assert years == sorted({i[:4] for i in published}, reverse=True)


def test_sample_region_map_counts_match_region_pages(sample_build: Build) -> None:
    for prefix in ("", "en/"):
        page = sample_build.page(prefix + "regions/")
        row = r'<th scope="row"><a href="([^"]+)">.*?</a></th>\s*<td>[^<]*</td>\s*<td>(\d+)</td>'
        rows = re.findall(row, page, re.S)
        assert len(rows) == 18
        for href, count in rows:
            assert len(listed(sample_build.page(prefix + "regions/" + href))) == int(count)


OTHER_REGIONS = """\
- slug: capital
  code: KR-11
  ko: 서울
  en: Capital
- slug: east
  code: KR-42
  ko: 강원도
  en: Gangwon Province
- slug: overseas
  code: KR-99
  ko: 해외
  en: Overseas
- slug: all
  code: KR
  ko: 전국
  en: Whole country
"""


def test_someone_elses_vocabulary_still_draws_a_map(tmp_path: Path) -> None:
    """Other slugs, a former ISO code, a code with no tile: each region still has a link, on or beside the map."""
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "regions.yml").write_text(OTHER_REGIONS, encoding="utf-8")
    (briefs / "topics.yml").write_text("- slug: trade\n  ko: 무역\n  en: Trade\n", encoding="utf-8")
    write_brief(briefs, A, "ko", "title: 알파\ndate: 2024-03-05\nsummary: 요약.\ntopics: [trade]\n"
                "regions: [강원도, all]")
    result = build(copy_project(tmp_path / "project", briefs))
    assert result.returncode == 0, result.stderr
    names = {"": ("강원 1건, 강원도", "서울 0건"),
             "en/": ("Gangwon 1 brief, Gangwon Province", "Seoul 0 briefs, Capital")}
    for prefix, (east, capital) in names.items():
        page = result.page(prefix + "regions/")
        svg = re.search(r'<svg class="region-map__svg".*?</svg>', page, re.S)
        assert svg is not None
        tiles = re.findall(r'href="([^"]+)"\s+aria-label="([^"]+)"', svg.group(0))
        assert tiles == [("capital/", capital), ("east/", east)]
        beside = re.search(r'<ul class="region-map__beside">(.*?)</ul>', page, re.S)
        assert beside is not None
        assert re.findall(r'href="([^"]+)"', beside.group(1)) == ["overseas/", "all/"]
        assert listed_ids(result.page(prefix + "regions/east/")) == [A]
        assert listed_ids(result.page(prefix + "regions/overseas/")) == []


def test_list_titles_may_break_after_an_ellipsis_before_a_quote(sample_build: Build) -> None:
    """As on the brief page (tests/test_headline_browser.py): "…“" glues two words, <wbr> lets a phone break there."""
    for url in ("", "archive/", "regions/gangwon/"):
        html = sample_build.page(url)
        assert "소상공인 라운드테이블…<wbr>“관광 비수기 버틸 힘 필요”</a>" in html, url
        assert "라운드테이블…“" not in html.split('<main', 1)[1].split('</main>', 1)[0], url
