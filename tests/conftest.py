"""The suite's fixtures and markers; the helpers they use are in ``support/``.

Tests import helpers from ``support.project`` (and the other ``support``
modules). The names below stay importable from here as well, for tests
written before the helpers moved.
"""

from __future__ import annotations

import pytest
from support.project import (
    CORPUS,
    FAST,
    FIXTURES,
    ROOT,
    SEARCH_QUERIES,
    Build,
    build,
    copy_project,
    not_in_the_fast_lane,
    vocabularies,
    write_brief,
)
from support.search2_site import build_search2_site

__all__ = ["CORPUS", "FAST", "FIXTURES", "ROOT", "SEARCH_QUERIES", "Build", "build", "copy_project",
           "not_in_the_fast_lane", "vocabularies", "write_brief"]

# Fixtures that build a site or drive Chromium: a test using one, directly or through another
# fixture, gets the marker without writing it (module fixtures that call build() need the marker).
BUILD_FIXTURES = frozenset({"sample_build", "sample_url", "plain_url", "search2_build"})
BROWSER_FIXTURES = frozenset({"chromium", "sample_url", "plain_url"})


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if names & (BUILD_FIXTURES | BROWSER_FIXTURES):
            item.add_marker(pytest.mark.build)


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The fixture corpus (``CORPUS``), built once for the whole test session (once per xdist worker)."""
    result = build(copy_project(tmp_path_factory.mktemp("sample")))
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def search2_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The briefs of ``tests/fixtures/search2`` built once for the session (once per xdist worker)."""
    return build_search2_site(tmp_path_factory, "search2")
