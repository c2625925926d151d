"""``briefs bundle <id>``: turn a plain brief into a bundle, keeping its git history.

A bundle is a folder named for the brief's id holding its language files and
media (``briefkit/bundles.py``). This makes the folder beside the brief's
files and moves them in: with ``git mv`` inside a git work tree (so ``git log
--follow`` still shows each file's history), with a plain move otherwise or
for a file git does not track yet. ``briefs new --bundle`` starts a new brief
as a bundle instead.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from .scaffold import existing_files


def add_bundle_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bundle = commands.add_parser(
        "bundle", help="move a brief's files into a folder named for its id, to add photos and attachments",
    )
    bundle.add_argument("id", help="the brief's id, YYYY-MM-DD-slug")
    bundle.add_argument("--briefs", default="briefs", help="the briefs folder (default: briefs)")


def make_bundle(briefs_dir: Path, brief_id: str) -> tuple[Path, list[tuple[Path, Path]]]:
    """Move the brief's files into ``<their folder>/<id>/``; the folder and each (old, new) path moved."""
    files = existing_files(briefs_dir, brief_id)
    if not files:
        raise BundleError(f"no brief '{brief_id}' under {briefs_dir.as_posix()}"
                          " (check the id: briefs status lists them)")
    inside = [f for f in files if f.parent.name == brief_id]
    if inside and len(inside) == len(files):
        return inside[0].parent, []
    folder = inside[0].parent if inside else files[0].parent / brief_id
    moves = [(f, folder / f.name) for f in files if f.parent != folder]
    for _, target in moves:
        if target.exists():
            raise BundleError(f"{target.as_posix()} already exists (nothing was moved)")
    folder.mkdir(parents=True, exist_ok=True)
    for source, target in moves:
        if not _git_mv(source, target):
            shutil.move(str(source), str(target))
    return folder, moves


class BundleError(Exception):
    """The brief cannot be made a bundle; the message says why and what to do."""


def _git_mv(source: Path, target: Path) -> bool:
    """``git mv`` when ``source`` is tracked in a git work tree; False when git cannot move it."""
    where = str(source.parent)
    try:
        tracked = subprocess.run(["git", "-C", where, "ls-files", "--error-unmatch", source.name],
                                 capture_output=True, text=True, check=False)
        if tracked.returncode != 0:
            return False
        moved = subprocess.run(["git", "-C", where, "mv", source.name, str(target.resolve())],
                               capture_output=True, text=True, check=False)
    except OSError:  # no git on this machine
        return False
    return moved.returncode == 0


def _bundle(args: argparse.Namespace) -> int:
    briefs = Path(args.briefs)
    try:
        folder, moves = make_bundle(briefs, args.id)
    except BundleError as err:
        print(f"briefs bundle: {err}", file=sys.stderr)
        return 1
    if not moves:
        print(f"{folder.as_posix()}/ is already the bundle of {args.id} (nothing was moved)")
        return 0
    for source, target in moves:
        print(f"moved {source.as_posix()} -> {target.as_posix()}")
    print(f"Put the brief's photos and attachments in {folder.as_posix()}/ and refer to them by name:"
          " ![what the photo shows](photo.jpg \"caption\"), [press release](press-release.pdf)")
    return 0


BUNDLE_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"bundle": _bundle}
