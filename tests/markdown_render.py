"""The build's Markdown rendering of a brief body, without a build: for the limit and fuzz tests.

Python-Markdown with the extensions and settings of the project's ``mkdocs.yml``
(``briefkit.markdown_ids`` among them), then the sanitiser the brief pages go
through (``briefkit.sanitize.clean_html``).
"""

from __future__ import annotations

import functools
from typing import Any

import markdown
from mkdocs.config import load_config
from support.project import ROOT

from briefkit.sanitize import clean_html


@functools.cache
def _config() -> Any:
    return load_config(str(ROOT / "mkdocs.yml"))


def converter() -> markdown.Markdown:
    config = _config()
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def render(body: str) -> str:
    """The sanitised HTML of ``body``."""
    return clean_html(converter().convert(body))


def render_with_toc(body: str) -> tuple[str, list[dict[str, Any]]]:
    """The sanitised HTML of ``body`` and the table-of-contents tokens Material prints."""
    md = converter()
    html = clean_html(md.convert(body))
    return html, md.toc_tokens
