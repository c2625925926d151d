"""``briefs diff`` and ``briefs qa``: a translator's review commands (registered by cli.py).

``briefs diff <id> [--lang L]`` prints what changed in the source since the
text a translation was made from (history.py finds it in git; wordiff.py
compares): each changed paragraph old (``-``) and new (``+``), changed words
highlighted on a terminal and marked ``[-old-]{+new+}`` on a ``~`` line when
piped; ``--json`` for tools. Without git, or when no commit matches, it says
why and exits 0.

``briefs qa [PATH]`` prints qa.py's findings as ``path:line: field: message``;
exit 0 unless ``--strict``; ``--json``; ``--watch`` for editors (watch.py).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from .catalog import Catalog
from .history import Lookup, SourceHistory, changes_since
from .model import CURRENT, LANGUAGES, MISSING, UNVERIFIED, Brief
from .problems import plural
from .references import check_folder
from .wordiff import DELETE, EQUAL, INSERT, Change, count

_RED, _GREEN, _BOLD, _DIM, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[1;7m", "\x1b[2m", "\x1b[0m"
_CONTEXT = 4  # words kept around a change on a '~' line


def add_review_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Register ``diff`` and ``qa``; return their handlers by command name."""
    diff = commands.add_parser("diff", help="show what changed in the source since a translation was made")
    diff.add_argument("id", help="the brief id, e.g. 2025-05-13-regional-innovation-roundtable")
    diff.add_argument("--lang", choices=LANGUAGES, help="the translation's language (default: every translation)")
    diff.add_argument("--briefs", default="briefs", help="the briefs folder (default: briefs)")
    diff.add_argument("--json", action="store_true", help="print JSON for tools")
    diff.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                      help="colour the changes (default: on a terminal, unless NO_COLOR is set)")
    qa = commands.add_parser("qa", help="check translations: glossary terms, structure, figures, names")
    qa.add_argument("path", nargs="?", default="briefs", help="the briefs folder, or one brief file (default: briefs)")
    qa.add_argument("--strict", action="store_true", help="exit 1 when there is any finding")
    qa.add_argument("--json", action="store_true", help="print a JSON list of findings")
    qa.add_argument("--watch", action="store_true", help="check again after every save, until Ctrl+C (for editors)")
    return {"diff": run_diff, "qa": run_qa}


# -- briefs diff --------------------------------------------------------------------------------


def run_diff(args: argparse.Namespace) -> int:
    folder = Path(args.briefs)
    catalog = _catalog(folder)
    if catalog is None:
        return 1
    brief = catalog.by_id().get(args.id)
    if brief is None:
        print(f"briefs diff: no brief {args.id} in {_shown(folder)} (see: briefs status)", file=sys.stderr)
        return 1
    langs = [args.lang] if args.lang else [lang for lang in LANGUAGES if lang != brief.source.lang]
    reports = []
    with SourceHistory(folder) as history:
        for lang in langs:
            reports.append(_report(history, brief, lang))
    if args.json:
        print(json.dumps(reports if len(reports) > 1 else reports[0], ensure_ascii=False, indent=2))
        return 0
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    for report in reports:
        _print_report(report, color, sys.stdout)
    return 0


def _report(history: SourceHistory, brief: Brief, lang: str) -> dict[str, Any]:
    state = brief.state(lang)
    text = brief.translations.get(lang)
    lookup, changes = (Lookup(None, None), []) if state in (MISSING, UNVERIFIED, CURRENT) else \
        changes_since(history, brief, lang)
    reason = {
        MISSING: f"there is no {lang} translation yet",
        UNVERIFIED: "the translation has no translated_from, so nothing records which text it was made from"
                    f" (compare it with the source, then run 'briefs stamp {brief.id}')",
        CURRENT: "the translation is current: the source has not changed since it was made",
    }.get(state, lookup.reason and f"{lookup.reason}; compare the translation with the source by hand")
    commit = lookup.commit
    return {
        "id": brief.id, "lang": lang, "state": state, "source_path": brief.source.path,
        "path": text.path if text else None, "translated_from": text.translated_from if text else None,
        "digest": brief.digest, "found": lookup.old is not None, "reason": reason or None,
        "commit": None if commit is None else
        {"sha": commit.sha, "date": commit.date, "subject": commit.subject, "path": commit.path},
        "counts": count(changes), "changes": [c.as_json() for c in changes],
    }


def _print_report(report: dict[str, Any], color: bool, out: TextIO) -> None:
    head = f"{report['id']} ({report['lang']})"
    if not report["found"]:
        print(f"{head}: {report['reason']}.", file=out)
        return
    commit = report["commit"]
    print(f"{head}: {report['path']} was made from {report['source_path']} as committed in {commit['sha'][:10]}"
          f" ({commit['date']}, {commit['subject']}). Changed since then:", file=out)
    for data in report["changes"]:
        print(file=out)
        change = Change(data["field"], data["kind"], data["old"], data["new"], data["line"],
                        tuple((w["op"], w["text"]) for w in data["words"]))
        _print_change(change, report["source_path"], color, out)
    counts = report["counts"]
    total = sum(counts.values())
    print(f"\n{total} paragraph{'s' if total != 1 else ''}: " + ", ".join(f"{n} {k}" for k, n in counts.items())
          + f". Update {report['path']}, run 'briefs qa', then 'briefs stamp {report['id']}'.", file=out)


def _print_change(change: Change, source_path: str, color: bool, out: TextIO) -> None:
    where = f"{source_path}:{change.line}" if change.kind != "removed" else f"was at line {change.line}"
    print(f"{change.field} ({change.kind}, {where})", file=out)
    if change.kind != "changed":
        sign, text, tint = ("-", change.old, _RED) if change.kind == "removed" else ("+", change.new, _GREEN)
        for line in text.split("\n"):
            print(f"{tint}{sign} {line}{_RESET}" if color else f"{sign} {line}", file=out)
        return
    for sign, keep, tint in (("-", DELETE, _RED), ("+", INSERT, _GREEN)):
        shown = "".join((_BOLD + t + _RESET + tint if color else t) if op == keep else t
                        for op, t in change.words if op in (EQUAL, keep))
        for line in shown.split("\n"):
            print(f"{tint}{sign} {line}{_RESET}" if color else f"{sign} {line}", file=out)
    if not color:
        print("~ " + _marked(change.words).replace("\n", " "), file=out)


def _marked(words: tuple[tuple[str, str], ...]) -> str:
    """The changes as ``[-old-]{+new+}``, unchanged text shortened to a few words around them."""
    parts = []
    for index, (op, text) in enumerate(words):
        if op == DELETE:
            parts.append(f"[-{text}-]")
        elif op == INSERT:
            parts.append(f"{{+{text}+}}")
        else:
            tokens = text.split(" ")
            first, last = index == 0, index == len(words) - 1
            if len(tokens) > 2 * _CONTEXT:
                head = [] if first else tokens[:_CONTEXT]
                tail = [] if last else tokens[-_CONTEXT:]
                text = " ".join(head) + (" … " if head or tail else "…") + " ".join(tail)
            parts.append(text)
    return "".join(parts).strip()


# -- briefs qa ----------------------------------------------------------------------------------


def run_qa(args: argparse.Namespace) -> int:
    from .qa import QaCache, qa_catalog
    from .watch import qa_once, watch

    path = Path(args.path)
    folder, only = _qa_target(path)
    if args.watch:
        cache = QaCache()  # one for the session: a save re-reads only the saved file
        return watch(folder, _shown(folder), run=lambda p, s, o: qa_once(p, s, o, cache), name="qa")
    catalog = _catalog(folder)
    if catalog is None:
        return 1
    findings = qa_catalog(catalog, folder, _shown(folder), only)
    if args.json:
        print(json.dumps([{"path": f.path, "line": f.line, "field": f.field, "message": f.message}
                          for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(finding)
        files = len({f.path for f in findings})
        checked = sum(len(b.translations) for b in catalog.briefs if only is None or b.id in only)
        print(f"briefs qa: {len(findings)} finding{'s' if len(findings) != 1 else ''} in {files}"
              f" file{'s' if files != 1 else ''} ({checked} translation{'s' if checked != 1 else ''} checked)",
              file=sys.stderr)
    return 1 if args.strict and findings else 0


def _qa_target(path: Path) -> tuple[Path, set[str] | None]:
    """The briefs folder to load, and the one brief to check when ``path`` is a brief file."""
    if not path.is_file():
        return path, None
    folder = path.parent
    while folder != folder.parent and not (folder / "topics.yml").is_file():
        folder = folder.parent
    if not (folder / "topics.yml").is_file():
        folder = path.parent
    brief_id = path.name.split(".")[0]
    if path.is_absolute() or not (Path.cwd() / folder).exists():
        return folder, {brief_id}
    return Path(os.path.relpath(folder)), {brief_id}


def _catalog(folder: Path) -> Catalog | None:
    catalog = check_folder(folder, shown_as=_shown(folder))
    if catalog.problems:
        for problem in catalog.problems:
            print(problem, file=sys.stderr)
        count = len(catalog.problems)
        print(f"{count} {plural(count, 'problem')}: fix them first (see: briefs check).", file=sys.stderr)
        return None
    return catalog


def _shown(path: Path) -> str:
    return path.as_posix().rstrip("/") or "."
