"""From a path as messages show it (NFC) back to the file on disk, whose name may be NFD.

Problems, texts and bundles name files by their NFC path (``catalog._printable``),
but macOS writes Hangul file and folder names decomposed (NFD), and Linux keeps
them as written: ``briefs/기록/x.ko.md`` shown may be ``briefs/기록/x.ko.md`` in
NFD on disk. Whatever reopens a file by its shown path (a bundle's folder, ``briefs
stamp``, ``briefs qa``) goes through ``on_disk``.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path


def on_disk(path: Path) -> Path:
    """``path`` as it exists on disk, each part matched by its NFC form; ``path`` itself when none matches."""
    if path.exists() or not path.parts:
        return path
    found = Path(path.parts[0])
    for part in path.parts[1:]:
        found = _entry(found, part)
    return found if found.exists() else path


def _entry(folder: Path, name: str) -> Path:
    exact = folder / name
    if exact.exists():
        return exact
    wanted = unicodedata.normalize("NFC", name)
    try:
        names = sorted(os.listdir(folder or "."))
    except OSError:
        return exact
    return next((folder / n for n in names if unicodedata.normalize("NFC", n) == wanted), exact)
