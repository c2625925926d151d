"""Write a file so that a reader sees the old bytes or the new ones, never half of them.

Every cache entry, the build's kept lists and a translator's stamped brief are
written through ``write_atomic``: the bytes go to a temporary file in the same
folder, which then replaces the target in one ``os.replace``. Two builds
writing the same entry at once each replace it whole. An exception while
writing (a full disk, Ctrl-C) leaves the target as it was and no temporary
file behind.

``durable``: also flush the file to the disk before the replace, for files a
person wrote (a brief); a cache entry lost to a power cut is only a miss.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def write_atomic(path: Path, data: bytes | str, *, durable: bool = False) -> None:
    """Replace ``path`` with ``data`` (a ``str`` is written as UTF-8), making its folder if needed."""
    with atomic_file(path, durable=durable) as out:
        out.write(data.encode("utf-8") if isinstance(data, str) else data)


@contextlib.contextmanager
def atomic_file(path: Path, *, durable: bool = False) -> Iterator[BinaryIO]:
    """A binary file that becomes ``path`` when the block ends without an exception."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            if durable:
                out.flush()
                os.fsync(out.fileno())
        _keep_mode(path, partial)
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise


def _keep_mode(path: Path, partial: str) -> None:
    """Give the new file the old one's permissions (``mkstemp`` makes it private), or the usual ones."""
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_UMASK
    os.chmod(partial, mode)


def _umask() -> int:
    # Read once, at import: setting it to read it is not safe while other threads make files.
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_UMASK = _umask()
