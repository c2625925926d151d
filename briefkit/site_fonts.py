"""The site's web fonts (``fonts/``: Pretendard GOV in thousands of small parts) into the built site.

``fonts/pretendard-gov.css`` (scripts/refresh_fonts.py writes it) declares one
``@font-face`` a part: 5,047 of them, each with its ``unicode-range``. A browser
downloads only the parts a page's characters need, but it parses every rule on
every page, and that parse cost more than the downloads: a cold brief page
loaded in 906 ms with all of them, 606 ms with the rules this site's text needs
(measured in headless Chromium on the sample site; 212 ms with no web font).

So ``publish_fonts`` writes the site's own stylesheet, once a build, after every
page, index and script is written: the faces whose ranges hold a character that
some page, script, style or search index of the site contains, in the source's
order, and puts only those parts in ``site/assets/fonts/``. A character that
appears only in what a reader types (a search query) is drawn by the next font
of the stack (krds.css), as it would be with a font that lacks it.

The parts are hard links where the file system allows (a copy elsewhere); a file
already there with the same size is left alone (the preview rebuilds often).
MkDocs never sees them: with the fonts in ``overrides/`` it handled each of the
thousands of files twice (once a language pass), 3-5 s a build.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefkit.atomic_write import write_atomic
from briefkit.cache import memo

SOURCE = "fonts"
TARGET = Path("assets") / "fonts"
STYLESHEET = "pretendard-gov.css"
LICENCE = "OFL.txt"
# The files whose text a page can show: pages, scripts (their messages), styles (generated content), the
# search indexes (excerpts, suggestions). Feeds and open data are read by programs, not drawn with our fonts.
SHOWN = (".html", ".js", ".css", ".json")
_ASCII = bytes(range(0x80))
FACE = re.compile(r"@font-face\s*\{[^}]*?url\((?P<file>[^)\s]+)\)[^}]*?unicode-range:(?P<ranges>[^;}]+)[^}]*\}\n?")


@dataclass(frozen=True)
class Face:
    """One ``@font-face`` rule of the source stylesheet: its text, its font file, its code points."""

    rule: str
    file: str
    codepoints: frozenset[int]


def publish_fonts(root: Path, site_dir: Path) -> int:
    """Write the site's font stylesheet and link the parts it names into ``site_dir/assets/fonts/``.

    Returns the number of faces the stylesheet keeps (0 when the project has no ``fonts/``).
    """
    source = root / SOURCE
    try:
        found = (source / STYLESHEET).stat()
    except OSError:
        return 0
    header, faces = _stylesheet(str(source / STYLESHEET), found.st_mtime_ns, found.st_size)
    kept = needed_faces(faces, site_characters(site_dir))
    target = site_dir / TARGET
    target.mkdir(parents=True, exist_ok=True)
    note = (f"/* The {len(kept)} of {len(faces)} faces whose characters this site shows "
            "(briefkit/site_fonts.py); the source declares them all. */\n")
    write_atomic(target / STYLESHEET, header + note + "".join(face.rule for face in kept))
    for name in [LICENCE, *(face.file for face in kept)]:
        _place(source / name, target / name)
    return len(kept)


@memo("font stylesheet", 2)  # parsed once per content: 85 ms, and the preview rebuilds on every save
def _stylesheet(path: str, mtime_ns: int, size: int) -> tuple[str, list[Face]]:
    return read_stylesheet(Path(path).read_text(encoding="utf-8"))


def read_stylesheet(css: str) -> tuple[str, list[Face]]:
    """The stylesheet's leading comment, and its faces in order."""
    first = css.find("@font-face")
    header = css if first < 0 else css[:first]
    faces = [Face(match[0] if match[0].endswith("\n") else match[0] + "\n", match["file"].strip("'\""),
                  frozenset(codepoints(match["ranges"])))
             for match in FACE.finditer(css, max(first, 0))]
    return header, faces


def needed_faces(faces: Iterable[Face], characters: set[str]) -> list[Face]:
    """The faces holding at least one of ``characters``, in their order."""
    wanted = {ord(character) for character in characters}
    return [face for face in faces if not face.codepoints.isdisjoint(wanted)]


def site_characters(site_dir: Path) -> set[str]:
    """Every character in the files of the built site that a page can show (fonts excluded).

    Printable ASCII counts as shown on every site; of each file only the bytes of
    other characters are decoded (UTF-8 keeps them apart from ASCII bytes): a
    third of the time of decoding whole files, which a site of 1,000 pairs has
    90 MB of.
    """
    found = set(map(chr, range(0x20, 0x7F)))
    for path in _shown_files(site_dir):
        with open(path, "rb") as handle:
            found.update(handle.read().translate(None, _ASCII).decode("utf-8", errors="ignore"))
    return found


def codepoints(ranges: str) -> Iterator[int]:
    """The code points of a CSS ``unicode-range`` value (``U+ac00-ac07,U+20``)."""
    for item in ranges.split(","):
        first, _, last = item.strip()[2:].partition("-")
        yield from range(int(first, 16), int(last or first, 16) + 1)


def _shown_files(site_dir: Path) -> Iterator[str]:
    fonts = os.path.normpath(site_dir / TARGET)
    for folder, subfolders, files in os.walk(site_dir):
        if os.path.normpath(folder) == fonts:
            subfolders.clear()
            continue
        subfolders.sort()
        yield from (os.path.join(folder, name) for name in sorted(files) if name.endswith(SHOWN))


def _place(source: Path, dest: Path) -> None:
    try:
        if dest.stat().st_size == source.stat().st_size:
            return
        dest.unlink()
    except FileNotFoundError:
        pass
    try:
        os.link(source, dest)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(source, dest)
