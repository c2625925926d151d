"""The search engine's own tests (``node --test tests/js/``) over the whole query set, on built sites.

The engine is one ES module (overrides/assets/search-core.js) that the
browser runs and the Python side asks under Node (briefkit/search/query.py).
Here its Node tests get every query of tests/fixtures/search_queries.yml
(over the fixture corpus, the session's ``sample_build``) and of
tests/fixtures/search2/queries.yml and offers.yml (over their own briefs),
with the index folders to run them on.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from typing import Any

import pytest
import yaml
from conftest import ROOT, Build

pytestmark = pytest.mark.build

SEARCH2 = ROOT / "tests" / "fixtures" / "search2"


def _load(path: Any) -> list[dict[str, Any]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_the_engine_passes_its_node_tests_over_every_query(
    sample_build: Build, search2_build: Build, tmp_path: Any
) -> None:
    node = shutil.which("node")
    if node is None:
        assert os.environ.get("CI") != "true", "CI needs Node.js for the search engine"
        pytest.skip("no node here")

    def index(site: Build, lang: str) -> str:
        return str(site.site / "search" / "index" / lang)

    queries = [{**q, "set": "corpus", "index": index(sample_build, q["lang"])}
               for q in _load(ROOT / "tests" / "fixtures" / "search_queries.yml")]
    queries += [{**q, "set": "search2", "index": index(search2_build, q["lang"])}
                for q in _load(SEARCH2 / "queries.yml")]
    offers = [{**o, "index": index(search2_build, o["lang"])} for o in _load(SEARCH2 / "offers.yml")]
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps({"queries": queries, "offers": offers}, ensure_ascii=False), encoding="utf-8")
    result = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "SEARCH_CASES": str(cases)})
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr
    passed = next(int(line.split()[-1]) for line in result.stdout.splitlines() if line.startswith("# pass"))
    assert passed >= len(queries) + len(offers), result.stdout[-2000:]
