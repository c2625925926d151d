"""Files for bundle tests, made in the test: photos with planted metadata, real and fake attachments.

Every planted value contains ``PLANTED`` (or is a GPS position), so a test can
scan the bytes of every published file for it.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from PIL import Image

PLANTED = b"PLANTED"
# 37.5665 N, 126.9780 E (Seoul City Hall), as EXIF rationals
GPS = {1: "N", 2: (37.0, 33.0, 59.4), 3: "E", 4: (126.0, 58.0, 40.8)}
FRONT_KO = """\
title: {title}
date: {date}
summary: {summary}
topics: [ai-manufacturing]
regions: [seoul]
{extra}"""
FRONT_EN = "title: {title}\nsummary: {summary}\n"


def photo(path: Path, size: tuple[int, int] = (3000, 2000), *, orientation: int = 1) -> Path:
    """A JPEG photo with EXIF (GPS, camera, description), an XMP packet and a comment, all planted."""
    width, height = size
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.paste((200, 60, 40), (0, 0, width // 3, height // 4))  # a red block: orientation is visible
    exif = Image.Exif()
    exif[0x010E] = "PLANTED description"  # ImageDescription
    exif[0x010F] = "PLANTED camera maker"  # Make
    exif[0x0112] = orientation
    exif[0x8825] = GPS
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>PLANTED xmp</rdf:RDF></x:xmpmeta>'
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=80, exif=exif.tobytes(), comment=b"PLANTED comment", xmp=xmp)
    return path


def chart(path: Path, size: tuple[int, int] = (1200, 800)) -> Path:
    """A PNG chart with planted text chunks."""
    from PIL import PngImagePlugin

    image = Image.new("RGB", size, (255, 255, 255))
    image.paste((0, 71, 160), (100, 300, 300, 700))
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "PLANTED png text")
    info.add_text("Author", "PLANTED author")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", pnginfo=info)
    return path


def pdf(path: Path) -> Path:
    """A real, minimal one-page PDF."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(out))
    return path


def docx(path: Path, folder: str = "word") -> Path:
    """A ZIP laid out as Office Open XML (``folder``: word, xl or ppt)."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr(f"{folder}/document.xml", "<document/>")
    return path


def hwpx(path: Path, mimetype: bytes = b"application/hwp+zip") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("Contents/section0.xml", "<sec/>")
    return path


def hwp(path: Path, header: bytes = b"HWP Document File") -> Path:
    """An OLE2 compound file holding an HWP header stream's signature."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + header + bytes(512))
    return path


def huge_png(path: Path, width: int = 9000, height: int = 5000) -> Path:
    """A tiny PNG whose header says ``width`` × ``height`` (a decompression bomb's header)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + body)
    return path


def sparse(path: Path, size: int, head: bytes = b"") -> Path:
    """A file of ``size`` bytes that takes no room on disk (``head`` first)."""
    with path.open("wb") as out:
        out.write(head)
        out.truncate(size)
    return path


def bundle_brief(briefs: Path, brief_id: str, ko_body: str, en_body: str | None = None, *,
                 title: str = "미디어 라운드테이블", extra: str = "", folder: str | None = None) -> Path:
    """Write a bundle ``<briefs>/<year>/<id>/`` with its Korean (and English) file; the folder."""
    where = briefs / brief_id[:4] / brief_id if folder is None else briefs / folder
    where.mkdir(parents=True, exist_ok=True)
    front = FRONT_KO.format(title=title, date=brief_id[:10], summary="사진과 첨부파일이 있는 브리프입니다.",
                            extra=extra)
    (where / f"{brief_id}.ko.md").write_text(f"---\n{front}---\n{ko_body}", encoding="utf-8")
    if en_body is not None:
        en = FRONT_EN.format(title="Media roundtable", summary="A brief with a photo and attachments.")
        (where / f"{brief_id}.en.md").write_text(f"---\n{en}---\n{en_body}", encoding="utf-8")
    return where
