"""Bundles in the catalog: a brief in a folder of its own, its media resolved and checked at the referring line.

Unit tests over ``check_folder`` (what ``briefs check`` and the build run)
and the CLI (``briefs check``, ``briefs new --bundle``, ``briefs bundle``);
the built pages are in tests/test_media_pages.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, vocabularies, write_brief
from gitrepo import commit, git
from support.bundle_fixtures import bundle_brief, chart, docx, huge_png, pdf, photo, sparse

from briefkit.references import check_folder

BID = "2025-05-13-media-roundtable"
FRONT = "title: 평범한 브리프\ndate: 2025-05-14\nsummary: 요약.\ntopics: [ai-manufacturing]\nregions: [seoul]"


def problems(briefs: Path) -> list[str]:
    return [str(p) for p in check_folder(briefs).problems]


def at(briefs: Path, line: int, lang: str = "ko") -> str:
    return f"{briefs.name}/2025/{BID}/{BID}.{lang}.md:{line}: "


def test_a_good_bundle_passes_and_records_its_media(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    folder = bundle_brief(briefs, BID, "첫 문단.\n\n![참석자 사진](photo.jpg \"현장\")\n\n[보도자료](press.pdf)\n",
                          "First.\n\n![Participants](photo.jpg)\n\n[Data](data.docx)\n")
    photo(folder / "photo.jpg", (600, 400))
    pdf(folder / "press.pdf")
    docx(folder / "data.docx")
    write_brief(briefs, "2025-05-14-plain-brief", "ko", FRONT)  # plain files and bundles mix
    catalog = check_folder(briefs)
    assert catalog.problems == []
    assert {b.id for b in catalog.briefs} == {BID, "2025-05-14-plain-brief"}
    media = catalog.media[BID]
    assert media.images == ["photo.jpg"] and media.attachments == ["press.pdf", "data.docx"]
    assert media.picture == "photo.jpg"
    assert catalog.notices == []


def test_every_bad_reference_is_reported_at_its_line_all_at_once(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    body = "\n".join([
        "첫 문단.",                                  # 8
        "![설명](missing.jpg)",                      # 9
        "![설명](../outside.jpg)",                   # 10
        "![](photo.jpg)",                            # 11: empty alt
        "![차트](chart.svg)",                         # 12
        "![설명](anim.gif)",                          # 13
        "[가짜 PDF](fake.pdf)",                       # 14
        "[사진 링크](photo.jpg)",                      # 15: a link to an image: allowed
        "![보도자료](press.pdf)",                     # 16
        "[실행 파일](tool.exe)",                       # 17
        "![설명](sub/photo.jpg)",                     # 18
        "![설명](phot.jpg)",                          # 19
        "![설명](big.jpg)",                           # 20
        "![설명](bomb.png)",                          # 21
        "[큰 파일](big.pdf)",                          # 22
        "![설명](named.jpg)",                         # 23: a PNG named .jpg
        "",
    ])
    folder = bundle_brief(briefs, BID, body)
    photo(folder / "photo.jpg", (300, 200))
    chart(folder / "named.jpg", (300, 200))
    (folder / "chart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    (folder / "anim.gif").write_bytes(b"GIF89a")
    (folder / "fake.pdf").write_text("<!DOCTYPE html><html><body>login</body></html>")
    (folder / "press.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "tool.exe").write_bytes(b"MZ")
    sparse(folder / "big.jpg", 21_000_000, b"\xff\xd8\xff\xe0")
    huge_png(folder / "bomb.png")
    sparse(folder / "big.pdf", 51_000_000, b"%PDF-1.4\n")
    found = problems(briefs)
    expected = {
        9: "no file 'missing.jpg' in the bundle",
        10: "'../' leaves the brief's bundle",
        11: "has no alt text",
        12: "SVG is not accepted",
        13: "'.gif' images are not accepted",
        14: "is not a PDF file: its content is an HTML page",
        16: "is not an image",
        17: "'.exe' files are not accepted as attachments",
        18: "names a file in a sub-folder",
        19: "did you mean 'photo.jpg'?",
        20: "over the 20 MB limit",
        21: "megapixel",
        22: "over the 50 MB limit",
        23: "rename it to end in .png",
    }
    for line, words in expected.items():
        assert any(p.startswith(at(briefs, line)) and words in p for p in found), (line, words, found)
    assert len(found) == len(expected), found
    assert all(": body: " in p for p in found)


def test_briefs_check_prints_the_same_lines_without_a_traceback(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    folder = bundle_brief(briefs, BID, "첫 문단.\n\n![](photo.jpg)\n")
    photo(folder / "photo.jpg", (300, 200))
    result = subprocess.run([sys.executable, "-m", "briefkit.cli", "check", str(briefs)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert f"{briefs.as_posix()}/2025/{BID}/{BID}.ko.md:10: body: image 'photo.jpg': has no alt text" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_an_unreferenced_file_is_a_notice_and_the_check_passes(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    folder = bundle_brief(briefs, BID, "첫 문단.\n\n![사진](photo.jpg)\n")
    photo(folder / "photo.jpg", (300, 200))
    pdf(folder / "draft-notes.pdf")
    result = subprocess.run([sys.executable, "-m", "briefkit.cli", "check", str(briefs)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert f"{briefs.as_posix()}/2025/{BID}/draft-notes.pdf:1: file: nothing refers to it, so it is not published" \
        in result.stdout
    assert "notice" in result.stdout


def test_a_plain_brief_cannot_show_a_file_and_is_told_how_to_make_a_bundle(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-05-14-plain-brief", "ko", FRONT, "문단.\n\n![사진](photo.jpg)\n")
    (briefs / "2025" / "photo.jpg").write_bytes(b"")
    [found] = problems(briefs)
    assert found.startswith(f"{briefs.name}/2025/2025-05-14-plain-brief.ko.md:10: body: image 'photo.jpg': ")
    assert "briefs bundle 2025-05-14-plain-brief" in found


def test_cover_must_be_an_image_of_the_bundle_and_is_the_picture(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    folder = bundle_brief(briefs, BID, "첫 문단.\n\n![사진](photo.jpg)\n", extra="cover: chart.png\n")
    photo(folder / "photo.jpg", (300, 200))
    chart(folder / "chart.png", (300, 200))
    catalog = check_folder(briefs)
    assert catalog.problems == []
    assert catalog.media[BID].picture == "chart.png" and catalog.media[BID].is_published("chart.png")
    (folder / f"{BID}.ko.md").write_text(
        (folder / f"{BID}.ko.md").read_text(encoding="utf-8").replace("cover: chart.png", "cover: press.pdf"),
        encoding="utf-8")
    pdf(folder / "press.pdf")
    [found] = problems(briefs)
    assert found.startswith(at(briefs, 7) + "cover: ") and "is not an image" in found


def test_cover_is_a_structural_field_and_needs_a_bundle(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-05-14-plain-brief", "ko", FRONT + "\ncover: photo.jpg")
    folder = bundle_brief(briefs, BID, "문단.\n", "Text.\n")
    en = folder / f"{BID}.en.md"
    en.write_text(en.read_text(encoding="utf-8").replace("summary:", "cover: photo.jpg\nsummary:"), encoding="utf-8")
    found = problems(briefs)
    assert any(p.startswith(f"{briefs.name}/2025/2025-05-14-plain-brief.ko.md:7: cover: ")
               and "briefs bundle 2025-05-14-plain-brief" in p for p in found), found
    assert any(p.startswith(f"{briefs.name}/2025/{BID}/{BID}.en.md:3: cover: is set only in the source file")
               for p in found), found


def test_a_language_file_outside_its_bundle_is_an_error(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    bundle_brief(briefs, BID, "문단.\n")
    write_brief(briefs, BID, "en", "title: Outside\nsummary: Text.")
    [found] = problems(briefs)
    assert found.startswith(f"{briefs.name}/2025/{BID}.en.md:1: file: is outside the brief's bundle")


def test_briefs_new_bundle_starts_a_folder(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    result = subprocess.run([sys.executable, "-m", "briefkit.cli", "new", "--date", "2025-06-02", "--slug",
                             "photo-roundtable", "--bundle", "--briefs", str(briefs)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert (briefs / "2025" / "2025-06-02-photo-roundtable" / "2025-06-02-photo-roundtable.ko.md").is_file()


@pytest.mark.parametrize("tracked", [True, False])
def test_briefs_bundle_moves_a_plain_brief_keeping_its_history(tmp_path: Path, tracked: bool) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    plain = "2025-05-14-plain-brief"
    write_brief(briefs, plain, "ko", FRONT)
    write_brief(briefs, plain, "en", "title: Plain\nsummary: Text.")
    if tracked:
        git(tmp_path, "init", "-q", "-b", "main")
        commit(tmp_path, "first")
    result = subprocess.run([sys.executable, "-m", "briefkit.cli", "bundle", plain, "--briefs", str(briefs)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    moved = briefs / "2025" / plain
    assert sorted(p.name for p in moved.iterdir()) == [f"{plain}.en.md", f"{plain}.ko.md"]
    assert not (briefs / "2025" / f"{plain}.ko.md").exists()
    assert check_folder(briefs).problems == [] and plain in check_folder(briefs).bundles
    if tracked:
        staged = subprocess.run(["git", "-C", str(tmp_path), "status", "--porcelain"], capture_output=True,
                                text=True, check=True).stdout
        assert f"R  briefs/2025/{plain}.ko.md -> briefs/2025/{plain}/{plain}.ko.md" in staged
