"""The ``briefs`` command: check briefs without building, and translation tools.

``briefs check [PATH]`` prints the build's messages and exits with its code:
0 when every brief is valid, 1 when any is not. The translator's commands
(``status``, ``stamp``, ``digest``, ``new``, ``schema``) first check the folder
the same way and stop with the same messages when it has problems.
``briefs check --watch`` checks again after every change, for editors (see watch.py).
``verify-site`` and ``samples`` (for publishing) are in content_cli.py.
``briefs diff`` and ``briefs qa``, the translator's review commands, are in review_cli.py;
``briefs cache`` in cache_cli.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .bundle_cli import BUNDLE_COMMANDS, add_bundle_command
from .cache_cli import add_cache_commands
from .catalog import Catalog
from .content_cli import CONTENT_COMMANDS, add_content_commands
from .disk_names import on_disk
from .history import changes_for
from .model import LANGUAGES, STATES
from .problems import plural
from .references import check_folder
from .review_cli import add_review_commands
from .scaffold import ScaffoldError, new_source, new_translation
from .schema import write_schemas
from .translation import STATE_ORDER, StatusRow, count_states, file_digest, stamp_file, status_rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefs", description="Check and manage policy briefs.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate a briefs folder without building the site")
    check.add_argument("path", nargs="?", default="briefs", help="the briefs folder (default: briefs)")
    check.add_argument("--watch", action="store_true",
                       help="check again each time a file in the folder changes, until Ctrl+C (for editors)")
    _add_translation_commands(commands)
    add_content_commands(commands)
    add_bundle_command(commands)
    review = add_review_commands(commands) | add_cache_commands(commands)
    args = parser.parse_args(argv)
    if args.command in CONTENT_COMMANDS:
        return CONTENT_COMMANDS[args.command](args)
    if args.command in BUNDLE_COMMANDS:
        return BUNDLE_COMMANDS[args.command](args)
    if args.command in review:
        return review[args.command](args)
    if args.command == "status":
        return _status(args)
    if args.command == "stamp":
        return _stamp(args)
    if args.command == "digest":
        return _digest(args.files)
    if args.command == "new":
        return _new(args)
    if args.command == "schema":
        return _schema(args)
    if args.watch:
        from .watch import watch  # only here: watchdog is not needed for a one-off check

        return watch(Path(args.path), _shown(Path(args.path)))
    return _check(Path(args.path))


def _add_translation_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    status = commands.add_parser(
        "status", help="every brief's translation state: missing, outdated, unverified or current",
        epilog=STATUS_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    status.add_argument("path", nargs="?", default="briefs", help="the briefs folder (default: briefs)")
    status.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    status.add_argument("--state", type=_states, default=STATES, metavar="S[,S]", help="show only these states")
    status.add_argument("--lang", choices=LANGUAGES, help="show only translations into this language")
    status.add_argument("--fail-on", type=_states, default=(), metavar="S[,S]",
                        help="exit 1 when any translation is in one of these states (e.g. outdated,missing)")
    stamp = commands.add_parser("stamp", help="record that translations match their source's current text")
    stamp.add_argument("ids", nargs="*", metavar="id", help="brief ids, e.g. 2025-05-13-regional-innovation-roundtable")
    stamp.add_argument("--all", action="store_true", help="stamp every existing translation (adopting the workflow)")
    stamp.add_argument("--lang", choices=LANGUAGES, help="stamp only the translation into this language")
    stamp.add_argument("--briefs", default="briefs", help="the briefs folder (default: briefs)")
    digest = commands.add_parser("digest", help="print a source file's digest")
    digest.add_argument("files", nargs="+", metavar="file")
    new = commands.add_parser("new", help="start a new Korean source, or a translation skeleton with --lang")
    new.add_argument("--date", required=True, help="the roundtable's date, YYYY-MM-DD")
    new.add_argument("--slug", required=True, help="lowercase words joined by hyphens")
    new.add_argument("--lang", choices=LANGUAGES, help="make a translation of the existing brief into this language")
    new.add_argument("--briefs", default="briefs", help="the briefs folder (default: briefs)")
    new.add_argument("--bundle", action="store_true",
                     help="start the brief in a folder of its own, for photos and attachments (briefs/<year>/<id>/)")
    schema = commands.add_parser("schema", help="write the JSON Schemas of brief front matter into schemas/")
    schema.add_argument("--briefs", default="briefs", help="the briefs folder (default: briefs)")
    schema.add_argument("--out", help="the folder to write to (default: schemas/ beside the briefs folder)")
    schema.add_argument("--check", action="store_true", help="write nothing; exit 1 if the files are not up to date")


def _states(value: str) -> tuple[str, ...]:
    states = tuple(s.strip() for s in value.split(",") if s.strip())
    unknown = [s for s in states if s not in STATES]
    if unknown or not states:
        raise argparse.ArgumentTypeError(f"'{value}': use one or more of {', '.join(STATES)}, separated by commas")
    return states


def _check(path: Path) -> int:
    catalog = check_folder(path, shown_as=_shown(path))
    _print_notices(catalog)
    if catalog.problems:
        _print_problems(catalog, "nothing can be published until they are fixed.")
        return 1
    print(f"{len(catalog.briefs)} briefs checked, no problems.")
    return 0


def _valid_catalog(path: Path) -> Catalog | None:
    """The folder's catalog, or None after printing its problems as ``check`` does."""
    catalog = check_folder(path, shown_as=_shown(path))
    if catalog.problems:
        _print_problems(catalog, "nothing can be published until they are fixed.")
        return None
    return catalog


def _print_problems(catalog: Catalog, tail: str) -> None:
    """One line per problem on standard error, nothing else there; the count after them on standard output."""
    for problem in catalog.problems:
        print(problem, file=sys.stderr)
    sys.stderr.flush()
    count = len(catalog.problems)
    print(f"{count} {plural(count, 'problem')}: {tail}")


def _print_notices(catalog: Catalog) -> None:
    """What is worth saying but stops nothing (a bundle file no body refers to)."""
    for notice in catalog.notices:
        print(f"{notice} [notice]")


def _shown(path: Path) -> str:
    return path.as_posix().rstrip("/") or "."


def _status(args: argparse.Namespace) -> int:
    catalog = _valid_catalog(Path(args.path))
    if catalog is None:
        return 1
    langs = (args.lang,) if args.lang else LANGUAGES
    rows = status_rows(catalog.briefs, langs, changes=changes_for(catalog.briefs, Path(args.path)))
    shown = [r for r in rows if r.state in args.state]
    if args.json:
        print(json.dumps([r.as_json() for r in shown], ensure_ascii=False, indent=2))
    else:
        _print_status(shown, rows, args.state)
    failing = count_states([r for r in rows if r.state in args.fail_on])
    if any(failing.values()):
        found = ", ".join(f"{n} {s}" for s, n in failing.items() if n)
        print(f"briefs status: {found} (--fail-on {','.join(args.fail_on)})", file=sys.stderr)
        return 1
    return 0


STATUS_EPILOG = """\
--json prints a list with one object per translation (drafts included):
  id, source (the source's language), lang, state, path (null when missing),
  source_path, digest (the source's current digest), translated_from,
  source_changed (YYYY-MM-DD of the source's last commit, for outdated
  translations in a git work tree, else null), draft, changes (for outdated
  translations whose text git history holds: paragraphs {added, removed,
  changed} in the source since, else null; see: briefs diff <id>),
  untranslated_updates (update notes of the source not yet translated:
  translator work in any state, since notes are not in the source digest).
Exit status: 0; 1 when --fail-on matches a translation or the folder has problems."""
GROUP_ADVICE = {
    "outdated": "the source changed after these were translated: update them, then run 'briefs stamp <id>'",
    "missing": "no translation yet: start one with 'briefs new --date <date> --slug <slug> --lang <lang>'",
    "unverified": "no translated_from: compare each with its source, then run 'briefs stamp <id>'",
    "current": "made from the source's current text",
}


def _print_status(shown: list[StatusRow], rows: list[StatusRow], states: tuple[str, ...]) -> None:
    for state in STATE_ORDER:
        group = [r for r in shown if r.state == state]
        if state not in states or not group:
            continue
        print(f"{state} ({len(group)}): {GROUP_ADVICE[state]}")
        for row in group:
            print("  " + _describe(row))
        print()
    counts = count_states(rows)
    briefs = len({r.id for r in rows})
    print(f"{briefs} briefs: " + ", ".join(f"{counts[s]} {s}" for s in STATE_ORDER))
    notes = sum(r.untranslated_updates for r in rows if r.state != "missing")
    if notes:
        print(f"{notes} update {'note' if notes == 1 else 'notes'} to translate (add each as '- note: …'"
              " under 'updates:' in the translation, in the source's order)")


def _describe(row: StatusRow) -> str:
    parts = [row.id, row.lang, row.path or f"(source: {row.source_path})"]
    if row.draft:
        parts.append("[draft]")
    if row.state == "outdated":
        parts.append(f"source changed {row.source_changed}" if row.source_changed else f"source: {row.source_path}")
        if row.changes is not None:
            parts.append("paragraphs: " + ", ".join(f"{n} {kind}" for kind, n in row.changes.items()))
    if row.untranslated_updates and row.state != "missing":
        parts.append(f"{row.untranslated_updates} update {'note' if row.untranslated_updates == 1 else 'notes'}"
                     " to translate")
    return "  ".join(parts)


def _stamp(args: argparse.Namespace) -> int:
    path = Path(args.briefs)
    catalog = _valid_catalog(path)
    if catalog is None:
        return 1
    if not args.ids and not args.all:
        print("briefs stamp: name at least one brief id, or --all", file=sys.stderr)
        return 2
    by_id = catalog.by_id()
    unknown = [i for i in args.ids if i not in by_id]
    if unknown:
        print(f"briefs stamp: no brief {', '.join(unknown)} in {_shown(path)} (see: briefs status)", file=sys.stderr)
        return 1
    briefs = catalog.briefs if args.all else [by_id[i] for i in dict.fromkeys(args.ids)]
    status = 0
    for brief in briefs:
        texts = [t for lang, t in sorted(brief.translations.items()) if args.lang in (None, lang)]
        if not texts and not args.all:
            start = f"briefs new --date {brief.id[:10]} --slug {brief.id[11:]} --lang en"
            print(f"{brief.id}: no translation to stamp (start one: {start})", file=sys.stderr)
            status = 1
        for text in texts:
            try:
                changed = stamp_file(on_disk(Path(text.path)), brief.digest)
            except (OSError, ValueError) as err:
                print(f"briefs stamp: {err}", file=sys.stderr)
                status = 1
                continue
            print(f"{text.path}: translated_from {brief.digest}" + ("" if changed else " (already)"))
    return status


def _digest(files: list[str]) -> int:
    status = 0
    for name in files:
        digest, problems = file_digest(Path(name))
        for problem in problems:
            print(problem, file=sys.stderr)
        if digest is None:
            status = 1
        else:
            print(f"{digest}  {name}" if len(files) > 1 else digest)
    return status


def _new(args: argparse.Namespace) -> int:
    path = Path(args.briefs)
    try:
        if args.lang is None:
            created = new_source(path, args.date, args.slug, bundle=args.bundle)
        else:
            catalog = _valid_catalog(path)
            if catalog is None:
                return 1
            created = new_translation(catalog, path, args.date, args.slug, args.lang)
    except ScaffoldError as err:
        print(f"briefs new: {err}", file=sys.stderr)
        return 1
    print(f"created {created.as_posix()}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    path = Path(args.briefs)
    catalog = _valid_catalog(path)
    if catalog is None:
        return 1
    out = Path(args.out) if args.out else path.resolve().parent / "schemas"
    stale = write_schemas(catalog, out, check_only=args.check)
    for name in stale:
        if args.check:
            print(f"{out.as_posix()}/{name}: out of date (run: briefs schema)", file=sys.stderr)
        else:
            print(f"{out.as_posix()}/{name}: written")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
