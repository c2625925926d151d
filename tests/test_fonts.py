"""The fonts the site ships (fonts/, served as assets/fonts/): complete, licensed, loaded the way KRDS asks.

The stylesheet written by scripts/refresh_fonts.py names only files that
exist, swaps to the font when it arrives, loads from the site itself; the OFL
licence travels with the fonts; Material's Google Fonts stay off; no page
template preloads a font. When ``node_modules/pretendard-gov`` is installed
(``npm ci``), the committed fonts are the pinned package's version. A built
site declares and ships only the faces for the characters it shows (one test
uses the shared build of the fixture corpus; the others need no build).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from conftest import ROOT
from support.project import Build

from briefkit.site_fonts import codepoints, publish_fonts, site_characters

FONTS = ROOT / "fonts"
CSS = FONTS / "pretendard-gov.css"
FACE = re.compile(r"@font-face\s*\{(.*?)\}", re.DOTALL)
URL = re.compile(r"src:\s*url\('?([^')]+)'?\)\s*format\('woff2'\)")
RANGES = re.compile(r"unicode-range:\s*([^;}]+)")


def faces() -> list[str]:
    return FACE.findall(CSS.read_text(encoding="utf-8"))


def test_every_face_swaps_in_and_names_a_shipped_file_of_the_site() -> None:
    found = faces()
    assert len(found) > 100  # unicode-range parts, not one big file
    names = set()
    for body in found:
        assert "font-family:'Pretendard GOV';" in body.replace(": ", ":")
        assert "font-display:swap;" in body.replace(": ", ":")
        assert re.search(r"unicode-range:\s*U\+[0-9a-f]", body), body
        url = URL.search(body)
        assert url and "/" not in url[1] and ":" not in url[1], body  # beside the stylesheet, same origin
        assert (FONTS / url[1]).read_bytes()[:4] == b"wOF2", url[1]
        names.add(url[1])
    assert {p.name for p in FONTS.glob("*.woff2")} == names  # nothing shipped that no face uses
    assert {re.search(r"font-weight:\s*(\d+);", body)[1] for body in found} == {"400", "700"}  # type: ignore[index]


def test_the_licence_travels_with_the_fonts() -> None:
    licence = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Open Font License" in CSS.read_text(encoding="utf-8").split("*/")[0]


def test_material_loads_no_font_from_google_and_no_font_is_preloaded() -> None:
    config = yaml.safe_load(re.sub(r"!!?\S+", "", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))
    assert config["theme"]["font"] is False
    for template in (ROOT / "overrides").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"rel=\"preload\"[^>]*as=\"font\"", text), template
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, template


def test_the_fonts_are_the_pinned_package_version() -> None:
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["optionalDependencies"]["pretendard-gov"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), pinned  # exact pin
    assert f"Pretendard GOV {pinned} (npm pretendard-gov)" in CSS.read_text(encoding="utf-8")
    installed = ROOT / "node_modules" / "pretendard-gov" / "package.json"
    if installed.exists():
        assert json.loads(installed.read_text(encoding="utf-8"))["version"] == pinned


# ── the site's own stylesheet: the faces its characters need (briefkit/site_fonts.py) ──────────────


def tiny_fonts(root: Path) -> None:
    """A fonts/ folder of three faces: Latin, two syllables of Hangul, and one rare syllable."""
    fonts = root / "fonts"
    fonts.mkdir()
    rules = [("latin.woff2", "U+20-7e"), ("common.woff2", "U+ac00,U+b098"), ("rare.woff2", "U+b620")]  # 가 나 똠
    for name, _ in rules:
        (fonts / name).write_bytes(b"wOF2" + name.encode())
    (fonts / "OFL.txt").write_text("SIL OPEN FONT LICENSE Version 1.1\n", encoding="utf-8")
    (fonts / "pretendard-gov.css").write_text(
        "/* Licensed under the SIL Open Font License */\n" + "".join(
            f"@font-face{{font-family:'Pretendard GOV';font-weight:400;font-display:swap;"
            f"src:url({name})format('woff2');unicode-range:{ranges}}}\n" for name, ranges in rules),
        encoding="utf-8")


def test_the_site_declares_and_ships_only_the_faces_its_characters_need(tmp_path: Path) -> None:
    tiny_fonts(tmp_path)
    site = tmp_path / "site"
    (site / "briefs" / "a").mkdir(parents=True)
    (site / "briefs" / "a" / "index.html").write_text("<p>가 is here</p>", encoding="utf-8")
    (site / "data").mkdir()
    (site / "data" / "briefs.xml").write_text("똠", encoding="utf-8")  # a feed: not drawn with the site's fonts
    assert publish_fonts(tmp_path, site) == 2
    css = (site / "assets" / "fonts" / "pretendard-gov.css").read_text(encoding="utf-8")
    assert "Open Font License" in css.split("*/")[0]
    assert "url(latin.woff2)" in css and "url(common.woff2)" in css and "rare.woff2" not in css
    shipped = sorted(p.name for p in (site / "assets" / "fonts").iterdir())
    assert shipped == ["OFL.txt", "common.woff2", "latin.woff2", "pretendard-gov.css"]
    assert (site / "assets" / "fonts" / "common.woff2").read_bytes() == b"wOF2common.woff2"

    # A rare syllable in a search index (or a script's message) brings its face in; the rebuilt stylesheet
    # keeps the source's order.
    (site / "search").mkdir()
    (site / "search" / "ko.json").write_text('["똠양꿍"]', encoding="utf-8")
    assert publish_fonts(tmp_path, site) == 3
    css = (site / "assets" / "fonts" / "pretendard-gov.css").read_text(encoding="utf-8")
    assert css.index("latin.woff2") < css.index("common.woff2") < css.index("rare.woff2")
    assert (site / "assets" / "fonts" / "rare.woff2").is_file()


def test_the_built_site_declares_the_faces_of_its_characters_only(sample_build: Build) -> None:
    css = (sample_build.site / "assets" / "fonts" / "pretendard-gov.css").read_text(encoding="utf-8")
    declared = FACE.findall(css)
    assert 100 < len(declared) < len(faces())  # parts for what the site shows, not the whole font
    shown = {ord(c) for c in site_characters(sample_build.site)}
    needed = [body for body in faces() if set(codepoints(RANGES.search(body)[1])) & shown]  # type: ignore[index]
    assert declared == needed
    title = sample_build.page("briefs/" + next(p.name for p in (sample_build.site / "briefs").iterdir() if p.is_dir()))
    for character in set(re.search(r"<h1[^>]*>(.*?)</h1>", title, re.S)[1]) - set(" <>/\n"):  # type: ignore[index]
        assert any(ord(character) in set(codepoints(RANGES.search(body)[1])) for body in declared), character  # type: ignore[index]
    for body in declared:
        assert (sample_build.site / "assets" / "fonts" / URL.search(body)[1]).read_bytes()[:4] == b"wOF2"  # type: ignore[index]
    assert len(list((sample_build.site / "assets" / "fonts").glob("*.woff2"))) == len(declared)
