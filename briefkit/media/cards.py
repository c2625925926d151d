"""The link-preview card of a brief: a 1200×630 PNG with its title and the site's name.

Drawn with Pillow in the font shipped in ``fonts/`` (a subset of Pretendard
GOV Bold, renamed as the OFL asks: see ``fonts/README.md``), white on the
blue of the national flag's standard colours (contrast 8.6:1). The title is
wrapped at spaces, never inside a Korean word (CSS ``word-break: keep-all``),
unless one word is wider than a line: then it breaks between syllables or
letters. A title too long for four lines ends in an ellipsis. Characters the
font lacks (Hanja, emoji) are left out rather than drawn as boxes. With the
BASIC layout engine and fixed PNG settings the same title gives the same
bytes; ``cache_dir`` keeps each card by a digest of everything that draws it.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from pathlib import Path

import PIL
import PIL.features
from PIL import Image, ImageDraw, ImageFont

from briefkit.media import cache as store

from ..cache import memo

SIZE = (1200, 630)
BLUE = (0, 71, 160)  # #0047A0
WHITE = (255, 255, 255)
RULE = 150  # the rule's shade between the blue (0) and white (255)
MARGIN = 80
FONT_PATH = Path(__file__).parent / "fonts" / "MSSCardSans-Bold.otf"
# The code points kept in the shipped subset (fonts/README.md); anything else would be drawn as a box.
COVERED = (
    (0x20, 0x7E), (0xA0, 0x17F), (0x2010, 0x2027), (0x2030, 0x203A), (0x20A9, 0x20A9), (0x2190, 0x2193),
    (0x3000, 0x303F), (0x3131, 0x318E), (0xAC00, 0xD7A3), (0xFF01, 0xFF5E),
)
_TITLE_SIZES = ((72, 3), (64, 3), (56, 4))  # (pixels, most lines): the largest that holds the whole title
_SITE_SIZE = 34
_PALETTE = [round(b + (w - b) * level / 255) for level in range(256) for b, w in zip(BLUE, WHITE, strict=True)]
ELLIPSIS = "…"


def render_card(title: str, site_name: str, lang: str, out: Path, *, cache_dir: Path | None) -> None:
    """Write the card of a brief titled ``title`` (in language ``lang``) to ``out`` (PNG)."""
    title, site_name = drawable(title), drawable(site_name)
    key = hashlib.sha256("\0".join([title, site_name, lang, _engine_key()]).encode("utf-8")).hexdigest()
    out.parent.mkdir(parents=True, exist_ok=True)
    if cache_dir is not None and store.load(cache_dir / "cards", key) is not None:
        store.place(store.entry_dir(cache_dir / "cards", key) / "card.png", out)
        return
    data = _draw(title, site_name)
    if cache_dir is not None:
        store.store(cache_dir / "cards", key, {"card.png": data}, {})
    store.write(out, data)


def drawable(text: str) -> str:
    """``text`` in NFC on one line, without the characters the font cannot draw, spaces collapsed."""
    text = unicodedata.normalize("NFC", text)
    kept = (" " if c.isspace() or not c.isprintable() else c for c in text)
    return " ".join("".join(c for c in kept if _covered(c)).split())


def wrap(text: str, fits: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines of ``text`` no wider than ``width``: breaks at spaces, inside a word only when it alone is too wide."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if fits.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:  # a single word wider than the line: break between syllables or letters
            if line and fits.getlength(line + char) > width:
                lines.append(line)
                line = ""
            line += char
    if line:
        lines.append(line)
    return lines


def _draw(title: str, site_name: str) -> bytes:
    """The card's PNG: drawn in shades from the blue (0) to white (255), stored with that 256-colour palette.

    Antialiased text on one background only ever blends those two colours,
    so the palette is exact, and the file is a third of an RGB one to compress.
    """
    card = Image.new("L", SIZE, 0)
    draw = ImageDraw.Draw(card)
    text_width = SIZE[0] - 2 * MARGIN
    lines, font = _fit_title(title, text_width)
    y = MARGIN
    line_height = round(font.size * 1.32)
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=255)
        y += line_height
    site_font = _font(_SITE_SIZE)
    footer_y = SIZE[1] - MARGIN - _SITE_SIZE
    draw.rectangle((MARGIN, footer_y - 28, SIZE[0] - MARGIN, footer_y - 26), fill=RULE)
    site_lines = wrap(site_name, site_font, text_width)
    if site_lines:
        draw.text((MARGIN, footer_y), _shorten(site_lines[0], site_font, text_width, len(site_lines) > 1),
                  font=site_font, fill=255)
    card = card.convert("P")
    card.putpalette(_PALETTE)
    buf = io.BytesIO()
    # zlib level 3: about half level 6's encoding time for about a sixth more bytes (measured: bench/README.md).
    card.save(buf, "PNG", compress_level=3)
    return buf.getvalue()


def title_lines(title: str) -> list[str]:
    """The lines of ``title`` as the card draws them."""
    return _fit_title(drawable(title), SIZE[0] - 2 * MARGIN)[0]


def _fit_title(title: str, width: int) -> tuple[list[str], ImageFont.FreeTypeFont]:
    for size, most in _TITLE_SIZES:
        font = _font(size)
        lines = wrap(title, font, width)
        if len(lines) <= most:
            return lines, font
    kept = lines[:most]
    kept[-1] = _shorten(kept[-1], font, width, True)
    return kept, font


def _shorten(line: str, font: ImageFont.FreeTypeFont, width: int, cut: bool) -> str:
    """``line`` ending in an ellipsis that fits ``width`` when ``cut`` (more text followed): whole words
    are dropped from its end, and only a line that is one long word loses letters or syllables."""
    if not cut:
        return line
    words = line.split(" ")
    while len(words) > 1 and font.getlength(" ".join(words) + ELLIPSIS) > width:
        words.pop()
    line = " ".join(words)
    while line and font.getlength(line + ELLIPSIS) > width:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS


def _covered(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in COVERED)


@memo("card fonts", 8)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_PATH), size, layout_engine=ImageFont.Layout.BASIC)


@memo("card engine key", 1)
def _engine_key() -> str:
    """Everything besides the text that decides a card's bytes."""
    digest = hashlib.sha256(FONT_PATH.read_bytes())
    digest.update(Path(__file__).read_bytes())
    return f"pillow={PIL.__version__};freetype={PIL.features.version('freetype2')};{digest.hexdigest()}"
