"""Translation states for translators: who needs what, and stamping a translation.

``status_rows`` lists, for every brief and every language other than its
source's, the translation's state (missing, outdated, unverified, current),
which ``briefs status`` prints and the ``/translations/`` page lists.
``stamp_file`` writes the current source digest into a translation's
``translated_from`` by editing one line of the file, so comments, key order,
quoting, line ends and a byte-order mark stay exactly as the translator left
them. ``file_digest`` is the digest of any source file, as ``briefs digest``
prints it.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .atomic_write import write_atomic
from .frontmatter_yaml import FrontMatterError, LineDict, load_yaml, split_document
from .model import CURRENT, LANGUAGES, MISSING, OUTDATED, UNVERIFIED, Brief, source_digest
from .validate import FieldReader
from .wordiff import Change, Version, count

# The order ``briefs status`` prints its groups in: work to do first.
STATE_ORDER = (OUTDATED, MISSING, UNVERIFIED, CURRENT)
BOM = b"\xef\xbb\xbf"
_TRANSLATED_FROM = re.compile(r"translated_from[ \t]*:")
_FENCE = re.compile(r"---[ \t]*\Z")


@dataclass(frozen=True)
class StatusRow:
    """One translation (present or not) of one brief: the ``--json`` shape."""

    id: str
    source: str  # the source's language
    lang: str  # the translation's language
    state: str
    path: str | None  # the translation file, None when missing
    source_path: str
    digest: str  # the source's current digest
    translated_from: str | None
    source_changed: str | None  # YYYY-MM-DD of the source's last commit, outdated only
    draft: bool
    # Paragraphs added, removed and changed in the source since the translation was made
    # (outdated only, when git history has the text it was made from; see history.py).
    changes: dict[str, int] | None = None
    # Update notes of the source with no text in this language yet: work for translators whatever
    # the state (notes are not in the source digest, so adding one leaves the state as it was).
    untranslated_updates: int = 0

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def status_rows(
    briefs: Iterable[Brief], langs: tuple[str, ...] = LANGUAGES, *, git_dates: bool = True,
    changes: dict[tuple[str, str], list[Change]] | None = None,
) -> list[StatusRow]:
    """Every translation (present or not) of ``briefs``, in their order.

    ``changes``: what changed since each outdated translation (``history.changes_for``), counted per row.
    """
    rows = []
    dates = _GitDates() if git_dates else None
    for brief in briefs:
        for lang in langs:
            if lang == brief.source.lang:
                continue
            rows.append(_row(brief, lang, dates, (changes or {}).get((brief.id, lang))))
    return rows


def _row(brief: Brief, lang: str, dates: _GitDates | None, changes: list[Change] | None) -> StatusRow:
    state = brief.state(lang)
    text = brief.translations.get(lang)
    changed = dates.last_change(brief.source.path) if dates is not None and state == OUTDATED else None
    return StatusRow(
        id=brief.id, source=brief.source.lang, lang=lang, state=state,
        path=text.path if text else None, source_path=brief.source.path, digest=brief.digest,
        translated_from=text.translated_from if text else None, source_changed=changed, draft=brief.draft,
        changes=count(changes) if changes is not None and state == OUTDATED else None,
        untranslated_updates=brief.untranslated_updates(lang),
    )


class _GitDates:
    """Last-commit dates of files, when they are inside a git work tree."""

    def __init__(self) -> None:
        self._work_trees: dict[Path, bool] = {}

    def last_change(self, path: str) -> str | None:
        folder = Path(path).parent
        if not self._inside(folder):
            return None
        out = _git(folder, "log", "-1", "--format=%cs", "--", Path(path).name)
        return out or None

    def _inside(self, folder: Path) -> bool:
        if folder not in self._work_trees:
            self._work_trees[folder] = _git(folder, "rev-parse", "--is-inside-work-tree") == "true"
        return self._work_trees[folder]


def _git(folder: Path, *args: str) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return proc.stdout.strip() if proc.returncode == 0 else ""


def count_states(rows: list[StatusRow]) -> dict[str, int]:
    return {state: sum(1 for r in rows if r.state == state) for state in STATE_ORDER}


def stamp_file(path: Path, digest: str) -> bool:
    """Set ``translated_from: "<digest>"`` in ``path``; False if it was already so.

    Only the ``translated_from`` line changes, or one line is inserted before
    the closing ``---``; every other byte of the file is kept.
    """
    raw = path.read_bytes()
    bom = raw.startswith(BOM)
    text = raw[len(BOM):].decode("utf-8") if bom else raw.decode("utf-8")
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].rstrip("\r\n")):
        raise ValueError(f"{path}: no front matter (the file must start with a line '---')")
    closing = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i].rstrip("\r\n"))), None)
    if closing is None:
        raise ValueError(f"{path}: front matter not closed (add a line '---' after the last field)")
    eol = "\r\n" if lines[0].endswith("\r\n") else "\n"
    new_line = f'translated_from: "{digest}"{eol}'
    found = [i for i in range(1, closing) if _TRANSLATED_FROM.match(lines[i])]
    if found:
        index = found[0]
        old_eol = lines[index][len(lines[index].rstrip("\r\n")):] or eol
        new_line = new_line.rstrip("\r\n") + old_eol
        if lines[index] == new_line:
            return False
        lines[index] = new_line
    else:
        last = closing - 1
        if last >= 1 and not lines[last].endswith(("\n", "\r")):
            lines[last] += eol  # a front matter whose last line has no line end (rare)
        lines.insert(closing, new_line)
    stamped = "".join(lines)
    if _read_stamp(stamped) != digest:
        raise ValueError(f"{path}: could not find where to write translated_from (set it by hand: \"{digest}\")")
    data = stamped.encode("utf-8")
    write_atomic(path, BOM + data if bom else data, durable=True)  # a translator's file: never half written
    return True


def _read_stamp(text: str) -> object:
    """The ``translated_from`` value a stamped text holds, as the build will read it."""
    try:
        meta = load_yaml(split_document(text.replace("\r\n", "\n"))[0])
    except FrontMatterError:
        return None
    return meta.get("translated_from") if isinstance(meta, dict) else None


def file_digest(path: Path) -> tuple[str | None, list[str]]:
    """The source digest of one file, computed as the build computes it, or problems."""
    shown = path.as_posix()
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        return None, [f"{shown}:1: file: cannot be read as UTF-8 text ({err})"]
    _version, digest, problems = read_version(text, shown)
    return digest, problems


def read_version(text: str, shown: str) -> tuple[Version | None, str | None, list[str]]:
    """A source file's text (title, summary, body, with lines) and its digest, or problems."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    try:
        front, closing, body = split_document(text)
        meta = load_yaml(front)
    except FrontMatterError as err:
        return None, None, [f"{shown}:{err.line}: front matter: {err.message}"]
    if not isinstance(meta, LineDict):
        return None, None, [f"{shown}:2: front matter: must be 'field: value' lines (see the brief format)"]
    reader = FieldReader(meta, shown)
    reader.text("title", required=True)
    reader.summary()
    if reader.problems:
        return None, None, [str(p) for p in reader.problems]
    # The contract's digest: title and summary as YAML read them, before any trimming.
    title, summary = meta["title"], meta["summary"]
    version = Version(title, summary, body, meta.lines["title"], meta.lines["summary"], closing + 1)
    return version, source_digest(title, summary, body), []
