"""The Content-Security-Policy of each page, with hashes of its inline scripts (briefkit/csp.py).

Every inline script must be one the templates write: any other stops the
build. Applied last of the page's changes (``on_post_page`` at -500), so it
checks and hashes the page's final scripts.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from briefkit.csp import PageRefused, ScriptAllowlist
from briefkit.csp import with_policy as policy_for


def with_policy(output: str, scripts: ScriptAllowlist, shown_as: str) -> str:
    try:
        return policy_for(output, scripts)
    except PageRefused as refused:
        raise PluginError(f"{shown_as}: {refused}") from None
