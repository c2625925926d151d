"""The ``briefs`` command: check briefs without building, and (later) translation tools.

``briefs check [PATH]`` prints the build's messages and exits with its code:
0 when every brief is valid, 1 when any is not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .catalog import load_catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefs", description="Check and manage policy briefs.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate a briefs folder without building the site")
    check.add_argument("path", nargs="?", default="briefs", help="the briefs folder (default: briefs)")
    args = parser.parse_args(argv)
    return _check(Path(args.path))


def _check(path: Path) -> int:
    catalog = load_catalog(path, shown_as=path.as_posix().rstrip("/") or ".")
    for problem in catalog.problems:
        print(problem, file=sys.stderr)
    if catalog.problems:
        count = len(catalog.problems)
        print(f"{count} problem{'s' if count != 1 else ''}: nothing can be published until they are fixed.", file=sys.stderr)
        return 1
    print(f"{len(catalog.briefs)} briefs checked, no problems.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
