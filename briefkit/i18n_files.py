"""mkdocs-static-i18n's file reconfiguration, made once per file and language in a process.

Each language pass of a build (and every preview rebuild) hands static-i18n
the whole file list again, and its ``suffix.create_i18n_file`` makes every
file anew with pathlib: 0.3 ms a file, about 1.1 s a pass at 1,000 pairs
(6,000 calls: each file for its pass and again as the other language's
alternate), and half of a preview rebuild. What it computes depends only on
the file's paths and the languages, so ``install`` wraps it: the first call
for a key runs static-i18n's own code and keeps what it set on the new
``File``; a later call makes a fresh ``File`` with those values (a new object
each time: MkDocs hangs the page on it).

Only for the release it was written against (``RELEASE``): with any other,
``install`` leaves static-i18n as it is and says so.
"""

from __future__ import annotations

import logging
from importlib.metadata import version
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

RELEASE = "1.3.1"

log = logging.getLogger("mkdocs.briefs.i18n_files")

_made: dict[tuple[Any, ...], dict[str, Any]] = {}


def install() -> bool:
    """Wrap static-i18n's ``create_i18n_file`` (suffix layout), once; True when wrapped."""
    from mkdocs_static_i18n import suffix  # type: ignore[import-untyped]

    if getattr(suffix.create_i18n_file, "briefs_original", None) is not None:
        return True
    found = version("mkdocs-static-i18n")
    if found != RELEASE:
        log.info("mkdocs-static-i18n %s, not %s: its files are made as it makes them (slower)", found, RELEASE)
        return False
    original = suffix.create_i18n_file

    def create_i18n_file(file: File, current_language: str, default_language: str,
                         all_languages: list[str], config: MkDocsConfig) -> File:
        key = (file.src_uri, file.dest_uri, file.inclusion, current_language, default_language,
               tuple(all_languages), config.docs_dir, config.site_dir, config.use_directory_urls)
        values = _made.get(key)
        if values is None:
            made = original(file, current_language, default_language, all_languages, config)
            _made[key] = {name: value for name, value in vars(made).items() if name != "alternates"}
            return made  # type: ignore[no-any-return]
        made = File.__new__(File)
        vars(made).update(values)
        made.alternates = {current_language: made}  # type: ignore[attr-defined]
        return made

    create_i18n_file.briefs_original = original  # type: ignore[attr-defined]
    suffix.create_i18n_file = create_i18n_file
    return True


def uninstall() -> None:
    """static-i18n's own ``create_i18n_file`` again, and nothing kept (for tests)."""
    from mkdocs_static_i18n import suffix

    original = getattr(suffix.create_i18n_file, "briefs_original", None)
    if original is not None:
        suffix.create_i18n_file = original
    _made.clear()
