"""A build writes into a folder beside the output folder, moved into place only on success.

MkDocs writes pages as it renders them, and with ``--strict`` it aborts only
after everything is written; a hook's exception or Ctrl-C stops it halfway.
So the build writes into ``.<name>.building-<pid>`` beside ``site/`` (or
``-d DIR``), on the same file system, and ``commit`` renames it into place once
the build has succeeded: until then, and after any failure, the previous
site stays exactly as it was. ``abandon`` removes an unfinished folder; one
left by a process that was killed outright is removed by the next build.

A ``--dirty`` build renders only what changed, so it starts from a copy of the
previous site (modification times kept: they decide what is stale). Files
and folders whose names start with ``.`` at the top of the old site (a
deployment's ``.git``) are carried over, as MkDocs' own cleaning keeps them.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

_BUILDING = re.compile(r"\.(?P<name>.+)\.building-(?P<pid>[0-9]+)\Z")


@dataclass
class StagedOutput:
    final: Path  # where the site belongs
    building: Path  # where this build writes it
    done: bool = False

    @classmethod
    def begin(cls, site_dir: Path, dirty: bool) -> StagedOutput:
        final = Path(os.path.realpath(site_dir))  # a symlinked site/: build beside what it points at
        final.parent.mkdir(parents=True, exist_ok=True)
        _remove_orphans(final)
        building = final.parent / f".{final.name}.building-{os.getpid()}"
        shutil.rmtree(building, ignore_errors=True)
        if dirty and final.is_dir():
            top = str(final)
            shutil.copytree(final, building, symlinks=True,  # dot entries are carried over by commit
                            ignore=lambda folder, names: [n for n in names if folder == top and n.startswith(".")])
        else:
            building.mkdir()
            if final.is_dir():  # the folder a server serves keeps its permissions
                shutil.copymode(final, building)
        return cls(final, building)

    def commit(self) -> None:
        """Put the finished site in place of the previous one."""
        if self.done:
            return
        if self.final.is_dir():
            for entry in self.final.iterdir():
                if entry.name.startswith(".") and not (self.building / entry.name).exists():
                    entry.rename(self.building / entry.name)
        old = self.final.parent / f"{self.building.name}.old"
        try:
            if self.final.exists():
                self.final.rename(old)
            self.building.rename(self.final)
        except OSError:  # a mount point or a folder in use cannot be renamed: replace what is in it
            if old.exists() and not self.final.exists():
                old.rename(self.final)
            _replace_contents(self.final, self.building)
        self.done = True
        shutil.rmtree(old, ignore_errors=True)

    def abandon(self) -> None:
        """Forget an unfinished build: the previous site stays as it was."""
        if not self.done:
            self.done = True
            shutil.rmtree(self.building, ignore_errors=True)


def _replace_contents(final: Path, building: Path) -> None:
    final.mkdir(parents=True, exist_ok=True)
    for entry in final.iterdir():
        if not entry.name.startswith("."):
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    for entry in building.iterdir():
        target = final / entry.name
        if target.exists():
            shutil.rmtree(target) if target.is_dir() and not target.is_symlink() else target.unlink()
        shutil.move(str(entry), str(target))
    shutil.rmtree(building, ignore_errors=True)


def _remove_orphans(final: Path) -> None:
    """Folders of earlier builds of ``final`` whose process is gone (killed before it could clean up)."""
    for entry in final.parent.iterdir():
        match = _BUILDING.match(entry.name.removesuffix(".old"))
        if match is None or match["name"] != final.name or not entry.is_dir():
            continue
        if entry.name.endswith(".old") or not _alive(int(match["pid"])):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process starts a new build: an earlier one of it is over
    with contextlib.suppress(ProcessLookupError):
        try:
            os.kill(pid, 0)
        except PermissionError:
            return True
        return True
    return False
