"""Bundle media in the built site: figures, one shared copy, no metadata, attachments, previews, feeds, data.

One site is built for the module (``media_site``): a bilingual bundle with a
photo (3000×2000 JPEG with GPS and other planted metadata), a chart, and
three attachments; a Korean-only bundle whose ``cover`` is not in its body;
a plain brief with no picture. A second project holds only bad bundles and
must fail both ``mkdocs build --strict`` and ``briefs check``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import jsonschema
import pytest
from conftest import ROOT, Build, build, copy_project, vocabularies, write_brief
from PIL import Image
from support.bundle_fixtures import PLANTED, bundle_brief, chart, docx, hwpx, pdf, photo

from briefkit.search.passages import passages

pytestmark = pytest.mark.build

BID = "2025-05-13-media-roundtable"
COVERED = "2025-04-02-cover-roundtable"
PLAIN = "2025-03-05-plain-roundtable"
SITE_URL = "https://briefs.example.org/"
KO_BODY = """첫 문단입니다.

![참석자들이 원탁에 둘러앉아 토론하는 모습](roundtable.jpg "지역혁신 라운드테이블 현장")

둘째 문단입니다.

셋째 문단입니다.

## 자료

![지역별 참여 기업 수를 나타낸 막대그래프](chart.png)

[보도자료 원문](press-release.pdf), [참고 자료](data.docx), [통계](stats.hwpx)
"""
EN_BODY = """The first paragraph.

![Participants seated around a round table, talking](roundtable.jpg "The regional innovation roundtable")

The second paragraph.

The third paragraph.

## Documents

![Bar chart of participating companies by region](chart.png)

[Press release](press-release.pdf), [Reference](data.docx), [Statistics](stats.hwpx)
"""
PLAIN_FRONT = "title: 사진 없는 브리프\ndate: 2025-03-05\nsummary: 요약.\ntopics: [ai-manufacturing]\nregions: [seoul]"


@pytest.fixture(scope="module")
def media_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("media")
    briefs = vocabularies(root / "briefs-src")
    folder = bundle_brief(briefs, BID, KO_BODY, EN_BODY)
    photo(folder / "roundtable.jpg")
    chart(folder / "chart.png")
    pdf(folder / "press-release.pdf")
    docx(folder / "data.docx")
    hwpx(folder / "stats.hwpx")
    (folder / "notes.txt").write_text("내부 메모: 공개하지 않음 PLANTED", encoding="utf-8")
    covered = bundle_brief(briefs, COVERED, "본문에는 사진이 없습니다.\n", title="표지 사진 브리프",
                           extra="cover: cover.jpg\n")
    photo(covered / "cover.jpg", (1600, 1200))
    write_brief(briefs, PLAIN, "ko", PLAIN_FRONT)
    write_brief(briefs, PLAIN, "en", "title: A brief without a photo\nsummary: Summary.")
    result = build(copy_project(root / "project", briefs), env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return result


def media_files(site: Path, brief_id: str) -> dict[str, Path]:
    return {p.name: p for p in (site / "briefs" / brief_id).iterdir() if p.name != "index.html"}


def figures(html: str) -> list[str]:
    return re.findall(r"<figure class=\"brief-figure\">.*?</figure>", html, re.S)


def test_a_titled_image_is_a_figure_with_sources_sizes_and_a_caption(media_site: Build) -> None:
    page = media_site.page(f"briefs/{BID}/")
    first, second = figures(page)
    assert "<picture>" in first and '<source type="image/webp" srcset="' in first
    webp = re.search(r'<source type="image/webp" srcset="([^"]*)" sizes="([^"]+)"', first)
    assert webp is not None
    widths = [int(w) for w in re.findall(r" (\d+)w", webp.group(1))]
    assert widths == sorted(widths) and len(widths) >= 2 and max(widths) <= 2000
    img = re.search(r"<img [^>]*>", first)
    assert img is not None
    tag = img.group(0)
    assert 'alt="참석자들이 원탁에 둘러앉아 토론하는 모습"' in tag
    assert re.search(r'width="\d+" height="\d+"', tag) and 'decoding="async"' in tag
    assert re.search(r'src="roundtable-\d+\.jpg"', tag) and "srcset=" in tag and "sizes=" in tag
    assert 'loading="eager" fetchpriority="high"' in tag  # near the top: on the first screen
    assert "<figcaption>지역혁신 라운드테이블 현장</figcaption>" in first
    assert 'loading="lazy"' in second and "<figcaption>" not in second  # no title, no caption
    assert 'alt="지역별 참여 기업 수를 나타낸 막대그래프"' in second
    assert re.search(r'src="chart-\d+\.png"', second)  # a chart keeps its lossless fallback


def test_one_copy_under_the_korean_folder_serves_both_languages(media_site: Build) -> None:
    site = media_site.site
    assert sorted(p.name for p in (site / "en" / "briefs" / BID).iterdir()) == ["index.html"]
    published = media_files(site, BID)
    for lang, page_path in (("ko", f"briefs/{BID}/"), ("en", f"en/briefs/{BID}/")):
        html = media_site.page(page_path)
        html = html[html.index('class="brief-body"'):html.find('class="brief-related"')]  # not other briefs'
        urls = re.findall(r'(?:src|href)="([^"]*(?:\.jpg|\.png|\.webp|\.pdf|\.docx|\.hwpx))"', html)
        urls += [c.split()[0] for s in re.findall(r'srcset="([^"]*)"', html) for c in s.split(",")]
        body_urls = [u for u in urls if "assets/" not in u]
        assert body_urls, lang
        for url in body_urls:
            target = urljoin(f"https://x/{page_path}", url)
            assert target.startswith(f"https://x/briefs/{BID}/"), (lang, url)
            assert target.rsplit("/", 1)[1] in published, (lang, url)
    assert 'alt="Participants seated around a round table, talking"' in media_site.page(f"en/briefs/{BID}/")
    assert "<figcaption>The regional innovation roundtable</figcaption>" in media_site.page(f"en/briefs/{BID}/")


def test_unreferenced_files_and_originals_are_not_published(media_site: Build) -> None:
    published = media_files(media_site.site, BID)
    assert "notes.txt" not in published
    for name in ("roundtable.jpg", "chart.png"):  # under its own name: a published variant, not the original
        assert published[name].read_bytes() != (media_site.project / "briefs" / BID[:4] / BID / name).read_bytes()
        assert any(p.read_bytes() == published[name].read_bytes() for n, p in published.items() if n != name)


def test_no_published_file_carries_planted_metadata(media_site: Build) -> None:
    for path in media_site.site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert PLANTED not in data, path
    for path in (media_site.site / "briefs").rglob("*"):
        if path.suffix in (".jpg", ".png", ".webp"):
            with Image.open(path) as image:
                assert not image.getexif(), path
                assert not {"xmp", "comment", "Comment", "Author"} & set(image.info), path
                assert image.width <= 2000, path


def test_attachments_are_published_byte_for_byte_with_type_and_size(media_site: Build) -> None:
    source = media_site.project / "briefs" / "2025" / BID
    published = media_files(media_site.site, BID)
    for name in ("press-release.pdf", "data.docx", "stats.hwpx"):
        assert published[name].read_bytes() == (source / name).read_bytes()
    size = (source / "press-release.pdf").stat().st_size
    ko, en = media_site.page(f"briefs/{BID}/"), media_site.page(f"en/briefs/{BID}/")
    label = f"(PDF, {size} B)"
    assert re.search(r'<a href="press-release.pdf" type="application/pdf" download[^>]*>보도자료 원문 <span[^>]*>'
                     + re.escape(label), ko)
    assert re.search(r'<a href="../../../briefs/' + BID + r'/press-release.pdf"[^>]*>Press release <span[^>]*>'
                     + re.escape(label), en)
    for html in (ko, en):
        block = re.search(r'<section class="brief-attachments".*?</section>', html, re.S)
        assert block is not None
        assert "(DOCX, " in block.group(0) and "(HWPX, " in block.group(0)
        assert f"{SITE_URL}briefs/{BID}/stats.hwpx" in block.group(0)  # the full address, for print
    assert "<h2 id=\"attachments-heading\">첨부파일</h2>" in ko and ">Attachments</h2>" in en


def meta(html: str, name: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html)
    return found.group(1) if found else None


def test_link_previews_use_the_picture_or_a_generated_card(media_site: Build) -> None:
    site = media_site.site
    for lang, root in (("ko", ""), ("en", "en/")):
        og = meta(media_site.page(f"{root}briefs/{BID}/"), "og:image")
        assert og is not None and og.startswith(f"{SITE_URL}briefs/{BID}/roundtable-og.")
        assert meta(media_site.page(f"{root}briefs/{BID}/"), "twitter:card") == "summary_large_image"
        with Image.open(site / og.removeprefix(SITE_URL)) as image:
            assert image.size == (1200, 630)
        cover = meta(media_site.page(f"{root}briefs/{COVERED}/"), "og:image")
        assert cover is not None and cover.startswith(f"{SITE_URL}briefs/{COVERED}/cover-og.")
        card = meta(media_site.page(f"{root}briefs/{PLAIN}/"), "twitter:image")
        assert card == f"{SITE_URL}briefs/{PLAIN}/card-{lang}.png"
        with Image.open(site / "briefs" / PLAIN / f"card-{lang}.png") as image:
            assert image.size == (1200, 630) and image.format == "PNG"
    ko_card = (site / "briefs" / PLAIN / "card-ko.png").read_bytes()
    assert ko_card != (site / "briefs" / PLAIN / "card-en.png").read_bytes()  # each in its own language


def test_lists_show_a_decorative_thumbnail_beside_the_title(media_site: Build) -> None:
    home = media_site.page("")
    for brief_id in (BID, COVERED):
        thumb = re.search(rf'<img class="brief-list__thumb" src="briefs/{brief_id}/[^"]+-thumb\.webp"[^>]*>', home)
        assert thumb is not None, brief_id
        assert 'alt=""' in thumb.group(0) and re.search(r'width="\d+" height="\d+"', thumb.group(0))
    assert f'src="briefs/{PLAIN}/' not in home
    assert re.search(rf'src="../briefs/{BID}/[^"]+-thumb\.webp"', media_site.page("en/"))


def test_open_data_lists_each_briefs_media(media_site: Build) -> None:
    data = json.loads((media_site.site / "data" / "briefs.json").read_text(encoding="utf-8"))
    schema = json.loads((media_site.site / "data" / "briefs.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    by_id = {b["id"]: b for b in data["briefs"]}
    media = {m["file"]: m for m in by_id[BID]["media"]}
    assert list(media) == ["roundtable.jpg", "chart.png", "press-release.pdf", "data.docx", "stats.hwpx"]
    photo_entry = media["roundtable.jpg"]
    assert photo_entry["kind"] == "image" and photo_entry["picture"] and photo_entry["media_type"] == "image/jpeg"
    assert photo_entry["width"] <= 2000 and photo_entry["url"].startswith(f"{SITE_URL}briefs/{BID}/")
    published = media_site.site / photo_entry["url"].removeprefix(SITE_URL)
    assert published.stat().st_size == photo_entry["size"]
    pdf_entry = media["press-release.pdf"]
    assert pdf_entry["media_type"] == "application/pdf" and pdf_entry["width"] is None
    assert by_id[PLAIN]["media"] == []
    assert [m["file"] for m in by_id[COVERED]["media"]] == ["cover.jpg"]


def test_feeds_carry_the_picture_as_an_absolute_url(media_site: Build) -> None:
    for feed in ("feed.xml", "en/feed.xml"):
        xml = (media_site.site / feed).read_text(encoding="utf-8")
        found = re.search(rf'<link rel="enclosure" href="({re.escape(SITE_URL)}briefs/{BID}/[^"]+)" type="image/jpeg"',
                          xml)
        assert found is not None, feed
        assert (media_site.site / found.group(1).removeprefix(SITE_URL)).is_file()


def test_a_warm_build_encodes_nothing_and_gives_the_same_files(media_site: Build) -> None:
    cache = media_site.project / ".cache" / "media"
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    published = {p.relative_to(media_site.site): p.read_bytes() for p in (media_site.site / "briefs").rglob("*")
                 if p.is_file() and p.suffix != ".html"}
    again = build(media_site.project, env={"SITE_URL": SITE_URL})
    assert again.returncode == 0, again.stderr
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == before
    assert {p.relative_to(again.site): p.read_bytes() for p in (again.site / "briefs").rglob("*")
            if p.is_file() and p.suffix != ".html"} == published


def test_captions_and_alt_text_are_searchable() -> None:
    text = " ".join(passages(KO_BODY))
    assert "참석자들이 원탁에 둘러앉아 토론하는 모습" in text and "지역혁신 라운드테이블 현장" in text
    assert "roundtable.jpg" not in text


def test_bad_bundles_stop_the_build_and_the_check_with_their_lines(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs-src")
    one = bundle_brief(briefs, BID, "문단.\n\n![설명](missing.jpg)\n\n![](photo.jpg)\n\n[원문](press.pdf)\n")
    photo(one / "photo.jpg", (400, 300))
    (one / "press.pdf").write_text("<!doctype html><html><body>not a pdf</body></html>")
    two = bundle_brief(briefs, COVERED, "문단.\n\n![차트](chart.svg)\n\n![사진](../photo.jpg)\n", title="둘째")
    (two / "chart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    project = copy_project(tmp_path / "project", briefs)
    expected = [
        f"briefs/2025/{BID}/{BID}.ko.md:10: body: image 'missing.jpg': no file",
        f"briefs/2025/{BID}/{BID}.ko.md:12: body: image 'photo.jpg': has no alt text",
        f"briefs/2025/{BID}/{BID}.ko.md:14: body: link 'press.pdf': the file is not a PDF file",
        f"briefs/2025/{COVERED}/{COVERED}.ko.md:10: body: image 'chart.svg': SVG is not accepted",
        f"briefs/2025/{COVERED}/{COVERED}.ko.md:12: body: image '../photo.jpg': '../' leaves the brief's bundle",
    ]
    result = build(project)
    assert result.returncode != 0
    for line in expected:
        assert line in result.stderr, (line, result.stderr)
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()
    assert not list(project.glob(".site.building-*"))
    check = subprocess.run([sys.executable, "-m", "briefkit.cli", "check", "briefs"], cwd=project,
                           capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert check.returncode == 1 and "Traceback" not in check.stderr
    for line in expected:
        assert line in check.stderr, (line, check.stderr)


def test_media_pages_pass_the_nu_html_checker(media_site: Build) -> None:
    from test_html_valid import _require_checker

    java = _require_checker()
    vnu = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    pages = [media_site.site / p for p in (f"briefs/{BID}/index.html", f"en/briefs/{BID}/index.html", "index.html")]
    proc = subprocess.run([java, "-jar", str(vnu), "--errors-only", "--format", "json", *map(str, pages)],
                          capture_output=True, text=True, timeout=600)
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    assert [m["message"] for m in messages if m.get("type") in ("error", "non-document-error")] == []
