"""One source image to the published bytes: upright, sRGB, no metadata, every width a page needs.

The source is decoded once, at the smallest size the largest output needs
(JPEG's scaled decoding, ``Image.draft``), turned upright
(``ImageOps.exif_transpose``), converted to sRGB when it carries an ICC
profile, and stripped of every ``info`` entry before anything is saved: the
encoders copy some of them (a JPEG's comment, a PNG's ICC profile) when they
are left there. Each output is saved with fixed settings only, so the same
source gives the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps

# Photos: a triangle filter (Pillow's BILINEAR widens it when shrinking, so nothing aliases), the cheapest
# that keeps 1,000 photos within a minute; charts and screenshots (PNG): Lanczos, for crisp lettering.
_FILTERS = {"photo": Image.Resampling.BILINEAR, "graphics": Image.Resampling.LANCZOS}


@dataclass(frozen=True)
class EncodeSettings:
    """Every knob of the published bytes; part of the cache key (changing one encodes again)."""

    column_px: int = 720  # the page column in CSS pixels; variants stop at twice it
    widths: tuple[int, ...] = (480, 960, 1440)
    max_width: int = 2000
    fallback_width: int = 960
    thumb_size: tuple[int, int] = (320, 180)  # shown at 160×90 CSS pixels in lists
    og_size: tuple[int, int] = (1200, 630)
    webp_quality: int = 80
    webp_quality_graphics: int = 90  # PNG sources: sharper edges for charts and screenshots
    webp_method: int = 0  # 1440 px: 29 ms, 9 % larger than method 4 (113 ms), which would blow the build budget
    jpeg_quality: int = 82
    png_compress_level: int = 6
    reducing_gap: float = 2.0


SETTINGS = EncodeSettings()


@dataclass(frozen=True)
class Output:
    """One published file: its role (``variant``, ``fallback``, ``thumb``, ``og``), name suffix and bytes."""

    role: str
    suffix: str  # e.g. ``960.webp``; the published name is ``<stem>-<suffix>``
    width: int
    height: int
    mime: str
    data: bytes


def variant_widths(width: int, settings: EncodeSettings) -> tuple[int, ...]:
    """The widths published for a source ``width`` wide: the steps below it, then its own width capped."""
    cap = min(width, 2 * settings.column_px, settings.max_width)
    return tuple(sorted({w for w in settings.widths if w < cap} | {cap}))


def render_outputs(source: bytes, kind: str, settings: EncodeSettings) -> list[Output]:
    """The published files of one image whose content ``kind`` is ``jpeg``, ``png`` or ``webp``."""
    with Image.open(io.BytesIO(source), formats=["JPEG", "PNG", "WEBP"]) as im:
        upright = _decode_upright(im, settings)
    graphics = kind == "png"
    base = _to_srgb(upright)
    width, height = base.size
    quality = settings.webp_quality_graphics if graphics else settings.webp_quality
    resample = _FILTERS["graphics" if graphics else "photo"]
    scaled: dict[int, Image.Image] = {}
    larger = base  # each width is scaled from the next larger one: cheaper than from the source, as sharp
    for w in sorted(variant_widths(width, settings), reverse=True):
        larger = scaled[w] = _resized(larger, (w, max(1, round(height * w / width))), resample, settings)
    outputs = [_webp("variant", f"{w}.webp", scaled[w], quality, settings) for w in sorted(scaled)]
    fw = min(settings.fallback_width, width)
    fallback = scaled[fw]  # variant_widths always holds it
    if graphics or base.mode == "RGBA":
        outputs.append(_png("fallback", f"{fw}.png", fallback, settings))
    else:
        outputs.append(_jpeg("fallback", f"{fw}.jpg", fallback, settings))
    pool = [scaled[w] for w in sorted(scaled)] + [base]
    thumb = _cover(_covering(pool, settings.thumb_size), settings.thumb_size, resample, settings)
    outputs.append(_webp("thumb", "thumb.webp", thumb, settings.webp_quality, settings))
    og = _flatten(_cover(_covering(pool, settings.og_size), settings.og_size, resample, settings))
    outputs.append(_jpeg("og", "og.jpg", og, settings))
    return outputs


def _covering(images: list[Image.Image], size: tuple[int, int]) -> Image.Image:
    """The first of ``images`` (smallest first) at least ``size`` in both directions, else the last."""
    return next((im for im in images if im.width >= size[0] and im.height >= size[1]), images[-1])


def _decode_upright(im: Image.Image, settings: EncodeSettings) -> Image.Image:
    """The decoded image, turned upright, at no less than the size the largest output needs."""
    if im.format in ("JPEG", "MPO"):
        turned = _orientation(im) in (5, 6, 7, 8)
        w, h = (im.height, im.width) if turned else im.size  # as shown
        largest = min(w, 2 * settings.column_px, settings.max_width)
        ow, oh = settings.og_size
        scale = max(largest / w, ow / w, oh / h, settings.thumb_size[0] / w, settings.thumb_size[1] / h)
        need = (max(1, int(w * scale + 1)), max(1, int(h * scale + 1)))
        im.draft(im.mode if im.mode in ("RGB", "L") else None, (need[1], need[0]) if turned else need)
    im.load()
    ImageOps.exif_transpose(im, in_place=True)  # no copy when already upright
    return im


def _orientation(im: Image.Image) -> int:
    value = im.getexif().get(0x0112, 1)
    return value if isinstance(value, int) else 1


def _to_srgb(im: Image.Image) -> Image.Image:
    """RGB or RGBA pixels in sRGB, with an empty ``info`` (no metadata can reach an encoder)."""
    has_alpha = im.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        im.mode in ("P", "L", "RGB") and "transparency" in im.info
    )
    mode = "RGBA" if has_alpha else "RGB"
    icc = im.info.get("icc_profile")
    if im.mode == "I" or im.mode.startswith("I;16"):  # 16-bit grey: scaled to 8 bits (a plain convert clips)
        im = im.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    if im.mode not in ("RGB", "RGBA", "CMYK", "L") or (has_alpha and im.mode != "RGBA"):
        im = im.convert(mode)
    converted = None
    if icc:
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(im, profile, ImageCms.createProfile("sRGB"), outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            converted = None  # a broken or unsupported profile: the pixels are taken as sRGB
    out = converted if converted is not None else im
    if out.mode != mode:
        out = out.convert(mode)
    if mode == "RGBA" and out.getchannel("A").getextrema()[0] == 255:
        out = out.convert("RGB")  # fully opaque: a photo after all
    out.info = {}
    return out


def _resized(
    im: Image.Image, size: tuple[int, int], resample: Image.Resampling, settings: EncodeSettings
) -> Image.Image:
    if im.size == size:
        return im
    return im.resize(size, resample, reducing_gap=settings.reducing_gap)


def _cover(
    im: Image.Image, size: tuple[int, int], resample: Image.Resampling, settings: EncodeSettings
) -> Image.Image:
    """``im`` scaled to cover ``size`` and cropped to it around the centre."""
    tw, th = size
    w, h = im.size
    if w * th > h * tw:  # wider than the target: crop the sides
        cw, ch = h * tw / th, float(h)
    else:
        cw, ch = float(w), w * th / tw
    box = ((w - cw) / 2, (h - ch) / 2, (w + cw) / 2, (h + ch) / 2)
    return im.resize(size, resample, box=box, reducing_gap=settings.reducing_gap)


def _flatten(im: Image.Image) -> Image.Image:
    if im.mode != "RGBA":
        return im
    white = Image.new("RGB", im.size, (255, 255, 255))
    white.paste(im, mask=im.getchannel("A"))
    return white


def _webp(role: str, suffix: str, im: Image.Image, quality: int, settings: EncodeSettings) -> Output:
    buf = io.BytesIO()
    im.save(buf, "WEBP", quality=quality, method=settings.webp_method)
    return Output(role, suffix, im.width, im.height, "image/webp", buf.getvalue())


def _jpeg(role: str, suffix: str, im: Image.Image, settings: EncodeSettings) -> Output:
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=settings.jpeg_quality, optimize=True)
    return Output(role, suffix, im.width, im.height, "image/jpeg", buf.getvalue())


def _png(role: str, suffix: str, im: Image.Image, settings: EncodeSettings) -> Output:
    buf = io.BytesIO()
    im.save(buf, "PNG", compress_level=settings.png_compress_level)
    return Output(role, suffix, im.width, im.height, "image/png", buf.getvalue())
