"""The public site's guides are for readers and writers; the maintainers' benchmark is not on it.

The benchmark's documentation lives in the repository (``bench/README.md``);
the site's navigation under 안내 / Guides holds the publishing and translating
guides only, in both languages, and no page of the site is the benchmark.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from support.project import ROOT, Build, build, copy_project, vocabularies

pytestmark = pytest.mark.build

GUIDES = {"ko": ("안내", ["guides/publish/", "guides/translate/"]),
          "en": ("Guides", ["en/guides/publish/", "en/guides/translate/"])}
TOP_LEVEL = ["", "topics/", "regions/", "archive/", "search/"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    folder = tmp_path_factory.mktemp("guides")
    result = build(copy_project(folder / "project", vocabularies(folder / "briefs")))
    assert result.returncode == 0, result.stderr
    return result


def _nav_targets(build: Build, page: str) -> list[str]:
    """Where the primary navigation of ``page`` leads, as paths from the site root, in order."""
    html = build.page(page)
    nav = re.search(r'<nav class="md-nav md-nav--primary.*?</nav>\s*</div>', html, re.DOTALL)
    assert nav, "no primary navigation"
    base = "http://site/" + page
    hrefs = re.findall(r'<a href="([^"]*)" class="md-nav__link', nav.group(0))
    pages = (urljoin(base, h).removeprefix("http://site/") for h in hrefs if "#" not in h)  # not the page's toc
    return list(dict.fromkeys(pages))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_guides_hold_only_the_publishing_and_translating_guides(site: Build, lang: str) -> None:
    label, guides = GUIDES[lang]
    root = "" if lang == "ko" else "en/"
    targets = _nav_targets(site, guides[0])
    assert targets == [root + p for p in TOP_LEVEL] + guides
    assert label in site.page(guides[0])


def test_no_page_of_the_site_is_the_benchmark(site: Build) -> None:
    pages = [p.relative_to(site.site).as_posix() for p in site.site.rglob("*.html")]
    assert not [p for p in pages if "bench" in p]
    assert "benchmark" not in (site.site / "sitemap.xml").read_text(encoding="utf-8")
    for lang_root in ("", "en/"):
        assert "benchmark" not in site.page(lang_root).lower()


def test_the_benchmark_is_documented_in_the_repository() -> None:
    english = (ROOT / "bench" / "README.md").read_text(encoding="utf-8")
    korean = (ROOT / "bench" / "README.ko.md").read_text(encoding="utf-8")
    assert english.startswith("# Benchmark") and "make bench" in english
    assert korean.startswith("# 벤치마크") and "make bench" in korean
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bench/README.md" in readme and "docs/benchmark" not in readme
