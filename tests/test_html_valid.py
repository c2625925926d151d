"""Every HTML page of the fixture corpus's site passes the Nu HTML Checker with no error.

Korea's web accessibility guideline (KWCAG 2.2) still counts markup errors.
The checker is the npm package ``vnu-jar`` run on the machine's Java, once for
all pages (starting the JVM costs seconds). Without Java or ``node_modules``
(``npm ci``) the test skips, except in CI (``CI=true``), where it fails.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from browser import unavailable
from support.project import ROOT, Build

pytestmark = pytest.mark.build

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# One page of every type in each language: if one is missing the site changed and this test must too.
PAGE_TYPES = [
    "index.html", "briefs/2025-05-13-regional-innovation-roundtable/index.html", "topics/index.html",
    "topics/startups/index.html", "regions/index.html", "regions/seoul/index.html", "archive/index.html",
    "search/index.html", "translations/index.html", "guides/publish/index.html", "404.html",
]


def _require_checker() -> str:
    java = shutil.which("java")
    missing = [] if VNU.exists() else [f"{VNU} (run `npm ci` or `make test`)"]
    if java is None:
        missing.append("java (apt-get install -y default-jre-headless)")
    if not missing:
        return str(java)
    unavailable("Nu HTML Checker not available: " + ", ".join(missing) + " not found")


def test_every_page_passes_the_nu_html_checker(sample_build: Build) -> None:
    java = _require_checker()
    site = sample_build.site
    pages = sorted(site.rglob("*.html"))
    rel = {p.relative_to(site).as_posix() for p in pages}
    for lang_root in ("", "en/"):
        assert {lang_root + t for t in PAGE_TYPES} <= rel
    proc = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{m.get('url', '').rsplit(str(site), 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages if m.get("type") in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors[:40])
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_materials_invalid_attributes_are_removed_and_nothing_else() -> None:
    from briefkit_mkdocs.rendered_pages import valid_markup

    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<label class="md-nav__link" for="__nav_6" tabindex="">x</label>'
        '<input type="search" name="q" autocomplete="off"><label tabindex="0">y</label>'
    )
    assert valid_markup(html) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<label class="md-nav__link" for="__nav_6">x</label>'
        '<input type="search" name="q" autocomplete="off"><label tabindex="0">y</label>'
    )
