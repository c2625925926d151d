"""``briefs cache list`` and ``briefs cache clear``: what the build keeps in ``.cache/``, and removing it.

The stores are those of ``briefkit/cache.py``. Clearing is never needed for a
correct site (every key holds the fingerprint of the code and packages that
made the entry); it frees the disk, or rules the cache out when looking for
a bug, as ``BRIEFS_NO_CACHE=1`` does for one build without touching ``.cache/``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from . import cache


def add_cache_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Register ``cache``; return its handler by command name."""
    parser = commands.add_parser("cache", help="list or clear what the build keeps in .cache/")
    parser.add_argument("action", choices=("list", "clear"), help="list the stores, or remove them all")
    parser.add_argument("--project", default=".", help="the project folder, holding mkdocs.yml (default: .)")
    return {"cache": run_cache}


def run_cache(args: argparse.Namespace) -> int:
    root = Path(args.project)
    base = root / cache.FOLDER
    if args.action == "clear":
        removed = cache.clear(root)
        print(f"removed {len(removed)} stores from {base}" if removed else f"nothing to remove in {base}")
        return 0
    for name, store in cache.STORES.items():
        print(f"{name:20} {_size(base / store.path):>10}  {base / store.path}: {store.keeps}")
    return 0


def _size(path: Path) -> str:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else []
    if not files:
        return "-"
    total = sum(p.stat().st_size for p in files)
    return f"{total / 1e6:.1f} MB" if total >= 100_000 else f"{total / 1e3:.1f} KB"
