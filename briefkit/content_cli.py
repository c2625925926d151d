"""The ``briefs`` commands for publishing: ``verify-site`` and ``samples``.

``briefs verify-site [SITE] [--briefs DIR]`` checks a built site against the
briefs folder (``verify_site.py``): exit 0 when all holds, 1 with one line per
problem. ``briefs samples`` lists the shipped sample briefs that would be
removed; ``briefs samples --remove`` removes them (``samples.py``).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .catalog import load_catalog
from .samples import SAMPLES_FILE, plan_removal, remove_samples
from .settings import site_settings_for
from .verify_site import verify_site


def add_content_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    verify = commands.add_parser(
        "verify-site", help="check a built site: every brief's pages, no drafts, links, feeds, sitemap, data",
    )
    verify.add_argument("site", nargs="?", default="site", help="the built site folder (default: site)")
    verify.add_argument("--briefs", default="briefs", help="the briefs folder it was built from (default: briefs)")
    samples = commands.add_parser(
        "samples", help="list the sample briefs shipped with the project; --remove deletes them",
    )
    samples.add_argument("--remove", action="store_true",
                         help="delete the unchanged sample files (topics.yml and regions.yml stay)")
    samples.add_argument("--briefs", default="briefs", help="the briefs folder (default: briefs)")


def _verify_site(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    site, briefs = Path(args.site), Path(args.briefs)
    catalog = load_catalog(briefs, shown_as=_shown(briefs))
    if catalog.problems:
        for problem in catalog.problems:
            print(problem, file=sys.stderr)
        print(f"{len(catalog.problems)} problems in {_shown(briefs)}: fix them and build again.", file=sys.stderr)
        return 1
    settings, _ = site_settings_for(briefs.resolve().parent)  # mkdocs.yml beside the briefs folder
    problems = verify_site(site, catalog, _shown(site), settings.feed_max)
    for problem in problems:
        print(problem, file=sys.stderr)
    seconds = time.perf_counter() - started
    published = len(catalog.published())
    if problems:
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} in the built site {_shown(site)}: "
              "do not publish it.", file=sys.stderr)
        return 1
    briefs_word = "brief" if published == 1 else "briefs"
    print(f"{_shown(site)}: {published} published {briefs_word}, each with its pages; no drafts, "
          f"links, feeds, sitemap and data in order ({seconds:.1f} s).")
    return 0


def _samples(args: argparse.Namespace) -> int:
    briefs = Path(args.briefs)
    plan = plan_removal(briefs)
    shown = _shown(briefs)
    if not plan.listed:
        print(f"{shown}/{SAMPLES_FILE} not found: there are no sample briefs to remove (nothing was changed).")
        return 0
    for path in plan.changed:
        print(f"{shown}/{path}: changed since it was shipped, so it is kept "
              "(delete it yourself if it is still a sample)")
    if not args.remove:
        for path in plan.remove:
            print(f"would remove {shown}/{path}")
        print(f"{len(plan.remove)} sample files would be removed; topics.yml and regions.yml stay. "
              "To remove them: briefs samples --remove")
        return 0
    for path in plan.remove:
        print(f"removed {shown}/{path}")
    emptied = remove_samples(briefs, plan)
    for folder in emptied:
        print(f"removed the empty folder {shown}/{folder}/")
    kept = "" if plan.changed else f" and {SAMPLES_FILE}"
    print(f"{len(plan.remove)} sample files{kept} removed; topics.yml and regions.yml stay. "
          f"Record it with: git add -A {shown} && git commit -m 'Remove the sample briefs'")
    return 0


def _shown(path: Path) -> str:
    return path.as_posix().rstrip("/") or "."


CONTENT_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "verify-site": _verify_site,
    "samples": _samples,
}
