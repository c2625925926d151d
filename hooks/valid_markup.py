"""Remove the two invalid attributes that Material writes outside any template block.

Material's ``base.html`` gives its hidden drawer and search checkboxes
``autocomplete="off"`` (allowed on text-like inputs only) and its nav
template writes ``tabindex=""`` on section labels. Both sit outside the blocks
a theme override can replace, and the Nu HTML Checker reports them as errors
(Korea's KWCAG still counts markup errors). Handles ``on_post_page`` and, for
the 404 page, ``on_post_template``; the tests in tests/test_html_valid.py fail
if Material's markup changes and something new appears.
"""

from __future__ import annotations

import re
from typing import Any

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')
EMPTY_TABINDEX = re.compile(r' tabindex=""')


def on_post_page(output: str, **_: Any) -> str:
    return valid_markup(output)


def on_post_template(output_content: str, **_: Any) -> str:
    return valid_markup(output_content)


def valid_markup(html: str) -> str:
    """``html`` without ``autocomplete`` on checkboxes and without empty ``tabindex`` values."""
    return EMPTY_TABINDEX.sub("", CHECKBOX_AUTOCOMPLETE.sub(r"\1", html))
