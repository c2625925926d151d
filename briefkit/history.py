"""The source text a translation was made from, found in git history.

A translation's ``translated_from`` is the digest of the source text it was
made from. ``SourceHistory`` finds the newest committed version of the source
whose digest is that: it reads the log of the briefs folder once (one ``git
log``), indexes every version of every file by file name (an id is unique in
the folder, so renames, a move to another year's folder and a move into a
bundle ``<id>/<id>.ko.md`` are all followed), and reads versions through one
``git cat-file --batch`` process, newest first, until one matches.

``changes_for`` gives, for each outdated translation, what changed in the
source since then (wordiff.py): ``briefs diff``, ``briefs status`` and the
``/translations/`` page use it. It never raises: without git, outside a work
tree, or when no commit matches, a translation simply has no changes to show,
and ``Lookup.reason`` says why. The build keeps results in the
``translation-changes`` store (``briefkit/cache.py``), keyed by the
translation's ``translated_from`` and the source's current digest, and read
only when the store's fingerprint (this code and wordiff.py) is the one it
was written with, so a build whose outdated translations were all seen before
runs no git at all.
"""

from __future__ import annotations

import json
import logging
import subprocess
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import IO, Any

from . import cache as cache_module
from .atomic_write import write_atomic
from .model import OUTDATED, Brief
from .wordiff import Change, Version, diff_texts

LOG = logging.getLogger("briefs.history")  # not under "mkdocs.": nothing here may fail a --strict build
NOT_GIT = "not inside a git work tree (or git is not installed)"


@dataclass(frozen=True)
class Commit:
    sha: str
    date: str  # YYYY-MM-DD, the commit date
    subject: str
    path: str  # the source file's path in that commit, from the top of the work tree


@dataclass(frozen=True)
class Lookup:
    """The version a translation was made from, or why it was not found."""

    commit: Commit | None
    old: Version | None
    reason: str = ""


class SourceHistory:
    """Committed versions of the brief files under one folder. Use it as a context manager."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._versions: dict[str, list[tuple[Commit, str]]] | None = None
        self._top: Path | None = None
        self._batch: subprocess.Popen[bytes] | None = None
        self._digests: dict[str, tuple[Version | None, str | None]] = {}

    def __enter__(self) -> SourceHistory:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._batch is not None:
            if self._batch.stdin:
                self._batch.stdin.close()
            self._batch.wait(timeout=10)
            self._batch = None

    def head(self) -> str:
        """The commit checked out, or "" outside a work tree."""
        return _git(self.folder, "rev-parse", "HEAD")

    def find(self, source_path: str, digest: str) -> Lookup:
        """The newest committed version of ``source_path`` (any folder, same file name) with ``digest``."""
        versions = self._index()
        if versions is None:
            return Lookup(None, None, NOT_GIT)
        # Local imports: translation.py imports this module's users, not the other way round.
        from .translation import read_version

        for commit, blob in versions.get(PurePosixPath(source_path).name, []):
            if blob not in self._digests:
                text = self._read_blob(blob)
                version, found, _ = read_version(text, commit.path) if text is not None else (None, None, [])
                self._digests[blob] = (version, found)
            version, found = self._digests[blob]
            if found == digest and version is not None:
                return Lookup(commit, version)
        return Lookup(None, None, f"no commit of {PurePosixPath(source_path).name} has the digest {digest}"
                      " (the translation was stamped from a text that was never committed)")

    def _index(self) -> dict[str, list[tuple[Commit, str]]] | None:
        if self._versions is not None:
            return self._versions
        top = _git(self.folder, "rev-parse", "--show-toplevel")
        if not top:
            return None
        self._top = Path(top)
        log = _git(self.folder, "-c", "core.quotepath=false", "log", "--no-renames", "--raw", "--no-abbrev",
                   "--format=%x01%H %cs %s", "--", ".", strip=False)
        versions: dict[str, list[tuple[Commit, str]]] = defaultdict(list)
        for entry in log.split("\x01")[1:]:
            header, *lines = entry.split("\n")
            sha, date, subject = [*header.split(" ", 2), "", ""][:3]
            for line in lines:
                if not line.startswith(":") or "\t" not in line:
                    continue
                meta, path = line.split("\t", 1)
                fields = meta.split()
                if len(fields) < 5 or fields[4][0] == "D":
                    continue
                versions[PurePosixPath(path).name].append((Commit(sha, date, subject, path), fields[3]))
        self._versions = dict(versions)
        return self._versions

    def _read_blob(self, blob: str) -> str | None:
        if self._batch is None:
            self._batch = subprocess.Popen(["git", "cat-file", "--batch"], cwd=self.folder,
                                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        stdin, stdout = self._batch.stdin, self._batch.stdout
        assert stdin is not None and stdout is not None
        stdin.write(blob.encode() + b"\n")
        stdin.flush()
        header = stdout.readline().split()
        if len(header) != 3 or header[1] != b"blob":
            return None
        data = _read_exactly(stdout, int(header[2]) + 1)[:-1]
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    chunks, left = [], size
    while left > 0:
        chunk = stream.read(left)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _git(folder: Path, *args: str, strip: bool = True) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=folder, capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    if proc.returncode != 0:
        return ""
    out = proc.stdout.decode("utf-8", "replace")
    return out.strip() if strip else out


def current_version(brief: Brief) -> Version:
    """The source as it is now; lines from the catalog (title and summary lines are not kept there)."""
    source = brief.source
    return Version(source.title, source.summary, source.body, 0, 0, source.body_line)


def changes_since(history: SourceHistory, brief: Brief, lang: str) -> tuple[Lookup, list[Change]]:
    """What changed in ``brief``'s source since its ``lang`` translation was made."""
    text = brief.translations.get(lang)
    if text is None or text.translated_from is None:
        return Lookup(None, None, "no translated_from"), []
    found = history.find(brief.source.path, text.translated_from)
    if found.old is None:
        return found, []
    return found, diff_texts(found.old, current_version(brief))


def changes_for(
    briefs: Iterable[Brief], folder: Path, cache_file: Path | None = None
) -> dict[tuple[str, str], list[Change]]:
    """Changes since translation of every outdated translation, by (id, lang); {} when git cannot tell.

    Never raises: a failure here must not stop a build.
    """
    try:
        return _changes_for(list(briefs), folder, cache_file)
    except Exception:  # a bug or an odd repository: the page is then as without git
        LOG.debug("reading the sources' git history failed", exc_info=True)
        return {}


def _changes_for(briefs: list[Brief], folder: Path, cache_file: Path | None) -> dict[tuple[str, str], list[Change]]:
    wanted = [(b, lang) for b in briefs for lang in sorted(b.translations) if b.state(lang) == OUTDATED]
    if not wanted:
        return {}
    fingerprint = cache_module.fingerprint("translation-changes")
    cache = _read_cache(cache_file, fingerprint)
    keys = {(b.id, lang): _cache_key(b, lang) for b, lang in wanted}
    result: dict[tuple[str, str], list[Change]] = {}
    with SourceHistory(folder) as history:
        head: str | None = None
        fresh: dict[str, Any] = {}
        for brief, lang in wanted:
            key = keys[(brief.id, lang)]
            entry = cache.get(key)
            if entry is not None and entry.get("changes") is None:  # not found before: only as long as HEAD stays
                head = history.head() if head is None else head
                entry = entry if entry.get("head") == head else None
            if entry is None:
                lookup, changes = changes_since(history, brief, lang)
                head = history.head() if head is None else head
                entry = {"head": head, "changes": [c.as_json() for c in changes] if lookup.old else None}
            fresh[key] = entry
            if entry["changes"]:
                result[(brief.id, lang)] = [_change(c) for c in entry["changes"]]
    if cache_file is not None and fresh != {k: cache.get(k) for k in fresh}:
        write_atomic(cache_file, json.dumps({"fingerprint": fingerprint, "entries": fresh},
                                            ensure_ascii=False, sort_keys=True))
    return result


def _cache_key(brief: Brief, lang: str) -> str:
    return f"{brief.source.path}\0{brief.translations[lang].translated_from}\0{brief.digest}\0{brief.source.body_line}"


def _change(data: dict[str, Any]) -> Change:
    words = tuple((w["op"], w["text"]) for w in data["words"])
    return Change(data["field"], data["kind"], data["old"], data["new"], data["line"], words)


def _read_cache(path: Path | None, fingerprint: str) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    entries = data.get("entries") if isinstance(data, dict) and data.get("fingerprint") == fingerprint else None
    return entries if isinstance(entries, dict) else {}
