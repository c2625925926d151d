"""Attachments are judged by their bytes, not their names; sizes are written the same in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.bundle_fixtures import docx, hwp, hwpx, pdf, sparse

from briefkit.attachments import attachment_problem, size_text


def test_a_real_pdf_passes_and_an_html_page_named_pdf_does_not(tmp_path: Path) -> None:
    assert attachment_problem(pdf(tmp_path / "press.pdf"), ".pdf") is None
    fake = tmp_path / "fake.pdf"
    fake.write_text("<!DOCTYPE html><html><head><title>login</title></head></html>")
    assert attachment_problem(fake, ".pdf") == (
        "the file is not a PDF file: its content is an HTML page (save or export it as PDF again)")


def test_hwp_is_an_ole2_file_holding_the_hwp_header(tmp_path: Path) -> None:
    assert attachment_problem(hwp(tmp_path / "a.hwp"), ".hwp") is None
    other = hwp(tmp_path / "b.hwp", header=b"Microsoft Word 97")  # an OLE2 file, but a .doc
    assert "is not a HWP file" in (attachment_problem(other, ".hwp") or "")
    assert "is not a HWP file" in (attachment_problem(pdf(tmp_path / "c.hwp"), ".hwp") or "")


def test_hwpx_is_a_zip_with_its_mimetype_entry(tmp_path: Path) -> None:
    assert attachment_problem(hwpx(tmp_path / "a.hwpx"), ".hwpx") is None
    wrong = hwpx(tmp_path / "b.hwpx", mimetype=b"application/epub+zip")
    assert "a ZIP archive, but not one of HWPX" in (attachment_problem(wrong, ".hwpx") or "")


@pytest.mark.parametrize(("ext", "folder"), [(".docx", "word"), (".xlsx", "xl"), (".pptx", "ppt")])
def test_office_files_are_zips_with_their_own_parts(tmp_path: Path, ext: str, folder: str) -> None:
    assert attachment_problem(docx(tmp_path / f"a{ext}", folder), ext) is None
    other = "ppt" if folder != "ppt" else "word"
    assert "not one of" in (attachment_problem(docx(tmp_path / f"b{ext}", other), ext) or "")
    assert attachment_problem(pdf(tmp_path / f"c{ext}"), ext) is not None


def test_zip_csv_and_text(tmp_path: Path) -> None:
    assert attachment_problem(docx(tmp_path / "a.zip"), ".zip") is None
    assert attachment_problem(pdf(tmp_path / "b.zip"), ".zip") is not None
    good = tmp_path / "data.csv"
    good.write_text("지역,기업 수\n서울,12\n", encoding="utf-8-sig")
    assert attachment_problem(good, ".csv") is None
    legacy = tmp_path / "legacy.csv"  # Excel's plain "CSV" on a Korean Windows: still a CSV file
    legacy.write_bytes("지역,기업 수\n".encode("cp949"))
    assert attachment_problem(legacy, ".csv") is None
    garbled = tmp_path / "garbled.csv"
    garbled.write_bytes(b"\xff\xfa\x80,\xff\n")
    assert "not UTF-8" in (attachment_problem(garbled, ".csv") or "")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"text\x00more")
    assert "binary data" in (attachment_problem(binary, ".txt") or "")
    page = tmp_path / "page.txt"
    page.write_text("  <html><script>alert(1)</script></html>")
    assert "HTML page" in (attachment_problem(page, ".txt") or "")


def test_size_limits_and_empty_files(tmp_path: Path) -> None:
    big = sparse(tmp_path / "big.pdf", 50_000_001, b"%PDF-1.4\n")
    assert attachment_problem(big, ".pdf") == (
        "the file is 50 MB, over the 50 MB limit (make it smaller, split it, or link to where it is published)")
    assert attachment_problem(sparse(tmp_path / "exact.pdf", 50_000_000, b"%PDF-1.4\n"), ".pdf") is None
    (tmp_path / "empty.txt").write_bytes(b"")
    assert "empty" in (attachment_problem(tmp_path / "empty.txt", ".txt") or "")


@pytest.mark.parametrize(("size", "shown"), [
    (0, "0 B"), (999, "999 B"), (1000, "1.0 KB"), (85_300, "85 KB"), (1_234_567, "1.2 MB"),
    (9_950_000, "9.9 MB"), (12_600_000, "13 MB"), (50_000_000, "50 MB"), (2_500_000_000, "2.5 GB"),
])
def test_size_text(size: int, shown: str) -> None:
    assert size_text(size) == shown
