"""Bundle images (briefkit.media.images): refusals by content, and published bytes with no metadata.

Every image is made here with Pillow (plus hand-built EXIF, IPTC and PNG
chunks), and the assertions read the bytes that would be published.
"""

from __future__ import annotations

import io
import struct
import threading
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from briefkit.media import images
from briefkit.media.images import ImageJob, MediaProblem, inspect_image, publish_image, publish_images

MARKERS = [
    b"MARKER-EXIF-DESC",
    b"MARKER-GPS",
    b"MARKER-THUMB",
    b"MARKER-XMP",
    b"MARKER-COMMENT",
    b"MARKER-IPTC",
    b"MARKER-PNG-TEXT",
    b"MARKER-PNG-ITXT",
    b"MARKER-WEBP-XMP",
]
# Also never in a published file: the EXIF and ICC signatures, XMP's namespace, IPTC's wrapper,
# GPS latitude 37/1 33/1 5917/100 as EXIF stores it (the rational triple, little-endian), PNG text chunks.
METADATA_SIGNS = [
    b"Exif",
    b"acsp",
    b"ns.adobe.com",
    b"Photoshop",
    b"8BIM",
    struct.pack("<6I", 37, 1, 33, 1, 5917, 100),
    b"tEXt",
    b"iTXt",
    b"zTXt",
    b"iCCP",
    b"eXIf",
    b"ICCP",
    b"EXIF",
    b"XMP ",
]
RED = (220, 20, 20)
GREY = (128, 128, 128)


def _exif_blob(*, orientation: int, thumbnail: bytes) -> bytes:
    """A little-endian TIFF/EXIF block: description, orientation, GPS (with a marker) and an IFD1 thumbnail."""
    desc = b"MARKER-EXIF-DESC\0"
    gps_method = b"ASCII\0\0\0MARKER-GPS"
    # Layout: header 8 | IFD0 (3 entries) | IFD1 (2 entries) | GPS IFD (3 entries) | data
    ifd0 = 8
    ifd1 = ifd0 + 2 + 3 * 12 + 4
    gps = ifd1 + 2 + 2 * 12 + 4
    data = gps + 2 + 3 * 12 + 4
    desc_at, lat_at = data, data + len(desc)
    method_at = lat_at + 24
    thumb_at = method_at + len(gps_method)

    def ifd(entries: list[tuple[int, int, int, bytes]], next_ifd: int) -> bytes:
        out = struct.pack("<H", len(entries))
        for tag, kind, count, value in entries:
            out += struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\0")
        return out + struct.pack("<I", next_ifd)

    def long(v: int) -> bytes:
        return struct.pack("<I", v)

    blob = b"II*\0" + long(ifd0)
    blob += ifd([(0x010E, 2, len(desc), long(desc_at)), (0x0112, 3, 1, struct.pack("<H", orientation)),
                 (0x8825, 4, 1, long(gps))], ifd1)
    blob += ifd([(0x0201, 4, 1, long(thumb_at)), (0x0202, 4, 1, long(len(thumbnail)))], 0)
    blob += ifd([(0x0001, 2, 2, b"N\0"), (0x0002, 5, 3, long(lat_at)),
                 (0x001B, 7, len(gps_method), long(method_at))], 0)
    blob += desc + struct.pack("<6I", 37, 1, 33, 1, 5917, 100) + gps_method + thumbnail
    return b"Exif\0\0" + blob


def _with_iptc(jpeg: bytes) -> bytes:
    """``jpeg`` with an APP13 (Photoshop/IPTC) segment after SOI."""
    iptc = b"\x1c\x02\x78" + struct.pack(">H", 11) + b"MARKER-IPTC"
    resource = b"8BIM\x04\x04\0\0" + struct.pack(">I", len(iptc)) + iptc + b"\0"
    body = b"Photoshop 3.0\0" + resource
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", len(body) + 2) + body + jpeg[2:]


def _photo(path: Path, size: tuple[int, int] = (1600, 1000)) -> Path:
    """A JPEG stored landscape, shown portrait (Orientation 6), red in its stored top-left corner, and every kind
    of metadata: EXIF with GPS and an embedded thumbnail, XMP, an ICC profile, a comment and IPTC."""
    im = Image.new("RGB", size, GREY)
    im.paste(RED, (0, 0, size[0] // 4, size[1] // 4))
    thumb = io.BytesIO()
    Image.new("RGB", (160, 100), RED).save(thumb, "JPEG", comment=b"MARKER-THUMB")
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://ns.adobe.com/xap/1.0/">MARKER-XMP</rdf:RDF></x:xmpmeta>'
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=90, exif=_exif_blob(orientation=6, thumbnail=thumb.getvalue()),
            icc_profile=icc, comment=b"MARKER-COMMENT", xmp=xmp)
    path.write_bytes(_with_iptc(buf.getvalue()))
    return path


def _png_with_text(path: Path) -> Path:
    im = Image.new("RGBA", (800, 600), (0, 90, 200, 255))
    im.paste((255, 255, 255, 0), (0, 0, 200, 200))
    info = PngInfo()
    info.add_text("Comment", "MARKER-PNG-TEXT")
    info.add_itxt("XML:com.adobe.xmp", "MARKER-PNG-ITXT")
    info.add_text("Author", "MARKER-PNG-ZTXT " * 20, zip=True)
    im.save(path, "PNG", pnginfo=info)
    return path


def _webp_with_meta(path: Path) -> Path:
    exif = Image.Exif()
    exif[0x010E] = "MARKER-EXIF-DESC"
    Image.new("RGB", (640, 480), (10, 120, 60)).save(path, "WEBP", exif=exif.tobytes(), xmp=b"MARKER-WEBP-XMP")
    return path


def _published_files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def _all_names(published: images.PublishedImage) -> list[str]:
    parts = [*published.variants, *published.fallbacks, published.thumb, published.og]
    return [v.name for v in parts]


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sources")
    return {
        "photo": _photo(folder / "photo.jpg"),
        "png": _png_with_text(folder / "chart.png"),
        "webp": _webp_with_meta(folder / "field.webp"),
    }


def test_sources_really_carry_the_metadata(sources: dict[str, Path]) -> None:
    """The fixtures plant what the other tests look for (else 'nothing found' would prove nothing)."""
    photo = sources["photo"].read_bytes()
    for marker in (b"MARKER-EXIF-DESC", b"MARKER-GPS", b"MARKER-THUMB", b"MARKER-XMP", b"MARKER-COMMENT",
                   b"MARKER-IPTC", b"acsp", struct.pack("<6I", 37, 1, 33, 1, 5917, 100)):
        assert marker in photo
    with Image.open(sources["photo"]) as im:
        assert im.getexif()[0x0112] == 6
        assert im.size == (1600, 1000)
    png = sources["png"].read_bytes()
    assert b"MARKER-PNG-TEXT" in png and b"MARKER-PNG-ITXT" in png and b"zTXt" in png
    webp = sources["webp"].read_bytes()
    assert b"MARKER-WEBP-XMP" in webp and b"MARKER-EXIF-DESC" in webp


@pytest.mark.parametrize("kind", ["photo", "png", "webp"])
def test_published_files_carry_no_metadata(kind: str, sources: dict[str, Path], tmp_path: Path) -> None:
    published = publish_image(sources[kind], tmp_path, cache_dir=None, stem="img")
    files = _published_files(tmp_path)
    assert sorted(files) == sorted(_all_names(published))
    for name, data in files.items():
        for sign in MARKERS + METADATA_SIGNS:
            assert sign not in data, f"{name} contains {sign!r}"


def test_photo_is_published_upright(sources: dict[str, Path], tmp_path: Path) -> None:
    """Orientation 6 (turn 90° clockwise): the stored top-left red corner is shown top-right."""
    facts = inspect_image(sources["photo"])
    assert (facts.format, facts.width, facts.height) == ("jpeg", 1000, 1600)
    published = publish_image(sources["photo"], tmp_path, cache_dir=None, stem="photo")
    assert (published.width, published.height) == (1000, 1600)
    for v in [*published.variants, *published.fallbacks]:
        with Image.open(tmp_path / v.name) as im:
            assert im.size == (v.width, v.height)
            assert v.height > v.width
            rgb = im.convert("RGB")
            w, h = im.size
            top_right = rgb.getpixel((w - 1 - w // 16, h // 16))
            top_left = rgb.getpixel((w // 16, h // 16))
            assert isinstance(top_right, tuple) and isinstance(top_left, tuple)
            assert top_right[0] > 180 and top_right[1] < 80, (v.name, top_right)
            assert abs(top_left[0] - 128) < 20 and abs(top_left[1] - 128) < 20, (v.name, top_left)


def test_widths_fit_the_column_and_match_the_files(tmp_path: Path) -> None:
    src = tmp_path / "panorama.jpg"
    Image.new("RGB", (5200, 1300), (30, 60, 90)).save(src, "JPEG")
    published = publish_image(src, tmp_path / "out", cache_dir=None, stem="pano")
    assert [v.width for v in published.variants] == [480, 960, 1440]
    assert all(v.mime == "image/webp" for v in published.variants)
    assert [(f.width, f.mime) for f in published.fallbacks] == [(960, "image/jpeg")]
    assert (published.og.width, published.og.height, published.og.mime) == (1200, 630, "image/jpeg")
    assert (published.thumb.width, published.thumb.height, published.thumb.mime) == (320, 180, "image/webp")
    for v in [*published.variants, *published.fallbacks, published.thumb, published.og]:
        with Image.open(tmp_path / "out" / v.name) as im:
            assert im.size == (v.width, v.height)
            assert im.width <= 2000
            assert im.format == {"image/webp": "WEBP", "image/jpeg": "JPEG", "image/png": "PNG"}[v.mime]


def test_small_image_is_never_enlarged(tmp_path: Path) -> None:
    src = tmp_path / "small.png"
    Image.new("RGB", (300, 200), (200, 10, 10)).save(src)
    published = publish_image(src, tmp_path / "out", cache_dir=None, stem="small")
    assert [(v.width, v.height) for v in published.variants] == [(300, 200)]
    assert [(f.width, f.mime, f.name) for f in published.fallbacks] == [(300, "image/png", "small-300.png")]


def test_transparent_png_keeps_its_transparency(sources: dict[str, Path], tmp_path: Path) -> None:
    published = publish_image(sources["png"], tmp_path, cache_dir=None, stem="chart")
    with Image.open(tmp_path / published.fallbacks[0].name) as im:
        assert im.mode == "RGBA" and im.getpixel((5, 5))[3] == 0  # type: ignore[index]
    with Image.open(tmp_path / published.variants[-1].name) as im:
        assert im.mode == "RGBA" and im.getpixel((5, 5))[3] == 0  # type: ignore[index]


def test_same_input_same_bytes(sources: dict[str, Path], tmp_path: Path) -> None:
    for kind, src in sources.items():
        publish_image(src, tmp_path / f"{kind}-a", cache_dir=None, stem=kind)
        publish_image(src, tmp_path / f"{kind}-b", cache_dir=None, stem=kind)
        assert _published_files(tmp_path / f"{kind}-a") == _published_files(tmp_path / f"{kind}-b")


def test_cache_hit_encodes_nothing(sources: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = publish_image(sources["photo"], tmp_path / "one", cache_dir=cache, stem="photo")

    def refuse(source: bytes, kind: str) -> list[object]:
        raise AssertionError("encoded again despite the cache")

    monkeypatch.setattr(images, "_encode", refuse)
    second = publish_image(sources["photo"], tmp_path / "two", cache_dir=cache, stem="photo")
    assert second == first
    assert _published_files(tmp_path / "one") == _published_files(tmp_path / "two")
    renamed = publish_image(sources["photo"], tmp_path / "three", cache_dir=cache, stem="other")
    assert renamed.og.name == "other-og.jpg" and (tmp_path / "three" / "other-og.jpg").is_file()
    with pytest.raises(AssertionError, match="encoded again"):  # a different image is not a hit
        publish_image(sources["png"], tmp_path / "four", cache_dir=cache, stem="chart")


@pytest.mark.parametrize("threaded", [False, True], ids=["fork", "spawn"])
def test_pool_gives_the_serial_results(threaded: bool, sources: dict[str, Path], tmp_path: Path) -> None:
    """Either way of starting workers (a second thread, as under ``mkdocs serve``, means spawn) gives the same."""
    jobs = [ImageJob(src, tmp_path / "pool", stem=kind) for kind, src in sources.items()]
    stop = threading.Event()
    watcher = threading.Thread(target=stop.wait, daemon=True)
    if threaded:
        watcher.start()
    try:
        alone = threading.active_count() == 1  # another test's server thread may still run here
        assert images._start_method().get_start_method() == ("fork" if alone else "spawn")
        pooled = publish_images(jobs, workers=2)
    finally:
        stop.set()
    serial = publish_images([ImageJob(j.src, tmp_path / "serial", stem=j.stem) for j in jobs], workers=1)
    assert pooled == serial
    assert _published_files(tmp_path / "pool") == _published_files(tmp_path / "serial")


def _png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims ``width``×``height`` but holds almost no data: a decompression bomb's shape."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
                     + chunk(b"IEND", b""))
    return path


@pytest.mark.parametrize(("width", "height"), [(30000, 30000), (7000, 6000)])
def test_decompression_bomb_is_refused_without_decoding(width: int, height: int, tmp_path: Path) -> None:
    bomb = _png_header_only(tmp_path / "bomb.png", width, height)
    start = time.perf_counter()
    with pytest.raises(MediaProblem, match="40-megapixel limit"):
        inspect_image(bomb)
    with pytest.raises(MediaProblem, match="40-megapixel limit"):
        publish_image(bomb, tmp_path / "out", cache_dir=None, stem="bomb")
    assert time.perf_counter() - start < 1.0  # decoding 900 megapixels would take many seconds and 2.7 GB
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_too_large_file_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "big.jpg"
    Image.effect_noise((200, 200), 80).convert("RGB").save(src)
    assert src.stat().st_size > 1000
    with pytest.raises(MediaProblem, match=r"over the 0\.001 MB limit"):
        inspect_image(src, max_bytes=1000)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "SVG is not accepted as an image (export"),
        ("logo.png", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
         "the file's content is an SVG drawing, not a PNG image (export it as PNG)"),
        ("photo.jpg", b"<!DOCTYPE html><html><body>hi</body></html>",
         "the file's content is an HTML page, not a JPEG image (upload the image itself"),
        ("anim.gif", b"GIF89a", "'.gif' is not an image type the site publishes (save it as .jpg, .png or .webp)"),
        ("anim.png", b"GIF89a\x01\x00\x01\x00", "the file's content is a GIF image, not a PNG image"),
        ("empty.webp", b"", "the file's content is an empty file, not a WebP image"),
        ("scan.jpeg", b"%PDF-1.7\n", "the file's content is a PDF document, not a JPEG image (upload the image"),
        ("phone.jpg", b"\0\0\0\x18ftypheic\0\0\0\0",
         "content is a HEIC photo or video, not a JPEG image (convert it to JPEG, or PNG for a drawing)"),
    ],
)
def test_non_images_are_refused_with_a_clear_message(name: str, content: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(MediaProblem) as raised:
        inspect_image(path)
    assert message in str(raised.value)
    assert str(tmp_path) not in str(raised.value)


def test_png_named_jpg_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    Image.new("RGB", (10, 10)).save(path, "PNG")
    with pytest.raises(MediaProblem, match=r"content is a PNG image but its name ends like a JPEG image \(rename it to "
                       r"end in \.png\)"):
        inspect_image(path)


def test_truncated_image_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    full = tmp_path / "full.png"
    Image.effect_noise((400, 400), 60).save(full)
    cut = tmp_path / "cut.png"
    cut.write_bytes(full.read_bytes()[:3000])
    with pytest.raises(MediaProblem, match="damaged or incomplete"):
        publish_image(cut, tmp_path / "out", cache_dir=None, stem="cut")


def test_animated_png_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "anim.png"
    frames = [Image.new("RGB", (20, 20), c) for c in ((255, 0, 0), (0, 255, 0))]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    with pytest.raises(MediaProblem, match="animated images are not accepted"):
        inspect_image(path)


@pytest.mark.parametrize("workers", [1, 2])
def test_pool_names_the_failing_image(workers: int, sources: dict[str, Path], tmp_path: Path) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"<html><body>not a photo</body></html>")
    jobs = [ImageJob(sources["png"], tmp_path / "out", stem="a"), ImageJob(bad, tmp_path / "out", stem="bad"),
            ImageJob(sources["webp"], tmp_path / "out", stem="c")]
    with pytest.raises(MediaProblem, match="content is an HTML page") as raised:
        publish_images(jobs, workers=workers)
    assert raised.value.job == jobs[1]


def test_pool_places_cached_images_without_encoding(
    sources: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    jobs = [ImageJob(src, tmp_path / "one", stem=kind, cache_dir=cache) for kind, src in sources.items()]
    first = publish_images(jobs, workers=1)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("encoded again, or a pool started, despite the cache")

    monkeypatch.setattr(images, "_encode", refuse)
    monkeypatch.setattr(images, "ProcessPoolExecutor", refuse)
    again = publish_images([ImageJob(j.src, tmp_path / "two", j.stem, cache) for j in jobs], workers=2)
    assert again == first
    assert _published_files(tmp_path / "one") == _published_files(tmp_path / "two")


def _swapped_icc() -> bytes:
    """An ICC v2 RGB profile whose red and blue primaries are swapped: its 'red' is sRGB's blue."""

    def s15(v: float) -> bytes:
        return struct.pack(">i", round(v * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ \0\0\0\0" + s15(x) + s15(y) + s15(z)

    text = b"swapped primaries"
    desc = b"desc\0\0\0\0" + struct.pack(">I", len(text) + 1) + text + b"\0" + b"\0" * 8 + b"\0" * 3 + b"\0" * 67
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, 0x0233) + b"\0\0"  # gamma 2.2
    tags = [(b"desc", desc), (b"wtpt", xyz(0.9642, 1.0, 0.8249)), (b"rXYZ", xyz(0.1431, 0.0606, 0.7141)),
            (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)), (b"bXYZ", xyz(0.4361, 0.2225, 0.0139)),
            (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve)]
    offset = 128 + 4 + 12 * len(tags)
    table, data = struct.pack(">I", len(tags)), b""
    for sig, body in tags:
        body += b"\0" * (-len(body) % 4)
        table += sig + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = (struct.pack(">I", size) + b"\0" * 4 + struct.pack(">I", 0x02100000) + b"mntrRGB XYZ " + b"\0" * 12
              + b"acsp" + b"\0" * 24 + struct.pack(">I", 0) + s15(0.9642) + s15(1.0) + s15(0.8249))
    header += b"\0" * (128 - len(header))
    return header + table + data


def test_icc_profile_is_converted_to_srgb_then_dropped(tmp_path: Path) -> None:
    src = tmp_path / "wide.jpg"
    Image.new("RGB", (600, 400), RED).save(src, "JPEG", quality=95, icc_profile=_swapped_icc())
    published = publish_image(src, tmp_path / "out", cache_dir=None, stem="wide")
    for v in [*published.variants, *published.fallbacks, published.og]:
        data = (tmp_path / "out" / v.name).read_bytes()
        assert b"acsp" not in data
        with Image.open(io.BytesIO(data)) as im:
            r, g, b = im.convert("RGB").getpixel((im.width // 2, im.height // 2))  # type: ignore[misc]
            assert b > 150 and r < 80, (v.name, (r, g, b))  # the profile's 'red' is blue


@pytest.mark.parametrize(
    ("mode", "fmt", "name"), [("CMYK", "JPEG", "print.jpg"), ("L", "JPEG", "grey.jpg"), ("I;16", "PNG", "deep.png"),
                              ("P", "PNG", "palette.png"), ("LA", "PNG", "grey-alpha.png"), ("1", "PNG", "bw.png")]
)
def test_other_pixel_formats_are_published(mode: str, fmt: str, name: str, tmp_path: Path) -> None:
    src = tmp_path / name
    Image.new("RGB", (500, 300), (200, 60, 30)).convert(mode).save(src, fmt)
    published = publish_image(src, tmp_path / "out", cache_dir=None, stem="x")
    assert (published.width, published.height) == (500, 300)
    for v in [*published.variants, *published.fallbacks, published.thumb, published.og]:
        with Image.open(tmp_path / "out" / v.name) as im:
            assert im.size == (v.width, v.height) and im.mode in ("RGB", "RGBA")


def test_writing_over_a_placed_file_leaves_the_cache_intact(sources: dict[str, Path], tmp_path: Path) -> None:
    """Published files may be hard links into the cache: a later image of the same name must not write through."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    publish_image(sources["photo"], out, cache_dir=cache, stem="lead")
    publish_image(sources["photo"], out, cache_dir=cache, stem="lead")  # placed from the cache
    kept = _published_files(out)
    other = tmp_path / "other.jpg"
    Image.new("RGB", (1600, 1000), (0, 200, 0)).save(other)
    publish_image(other, out, cache_dir=None, stem="lead")
    publish_image(sources["photo"], tmp_path / "again", cache_dir=cache, stem="lead")
    assert _published_files(tmp_path / "again") == kept


def test_a_cached_file_changed_in_place_is_encoded_again(sources: dict[str, Path], tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    publish_image(sources["webp"], tmp_path / "fresh", cache_dir=None, stem="f")
    publish_image(sources["webp"], tmp_path / "one", cache_dir=cache, stem="f")
    publish_image(sources["webp"], tmp_path / "two", cache_dir=cache, stem="f")
    with (tmp_path / "two" / "f-og.jpg").open("r+b") as placed:  # writes through a hard link, if it is one
        placed.write(b"\0" * 64)
    publish_image(sources["webp"], tmp_path / "three", cache_dir=cache, stem="f")
    assert _published_files(tmp_path / "three") == _published_files(tmp_path / "fresh")


def test_an_image_too_tall_for_webp_is_refused_before_decoding(tmp_path: Path) -> None:
    tall = _png_header_only(tmp_path / "scroll.png", 1000, 20000)
    with pytest.raises(MediaProblem, match=r"1000 × 20000 pixels, too tall to show on a page \(crop it"):
        inspect_image(tall)
    Image.new("RGB", (2400, 16000), (1, 2, 3)).save(tmp_path / "fits.png")  # its 1440 px variant: 9600 high
    assert inspect_image(tmp_path / "fits.png").height == 16000


def test_srcset_lists_the_webp_variants(sources: dict[str, Path], tmp_path: Path) -> None:
    published = publish_image(sources["photo"], tmp_path, cache_dir=None, stem="p")
    assert published.srcset("../") == "../p-480.webp 480w, ../p-960.webp 960w, ../p-1000.webp 1000w"


def test_large_photo_decoded_smaller_is_still_upright_and_full_width(tmp_path: Path) -> None:
    """JPEG's scaled decoding (Image.draft) is sized for the upright image: Orientation 8 (turn 90° anticlockwise)."""
    im = Image.new("RGB", (6000, 3800), GREY)  # decoded at half size: 3000×1900, still wider than 1440 upright
    im.paste(RED, (0, 0, 1500, 950))
    thumb = io.BytesIO()
    Image.new("RGB", (16, 10)).save(thumb, "JPEG")
    src = tmp_path / "big.jpg"
    im.save(src, "JPEG", exif=_exif_blob(orientation=8, thumbnail=thumb.getvalue()))
    published = publish_image(src, tmp_path / "out", cache_dir=None, stem="big")
    assert [(v.width, v.height) for v in published.variants] == [(480, 758), (960, 1516), (1440, 2274)]
    with Image.open(tmp_path / "out" / "big-1440.webp") as out:
        rgb = out.convert("RGB")
        bottom_left, top_left = rgb.getpixel((40, 2274 - 40)), rgb.getpixel((40, 40))
        assert isinstance(bottom_left, tuple) and isinstance(top_left, tuple)
        assert bottom_left[0] > 180 and bottom_left[1] < 80 and abs(top_left[0] - 128) < 20


def test_16_bit_grey_is_scaled_not_clipped(tmp_path: Path) -> None:
    src = tmp_path / "deep.png"
    Image.frombytes("I;16", (400, 300), struct.pack("<H", 30000) * (400 * 300)).save(src)
    with Image.open(src) as check:
        assert check.mode.startswith("I") and check.getpixel((0, 0)) == 30000
    published = publish_image(src, tmp_path / "out", cache_dir=None, stem="deep")
    with Image.open(tmp_path / "out" / published.fallbacks[0].name) as im:
        assert abs(im.convert("L").getpixel((10, 10)) - 30000 / 257) <= 2  # type: ignore[operator]


def test_a_published_source_is_not_read_again_until_it_changes(
    sources: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A warm build finds each photo's entry by the file's stat (sources.json), without reading or hashing it;
    # a photo replaced under the same name is read, and published with its new pixels.
    cache, photo = tmp_path / "cache", tmp_path / "photo.jpg"
    photo.write_bytes(sources["photo"].read_bytes())
    read, key = Path.read_bytes, images._cache_key
    reads: list[Path] = []
    hashed: list[int] = []
    with monkeypatch.context() as counted:  # the first publish reads and hashes the photo once, not twice
        counted.setattr(Path, "read_bytes", lambda path: reads.append(path) or read(path))
        counted.setattr(images, "_cache_key", lambda source: hashed.append(len(source)) or key(source))
        first = publish_images([ImageJob(photo, tmp_path / "one", "p", cache)], workers=1)
    assert reads.count(photo) == 1 and hashed == [photo.stat().st_size]
    assert (cache / "sources.json").is_file()

    def refuse_photo(path: Path) -> bytes:
        assert path != photo, "the unchanged photo was read again"
        return read(path)

    with monkeypatch.context() as patched:
        patched.setattr(Path, "read_bytes", refuse_photo)
        patched.setattr(images, "_cache_key", lambda source: pytest.fail("the unchanged photo was hashed again"))
        assert publish_images([ImageJob(photo, tmp_path / "two", "p", cache)], workers=1) == first
    assert _published_files(tmp_path / "two") == _published_files(tmp_path / "one")

    Image.new("RGB", (1600, 1000), (0, 200, 0)).save(photo, quality=90)
    publish_images([ImageJob(photo, tmp_path / "three", "p", cache)], workers=1)
    with Image.open(tmp_path / "three" / "p-og.jpg") as og:
        assert og.convert("RGB").getpixel((600, 315)) == pytest.approx((0, 200, 0), abs=8)
