"""A Content-Security-Policy for each finished page: the site's own scripts only.

Material writes a few small inline scripts into every page (``__md_scope``,
which differs with the page's depth, the tab restorer, …). Their SHA-256
hashes are computed from the finished HTML and allowed by name; nothing else
inline may run, and nothing at all may load from another origin. Styles allow
``'unsafe-inline'`` because Material and the map set ``style`` attributes and
writers' tables may carry alignment styles; styles cannot run code.

The policy has to be in the page before the first script, so it is inserted
right after ``<meta charset>`` (the hook calls ``with_policy`` from
``on_post_page`` and ``on_post_template``): it depends on the final bytes,
which no template sees.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

# Script types a browser runs; anything else (``application/json`` config) is data.
RUNNABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
# A script element ends at the first "</script" (as in a browser). Pages come from our
# templates and sanitised bodies, so no attribute value holds a ">". A regular
# expression, not html.parser: the pass over every page of a ten-year archive
# must stay cheap (html.parser took about a quarter of a 1000-brief build).
SCRIPT = re.compile(r"<script\b(?P<attributes>[^>]*)>(?P<text>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
SCRIPT_SRC = re.compile(r"(?:^|\s)src\s*=", re.IGNORECASE)
SCRIPT_TYPE = re.compile(r"(?:^|\s)type\s*=\s*[\"']?([^\"'\s>]*)", re.IGNORECASE)
CHARSET_META = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)
BASE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def inline_script_hashes(page: str) -> list[str]:
    """``'sha256-…'`` sources for the inline scripts of ``page``, sorted, no repeats."""
    digests = set()
    for match in SCRIPT.finditer(page):
        attributes, text = match.group("attributes"), match.group("text")
        script_type = SCRIPT_TYPE.search(attributes)
        runnable = (script_type.group(1) if script_type else "").strip().lower() in RUNNABLE_TYPES
        if runnable and not SCRIPT_SRC.search(attributes):
            digests.add(base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii"))
    return [f"'sha256-{d}'" for d in sorted(digests)]


def policy_for(page: str) -> str:
    """The policy for ``page``: no quotes or markup characters, safe in an attribute."""
    directives = {**BASE_POLICY, "script-src": [*BASE_POLICY["script-src"], *inline_script_hashes(page)]}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(page: str) -> str:
    """``page`` with its policy in a meta tag after ``<meta charset>`` (unchanged if none)."""
    match = CHARSET_META.search(page)
    if match is None:
        return page
    tag = f'\n  <meta http-equiv="Content-Security-Policy" content="{html.escape(policy_for(page), quote=False)}">'
    return page[: match.end()] + tag + page[match.end():]
