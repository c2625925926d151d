"""Do two versions of the project build the same site from the same briefs, byte for byte?

    python -m bench.same_site REV_A [REV_B]     # REV_B: the work tree when left out
    python -m bench.same_site cc58dfd HEAD --briefs some/briefs

Each version is unpacked from git (``git archive``; the work tree is copied
as it is) into a temporary folder with the same ``briefs/`` (the shipped one
unless ``--briefs``), and built cold with ``python -m mkdocs build --strict``
in that folder, so each version's own ``briefkit/`` and adapter are imported,
under the same environment (this Python, ``SITE_URL`` fixed). Then every
file of the two sites is compared. Exit 0 when they are the same; else each
differing path is printed (first 20), exit 1.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .projects import ROOT, export_revision, project_copy


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    """Every path whose bytes differ, or that only one site has (marked ``A only`` / ``B only``)."""
    found = [f"{rel} (A only)" for rel in sorted(a.keys() - b.keys())]
    found += [f"{rel} (B only)" for rel in sorted(b.keys() - a.keys())]
    found += [f"{rel} (differs)" for rel in sorted(a.keys() & b.keys()) if a[rel] != b[rel]]
    return found


def build_site(source: Path, briefs: Path, dest: Path) -> dict[str, bytes]:
    project = project_copy(dest, briefs, source)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://briefs.example.org/"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, env=env,
                          capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"the build of {source} failed:\n{proc.stderr[-3000:]}")
    return site_files(project / "site")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.same_site", description=__doc__.splitlines()[0])
    parser.add_argument("rev_a")
    parser.add_argument("rev_b", nargs="?", help="default: the work tree as it is")
    parser.add_argument("--briefs", type=Path, default=ROOT / "briefs")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="same-site-") as tmp:
        sources = []
        for name, rev in (("a", args.rev_a), ("b", args.rev_b)):
            sources.append(export_revision(rev, Path(tmp) / f"src-{name}") if rev else ROOT)
        a = build_site(sources[0], args.briefs.resolve(), Path(tmp) / "a")
        b = build_site(sources[1], args.briefs.resolve(), Path(tmp) / "b")
    found = differences(a, b)
    shown_b = args.rev_b or "the work tree"
    if not found:
        print(f"{args.rev_a} and {shown_b}: the same site, {len(a)} files, {sum(map(len, a.values()))} bytes")
        return 0
    print(f"{args.rev_a} and {shown_b}: {len(found)} files differ:", *found[:20], sep="\n  ")
    return 1


if __name__ == "__main__":
    sys.exit(main())
