"""The ``briefs`` command run in the test's own process, its output captured."""

from __future__ import annotations

import pytest

from briefkit.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``briefs *argv``: its exit code, standard output and standard error."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
