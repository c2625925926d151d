"""``briefs check --watch``: check a briefs folder again each time one of its files changes.

Each run prints a start line, every problem exactly as ``briefs check`` prints
it (``path:line: field: what is wrong (what to do)``), and an end line. The two
framing lines let an editor's background problem matcher (``.vscode/tasks.json``)
know when a run begins and ends, so that it replaces the problems it shows with
the new run's. Everything goes to standard output, flushed after each run, so
the three kinds of line always arrive in order.

A run re-reads the whole folder through ``check_folder``: the same code as the
build, so the editor and CI cannot disagree.

``briefs qa --watch`` runs the same loop with ``qa_once``: the folder's problems
if it has any, else the translation findings of ``briefs qa``, framed by the
same kind of lines with ``briefs qa:`` in place of ``briefs check:``.
"""

from __future__ import annotations

import datetime as dt
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, TextIO

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from .problems import Problem, plural
from .references import check_folder

if TYPE_CHECKING:
    from .qa import QaCache

BEGIN = "briefs {name}: checking {folder} … ({time})"
END_CLEAN = "briefs check: {briefs} {briefs_word}, no problems."
END_PROBLEMS = (
    "briefs {name}: {problems} {problems_word} in {files} {files_word}: nothing can be published until they are fixed."
)
QA_CLEAN = "briefs qa: {translations} {translations_word}, no findings."
QA_FINDINGS = "briefs qa: {findings} {findings_word} in {files} {files_word}."
WATCHING = "briefs {name}: watching {folder} for changes (Ctrl+C stops)"
STOPPED = "briefs {name}: stopped."

# An editor saves a file in a few steps (write, rename, attribute change): wait
# until the folder has been quiet this long, but never longer than SETTLE_MAX.
SETTLE = 0.15
SETTLE_MAX = 2.0
# Changes to these kinds of file can change what check_folder reports (a bundle's media too).
WATCHED_SUFFIXES = (".md", ".yml", ".yaml", ".jpg", ".jpeg", ".png", ".webp", ".svg", ".gif",
                    ".pdf", ".hwp", ".hwpx", ".docx", ".xlsx", ".pptx", ".csv", ".txt", ".zip")
_CHANGES = frozenset({"created", "deleted", "modified", "moved"})
# Asked of the operating system too, where it can filter (inotify): otherwise every
# run's own reading of 2,000 files would come back as 4,000 open and close events.
_EVENT_FILTER: list[type[FileSystemEvent]] = [
    FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent,
    DirCreatedEvent, DirDeletedEvent, DirMovedEvent,
]


def watch(
    path: Path, shown_as: str, out: TextIO = sys.stdout,
    run: Callable[[Path, str, TextIO], int] | None = None, name: str = "check",
) -> int:
    """Check ``path`` now and after every change under it, until Ctrl+C; return 0 then.

    ``run`` is one framed run (``check_once``, or ``qa_once`` with ``name`` "qa").
    """
    run = run or check_once
    changed = threading.Event()
    observer = Observer()
    previous_term = signal.signal(signal.SIGTERM, _interrupt)
    try:
        if path.is_dir():  # watched before the first run, so no change is missed
            observer.schedule(_ChangeHandler(changed), str(path), recursive=True, event_filter=_EVENT_FILTER)
            observer.start()
        run(path, shown_as, out)
        if not observer.is_alive():
            print(f"briefs {name}: cannot watch {shown_as}: not a folder", file=out, flush=True)
            return 1
        print(WATCHING.format(name=name, folder=shown_as), file=out, flush=True)
        while True:
            _wait_for_change(changed)
            run(path, shown_as, out)
    except KeyboardInterrupt:
        print(STOPPED.format(name=name), file=out, flush=True)
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous_term)
        if observer.is_alive():
            observer.stop()
            observer.join(timeout=5)


def check_once(path: Path, shown_as: str, out: TextIO) -> int:
    """One framed run; returns the number of problems."""
    now = dt.datetime.now().strftime("%H:%M:%S")
    print(BEGIN.format(name="check", folder=shown_as, time=now), file=out)
    catalog = check_folder(path, shown_as=shown_as)
    count = _print_problems(catalog.problems, "check", out)
    if not count:
        briefs = len(catalog.briefs)
        print(END_CLEAN.format(briefs=briefs, briefs_word=plural(briefs, "brief")), file=out)
    out.flush()
    return count


def qa_once(path: Path, shown_as: str, out: TextIO, cache: QaCache | None = None) -> int:
    """One framed ``briefs qa`` run; returns the number of problems and findings.

    ``cache``: files read by earlier runs of the same watcher (unchanged ones are not read again).
    """
    from .qa import qa_catalog  # only here: a plain check needs no Markdown parser

    now = dt.datetime.now().strftime("%H:%M:%S")
    print(BEGIN.format(name="qa", folder=shown_as, time=now), file=out)
    catalog = check_folder(path, shown_as=shown_as)
    count = _print_problems(catalog.problems, "qa", out)
    if not count:
        findings = qa_catalog(catalog, path, shown_as, cache=cache)
        for finding in findings:
            print(finding, file=out)
        count = len(findings)
        if count:
            files = len({f.path for f in findings})
            print(QA_FINDINGS.format(findings=count, findings_word=plural(count, "finding"), files=files,
                                     files_word=plural(files, "file")), file=out)
        else:
            translations = sum(len(b.translations) for b in catalog.briefs)
            print(QA_CLEAN.format(translations=translations,
                                  translations_word=plural(translations, "translation")), file=out)
    out.flush()
    return count


def _print_problems(problems: list[Problem], name: str, out: TextIO) -> int:
    for problem in problems:
        print(problem, file=out)
    if problems:
        files = len({p.path for p in problems})
        print(END_PROBLEMS.format(
            name=name, problems=len(problems), problems_word=plural(len(problems), "problem"),
            files=files, files_word=plural(files, "file"),
        ), file=out)
    return len(problems)


def _wait_for_change(changed: threading.Event) -> None:
    # Wake every second so that Ctrl+C is seen promptly on every platform.
    while not changed.wait(1.0):
        pass
    changed.clear()
    waited = 0.0
    while waited < SETTLE_MAX and changed.wait(SETTLE):
        changed.clear()
        waited += SETTLE


class _ChangeHandler(FileSystemEventHandler):
    """Sets ``changed`` when a brief, a vocabulary or a folder of them changes.

    Opening and reading files (as every run does) and editors' swap and backup
    files do not count, or each run would start the next.
    """

    def __init__(self, changed: threading.Event) -> None:
        self.changed = changed

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in _CHANGES:
            return
        if event.is_directory:
            if event.event_type != "modified":
                self.changed.set()
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        if any(_matters(p) for p in paths if p):
            self.changed.set()


def _matters(path: bytes | str) -> bool:
    name = Path(path.decode("utf-8", "surrogateescape") if isinstance(path, bytes) else path).name
    return not name.startswith(".") and name.lower().endswith(WATCHED_SUFFIXES)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # a terminated task stops as Ctrl+C stops it
