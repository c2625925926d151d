"""A Content-Security-Policy for each finished page: the site's own scripts only.

The list of inline scripts a page may run comes from the templates, never
from the page: ``ScriptAllowlist.from_templates`` reads every inline
``<script>`` in the theme's ``partials/javascripts/`` (Material's
``__md_scope`` line, the tab restorer, …) and in ``overrides/``. A script
without Jinja in it is allowed as written; one with ``{{ … }}`` (the
``__md_scope`` line holds the page's ``base_url``, which differs with its
depth) is allowed where each expression printed only URL-path characters
(no quote, backslash or ``<``). A page holding any other runnable inline
script, or a ``<meta http-equiv>`` of its own, is refused: ``with_policy``
raises ``PageRefused`` and the build stops. The policy then lists the hashes
of the scripts the page holds, no more.

Nothing may load from another origin; ``base-uri 'none'``, ``object-src
'none'``, ``form-action 'self'``. Styles allow ``'unsafe-inline'`` because
Material and the map set ``style`` attributes and writers' tables may carry
alignment styles; styles cannot run code. ``frame-ancestors`` only works as an
HTTP header (DEPLOY.md gives the header form).

The policy has to be in the page before the first script, so it is inserted
right after ``<meta charset>`` (the hook calls ``with_policy`` from
``on_post_page`` and ``on_post_template``).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# Script types that hold data, not code (Material's configuration is JSON).
DATA_TYPES = {"application/json", "application/ld+json"}
# A script element ends at the first "</script" (as in a browser). Pages come from our
# templates and sanitised bodies, so no attribute value holds a ">". A regular
# expression, not html.parser: the pass over every page of a ten-year archive
# must stay cheap (html.parser made it a large part of a big archive's build).
SCRIPT = re.compile(r"<script\b(?P<attributes>[^>]*)>(?P<text>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SCRIPT_SRC = re.compile(r"(?:^|\s)src\s*=", re.IGNORECASE)
SCRIPT_TYPE = re.compile(r"(?:^|\s)type\s*=\s*[\"']?([^\"'\s>]*)", re.IGNORECASE)
CHARSET_META = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
HTTP_EQUIV = re.compile(r"<meta\b[^>]*\bhttp-equiv\b", re.IGNORECASE)
TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
JINJA_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.DOTALL)
# What a Jinja expression inside an allowed script may have printed: a URL or path, nothing that
# ends a JavaScript string or the script element.
SLOT = r"[\w.~/:%+-]*"
TEMPLATE_FOLDERS = ("partials/javascripts",)
BASE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
}


class PageRefused(Exception):
    """A finished page holds script or head markup that no template of the site writes."""


@dataclass
class ScriptAllowlist:
    """The inline scripts the site's templates write: exact texts and shapes with URL slots."""

    texts: frozenset[str] = frozenset()
    shapes: tuple[re.Pattern[str], ...] = ()
    _sources: dict[str, str | None] = field(default_factory=dict)  # script text -> 'sha256-…' or None

    @classmethod
    def from_templates(cls, custom_dir: Path | None, theme_dirs: Iterable[Path]) -> ScriptAllowlist:
        """The inline scripts of every template in ``custom_dir`` and in each theme's ``partials/javascripts``."""
        paths: list[Path] = sorted(custom_dir.rglob("*.html")) if custom_dir else []
        for folder in theme_dirs:
            for sub in TEMPLATE_FOLDERS:
                paths += sorted((folder / sub).glob("*.html"))
        return cls.from_sources(path.read_text(encoding="utf-8") for path in paths)

    @classmethod
    def from_sources(cls, sources: Iterable[str]) -> ScriptAllowlist:
        texts: set[str] = set()
        shapes: list[re.Pattern[str]] = []
        for source in sources:
            for script in TEMPLATE_SCRIPT.findall(source):
                if "{%" in script or "{#" in script:
                    continue  # a script that changes shape with logic is never allowed
                parts = JINJA_EXPRESSION.split(script)
                if len(parts) == 1:
                    texts.add(script)
                else:
                    shapes.append(re.compile(SLOT.join(re.escape(part) for part in parts), re.DOTALL))
        return cls(frozenset(texts), tuple(shapes))

    def source_for(self, text: str) -> str | None:
        """``'sha256-…'`` for an allowed script text, None for any other."""
        if text not in self._sources:
            allowed = text in self.texts or any(shape.fullmatch(text) for shape in self.shapes)
            self._sources[text] = _hash_source(text) if allowed else None
        return self._sources[text]


def _hash_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_scripts(page: str) -> list[str]:
    """The text of every inline script in ``page`` that a browser would run."""
    found = []
    for match in SCRIPT.finditer(page):
        attributes = match.group("attributes")
        script_type = SCRIPT_TYPE.search(attributes)
        if script_type and script_type.group(1).strip().lower() in DATA_TYPES:
            continue
        if not SCRIPT_SRC.search(attributes):
            found.append(match.group("text"))
    return found


def inline_script_hashes(page: str, allowlist: ScriptAllowlist) -> list[str]:
    """``'sha256-…'`` sources for the inline scripts of ``page``, sorted, no repeats.

    Raises ``PageRefused`` for a script that is not on ``allowlist``.
    """
    sources = set()
    for text in inline_scripts(page):
        source = allowlist.source_for(text)
        if source is None:
            shown = " ".join(text.split())[:80]
            raise PageRefused(f"an inline script that no template of the site writes: <script>{shown}"
                              " (a page may run only the theme's own scripts: find what put it there)")
        sources.add(source)
    return sorted(sources)


def policy_for(page: str, allowlist: ScriptAllowlist) -> str:
    """The policy for ``page``: no quotes or markup characters, safe in an attribute."""
    directives = {**BASE_POLICY, "script-src": [*BASE_POLICY["script-src"], *inline_script_hashes(page, allowlist)]}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(page: str, allowlist: ScriptAllowlist) -> str:
    """``page`` with its policy in a meta tag after ``<meta charset>`` (unchanged if none).

    Raises ``PageRefused`` for a script not on ``allowlist`` or a ``<meta http-equiv>``
    (a refresh to another site, a second policy): no template writes one.
    """
    if HTTP_EQUIV.search(page):
        raise PageRefused("a <meta http-equiv> that no template of the site writes (it could send the reader"
                          " elsewhere: find what put it there)")
    policy = html.escape(policy_for(page, allowlist), quote=False)
    match = CHARSET_META.search(page)
    if match is None:
        return page
    tag = f'\n  <meta http-equiv="Content-Security-Policy" content="{policy}">'
    return page[: match.end()] + tag + page[match.end():]
