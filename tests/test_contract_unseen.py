"""The brief-file contract (``../shared/brief-format.md``) with briefs of a kind the project never shipped.

Each test writes its own briefs with the contract's forms that the rest of
the suite does not use (``./photo.jpg``, a link to an image, a CSV from a
Korean Excel, a speaker with a name only, ...). Most ask ``briefs check``;
one module-scoped build (``site``) serves the tests of what is published.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urljoin

import pytest
from PIL import Image
from support.bundle_fixtures import photo
from support.cli import run
from support.project import Build, build, copy_project, vocabularies, write_brief

from briefkit.search.passages import passages
from briefkit.search.query import IndexFolder

BID = "2025-04-01-unseen-bundle"
FRONT = """\
title: {title}
date: {date}
summary: 처음 보는 형식의 브리프.
topics: [ai-manufacturing]
regions: [seoul]
{extra}"""


def bundle(briefs: Path, brief_id: str, body: str, *, extra: str = "", en_body: str | None = None,
           title: str = "처음 보는 번들") -> Path:
    """A bundle ``<briefs>/<year>/<id>/`` with its Korean (and English) file; the folder."""
    folder = briefs / brief_id[:4] / brief_id
    folder.mkdir(parents=True, exist_ok=True)
    front = FRONT.format(title=title, date=brief_id[:10], extra=extra)
    (folder / f"{brief_id}.ko.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    if en_body is not None:
        (folder / f"{brief_id}.en.md").write_text(
            f"---\ntitle: An unseen bundle\nsummary: A brief of a new kind.\n---\n{en_body}", encoding="utf-8")
    return folder


def check(capsys: pytest.CaptureFixture[str], briefs: Path) -> tuple[int, list[str]]:
    """``briefs check`` on ``briefs``: its exit code and every line it printed."""
    code, out, err = run(capsys, "check", str(briefs))
    return code, (out + err).splitlines()


def small_photo(path: Path) -> Path:
    Image.new("RGB", (300, 200), (30, 90, 160)).save(path, "JPEG")
    return path


# -- briefs check ------------------------------------------------------------------------------


def test_a_bundle_file_written_with_dot_slash_is_the_bundle_file(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    folder = bundle(briefs, BID, "![참석자 사진](./photo.jpg)\n\n[자료](./data.csv)\n")
    small_photo(folder / "photo.jpg")
    (folder / "data.csv").write_text("연도,금액\n2025,10\n", encoding="utf-8")
    code, lines = check(capsys, briefs)
    assert code == 0, lines
    assert not [line for line in lines if "sub-folder" in line or "nothing refers" in line], lines


def test_a_link_to_a_bundle_image_is_a_reference_like_any_other(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    folder = bundle(briefs, BID, "[원본 사진 보기](photo.jpg)\n")
    small_photo(folder / "photo.jpg")
    code, lines = check(capsys, briefs)
    assert code == 0, lines
    assert not [line for line in lines if "photo.jpg" in line], lines


def test_a_file_named_wrongly_gets_its_error_and_no_notice(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    folder = bundle(briefs, BID, "첫 문단.\n\n![](photo.jpg)\n")
    small_photo(folder / "photo.jpg")
    (folder / "unused.txt").write_text("메모\n", encoding="utf-8")
    code, lines = check(capsys, briefs)
    assert code == 1
    ko = f"{briefs.as_posix()}/2025/{BID}/{BID}.ko.md"
    assert any(line.startswith(f"{ko}:10: body: image 'photo.jpg': has no alt text") for line in lines), lines
    notices = [line for line in lines if "nothing refers to it" in line]
    assert len(notices) == 1 and notices[0].startswith(f"{briefs.as_posix()}/2025/{BID}/unused.txt:1: file: ")


@pytest.mark.parametrize(("name", "data"), [
    ("legacy.csv", "지역,기업 수\n서울,12\n".encode("cp949")),  # Excel's plain "CSV" on a Korean Windows
    ("memo.txt", "회의 메모\n".encode("utf-16")),  # Notepad's "Unicode", with its BOM
], ids=["cp949-csv", "utf16-txt"])
def test_text_attachments_as_korean_offices_save_them(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      name: str, data: bytes) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    folder = bundle(briefs, BID, f"[자료]({name})\n")
    (folder / name).write_bytes(data)
    code, lines = check(capsys, briefs)
    assert code == 0, lines


def test_one_extra_update_note_is_one_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    bundle(briefs, BID, "본문.\n", en_body="Body.\n")
    en = briefs / "2025" / BID / f"{BID}.en.md"
    en.write_text(en.read_text(encoding="utf-8").replace("---\nBody", "updates:\n  - note: Fixed.\n---\nBody"),
                  encoding="utf-8")
    code, lines = check(capsys, briefs)
    assert code == 1
    assert any(": updates: has 1 note but the source" in line for line in lines), lines


def test_a_speaker_name_that_is_a_number_is_one_problem(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    bundle(briefs, BID, "본문.\n", extra="speakers:\n  - name: 1234\n")
    code, lines = check(capsys, briefs)
    assert code == 1
    found = [line for line in lines if ": speakers.name: " in line]
    assert len(found) == 1 and "must be text, found the number 1234" in found[0], lines


def test_all_problems_at_once_includes_the_body_of_a_brief_whose_front_matter_is_wrong(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    folder = bundle(briefs, BID, "본문.\n\n![사진](missing.jpg)\n\n[다른 브리프](2025-01-09-none.md)\n",
                    extra="license: kogl-9\ncover: gone.jpg\n", en_body="[Link](2025-01-09-nada.md)\n")
    en = folder / f"{BID}.en.md"
    en.write_text(en.read_text(encoding="utf-8").replace("---\n[Link]", "date: 2025-04-01\n---\n[Link]"),
                  encoding="utf-8")
    code, lines = check(capsys, briefs)
    assert code == 1
    ko, en_path = f"{folder.as_posix()}/{BID}.ko.md", f"{folder.as_posix()}/{BID}.en.md"
    expected = [
        (f"{ko}:7: license: ", "kogl-9"),
        (f"{ko}:8: cover: ", "gone.jpg"),
        (f"{ko}:12: body: image 'missing.jpg': ", "no file"),
        (f"{ko}:14: body: link '2025-01-09-none.md': ", "no brief or page"),
        (f"{en_path}:4: date: ", f"edit {ko}"),
        (f"{en_path}:6: body: link '2025-01-09-nada.md': ", "no brief or page"),
    ]
    for start, words in expected:
        assert any(line.startswith(start) and words in line for line in lines), (start, lines)
    assert any(line.startswith("6 problems") for line in lines), lines


def test_search_excerpts_hold_only_what_the_page_shows() -> None:
    body = ("본문 첫 문장.\n\n<script>alert('SCRIPTTEXT')</script>\n\n<!-- 메모\nHIDDENNOTE -->\n\n"
            "![현장 사진][p] 옆에 각주[^1].\n\n[^1]: 각주 내용.\n[p]: photo.jpg \"캡션\"\n")
    shown = passages(body)
    assert shown == ["본문 첫 문장.", "현장 사진 옆에 각주.", "각주 내용."], shown


def test_briefs_check_prints_one_line_per_problem_and_nothing_else_on_stderr(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    bundle(briefs, BID, "본문.\n", extra="license: kogl-7\ntopic: [x]\n")
    code, out, err = run(capsys, "check", str(briefs))
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 2, lines
    assert all(re.fullmatch(r"\S+\.ko\.md:\d+: [a-z_.]+: .+ \(.+\)", line) for line in lines), lines
    assert "2 problems" in out


def test_a_folder_named_on_a_mac_nfd_holds_bundles_and_translations_like_any_other(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    mac = unicodedata.normalize("NFD", "자료실")  # how macOS writes a Korean folder name
    folder = briefs / mac / BID
    folder.mkdir(parents=True)
    (folder / f"{BID}.ko.md").write_text(f"---\n{FRONT.format(title='맥에서 만든 번들', date=BID[:10], extra='')}"
                                         "---\n![참석자 사진](photo.jpg)\n", encoding="utf-8")
    (folder / f"{BID}.en.md").write_text(
        "---\ntitle: Made on a Mac\nsummary: A bundle.\n---\n![Participants](photo.jpg)\n", encoding="utf-8")
    small_photo(folder / "photo.jpg")
    code, lines = check(capsys, briefs)
    assert code == 0, lines
    code, _, err = run(capsys, "stamp", "--briefs", str(briefs), BID)
    assert code == 0, err
    assert "translated_from: " in (folder / f"{BID}.en.md").read_text(encoding="utf-8")
    code, _, err = run(capsys, "qa", str(briefs))
    assert code == 0 and "Traceback" not in err, err


# -- one build ---------------------------------------------------------------------------------


TITLES_AS_WRITTEN = ("수정 이력이 있는 브리프", "새로운 판로를 찾는 소상공인", "공백이 둘러싼 제목", "윤일의 번들")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("unseen")
    briefs = vocabularies(root / "briefs-src")
    speakers = "speakers:\n  - name: 김하나\n  - name: 이둘\n    role: 팀장\n"
    folder = bundle(briefs, BID, "![회의장 전경](./hall.jpg \"회의장\")\n\n본문.\n", extra=speakers,
                    en_body="![The hall](hall.jpg)\n\nBody. [The photo in full](hall.jpg)\n")
    photo(folder / "hall.jpg", (2400, 1600), orientation=6)  # EXIF, GPS, XMP; turned a quarter
    for n, title in enumerate(TITLES_AS_WRITTEN):
        write_brief(briefs, f"2024-0{n + 1}-10-title-{n}", "ko", FRONT.format(title=title, date=f"2024-0{n + 1}-10",
                                                                              extra=""), body="본문.\n")
    result = build(copy_project(root / "project", briefs))
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.build
def test_a_bundle_image_is_published_under_its_own_name_clean_and_upright(site: Build) -> None:
    published = site.site / "briefs" / BID / "hall.jpg"
    assert published.is_file()
    data = published.read_bytes()
    assert b"PLANTED" not in data and b"Exif" not in data
    with Image.open(published) as image:
        assert image.format == "JPEG"
        width, height = image.size
        assert height > width  # orientation applied
        assert width <= 2 * 760  # never wider than twice the page column
        assert not image.getexif()


@pytest.mark.build
def test_links_and_images_written_as_the_contract_allows_lead_to_the_one_copy(site: Build) -> None:
    for page in (f"briefs/{BID}/", f"en/briefs/{BID}/"):
        html = site.page(page)
        body = html[html.index('class="brief-body"'):]
        body = body[:body.index("</div>")]
        urls = re.findall(r'(?:src|href)="([^"]+)"', body)
        urls += [c.split()[0] for s in re.findall(r'srcset="([^"]*)"', body) for c in s.split(",")]
        assert urls, page
        for url in urls:
            target = urljoin(f"https://x/{page}", url)
            assert target.startswith(f"https://x/briefs/{BID}/"), (page, url)
            assert (site.site / target[len("https://x/"):]).is_file(), (page, url)
    english = site.page(f"en/briefs/{BID}/")
    assert re.search(rf'<a href="\.\./\.\./\.\./briefs/{BID}/hall\.jpg"[^>]*>The photo in full</a>', english)


@pytest.mark.build
def test_a_speaker_with_a_name_only_has_no_trailing_comma(site: Build) -> None:
    html = site.page(f"briefs/{BID}/")
    items = re.findall(r"<li><strong>([^<]*)</strong>([^<]*)</li>", html)
    assert ("김하나", "") in items, items
    assert ("이둘", ", 팀장") in items, items


@pytest.mark.build
def test_a_korean_title_typed_as_it_is_written_finds_its_brief(site: Build) -> None:
    korean = IndexFolder(site.site / "search" / "index" / "ko")
    for n, title in enumerate(TITLES_AS_WRITTEN):
        assert f"2024-0{n + 1}-10-title-{n}" in [hit.id for hit in korean.search(title)], title
    assert korean.search("있는") == []  # a modifier alone finds nothing
    assert [hit.id for hit in korean.search("윤일의")] == ["2024-04-10-title-3"]  # Kiwi alone cuts it: 윤/일/의
