"""Refresh the site's Pretendard GOV fonts (fonts/, served as assets/fonts/) from the pinned npm package.

Run by ``make fonts`` after ``npm ci`` (package.json pins ``pretendard-gov``); the build never
runs it: the fonts it writes are committed, so ``make build`` needs no npm and no font tool.

What it writes, and why:

- Pretendard GOV (the font of KRDS, the government's design system) in two weights, Regular
  (400) and Bold (700), from the package's dynamic-subset build
  (``dist/web/static/woff2-dynamic-subset``: 120 ``unicode-range`` slices a weight, ordered by how
  often the characters occur). A browser downloads only the slices holding characters the page
  shows. Korean text reaches into many rarely used slices for one or two syllables each (about
  12 KB a slice): a Korean brief needed 15 slices (187 KB) of Regular alone. So the slices of
  rarer characters (below ``WHOLE_FROM``; for Bold, which draws only headings, all of them) are
  cut further into parts of at most ``PART`` characters (fontTools' subsetter on the package's
  own slice file, so outlines, metrics, kerning and names are the package's), and a page
  downloads 1-2 KB for a rare syllable instead of 12. The commonest slices of Regular, which
  every Korean page needs most of, are copied as they are. Measured on a Korean brief's first
  view (1280 px): the package's slices as they are, 300 KB; cut, under 150 KB.
- ``pretendard-gov.css``: one ``@font-face`` per part, ``font-display: swap``, with its
  ``unicode-range``; URLs relative to the stylesheet, so the fonts load from the site itself.
- ``OFL.txt``: the font's licence (SIL Open Font License 1.1), which must travel with it.

The output is the same bytes for the same package version (no timestamps are written).
Needs the dev tools (``fonttools`` and ``brotli`` from requirements-dev.txt).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "node_modules" / "pretendard-gov"
OUT = ROOT / "fonts"  # the build links them into site/assets/fonts/ (briefkit/site_fonts.py)
FAMILY = "Pretendard GOV"
WEIGHTS = {"400": "Regular", "700": "Bold"}  # the weights the stylesheets use (krds.css)
# Characters a part at most, in the cut slices: a part costs about 1 KB of tables plus 0.1 KB a glyph, and a
# page using one rare syllable of it downloads all of it. Bold, drawn only in headings, uses fewer of each.
PART = {"400": 8, "700": 6}
# From which of the package's slices on (the last, 119, holds Latin and the commonest syllables) a slice
# stays whole: Regular draws whole pages, so it uses most of the commonest slices; Bold draws headings
# only, a few characters of each slice, so all of its slices are cut.
WHOLE_FROM = {"400": 114, "700": 120}
HANGUL = range(0xAC00, 0xD7A4)  # precomposed syllables: no glyph substitution applies to them
FACE = re.compile(r"@font-face\s*\{(?P<body>.*?)\}", re.DOTALL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--package", type=Path, default=PACKAGE, help="the installed pretendard-gov package")
    parser.add_argument("--out", type=Path, default=OUT, help="where the fonts and their stylesheet go")
    parser.add_argument("--part", type=int, default=None,
                        help="characters a font file at most, for both weights (0: the package's slices unchanged)")
    args = parser.parse_args(argv)
    dist = args.package / "dist" / "web" / "static"
    if not (dist / "pretendard-gov-dynamic-subset.css").exists():
        print(f"{args.package}: pretendard-gov is not installed (run: npm ci --ignore-scripts)", file=sys.stderr)
        return 1
    version = json.loads((args.package / "package.json").read_text(encoding="utf-8"))["version"]
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.woff2"):
        old.unlink()
    faces = []
    for weight, source, codepoints in _package_faces(dist):
        part_size = PART[weight] if args.part is None else args.part
        if part_size <= 0:  # the package's slices as they are
            name = f"PretendardGOV-{WEIGHTS[weight]}.{_slice_number(source)}.woff2"
            shutil.copyfile(dist / "woff2-dynamic-subset" / source.name, args.out / name)
            faces.append(_face(weight, name, codepoints))
            continue
        if _slice_number(source) >= WHOLE_FROM[weight]:
            name = f"PretendardGOV-{WEIGHTS[weight]}.{_slice_number(source)}.woff2"
            shutil.copyfile(dist / "woff2-dynamic-subset" / source.name, args.out / name)
            faces.append(_face(weight, name, codepoints))
            continue
        for number, part in enumerate(_parts(codepoints, part_size)):
            name = f"PretendardGOV-{WEIGHTS[weight]}.{source.stem.rsplit('.', 1)[-1]}-{number}.woff2"
            (args.out / name).write_bytes(_cut(dist / "woff2-dynamic-subset" / source.name, part))
            faces.append(_face(weight, name, part))
    header = (f"/* Pretendard GOV {version} (npm pretendard-gov), Regular and Bold, in unicode-range parts.\n"
              "   Written by scripts/refresh_fonts.py (make fonts): do not edit by hand.\n"
              "   Copyright (c) 2021 Kil Hyung-jin, with Reserved Font Name Pretendard.\n"
              "   Licensed under the SIL Open Font License, Version 1.1: OFL.txt beside this file. */\n")
    (args.out / "pretendard-gov.css").write_text(header + "".join(faces), encoding="utf-8")
    shutil.copyfile(args.package / "dist" / "LICENSE.txt", args.out / "OFL.txt")
    total = sum(p.stat().st_size for p in args.out.glob("*.woff2"))
    print(f"{len(faces)} font files, {total / 1024:.0f} KB, in {args.out}")
    return 0


def _package_faces(dist: Path) -> list[tuple[str, Path, list[int]]]:
    """(weight, slice file, code points the file has) for each of the package's slices we use."""
    css = (dist / "pretendard-gov-dynamic-subset.css").read_text(encoding="utf-8")
    found = []
    for match in FACE.finditer(css):
        body = match["body"]
        weight = re.search(r"font-weight:\s*(\d+)", body)
        url = re.search(r"url\(\s*['\"]?([^'\")]+)", body)
        ranges = re.search(r"unicode-range:\s*([^;]+);", body)
        if not (weight and url and ranges) or weight[1] not in WEIGHTS:
            continue
        source = dist / url[1].removeprefix("./")
        with TTFont(source, lazy=True) as font:
            mapped = set(font.getBestCmap())
        wanted = [c for c in _codepoints(ranges[1]) if c in mapped]
        found.append((weight[1], source, wanted))
    return sorted(found, key=lambda face: (face[0], _slice_number(face[1])))


def _slice_number(path: Path) -> int:
    return int(path.stem.rsplit(".", 1)[-1])


def _codepoints(ranges: str) -> list[int]:
    out: list[int] = []
    for item in ranges.split(","):
        first, _, last = item.strip().removeprefix("U+").removeprefix("u+").partition("-")
        out.extend(range(int(first, 16), int(last or first, 16) + 1))
    return sorted(set(out))


def _parts(codepoints: list[int], size: int) -> list[list[int]]:
    count = -(-len(codepoints) // size)  # parts of about equal size, none over `size`
    return [codepoints[i * len(codepoints) // count:(i + 1) * len(codepoints) // count] for i in range(count)]


def _cut(source: Path, codepoints: list[int]) -> bytes:
    font = TTFont(source, recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff2"
    # fontTools' default layout features (kerning, marks, ligatures, locl, vertical forms): the
    # stylistic sets and figure styles the site never asks for would cost every file a KB.
    # The font's names and copyright notice stay in every file; the licence's text (name 13) and address
    # (14) travel beside the fonts as OFL.txt, as the OFL allows, instead of in each of 2,800 files.
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    if all(code in HANGUL for code in codepoints):
        options.drop_tables += ["GSUB"]  # its empty script and feature lists were half of a small file
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def _face(weight: str, name: str, codepoints: list[int]) -> str:
    # One line a face, nothing that is the default (font-style: normal): thousands of faces.
    return (f"@font-face{{font-family:'{FAMILY}';font-weight:{weight};font-display:swap;"
            f"src:url({name})format('woff2');unicode-range:{_ranges(codepoints)}}}\n")


def _ranges(codepoints: list[int]) -> str:
    spans: list[list[int]] = []
    for code in codepoints:
        if spans and code == spans[-1][1] + 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return ",".join(f"U+{a:x}" if a == b else f"U+{a:x}-{b:x}" for a, b in spans)


if __name__ == "__main__":
    sys.exit(main())
