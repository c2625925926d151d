"""The sample briefs shipped with the project, and removing them on the first day.

The samples are listed in ``briefs/SAMPLES.txt``, shipped with them: one line
per file, ``<sha256>  <path>`` (the ``sha256sum`` layout, path relative to the
briefs folder, Markdown hashed with LF line ends), after ``#`` comment lines.
``briefs samples --remove`` deletes
exactly the listed files whose bytes are still those shipped, then the
folders that are left empty and the list itself. A file that is not listed is
never touched, and a listed file that was edited is kept and named: it may
have become a real brief. The vocabularies (``topics.yml``, ``regions.yml``)
are never listed. Deleting plain files keeps git's view simple: ``git status``
shows the removals, ``git add -A briefs`` and a commit record them.

``python -m briefkit.samples [BRIEFS]`` writes the list from the folder as it is
(for maintainers, when the samples change).
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .atomic_write import write_atomic
from .catalog import VOCABULARY_FILES, load_catalog

SAMPLES_FILE = "SAMPLES.txt"
HEADER = """\
# The sample briefs shipped with the site, to show what it looks like.
# Remove them before publishing real briefs:  briefs samples --remove
# (it deletes only these files, and only while they are unchanged; topics.yml
# and regions.yml stay). Each line: SHA-256 of the file, two spaces, its path.
"""


@dataclass
class SamplePlan:
    """What removing the samples does to one briefs folder."""

    remove: list[str] = field(default_factory=list)  # paths relative to the briefs folder
    changed: list[str] = field(default_factory=list)  # listed, but edited since: kept
    gone: list[str] = field(default_factory=list)  # listed, already deleted
    listed: bool = True  # whether the folder has a samples list at all


def read_samples(briefs: Path) -> dict[str, str] | None:
    """``{path: sha256}`` from the samples list, or None if the folder has none."""
    try:
        text = (briefs / SAMPLES_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    listed: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        digest, _, path = line.partition("  ")
        path = path.strip()
        if len(digest) == 64 and _safe(path):
            listed[path] = digest
    return listed


def _safe(path: str) -> bool:
    """A listed path must stay inside the folder and never be a vocabulary."""
    parts = Path(path).parts
    return bool(parts) and ".." not in parts and not Path(path).is_absolute() and path not in VOCABULARY_FILES.values()


def plan_removal(briefs: Path) -> SamplePlan:
    listed = read_samples(briefs)
    if listed is None:
        return SamplePlan(listed=False)
    plan = SamplePlan()
    for path, digest in sorted(listed.items()):
        file = briefs / path
        if not file.is_file():
            plan.gone.append(path)
        elif _sha256(file) == digest:
            plan.remove.append(path)
        else:
            plan.changed.append(path)
    return plan


def remove_samples(briefs: Path, plan: SamplePlan) -> list[str]:
    """Delete what ``plan`` says, the emptied folders and the list; the folders removed."""
    for path in plan.remove:
        (briefs / path).unlink()
    emptied: list[str] = []
    for path in sorted({p.rsplit("/", 1)[0] for p in plan.remove if "/" in p}, key=len, reverse=True):
        folder = briefs / path
        while folder != briefs and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            emptied.append(folder.relative_to(briefs).as_posix())
            folder = folder.parent
    if not plan.changed:
        (briefs / SAMPLES_FILE).unlink()
    return emptied


def write_samples(briefs: Path) -> list[str]:
    """List every brief file of ``briefs``, and every file in its bundles, as a sample."""
    ids = {b.id for b in load_catalog(briefs).briefs}
    paths = sorted(
        (Path(folder) / name).relative_to(briefs).as_posix()
        for folder, _dirs, names in os.walk(briefs)
        for name in names
        if not name.startswith(".") and name.lower() != "readme.md"
        and (name.endswith(".md") or Path(folder).name in ids)
    )
    lines = [f"{_sha256(briefs / p)}  {p}" for p in paths]
    write_atomic(briefs / SAMPLES_FILE, HEADER + "".join(line + "\n" for line in lines))
    return paths


def _sha256(path: Path) -> str:
    """The file's SHA-256; for Markdown with line ends as LF, so a checkout with CRLF still matches."""
    data = path.read_bytes()
    if path.suffix.lower() == ".md":
        data = data.replace(b"\r\n", b"\n")
    return hashlib.sha256(data).hexdigest()


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "briefs")
    print(f"{folder / SAMPLES_FILE}: {len(write_samples(folder))} sample files listed")
