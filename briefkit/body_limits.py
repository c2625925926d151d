"""Limits a brief's body keeps before Python-Markdown reads it.

Python-Markdown parses nested blocks (lists, block quotes, admonitions,
``markdown`` HTML blocks) and nested emphasis by recursion: a list nested
about 250 levels deep, or emphasis opened 1,000 times, ends the build with
``RecursionError`` and a traceback, and ``[`` repeated thousands of times takes
seconds per paragraph, as does ``[a](`` repeated, or runs of ``` `` ``` that never
close. No brief needs anything near that. These checks run in
validation, so ``briefs check`` and the build refuse such a body alike, at
its line, before any parser sees it. The limits sit an order of magnitude
below where Python-Markdown breaks (measured: tests/test_limits.py), and far
above what a brief uses (two or three levels).

The checks read lines, not a syntax tree, and read code blocks and spans like
any text (an unclosed fence is no code block to Python-Markdown): a ``*`` or a
deep indent in code may count, which can only make a pathological body fail,
never let one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BODY_MAX = 100_000  # characters: about 30 printed pages; the longest sample brief is under 6,000
HEADINGS_MAX = 200
NESTING_MAX = 20  # lists, block quotes, admonitions and indented blocks inside one another
EMPHASIS_MAX = 20  # emphasis opened and not yet closed in one paragraph
OPENERS_MAX = 20  # '[', '(' or '<tag' opened and not yet closed in one paragraph
BACKTICK_RUNS_MAX = 200  # runs of '`' in one paragraph (a code span takes two)
HTML_BLOCKS_MAX = 20  # HTML blocks with a markdown attribute inside one another

_TAB = 4
_CONTAINER_STARTS = frozenset(" \t>*+-0123456789")
_CONTAINER = re.compile(r"[ \t]*(?:>|(?:[*+-]|[0-9]{1,9}[.)])(?=[ \t]|$))")
_ATX_HEADING = re.compile(r"[ ]{0,3}#{1,6}(?:[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(r"[ ]{0,3}(?:=+|-+)[ \t]*$")
_DELIMITER_RUN = re.compile(r"\*+|_+")
_MARKDOWN_BLOCK = re.compile(r"<([A-Za-z][A-Za-z0-9]*)\b[^>]*\bmarkdown\s*=", re.IGNORECASE)
_OPENER = re.compile(r"\\.|[\[\]()>]|<[A-Za-z/!?]")
_BACKTICKS = re.compile(r"`+")
_CLOSES = {"]": "[", ")": "(", ">": "<"}
_CLOSING_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9]*)\s*>")


@dataclass(frozen=True)
class LimitProblem:
    """A limit a body exceeds: the file line and what to tell the writer."""

    line: int
    message: str


def body_limit_problems(body: str, first_line: int) -> list[LimitProblem]:
    """Every limit ``body`` exceeds (at most one problem per kind); lines start at ``first_line``."""
    found: dict[str, LimitProblem] = {}
    if len(body) > BODY_MAX:
        found["size"] = LimitProblem(first_line, f"is {len(body):,} characters long (split the brief or shorten it"
                                                 f" to at most {BODY_MAX:,} characters)")
    headings = 0
    emphasis = backticks = 0
    openers = dict.fromkeys("[(<", 0)
    html_blocks: list[str] = []
    previous_text = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if not line.strip():
            emphasis = backticks = 0
            openers = dict.fromkeys("[(<", 0)
            previous_text = False
            continue
        depth = _depth(line) if line[0] in _CONTAINER_STARTS else 0
        if depth > NESTING_MAX and "nesting" not in found:
            found["nesting"] = LimitProblem(number, f"is nested {depth} levels deep (lists, quotes and indented"
                                                    f" blocks go at most {NESTING_MAX} levels deep: flatten it)")
        if line[0] in " #=-" and (_ATX_HEADING.match(line) or (previous_text and _SETEXT_UNDERLINE.match(line))):
            headings += 1
            if headings > HEADINGS_MAX and "headings" not in found:
                found["headings"] = LimitProblem(number, f"has more than {HEADINGS_MAX} headings (split the brief)")
        emphasis, deepest = _emphasis(line, emphasis) if "*" in line or "_" in line else (emphasis, emphasis)
        if deepest > EMPHASIS_MAX and "emphasis" not in found:
            found["emphasis"] = LimitProblem(number, f"opens emphasis ('*' or '_') {deepest} levels deep (at most"
                                                     f" {EMPHASIS_MAX}: close each '*' or '_', or write '\\*')")
        deepest = _openers(line, openers)
        if deepest > OPENERS_MAX and "openers" not in found:
            found["openers"] = LimitProblem(number, f"leaves {deepest} brackets or tags open in one paragraph"
                                                    f" (at most {OPENERS_MAX}: close each '[', '(' and '<',"
                                                    " or write them as '\\[', '\\(' and '\\<')")
        if "`" in line:
            backticks += len(_BACKTICKS.findall(line))
            if backticks > BACKTICK_RUNS_MAX and "backticks" not in found:
                found["backticks"] = LimitProblem(number, f"has more than {BACKTICK_RUNS_MAX} runs of '`' in one"
                                                          " paragraph (split the paragraph, or write '\\`')")
        if "<" in line:
            _html_blocks(line, html_blocks)
        if len(html_blocks) > HTML_BLOCKS_MAX and "html" not in found:
            found["html"] = LimitProblem(number, f"nests {len(html_blocks)} HTML blocks with a markdown attribute"
                                                 f" (at most {HTML_BLOCKS_MAX}: flatten them)")
        previous_text = True
    return sorted(found.values(), key=lambda p: p.line)


def _depth(line: str) -> int:
    """How many containers a line sits in: block quote and list markers, and 4-column indents."""
    depth, position = 0, 0
    while True:
        marker = _CONTAINER.match(line, position)
        if marker is None:
            break
        depth += 1 + _columns(line[position:marker.end()].rstrip("*+->.)0123456789")) // _TAB
        position = marker.end()
    return depth + _columns(line[position:]) // _TAB


def _columns(text: str) -> int:
    """The width of ``text``'s leading white space, tabs to the next multiple of four."""
    width = 0
    for char in text:
        if char == " ":
            width += 1
        elif char == "\t":
            width += _TAB - width % _TAB
        else:
            break
    return width


def _emphasis(line: str, open_runs: int) -> tuple[int, int]:
    """Emphasis delimiters still open after ``line``, and the most open at once (CommonMark's flanking rules)."""
    deepest = open_runs
    for run in _DELIMITER_RUN.finditer(line):
        before = line[run.start() - 1] if run.start() else " "
        after = line[run.end()] if run.end() < len(line) else " "
        opens = not after.isspace() and (before.isspace() or not _is_punctuation(after) or _is_punctuation(before))
        closes = not before.isspace() and (after.isspace() or not _is_punctuation(before) or _is_punctuation(after))
        size = (len(run.group()) + 1) // 2  # "**" opens one level (strong), "***" two
        if opens and not (closes and open_runs):
            open_runs += size
            deepest = max(deepest, open_runs)
        elif closes:
            open_runs = max(0, open_runs - size)
    return open_runs, deepest


def _is_punctuation(char: str) -> bool:
    return not char.isalnum() and not char.isspace()


def _openers(line: str, counts: dict[str, int]) -> int:
    """Update the unclosed ``[``, ``(`` and ``<tag`` counts of a paragraph; return the largest after ``line``.

    Python-Markdown looks for the end of each of them up to the end of the
    paragraph, so thousands left open make it quadratic.
    """
    if not any(char in line for char in "[]()<>"):
        return max(counts.values())
    deepest = 0
    for mark in _OPENER.finditer(line):
        text = mark.group()
        if text in _CLOSES:
            opener = _CLOSES[text]
            counts[opener] = max(0, counts[opener] - 1)
        elif text[0] in counts:
            counts[text[0]] += 1
            deepest = max(deepest, counts[text[0]])
    return max(deepest, *counts.values())


def _html_blocks(line: str, stack: list[str]) -> None:
    """Keep ``stack`` as the HTML elements with a ``markdown`` attribute open after ``line``."""
    for opening in _MARKDOWN_BLOCK.finditer(line):
        stack.append(opening.group(1).lower())
    for closing in _CLOSING_TAG.finditer(line):
        if stack and stack[-1] == closing.group(1).lower():
            stack.pop()
