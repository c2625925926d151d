"""Fuzzing the whole Markdown path: no body gives a traceback, and every id it yields is safe.

A body is either refused by validation (``briefkit.catalog.body_problems``,
what ``briefs check`` and the build run) or rendered by the build's own
Markdown configuration and sanitiser (tests/markdown_render.py) without an
exception, at the interpreter's normal recursion limit and below a stack as
deep as the build's. Every id in the HTML and every table-of-contents id is a
safe slug, and none is the theme's. Kept to a few seconds (``max_examples``).
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from typing import TypeVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_render import render_with_toc

from briefkit.catalog import body_problems
from briefkit.markdown_ids import SAFE_ID, is_reserved

T = TypeVar("T")
BUILD_STACK = 120  # frames above Markdown's convert() in a real build (MkDocs, the i18n plugin, hooks)


class _Ids(HTMLParser):
    """The id attribute of every element (not text that looks like one, inside code)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids += [value or "" for name, value in attrs if name == "id"]


def ids_in(html: str) -> list[str]:
    parser = _Ids()
    parser.feed(html)
    return parser.ids


PIECES = st.sampled_from([
    "*", "**", "_", "__", "`", "``", "[", "]", "(", ")", "![", "[^1]", "[^1]: ", "<", ">", "</", "&", "&amp;",
    "#", "## ", "\n", "\n\n", "    ", "\t", "- ", "1. ", "> ", "!!! note\n", ":   ", "{: #__config }",
    "{: id='x\"><script>' }", "{: data-toc-label='<b>' }", '<div markdown="1">\n', "</div>\n",
    '<span id="__drawer">', "</span>", "<script>alert(1)</script>", "```\n", "| a | b |\n|---|---|\n",
    "https://example.com", "main content", "__config", "가", "정책", "a", " ", "\\", "\u200b", "\u202e",
    "\x0b", "\ufffe",
])
NESTERS = st.sampled_from(
    ["    - ", "- ", "> ", "1. ", "**", "*", "[", "[a](", '<div markdown="1">\n', "!!! note\n    "]
)


def at_depth(frames: int, call: Callable[[], T]) -> T:
    """``call()`` with ``frames`` more frames on the stack."""
    return call() if frames == 0 else at_depth(frames - 1, call)


def check(body: str) -> None:
    if body_problems(body, 1, "fuzz.md"):
        return
    html, toc = at_depth(BUILD_STACK, lambda: render_with_toc(body))
    for value in ids_in(html):
        assert SAFE_ID.match(value) and not is_reserved(value), value
    tokens = list(toc)
    while tokens:
        token = tokens.pop()
        assert SAFE_ID.match(token["id"]) and not is_reserved(token["id"]), token["id"]
        assert "<" not in token["name"], token["name"]
        tokens += token["children"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=60).map("".join))
def test_any_mix_of_markdown_is_refused_or_rendered(body: str) -> None:
    check(body)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NESTERS, st.integers(min_value=1, max_value=400), st.text(max_size=5))
def test_any_nesting_is_refused_or_rendered(nester: str, depth: int, tail: str) -> None:
    if nester == "    - ":
        body = "".join("    " * level + "- x\n" for level in range(depth))
    elif nester == "!!! note\n    ":
        body = "".join("    " * level + "!!! note\n" for level in range(depth)) + "    " * depth + "x\n"
    else:
        body = nester * depth + "x" + tail + "\n"
    check(body)
