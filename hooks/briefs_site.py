"""MkDocs glue for the briefs site: load and validate, stage pages, feed templates.

Events: ``on_startup`` (preview or production), ``on_config`` (load the
catalog and check every body reference once per build, stop on any problem,
stage the pages, send the output to a folder beside the site), ``on_env``
(templates compiled once, kept in the ``templates`` store of briefkit/cache.py), ``on_page_markdown``
(titles and dates from the catalog), ``on_page_context`` (what templates list),
``on_post_page`` (a written page's Markdown and HTML let go), ``on_serve``
(watch the sources, not the staging folder; reload the browser before the
outputs no page shows are written), ``on_post_build`` (the finished site
replaces the previous one), ``on_build_error`` and ``on_shutdown``.

A build (not the preview) writes into a folder beside ``site/`` (or ``-d DIR``)
that replaces it only when everything is written and MkDocs counted no
warning (briefkit/site_output.py): a brief's problem, a strict-mode abort, an
exception in any hook or Ctrl-C leave the previous site exactly as it was.

The preview (``make serve``: ``mkdocs serve --dirty``) renders only the pages
whose staged file changed or was touched because something it shows changed
(see briefkit/staging.py), and keeps a ``Preview`` session of caches between
rebuilds. Staging makes dirty builds accurate, so MkDocs' warning that they
are not is dropped, and ``strict`` still stops on every other warning.

mkdocs-static-i18n runs the whole build once more for English from its
``on_post_build``, with the same config object: the catalog hangs off that
object, so both languages share one load and no state outlives a build.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path
from typing import Any

import jinja2
import watchdog.observers
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)

from briefkit import cache as briefs_cache
from briefkit.build import BuildState, Preview, prepare
from briefkit.catalog import ReadCache
from briefkit.i18n_files import install as install_i18n_files
from briefkit.problems import terminal_text
from briefkit.site_output import StagedOutput

STATE = "briefs_build"
log = logging.getLogger("mkdocs.plugins.briefs")

DIRTY_WARNING = "A 'dirty' build is being performed"

# The command this process runs and, for ``serve``, the preview session. MkDocs
# calls on_startup once per process (hook modules load once, like a plugin with
# ``on_startup``): this is the hook-module form of a persistent plugin's state.
_command: dict[str, Any] = {"name": "build", "dirty": False, "session": None, "output": None}


def on_startup(command: str, dirty: bool) -> None:
    install_i18n_files()  # static-i18n's per-file work, once per file and language (briefkit/i18n_files.py)
    _command["name"] = command
    _command["dirty"] = dirty
    if command == "serve":
        _command["session"] = Preview(ReadCache())
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_accurate_dirty_builds)
    for handler in logging.getLogger("mkdocs").handlers:  # what MkDocs prints may quote a brief's text
        handler.addFilter(_terminal_safe)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if isinstance(config.get(STATE), BuildState):
        return config  # the English pass of the same build
    root = Path(config.config_file_path).parent
    _command["output"] = None
    state, problems = prepare(root, Path(config.docs_dir), preview=_command["name"] == "serve",
                              dirty=_command["dirty"], session=_command["session"])
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        noun = "problem" if len(problems) == 1 else "problems"
        raise PluginError(f"{len(problems)} {noun} in briefs/: nothing was built (fix them, then run 'briefs check')")
    config[STATE] = state
    config.docs_dir = str(state.stage_dir)
    if _command["name"] != "serve":  # the preview serves a folder of its own
        try:
            _command["output"] = output = StagedOutput.begin(Path(config.site_dir), dirty=_command["dirty"])
        except OSError as err:  # no folder can be made beside it: write in place, as MkDocs does
            log.info(f"briefs: building in place: no folder can be made beside {config.site_dir} ({err})")
        else:
            config.site_dir = str(output.building)
    return config


def on_env(env: jinja2.Environment, config: MkDocsConfig, **_: Any) -> jinja2.Environment:
    # Jinja checks each cached template against its source (name and checksum).
    state: BuildState = config[STATE]
    cache = briefs_cache.path(state.root, "templates")
    cache.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache))
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    state: BuildState = config[STATE]
    page.title = state.page_title(page.meta, _lang(config), page.title)
    page.update_date = state.page_date(page.meta)
    return markdown


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    state: BuildState = config[STATE]
    context.update(state.page_context(page.meta, _lang(config)))
    return context


@event_priority(-1000)  # after every other hook's on_post_page
def on_post_page(output: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    # The page is written: let go of its Markdown and HTML. MkDocs keeps every page
    # of a language pass, and static-i18n runs the English pass while the Korean one
    # is still alive; at 10,000 pairs that was gigabytes.
    page.markdown = None
    page.content = None
    return output


@event_priority(-1000)
def on_post_build(config: MkDocsConfig) -> None:
    # The last event of a build: static-i18n (-100) builds English from its own on_post_build,
    # whose nested pass writes the search index (hooks/search_index.py); hooks/publish.py (-200)
    # writes feeds, sitemap, data and 404 pages after it. Right after this, MkDocs aborts if it
    # counted a warning in strict mode: so the site goes in place only when none was counted.
    output: StagedOutput | None = _command["output"]
    if output is None or getattr(config.plugins["i18n"], "building", False):
        return  # the preview, or the nested English pass: the outer pass finishes the build
    if any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers):
        return  # MkDocs aborts next: on_build_error abandons the output
    output.commit()
    config.site_dir = str(output.final)  # for what runs after a build (gh-deploy pushes site_dir)


def on_build_error(error: Exception) -> None:
    output: StagedOutput | None = _command["output"]
    if output is not None:
        output.abandon()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, **_: Any) -> LiveReloadServer:
    state: BuildState = config[STATE]
    server.unwatch(str(state.stage_dir))
    if sys.platform.startswith("linux") and not os.environ.get("BRIEFS_POLL"):
        # MkDocs polls the watched folders every half second (portable, but a save
        # waits 0.25 s on average, and each poll stats every brief). On Linux, let
        # the kernel report saves (inotify); BRIEFS_POLL=1 keeps polling, for
        # folders mounted from elsewhere, where inotify sees nothing.
        server.unwatch(config.config_file_path)
        server.observer = _SaveObserver()
        server.watch(config.config_file_path)
    server.watch(str(state.root / "briefs"))
    server.watch(str(state.docs_dir))
    session: Preview | None = _command["session"]
    if session is not None:
        # Reload the browser as soon as a rebuild's pages are written; the search
        # index, feeds, sitemap and data follow (Preview.after_pages).
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


def on_shutdown() -> None:
    session: Preview | None = _command["session"]
    if session is not None:
        session.settle()
    output: StagedOutput | None = _command["output"]
    if output is not None:  # after Ctrl-C, which no on_build_error hears
        output.abandon()


def _accurate_dirty_builds(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith(DIRTY_WARNING)


def _terminal_safe(record: logging.LogRecord) -> bool:
    message = record.getMessage()
    safe = terminal_text(message)
    if safe != message:
        record.msg, record.args = safe, None
    return True


def _lang(config: MkDocsConfig) -> str:
    return str(config.plugins["i18n"].current_language)
