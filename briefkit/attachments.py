"""Attachments: the files a brief links to (PDF, HWP, office files, data), checked by content.

A bundle's attachment is published byte for byte, so what it holds must be
what its extension says: a reader who downloads ``press-release.pdf`` must
not get an HTML page. The type is read from the bytes: ``puremagic`` for
PDF, the OLE2 compound-file signature and the ``HWP Document File`` header
for HWP, the ZIP entries (``zipfile``) for HWPX (``mimetype`` entry) and the
Office Open XML formats (``[Content_Types].xml`` and the ``word/``, ``xl/``,
``ppt/`` folders), text for CSV and TXT (UTF-8, UTF-16 with a BOM or CP949: what
Korean offices save; no NUL in an 8-bit text, no HTML).

``size_text`` writes a size the way a link shows it in both languages
(``1.2 MB``): decimal units, one decimal place below 10.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import puremagic

ATTACHMENT_TYPES = {  # extension -> the type a link shows
    ".pdf": "PDF", ".hwp": "HWP", ".hwpx": "HWPX", ".docx": "DOCX", ".xlsx": "XLSX",
    ".pptx": "PPTX", ".csv": "CSV", ".txt": "TXT", ".zip": "ZIP",
}
ATTACHMENT_MAX = 50_000_000  # bytes
MEDIA_TYPES = {
    ".pdf": "application/pdf", ".hwp": "application/x-hwp", ".hwpx": "application/hwp+zip",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".csv": "text/csv", ".txt": "text/plain", ".zip": "application/zip",
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HWP_HEADER = b"HWP Document File"
_OOXML_FOLDER = {".docx": "word/", ".xlsx": "xl/", ".pptx": "ppt/"}
_HTML_START = re.compile(rb"\s*<(?:!doctype\s+html|html|head|body|script|svg)", re.I)
_HEAD = 8192
_CHUNK = 1 << 20


def attachment_problem(path: Path, ext: str) -> str | None:
    """What is wrong with the attachment at ``path`` named with ``ext``, or None.

    The message is for the writer and names no path (the caller's message does).
    """
    size = path.stat().st_size
    kind = ATTACHMENT_TYPES[ext]
    if size > ATTACHMENT_MAX:
        return f"the file is {size_text(size)}, over the {size_text(ATTACHMENT_MAX)} limit" + (
            " (make it smaller, split it, or link to where it is published)")
    if size == 0:
        return "the file is empty (attach the real file)"
    with path.open("rb") as handle:
        head = handle.read(_HEAD)
    if ext in (".csv", ".txt"):
        return _text_problem(path, kind)
    found = _content_kind(head)
    wrong = f"the file is not a {kind} file" + (f": its content is {found}" if found else "")
    if ext == ".pdf":
        return None if _is_pdf(head) else wrong + " (save or export it as PDF again)"
    if ext == ".hwp":
        return None if head.startswith(_OLE2) and _holds(path, _HWP_HEADER) else (
            wrong + " (save it from Hangul as .hwp again, or as .hwpx)")
    return _zip_problem(path, ext, kind, wrong)


def size_text(size: int) -> str:
    """``1.2 MB``, ``850 KB``, ``12 MB``, ``900 B``: decimal units, as both languages write them."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            value = size / scale
            return f"{value:.1f} {unit}" if value < 10 else f"{round(value)} {unit}"
    return f"{size} B"


def _is_pdf(head: bytes) -> bool:
    return any(match.extension == ".pdf" for match in _matches(head)) and b"%PDF-" in head[:1024]


def _content_kind(head: bytes) -> str:
    """A reader's name for what the bytes are, or ""."""
    if _HTML_START.match(head[:512]):
        return "an HTML page" if b"<svg" not in head[:512].lower() else "an SVG image"
    matches = _matches(head)
    return f"{matches[0].name}" if matches else ""


def _matches(head: bytes) -> list[puremagic.main.PureMagicWithConfidence]:
    try:
        return list(puremagic.magic_string(head))
    except (puremagic.PureError, ValueError):
        return []


def _holds(path: Path, needle: bytes) -> bool:
    """Whether the file's bytes hold ``needle`` (an OLE2 stream's data sits in the file as it is)."""
    tail = b""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            if needle in tail + chunk:
                return True
            tail = chunk[-len(needle):]
    return False


def _zip_problem(path: Path, ext: str, kind: str, wrong: str) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if ext == ".hwpx":
                ok = "mimetype" in names and archive.read("mimetype").strip() == b"application/hwp+zip"
            elif ext in _OOXML_FOLDER:
                ok = "[Content_Types].xml" in names and any(n.startswith(_OOXML_FOLDER[ext]) for n in names)
            else:
                ok = True
    except (zipfile.BadZipFile, OSError, KeyError, EOFError):
        return wrong + f" (save it as {kind} again)"
    return None if ok else wrong + f": a ZIP archive, but not one of {kind} (save it as {kind} again)"


def _text_problem(path: Path, kind: str) -> str | None:
    raw = path.read_bytes()
    text = _decoded(raw)
    if text is None:
        if b"\x00" in raw:
            return f"the file is not {kind} text: it holds binary data (save it as UTF-8 text)"
        return f"the file is not UTF-8 text (save it as {kind} in UTF-8; Excel: 'CSV UTF-8')"
    if _HTML_START.match(text[:512].encode("utf-8", "replace")):
        return f"the file is an HTML page, not {kind} text (attach the data itself)"
    return None


def _decoded(raw: bytes) -> str | None:
    """The text of a CSV or text file as Korean offices save it, or None for binary data.

    UTF-8 (with or without a BOM), UTF-16 with its BOM (Notepad's "Unicode"), and
    CP949 (EUC-KR and its extension, Excel's plain "CSV" on a Korean Windows).
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in raw:
        return None
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None
