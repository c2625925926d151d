"""mkdocs-static-i18n's file reconfiguration, made once per file and language in a process.

Each language pass of a build (and every preview rebuild) hands static-i18n
the whole file list again, and its ``suffix.create_i18n_file`` makes every
file anew with pathlib: 0.3 ms a file, about 1.1 s a pass at 1,000 pairs
(6,000 calls: each file for its pass and again as the other language's
alternate), and half of a preview rebuild. What it computes depends only on
the file's paths and the languages, so ``I18nFiles.install`` wraps it: the
first call for a key runs static-i18n's own code and keeps what it set on the
new ``File``; a later call makes a fresh ``File`` with those values (a new
object each time: MkDocs hangs the page on it).

The kept values belong to one MkDocs command (``briefkit_mkdocs.run.Run``
installs at ``on_startup`` and uninstalls at ``on_shutdown``): a preview's
rebuilds share them, and nothing outlives the command.

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


class I18nFiles:
    """static-i18n's ``create_i18n_file``, wrapped for one MkDocs command, with what it made so far."""

    def __init__(self) -> None:
        self.made: dict[tuple[Any, ...], dict[str, Any]] = {}

    def install(self) -> bool:
        """Wrap static-i18n's ``create_i18n_file`` (suffix layout); True when wrapped."""
        from mkdocs_static_i18n import suffix  # type: ignore[import-untyped]

        uninstall()
        found = version("mkdocs-static-i18n")
        if found != RELEASE:
            log.info("mkdocs-static-i18n %s, not %s: its files are made as it makes them (slower)", found, RELEASE)
            return False
        original = suffix.create_i18n_file
        made = self.made

        def create_i18n_file(file: File, current_language: str, default_language: str,
                             all_languages: list[str], config: MkDocsConfig) -> File:
            key = (file.src_uri, file.dest_uri, file.inclusion, current_language, default_language,
                   tuple(all_languages), config.docs_dir, config.site_dir, config.use_directory_urls)
            values = made.get(key)
            if values is None:
                new = original(file, current_language, default_language, all_languages, config)
                made[key] = {name: value for name, value in vars(new).items() if name != "alternates"}
                return new  # type: ignore[no-any-return]
            new = File.__new__(File)
            vars(new).update(values)
            new.alternates = {current_language: new}  # type: ignore[attr-defined]
            return new

        create_i18n_file.briefs_original = original  # type: ignore[attr-defined]
        suffix.create_i18n_file = create_i18n_file
        return True


def uninstall() -> None:
    """static-i18n's own ``create_i18n_file`` again."""
    from mkdocs_static_i18n import suffix

    original = getattr(suffix.create_i18n_file, "briefs_original", None)
    if original is not None:
        suffix.create_i18n_file = original
