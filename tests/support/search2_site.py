"""The site of tests/fixtures/search2 (issue 19's briefs and query set), for the index and the browser tests."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from support.project import ROOT, Build, build, copy_project

FIXTURE = ROOT / "tests" / "fixtures" / "search2"
QUERIES: list[dict[str, Any]] = yaml.safe_load((FIXTURE / "queries.yml").read_text(encoding="utf-8"))
OFFERS: list[dict[str, Any]] = yaml.safe_load((FIXTURE / "offers.yml").read_text(encoding="utf-8"))
GIMHAE = "2025-03-10-gimhae-parts-quality-roundtable"


def build_search2_site(tmp_path_factory: pytest.TempPathFactory, name: str) -> Build:
    """The fixture's briefs built into a fresh project copy (conftest's session fixture ``search2_build``)."""
    result = build(copy_project(tmp_path_factory.mktemp(name), FIXTURE / "briefs"))
    assert result.returncode == 0, result.stderr
    return result
