"""A content-addressed store of encoded files: a build encodes an image only once.

An entry is a folder named by a digest (the caller's: source bytes, settings,
library and code versions) holding the files and a ``manifest.json``
describing them, with each file's SHA-256, size and modification time: an
entry whose file was changed (published files are hard links to it) is not
used. A file whose size and time are as written is taken as written (as git
and make do); one whose time moved, or that was written in the last
``RECENT_S`` seconds (a change within the file system's clock tick keeps its
time: git's "racy" case), is hashed again, so only a change of bytes discards
the entry. An entry is written into a temporary folder and renamed into
place, so a reader never sees half of one and two processes encoding the same
image both end up with one entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

RECENT_S = 2


def entry_dir(cache_dir: Path, key: str) -> Path:
    return cache_dir / key[:2] / key


def load(cache_dir: Path, key: str) -> dict[str, Any] | None:
    """The manifest of entry ``key``, or ``None`` when it is missing, incomplete or altered."""
    folder = entry_dir(cache_dir, key)
    try:
        manifest: dict[str, Any] = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        digests, stats = manifest["files"], manifest.get("stats", {})
        if not isinstance(digests, dict) or not isinstance(stats, dict):
            return None
        if not all(_unchanged(folder / name, digest, stats.get(name)) for name, digest in digests.items()):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return manifest


def store(cache_dir: Path, key: str, files: dict[str, bytes], manifest: dict[str, Any]) -> None:
    """Write entry ``key``: ``files`` by name, and ``manifest`` (with each file's digest added)."""
    folder = entry_dir(cache_dir, key)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{key[:12]}-", dir=folder.parent))
    try:
        for name, data in files.items():
            (tmp / name).write_bytes(data)
        body = dict(manifest, files={name: _digest(data) for name, data in sorted(files.items())},
                    stats={name: _stat(tmp / name) for name in sorted(files)})
        (tmp / "manifest.json").write_text(json.dumps(body, sort_keys=True, indent=1), encoding="utf-8")
        try:
            tmp.rename(folder)
        except OSError:
            if load(cache_dir, key) is None:  # not another process's complete entry: replace it
                shutil.rmtree(folder, ignore_errors=True)
                tmp.rename(folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _stat(path: Path) -> list[int]:
    found = path.stat()
    return [found.st_size, found.st_mtime_ns]


def _unchanged(path: Path, digest: str, written: object) -> bool:
    found = _stat(path)
    if found == written and time.time_ns() - found[1] > RECENT_S * 1_000_000_000:
        return True
    return _digest(path.read_bytes()) == digest


def write(target: Path, data: bytes) -> None:
    """Write ``data`` to a new file at ``target``: never through an existing file, which may be a link into a cache."""
    target.unlink(missing_ok=True)
    target.write_bytes(data)


def place(source: Path, target: Path) -> None:
    """Put ``source``'s bytes at ``target``: a hard link where the file system allows, else a copy."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
