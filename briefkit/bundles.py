"""Bundles: a brief kept in a folder named for its id, with the media its bodies show.

```
briefs/2025/2025-05-13-x/
  2025-05-13-x.ko.md
  2025-05-13-x.en.md
  roundtable.jpg
  press-release.pdf
```

A brief is a bundle when the folder holding its source file is named for its
id. Every other file directly in that folder is one of the brief's *media
files*, referred to from either language's body by its plain name (checked
in ``briefkit/media_refs.py``). Plain briefs and bundles mix freely under
``briefs/``. The loader (``briefkit/catalog.py``) asks ``bundle_of`` for each
brief; nothing here reads a file's content.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .disk_names import on_disk
from .problems import Problem, advice


@dataclass(frozen=True)
class Bundle:
    """The folder of one brief and the media files in it."""

    id: str
    folder: Path  # on disk
    shown: str  # the folder as messages name it, e.g. ``briefs/2025/<id>``
    names: dict[str, str]  # each media file directly in the folder: its name (NFC) -> its name on disk

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(sorted(self.names))

    def path(self, name: str) -> Path:
        return self.folder / self.names.get(name, name)

    def shown_path(self, name: str) -> str:
        return f"{self.shown}/{name}"


def bundle_of(brief_id: str, paths: dict[str, str], briefs_dir: Path, shown_as: str) -> tuple[Bundle | None,
                                                                                             list[Problem]]:
    """The bundle of the brief whose files are ``paths`` (language -> shown path), or None.

    A bundle's language files must all be in it: a file of the same brief
    elsewhere would look for its media in the wrong place.
    """
    folders = {lang: PurePosixPath(path).parent for lang, path in paths.items()}
    inside = {lang for lang, folder in folders.items() if folder.name == brief_id}
    if not inside:
        return None, []
    folder = folders[sorted(inside)[0]]
    problems = [
        Problem(paths[lang], 1, "file", f"is outside the brief's bundle {folder}/" + advice(
            f"move it into {folder}/, beside the other language's file"))
        for lang in sorted(paths) if folders[lang] != folder
    ]
    found = on_disk(briefs_dir / Path(*folder.parts[len(PurePosixPath(shown_as).parts):]))  # NFD folders too
    return Bundle(brief_id, found, str(folder), media_names(found)), problems


def media_names(folder: Path) -> dict[str, str]:
    """The files of a bundle folder that are not brief files or hidden, by NFC name (sub-folders are not read).

    macOS writes NFD file names; a body's text is NFC.
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return {}
    return {
        unicodedata.normalize("NFC", entry.name): entry.name for entry in entries
        if not entry.name.startswith(".") and not entry.name.lower().endswith(".md")
        and (entry.is_file(follow_symlinks=False) or entry.is_symlink())
    }
