"""The code stays ruff-, mypy- and tsc-clean (the search engine's JSDoc types): all run in the test suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing() -> None:
    result = run(str(BIN / "ruff"), "check", "briefkit", "briefkit_mkdocs", "hooks", "tests", "bench", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    result = run(str(BIN / "mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_tsc_finds_nothing() -> None:
    tsc = ROOT / "node_modules" / ".bin" / "tsc"
    if not tsc.exists() and os.environ.get("CI") != "true":
        pytest.skip("npm ci has not run here (make lint does it)")
    result = run(str(tsc), "-p", "jsconfig.json")
    assert result.returncode == 0, result.stdout + result.stderr
