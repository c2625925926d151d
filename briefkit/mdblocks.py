"""A brief body's Markdown structure with file lines, for comparing a translation with its source.

The build renders bodies with Python-Markdown, which keeps no line numbers;
this module parses with markdown-it-py (CommonMark, plus tables as the build
enables them), whose tokens carry their source lines. ``blocks`` gives the
top-level blocks in order: headings (with level), paragraphs, lists (ordered or
not, with their item count), tables (rows and columns), block quotes and code,
each with its plain text (link targets and code left out), the images and links
it holds, and the file line it starts on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

_PARSER = MarkdownIt("commonmark").enable("table")
_CONTAINERS = {"bullet_list_open": "list", "ordered_list_open": "list", "table_open": "table",
               "blockquote_open": "quote"}


@dataclass
class Block:
    kind: str  # heading, paragraph, list, table, quote, code
    line: int  # file line it starts on
    level: int = 0  # heading level
    ordered: bool = False  # list
    items: int = 0  # list items, or table rows
    columns: int = 0  # table
    text: str = ""  # plain text, as read (no link targets, no code)
    lines: list[tuple[int, str]] = field(default_factory=list)  # (file line, plain text) of each inline part
    images: list[str] = field(default_factory=list)  # image sources
    links: list[str] = field(default_factory=list)  # link targets

    @property
    def shape(self) -> str:
        """The block as a structure check names it."""
        if self.kind == "heading":
            return f"level-{self.level} heading"
        if self.kind == "list":
            return f"{'numbered' if self.ordered else 'bulleted'} list of {_count(self.items, 'item')}"
        if self.kind == "table":
            return f"table of {_count(self.items, 'row')} and {_count(self.columns, 'column')}"
        return self.kind


def blocks(body: str, first_line: int = 1) -> list[Block]:
    """The top-level blocks of ``body``; ``first_line`` is the file line the body starts on."""
    found: list[Block] = []
    stack: list[Block] = []
    for token in _PARSER.parse(body):
        line = first_line + token.map[0] if token.map else (stack[-1].line if stack else first_line)
        if token.type in _CONTAINERS:
            block = Block(_CONTAINERS[token.type], line, ordered=token.type.startswith("ordered"))
            if not stack:
                found.append(block)
            stack.append(block if not stack else stack[0])
        elif token.type.endswith("_close") and token.type.replace("_close", "_open") in _CONTAINERS:
            stack.pop()
        elif stack and (token.type == "tr_open" or (token.type == "list_item_open" and token.level == 1)):
            stack[0].items += 1
        elif stack and token.type in ("th_open", "td_open") and stack[0].items == 1:
            stack[0].columns += 1
        elif token.type == "heading_open" and not stack:
            found.append(Block("heading", line, level=int(token.tag[1:])))
        elif token.type == "paragraph_open" and not stack:
            found.append(Block("paragraph", line))
        elif token.type in ("fence", "code_block") and not stack:
            found.append(Block("code", line))
        elif token.type == "inline" and found:
            _inline(stack[0] if stack else found[-1], token, line)
    return found


def _inline(block: Block, token: Token, line: int) -> None:
    parts: list[str] = []
    for child in token.children or []:
        if child.type == "text":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            block.images.append(str(child.attrGet("src") or ""))
            parts.append(child.content)
        elif child.type == "link_open":
            block.links.append(str(child.attrGet("href") or ""))
    text = "".join(parts)
    # Each line of a paragraph keeps its own file line (for a finding's line).
    for offset, piece in enumerate(text.split("\n")):
        block.lines.append((line + offset, piece))
    block.text = (block.text + "\n" + text) if block.text else text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
