"""The site's web fonts (``fonts/``: Pretendard GOV in thousands of small parts) into the built site.

MkDocs handles every file of the theme folder one by one, twice (once a
language pass): with the fonts in ``overrides/`` that cost a build 3-5 s. So
the fonts live in ``fonts/`` beside the project (scripts/refresh_fonts.py writes
them) and ``publish_fonts`` puts them in ``site/assets/fonts/`` once a build,
as hard links where the file system allows (a copy elsewhere). A file already
there with the same size is left alone (the preview rebuilds often).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

SOURCE = "fonts"
TARGET = Path("assets") / "fonts"


def publish_fonts(root: Path, site_dir: Path) -> int:
    """Link or copy ``root/fonts/*`` into ``site_dir/assets/fonts/``; the number of files put there."""
    source = root / SOURCE
    if not source.is_dir():
        return 0
    target = site_dir / TARGET
    target.mkdir(parents=True, exist_ok=True)
    placed = 0
    with os.scandir(source) as entries:
        for entry in entries:
            if not entry.is_file(follow_symlinks=False):
                continue
            dest = target / entry.name
            try:
                if dest.stat().st_size == entry.stat().st_size:
                    continue
                dest.unlink()
            except FileNotFoundError:
                pass
            try:
                os.link(entry.path, dest)
            except OSError:  # another file system, or links not allowed
                shutil.copyfile(entry.path, dest)
            placed += 1
    return placed
