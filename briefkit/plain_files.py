"""Reading a writer's file: a plain file inside the folder, of a size a brief can have.

A brief, a vocabulary or a bundle's media file that is a symbolic link would
publish whatever it points at (a file outside the repository), and a device
or a named pipe is read without end (``/dev/zero`` until memory runs out).
``read_capped`` refuses all of them, and files over a size cap, before
reading more than the cap: ``FileRefused`` carries the reason, worded for the
writer. The link is refused, not followed, even when it points inside.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

BRIEF_MAX = 1_000_000  # bytes: a brief's Markdown; its pictures and attachments are separate files
VOCABULARY_MAX = 1_000_000


class FileRefused(Exception):
    """A file that is not read: ``reason`` says why and what to do."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of the plain file ``path``; ``FileRefused`` for anything else or over ``limit`` bytes.

    ``OSError`` (missing, no permission) passes through for the caller to word.
    """
    _refuse_kind(os.lstat(path).st_mode)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as err:
        if err.errno == errno.ELOOP:  # replaced by a link since lstat
            _refuse_kind(stat.S_IFLNK)
        raise
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(descriptor)
        _refuse_kind(status.st_mode)
        if status.st_size > limit:
            raise FileRefused(_too_big(status.st_size, limit))
        data = file.read(limit + 1)
    if len(data) > limit:
        raise FileRefused(_too_big(len(data), limit))
    return data


def _refuse_kind(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISLNK(mode):
        raise FileRefused("is a symbolic link (only files inside the briefs folder are read:"
                          " put a copy of the file here instead of the link)")
    kind = ("a named pipe" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "a folder" if stat.S_ISDIR(mode) else "not a plain file")
    raise FileRefused(f"is {kind}, not a file (put a plain text file here)")


def _too_big(size: int, limit: int) -> str:
    return f"is {_megabytes(size)} (at most {_megabytes(limit)}: shorten it, or split it into several briefs)"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
