"""Whether an uploaded image can be published, read from its content and header only.

JPEG, PNG and WebP are accepted, decided by the file's content (Pillow
opening it with just those three decoders), and the content must match the
extension's family: a PNG named ``.jpg`` is refused, so that what the writer
sees on their computer is what the site publishes. Only the header is read:
an image over the pixel limit (a decompression bomb) is refused before a
single pixel is decoded, and so is one too tall for its WebP variants.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from PIL import Image, UnidentifiedImageError

from briefkit.media.encode import SETTINGS, variant_widths
from briefkit.media.sniff import IMAGE_NAMES, content_kind

if TYPE_CHECKING:
    from briefkit.media.images import ImageJob

MAX_BYTES = 20_000_000
MAX_PIXELS = 40_000_000
WEBP_MAX_SIDE = 16383  # the format's limit: a taller variant cannot be encoded
EXTENSION_KINDS = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}
_RENAME = {"jpeg": ".jpg", "png": ".png", "webp": ".webp"}


class MediaProblem(Exception):
    """A bundle file the site cannot publish; the message says what is wrong and what to do (no path)."""

    job: ImageJob | None = None  # set by publish_images: which image it is


@dataclass(frozen=True)
class ImageFacts:
    """What the header of an accepted image says; width and height as shown (orientation applied)."""

    format: str  # "jpeg" | "png" | "webp"
    width: int
    height: int


def inspect_image(path: Path, *, max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS) -> ImageFacts:
    """Check the image at ``path`` by its content and header; raise ``MediaProblem`` if it cannot be published."""
    expected = _expected_kind(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise MediaProblem(
            f"the image is {size / 1_000_000:.1f} MB, over the {max_bytes / 1_000_000:g} MB limit "
            "(save it smaller, e.g. 3000 pixels wide at JPEG quality 85)"
        )
    with path.open("rb") as fp:
        return _inspect(fp, expected, max_pixels)


def _expected_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".svg":
        raise MediaProblem("SVG is not accepted as an image (export the drawing as PNG, or JPEG for a photo)")
    kind = EXTENSION_KINDS.get(suffix)
    if kind is None:
        shown = f"'{suffix}'" if suffix else "a name without an extension"
        raise MediaProblem(f"{shown} is not an image type the site publishes (save it as .jpg, .png or .webp)")
    return kind


def _inspect(fp: IO[bytes], expected: str, max_pixels: int) -> ImageFacts:
    head = fp.read(512)
    fp.seek(0)
    actual = content_kind(head)
    if actual not in IMAGE_NAMES:
        if "SVG" in actual:
            advice = "export it as PNG"
        elif "image" in actual or "photo" in actual or "Photoshop" in actual:
            advice = "convert it to JPEG, or PNG for a drawing"
        else:
            advice = "upload the image itself, saved as .jpg, .png or .webp"
        raise MediaProblem(f"the file's content is {actual}, not {IMAGE_NAMES[expected]} ({advice})")
    if actual != expected:
        raise MediaProblem(
            f"the file's content is {IMAGE_NAMES[actual]} but its name ends like {IMAGE_NAMES[expected]} "
            f"(rename it to end in {_RENAME[actual]})"
        )
    limit = f"over the {max_pixels / 1_000_000:g}-megapixel limit (scale it down, e.g. to 3000 pixels wide)"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(fp, formats=["JPEG", "PNG", "WEBP"]) as im:
                width, height = im.size
                if width * height > max_pixels:
                    raise MediaProblem(f"the image is {width} × {height} pixels, {limit}")
                if expected != "jpeg" and getattr(im, "is_animated", False):
                    raise MediaProblem("animated images are not accepted (publish a still image)")
                turned = _orientation(im) in (5, 6, 7, 8)
                im.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise MediaProblem(f"the image has too many pixels, {limit}") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise MediaProblem("the image is damaged or incomplete (save it again)") from None
    if width < 1 or height < 1:
        raise MediaProblem("the image is empty (save it again)")
    facts = ImageFacts(expected, height, width) if turned else ImageFacts(expected, width, height)
    shown = variant_widths(facts.width, SETTINGS)[-1]
    if facts.height * shown / facts.width > WEBP_MAX_SIDE:
        raise MediaProblem(
            f"the image is {facts.width} × {facts.height} pixels, too tall to show on a page "
            "(crop it, or split it into parts)"
        )
    return facts


def _orientation(im: Image.Image) -> int:
    """The EXIF orientation from the header; a PNG's ``eXIf`` after the pixels is not read (that would decode)."""
    if im.format == "PNG" and "exif" not in im.info:
        return 1
    value = im.getexif().get(0x0112, 1)
    return value if isinstance(value, int) else 1
