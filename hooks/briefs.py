"""The site's only MkDocs hook file: each event calls the build object (briefkit_mkdocs/site_build.py).

The work lives in ``briefkit_mkdocs`` (the MkDocs adapter) over the plain
``briefkit`` core; here are only the events and their order. A priority is
given where the order matters, with the reason beside it (mkdocs-static-i18n's
events run at 50 and -100; MkDocs runs higher priorities first, 0 by default).

``_run``: MkDocs hands ``on_startup`` no configuration, and a preview makes a
new configuration object for every rebuild, so what one command (build, or a
whole preview session) keeps between builds can only hang here. Everything
else is per build, on the ``SiteBuild`` the first ``on_config`` makes.
"""

from __future__ import annotations

from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from briefkit_mkdocs.run import Run
from briefkit_mkdocs.site_build import SiteBuild

_run: Run | None = None  # this MkDocs command's Run, from on_startup to on_shutdown


def on_startup(command: str, dirty: bool) -> None:
    global _run
    _run = Run.start(command, dirty)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _run
    if _run is None:  # MkDocs' build() called without on_startup (a script, a test): a plain build
        _run = Run()
    return SiteBuild.start(_run, config)


def on_pre_build(config: MkDocsConfig) -> None:
    SiteBuild.of(config).pass_started(config)


@event_priority(-150)  # after static-i18n (-100) has given this language's files their URLs
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return SiteBuild.of(config).files(files, config)


def on_env(env: jinja2.Environment, config: MkDocsConfig, **_: Any) -> jinja2.Environment:
    return SiteBuild.of(config).env(env)


@event_priority(-200)  # after every change to the Markdown (static-i18n's at 50): the render cache's key covers it
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    return SiteBuild.of(config).page_markdown(markdown, page, config)


@event_priority(200)  # before anything reads or changes the HTML: a kept render is put back first
def on_page_content(html: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
    return SiteBuild.of(config).page_content(html, page)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, **_: Any) -> dict[str, Any]:
    return SiteBuild.of(config).page_context(context, page, config)


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    return SiteBuild.of(config).template_context(context, template_name, config)


@event_priority(-500)  # last: the policy checks and hashes the page's final inline scripts
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return SiteBuild.of(config).post_page(output, page, config)


@event_priority(-500)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return SiteBuild.of(config).post_template(output_content, template_name, config)


@event_priority(-1000)  # after static-i18n (-100), which runs the other languages' passes from its own
def on_post_build(config: MkDocsConfig) -> None:
    SiteBuild.of(config).pass_ended(config)


def on_build_error(error: Exception) -> None:
    if _run is not None and _run.current is not None:
        _run.current.close(failed=True)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, **_: Any) -> LiveReloadServer:
    return SiteBuild.of(config).serve(server, config)


def on_shutdown() -> None:
    global _run
    if _run is not None:
        _run.shutdown()
        _run = None
