"""MkDocs glue for the site's identity: the ministry in the masthead and footer, the official banner.

Events: ``on_config`` (read and check ``extra.briefs.publisher`` and
``extra.briefs.official_banner``: briefkit/identity.py; any problem stops the
build with one line each), ``on_env`` (templates get ``identity``, also the
404 page, which is rendered outside the pages' context) and ``on_post_build``
(the fonts from ``fonts/`` into ``assets/fonts/``, once a build:
briefkit/site_fonts.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from briefkit.identity import Identity, load_identity
from briefkit.site_fonts import publish_fonts

KEY = "briefs_identity"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    identity, problems = load_identity(Path(config.config_file_path))
    if problems or identity is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        raise PluginError(f"{len(problems)} problem(s) in mkdocs.yml's extra.briefs block: nothing was built")
    config[KEY] = identity
    return config


def on_env(env: jinja2.Environment, config: MkDocsConfig, **_: Any) -> jinja2.Environment:
    identity: Identity = config[KEY]
    env.globals["identity"] = identity
    return env


def on_post_build(config: MkDocsConfig) -> None:
    # Default priority: before static-i18n (-100) builds English into site/en and before the site
    # is put in place (hooks/briefs_site.py, -1000). The nested English pass has nothing to add.
    if getattr(config.plugins["i18n"], "building", False):
        return
    publish_fonts(Path(config.config_file_path).parent, Path(config.site_dir))
