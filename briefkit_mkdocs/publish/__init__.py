"""What a published site offers besides its pages, one module per thing published.

- ``head``: each page's head metadata (canonical URL, robots, hreflang links,
  term feed), noting each public page for the sitemap;
- ``policy``: the Content-Security-Policy of every page and the 404 page;
- ``sitemap``: ``sitemap.xml`` (and ``.gz``) and ``robots.txt``;
- ``feeds``: the Atom feeds of every language;
- ``open_data``: the site's data files;
- ``not_found``: one 404 page per language.

A ``Publisher`` is part of one ``SiteBuild`` (briefkit_mkdocs/site_build.py):
it collects what each language pass shows, and writes the files once, after
every language (``write``), from what each pass recorded, never from the
language the configuration is left in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from briefkit.build import BuildState
from briefkit.csp import ScriptAllowlist
from briefkit.media_site import MediaSite

from . import feeds, head, not_found, open_data, sitemap
from .policy import with_policy
from .sitemap import SitemapRecord


class Publisher:
    def __init__(self, state: BuildState, scripts: ScriptAllowlist) -> None:
        self.state = state
        self.scripts = scripts  # the inline scripts the templates write
        self.site_names: dict[str, str] = {}  # by language
        self.sitemap = SitemapRecord()
        self.not_found: dict[str, str] = {}  # each language's 404 page

    @classmethod
    def create(cls, config: MkDocsConfig, state: BuildState) -> Publisher:
        custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        return cls(state, ScriptAllowlist.from_templates(custom_dir, [Path(d) for d in config.theme.dirs]))

    def pass_started(self, lang: str, site_name: str) -> None:
        self.site_names[lang] = site_name

    def files(self, files: Files) -> None:
        self.sitemap.urls.update(file.url for file in files.documentation_pages())

    def page_context(self, context: dict[str, Any], page: Page, lang: str, config: MkDocsConfig) -> None:
        head.page_head(context, page, lang, config, self.state, self.sitemap)

    def with_policy(self, output: str, dest: str, config: MkDocsConfig) -> str:
        return with_policy(output, self.scripts, f"{config.site_dir}/{dest}")

    def is_not_found(self, template_name: str) -> bool:
        return template_name == not_found.TEMPLATE

    def not_found_page(self, output: str, lang: str) -> str:
        self.not_found[lang] = output
        return output

    def write(self, site_dir: Path, site_url: str, media: MediaSite | None = None) -> None:
        """Every file this build publishes besides its pages (after every language pass)."""
        files: dict[str, bytes] = {}
        for lang, site_name in self.site_names.items():
            files |= feeds.files(self.state, lang, site_name, site_url, media)
        files |= sitemap.files(self.state, self.sitemap, site_url)
        files |= open_data.files(self.state, site_url, media)
        files |= not_found.files(self.not_found)
        for rel, content in files.items():
            path = site_dir / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
