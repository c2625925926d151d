"""What a file's first bytes say it is, to word a refusal ("an HTML page, not a JPEG image").

The names are for the writer's message only: whether a file is accepted is
decided by Pillow opening it (``images.inspect_image``).
"""

from __future__ import annotations

import re

IMAGE_NAMES = {"jpeg": "a JPEG image", "png": "a PNG image", "webp": "a WebP image"}

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"BM", "a BMP image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\xd0\xcf\x11\xe0", "an old office document (HWP, DOC or XLS)"),
    (b"\x00\x00\x01\x00", "an icon (ICO)"),
    (b"8BPS", "a Photoshop document (PSD)"),
)
_SVG = re.compile(rb"<svg[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<(!doctype\s+html|html|head|body|script|meta|title)[\s>]", re.IGNORECASE)


def content_kind(head: bytes) -> str:
    """``jpeg``, ``png`` or ``webp`` for an accepted image's first bytes, else a description of what they are."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return "an AVIF image" if brand.startswith(b"avi") else "a HEIC photo or video"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _SVG.search(text):
        return "an SVG drawing"
    if _HTML.search(text):
        return "an HTML page"
    if text.startswith(b"<"):
        return "an XML or HTML document"
    if not head:
        return "an empty file"
    return "not an image"
