"""One build of the site, as MkDocs runs it: every piece of per-build state, and each event's work.

A ``SiteBuild`` is made by the first ``on_config`` of a build (``mkdocs
build``, or each rebuild of ``mkdocs serve``) and hung on the configuration
object under ``KEY``; mkdocs-static-i18n runs the whole build once more for
English from its ``on_post_build`` with the same object, so both language
passes share one catalog, render cache, search build and publishing record,
and nothing outlives the build. ``hooks/briefs.py`` is the only hook file: a
few lines per event, each calling a method here.

The order of one build::

    on_config            load and check briefs/, stage pages, start the helper process
    ── for each language pass (Korean, then English nested in Korean's on_post_build) ──
    on_pre_build         note the pass (language, site name)
    on_files … on_post_page   per page: titles, kept renders, sanitising, head metadata, policy
    on_post_build        in the nested pass: nothing; in the outermost one, once every
                         language has ended: ``after_every_language``
    ── ──
    after_every_language search indexes, feeds, sitemap, open data, 404 pages; the
                         output folder put in place; the helper process ended
    on_build_error / on_shutdown   ``close(failed=True)``: the helper ended, the output abandoned

The helper process (briefkit/search/analyzer.py, ``analyse_ahead``) is
started in ``on_config`` and ended by ``close`` on every way out: success, a
build error (``on_build_error``), Ctrl-C (``on_shutdown``, which MkDocs
calls from a ``finally``).
"""

from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path
from typing import Any, NoReturn

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from briefkit import cache as briefs_cache
from briefkit.build import BuildState, prepare
from briefkit.identity import Identity, load_identity
from briefkit.problems import Problem
from briefkit.render_cache import RenderCache
from briefkit.search.indexing import INDEX_FOLDER, SearchBuild
from briefkit.search.page_strings import SEARCH_STRINGS
from briefkit.settings import SiteSettings, site_settings_for
from briefkit.site import lang_root
from briefkit.site_fonts import publish_fonts
from briefkit.site_output import StagedOutput
from briefkit.staging import write_tree

from . import rendered_pages, serve
from .media import BuildMedia
from .publish import Publisher
from .run import Run

log = logging.getLogger("mkdocs.plugins.briefs")


class SiteBuild:
    KEY = "briefs_site_build"  # the one key this project adds to MkDocs' configuration

    def __init__(self, run: Run, config: MkDocsConfig, settings: SiteSettings, state: BuildState,
                 identity: Identity | None) -> None:
        self.run = run
        self.settings = settings
        self.identity = identity  # the ministry in the masthead and footer, the official banner
        self.state = state
        self.render_cache = RenderCache.create(state.root)
        self.search = SearchBuild.create(state.site, state.root)
        self.publisher = Publisher.create(config, state)
        self.media = BuildMedia(state, config)  # bundle images, attachments and cards
        self.output: StagedOutput | None = None
        self.passes: list[str] = []  # the languages built so far, in order
        self.closed = False

    @staticmethod
    def of(config: MkDocsConfig) -> SiteBuild:
        """The build ``config`` belongs to (made by ``start``)."""
        build = config.get(SiteBuild.KEY)
        assert isinstance(build, SiteBuild), "on_config has not run: hooks/briefs.py is not in mkdocs.yml's hooks"
        return build

    # ── on_config ────────────────────────────────────────────────────────────
    @classmethod
    def start(cls, run: Run, config: MkDocsConfig) -> MkDocsConfig:
        """Load and check the briefs, stage the pages, start the helper process; stop on any problem."""
        if isinstance(config.get(cls.KEY), SiteBuild):
            return config  # a later language pass of the same build
        root = Path(config.config_file_path).parent
        settings, problems = site_settings_for(root)
        identity, identity_problems = load_identity(Path(config.config_file_path))
        problems += identity_problems
        if problems:
            stop(problems, "in mkdocs.yml's extra.briefs", "fix them")
        state, problems = prepare(root, Path(config.docs_dir), preview=run.preview, dirty=run.dirty,
                                  session=run.session, settings=settings)
        if problems or state is None:
            stop(problems, f"in {settings.folder}/", "fix them, then run 'briefs check'")
        build = cls(run, config, settings, state, identity)
        config[cls.KEY] = build
        run.current = build
        config.docs_dir = str(state.stage_dir)
        if not run.preview:  # the preview serves a folder of its own
            try:
                build.output = StagedOutput.begin(Path(config.site_dir), dirty=run.dirty)
            except OSError as err:  # no folder can be made beside it: write in place, as MkDocs does
                log.info(f"briefs: building in place: no folder can be made beside {config.site_dir} ({err})")
            else:
                config.site_dir = str(build.output.building)
        build._start_helper()
        return config

    def _start_helper(self) -> None:
        # A cold build analyses the search texts in a second process while MkDocs renders the
        # pages. A serving preview has Kiwi loaded and analyses one edited brief at a time.
        session = self.run.session
        if session is not None and session.serving:
            return
        if self.search.analyse_ahead():
            log.info("search: analysing briefs in a second process while pages are built")

    # ── each language pass ───────────────────────────────────────────────────
    def pass_started(self, config: MkDocsConfig) -> None:
        lang = language(config)
        self.passes.append(lang)
        self.publisher.pass_started(lang, config.site_name)

    def files(self, files: Files, config: MkDocsConfig) -> Files:
        if len(self.passes) == 1:  # the first pass: its site_dir is the site root, MkDocs has cleaned it
            self.media.publish(Path(config.site_dir), self.run.media_memo)
        self.publisher.files(files)
        return files

    def page_markdown(self, markdown: str, page: Page, config: MkDocsConfig) -> str:
        page.title = self.state.page_title(dict(page.meta), language(config), page.title)
        page.update_date = self.state.page_date(dict(page.meta))
        return rendered_pages.look_up(self.render_cache, markdown, page)

    def page_content(self, html: str, page: Page) -> str:
        html = rendered_pages.safe_content(rendered_pages.restore(self.render_cache, html, page), page)
        if "brief" in page.meta:  # after sanitising: the media markup is ours
            html = self.media.page(html, page.meta["brief"], page.url)
        return html

    def page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> dict[str, Any]:
        lang = language(config)
        context.update(self.state.page_context(dict(page.meta), lang))
        context["search_t"] = SEARCH_STRINGS[lang]
        context["search_path"] = f"{lang_root(lang)}search/"
        self.publisher.page_context(context, page, lang, config)
        context["media"] = self.media.site
        return context

    def template_context(self, context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
        if self.publisher.is_not_found(template_name):
            context.update(self.state.page_context({}, language(config)))
            context["hreflang_links"] = []
        return context

    def post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        output = self.publisher.with_policy(rendered_pages.valid_markup(output), page.file.dest_uri, config)
        rendered_pages.let_go(page)
        return output

    def post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        output = rendered_pages.valid_markup(output)
        if not self.publisher.is_not_found(template_name):
            return output
        return self.publisher.not_found_page(self.publisher.with_policy(output, template_name, config),
                                             language(config))

    def env(self, env: jinja2.Environment) -> jinja2.Environment:
        # Templates compiled once, kept in the ``templates`` store; Jinja checks each against its source.
        cache = briefs_cache.path(self.state.root, "templates")
        cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache))
        env.globals["identity"] = self.identity  # also for the 404 page, rendered outside the pages' context
        return env

    def serve(self, server: LiveReloadServer, config: MkDocsConfig) -> LiveReloadServer:
        return serve.watch(server, config, self.state, self.run.session, self.state.root / self.settings.folder)

    def pass_ended(self, config: MkDocsConfig) -> None:
        """The end of a language pass; the end of the outermost one is the end of every language."""
        if getattr(config.plugins["i18n"], "building", False):
            return  # a nested pass, inside static-i18n's on_post_build: the outer pass ends last
        self.after_every_language(config)

    # ── once, after every language ───────────────────────────────────────────
    def after_every_language(self, config: MkDocsConfig) -> None:
        """Write what no single pass can (search indexes, feeds, sitemap, open data, 404 pages),
        then put the site in place: only if MkDocs counted no warning (it aborts right after)."""
        site_dir = Path(config.site_dir)
        for lang in self.passes:
            self.state.after_pages(functools.partial(self._write_index, site_dir, lang))
        site_url = config.site_url or "/"
        self.state.after_pages(lambda: self.publisher.write(site_dir, site_url, self.media.site))
        self.media.finish()  # the cards, drawn while the pages rendered
        publish_fonts(self.state.root, site_dir)  # last: the faces for the characters written above
        if self.state.site.include_drafts:
            self.run.warm_up_once(self.search.analyzer.warm_up)
        if self.output is not None:
            if any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers):
                self.close(failed=True)  # MkDocs aborts next: the output is abandoned
                return
            self.output.commit()
            config.site_dir = str(self.output.final)  # for what runs after a build (gh-deploy pushes site_dir)
        self.close(failed=False)

    def _write_index(self, site_dir: Path, lang: str) -> None:
        write_tree(site_dir / INDEX_FOLDER / lang, self.search.files(lang))

    def close(self, *, failed: bool) -> None:
        """End the helper process; after a failure, abandon the unfinished output. Safe to call twice."""
        if self.closed:
            return
        self.closed = True
        self.search.analyzer.stop_ahead()
        self.media.stop()  # no card is drawn into an abandoned output
        if failed and self.output is not None:
            self.output.abandon()
        if self.run.current is self:
            self.run.current = None


def stop(problems: list[Problem], where: str, what_to_do: str) -> NoReturn:
    """Print each problem for the person who wrote it, then stop the build before anything is written."""
    for problem in problems:
        print(problem, file=sys.stderr)
    noun = "problem" if len(problems) == 1 else "problems"
    raise PluginError(f"{len(problems)} {noun} {where}: nothing was built ({what_to_do})")


def language(config: MkDocsConfig) -> str:
    """The language of the pass under way (static-i18n's ``current_language``)."""
    return str(config.plugins["i18n"].current_language)  # type: ignore[attr-defined]
