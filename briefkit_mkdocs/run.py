"""One MkDocs command in this process (``build``, ``serve``, ``gh-deploy``): what outlives a single build.

MkDocs calls ``on_startup`` once per command, before any configuration is
handed to a hook, and ``on_shutdown`` once at its end; a preview (``mkdocs
serve``) builds many times in between, each time with a new configuration
object. What a preview keeps from one rebuild to the next lives here, keyed by
content and checked against its file, so the site built with it is the site
built without it: the ``Preview`` session's caches, static-i18n's files
(``I18nFiles``), Kiwi's background load. Each build is a ``SiteBuild``
(briefkit_mkdocs/site_build.py) made from this ``Run``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefkit.build import Preview
from briefkit.catalog import ReadCache
from briefkit.media_site import PublishMemo
from briefkit.problems import terminal_text

from .i18n_files import I18nFiles, uninstall

if TYPE_CHECKING:
    from .site_build import SiteBuild

DIRTY_WARNING = "A 'dirty' build is being performed"


@dataclass
class Run:
    command: str = "build"  # what MkDocs runs: build, serve or gh-deploy
    dirty: bool = False  # only changed pages are rendered (``--dirty``)
    session: Preview | None = None  # the preview's caches, for ``serve``
    i18n_files: I18nFiles = field(default_factory=I18nFiles)
    current: SiteBuild | None = None  # the build under way, ended by ``shutdown`` after Ctrl-C
    # What this command's builds published (a preview rebuild writes only what changed).
    media_memo: PublishMemo = field(default_factory=PublishMemo)
    _warming: threading.Thread | None = None

    @classmethod
    def start(cls, command: str, dirty: bool) -> Run:
        run = cls(command, dirty, Preview(ReadCache()) if command == "serve" else None)
        run.i18n_files.install()  # static-i18n's per-file work, once per file and language
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_accurate_dirty_builds)
        for handler in logging.getLogger("mkdocs").handlers:  # what MkDocs prints may quote a brief's text
            handler.addFilter(_terminal_safe)
        return run

    @property
    def preview(self) -> bool:
        return self.command == "serve"

    def warm_up_once(self, load: Callable[[], None]) -> None:
        """Load Kiwi in the background, once per preview: the first build read every
        analysis from the cache; the first save must not wait for the load."""
        if self._warming is None:
            self._warming = threading.Thread(target=load, daemon=True, name="briefs-kiwi")
            self._warming.start()

    def shutdown(self) -> None:
        """The end of the command, however it ends (Ctrl-C too: no ``on_build_error`` hears that)."""
        if self.session is not None:
            self.session.settle()
        if self.current is not None:
            self.current.close(failed=True)
            self.current = None
        uninstall()
        logging.getLogger("mkdocs.commands.build").removeFilter(_accurate_dirty_builds)
        for handler in logging.getLogger("mkdocs").handlers:
            handler.removeFilter(_terminal_safe)


def _accurate_dirty_builds(record: logging.LogRecord) -> bool:
    # Staging makes dirty builds accurate (briefkit/staging.py): MkDocs' warning that they are not is dropped.
    return not record.getMessage().startswith(DIRTY_WARNING)


def _terminal_safe(record: logging.LogRecord) -> bool:
    message = record.getMessage()
    safe = terminal_text(message)
    if safe != message:
        record.msg, record.args = safe, None
    return True
