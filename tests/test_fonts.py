"""The fonts the site ships (fonts/, served as assets/fonts/): complete, licensed, loaded the way KRDS asks.

No build and no browser: the stylesheet written by scripts/refresh_fonts.py
names only files that exist, swaps to the font when it arrives, loads from the
site itself; the OFL licence travels with the fonts; Material's Google Fonts
stay off; no page template preloads a font. When ``node_modules/pretendard-gov``
is installed (``npm ci``), the committed fonts are the pinned package's version.
"""

from __future__ import annotations

import json
import re

import yaml
from conftest import ROOT

FONTS = ROOT / "fonts"
CSS = FONTS / "pretendard-gov.css"
FACE = re.compile(r"@font-face\s*\{(.*?)\}", re.DOTALL)
URL = re.compile(r"src:\s*url\('?([^')]+)'?\)\s*format\('woff2'\)")


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
