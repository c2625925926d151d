"""The preview (``make serve``: ``mkdocs serve --dirty``): what the server watches, and when it writes.

It watches the sources, not the staging folder; on Linux it lets the kernel
report saves. Once serving, the browser reloads as soon as a rebuild's pages
are written; the search index, feeds, sitemap and data follow
(``Preview.after_pages`` in briefkit/build.py).
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Any

import watchdog.observers
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)

from briefkit.build import BuildState, Preview


def watch(server: LiveReloadServer, config: MkDocsConfig, state: BuildState, session: Preview | None,
          briefs_dir: Path) -> LiveReloadServer:
    server.unwatch(str(state.stage_dir))
    if sys.platform.startswith("linux") and not os.environ.get("BRIEFS_POLL"):
        # MkDocs polls the watched folders every half second (portable, but a save
        # waits 0.25 s on average, and each poll stats every brief). On Linux, let
        # the kernel report saves (inotify); BRIEFS_POLL=1 keeps polling, for
        # folders mounted from elsewhere, where inotify sees nothing.
        server.unwatch(config.config_file_path)
        server.observer = _SaveObserver()
        server.watch(config.config_file_path)
    server.watch(str(briefs_dir))
    server.watch(str(state.docs_dir))
    if session is not None:
        session.serving = True
        # What the first build left alive (the catalog, caches, Kiwi's wrapper, MkDocs
        # and its plugins) stays for the session: keep the collector from walking it
        # again in every rebuild (each full collection took 0.12-0.18 s at 1,000 pairs).
        gc.collect()
        gc.freeze()
        build = server.builder

        def build_then_write() -> None:
            try:
                build()
            except BaseException:
                session.drop_pending()
                raise
            session.write_pending()

        server.builder = build_then_write
    return server


_SAVES = (FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent)


class _SaveObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
    """The kernel's file events, saves only: inotify also reports files opened and
    closed unwritten, so the build's own reading would start the next build."""

    def schedule(self, event_handler: Any, path: str, *, recursive: bool = False,
                 event_filter: Any = None) -> Any:
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or list(_SAVES))
