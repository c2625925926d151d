"""The suite's own rules: tests own their data, and the fast lane stays fast.

``briefs/`` is content that the communications team replaces, so no test but
``test_content.py`` may read it; tests name the fixture corpus instead
(``tests/fixtures/``). ``make test-fast`` leaves out tests marked ``build`` or
``browser``: tests that use a build or browser fixture get the marker from
``conftest.py``, and one that builds or opens Chromium without it fails there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from browser import require_chromium
from conftest import pytest_collection_modifyitems
from support.project import CORPUS, FAST, ROOT, build

from briefkit.catalog import load_catalog

# What reads the repository's briefs/: the folder joined to the project's root either way.
READS_CONTENT = re.compile(r"""ROOT\s*/\s*["']briefs["']|ROOT\.joinpath\(\s*["']briefs["']""")
# Each builds whatever briefs/ holds, asserting only what holds for any content (two revisions,
# or two versions of the code, give the same site; paired timings of the shipped size).
ALLOWED = {"test_content.py", "same_site.py", "paired.py"}


def test_no_test_or_benchmark_reads_the_content_folder() -> None:
    sources = [*(ROOT / "tests").rglob("*.py"), *(ROOT / "bench").rglob("*.py")]
    readers = [p.relative_to(ROOT).as_posix() for p in sources
               if p.name not in ALLOWED and READS_CONTENT.search(p.read_text(encoding="utf-8"))]
    assert readers == []


def test_the_fixture_corpus_keeps_to_the_contract_with_a_draft_and_korean_only_briefs() -> None:
    catalog = load_catalog(CORPUS)
    assert catalog.problems == []
    assert [b for b in catalog.briefs if b.draft]
    assert [b for b in catalog.briefs if "en" not in b.translations]


@dataclass
class FakeItem:
    fixturenames: list[str]
    markers: list[str] = field(default_factory=list)

    def add_marker(self, marker: Any) -> None:
        self.markers.append(marker.name)


def test_tests_using_a_build_or_a_browser_fixture_get_their_markers() -> None:
    items = [FakeItem(["tmp_path"]), FakeItem(["sample_build"]), FakeItem(["chromium"]),
             FakeItem(["sample_url", "sample_build", "chromium"])]
    pytest_collection_modifyitems(items)  # type: ignore[arg-type]
    assert [sorted(set(i.markers)) for i in items] == [[], ["build"], ["browser", "build"], ["browser", "build"]]


def test_the_fast_lane_fails_a_test_that_builds_or_opens_chromium_unmarked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FAST, "1")
    with pytest.raises(pytest.fail.Exception, match=r"builds a site: mark it @pytest.mark.build"):
        build(tmp_path)
    with pytest.raises(pytest.fail.Exception, match=r"drives Chromium: mark it @pytest.mark.browser"):
        require_chromium()


def test_make_test_fast_leaves_out_build_and_browser_tests() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    rule = re.search(r"^test-fast:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert rule is not None
    assert f"{FAST}=1" in rule.group(1) and '-m "not build and not browser"' in rule.group(1)
