"""Front matter: split a brief file and read its YAML as YAML 1.2, with line numbers.

The split follows the contract (a first line ``---``, the fields, the next line
``---``, then the body). The YAML is composed by PyYAML's libyaml parser and
resolved here with the YAML 1.2 core schema: ``NO`` and ``on`` stay text,
``0123`` is 123, ``12:30`` stays text, duplicate keys are errors, and every key
and list item keeps its line in the file.

Why not ruamel.yaml's round-trip loader, which also keeps lines: it was more
than an order of magnitude slower per brief (bench/code-notes.md), and
``briefs check`` must read a ten-year archive quickly.
"""

from __future__ import annotations

import math
import re
from typing import Any

import frontmatter.default_handlers as fm_handlers
import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

FIRST_FM_LINE = 2  # line 1 of a brief is the opening '---'


class FrontMatterError(Exception):
    """The front matter cannot be read; ``line`` is a line of the file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class LineDict(dict[str, Any]):
    """A YAML mapping that remembers the line of each key."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: dict[str, int] = {}
        self.plain: dict[str, str] = {}  # the text of each unquoted value, as written
        # A comment where the value was expected: in 'title: #1 간담회' YAML reads '#1 간담회' as a comment.
        self.comments: dict[str, str] = {}


class LineList(list[Any]):
    """A YAML sequence that remembers the line of each item."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.lines: list[int] = []


class BriefFrontMatterHandler(fm_handlers.BaseHandler):
    """python-frontmatter handler for brief files (YAML 1.2, lines kept)."""

    FM_BOUNDARY = re.compile(r"^---[ \t]*$", re.MULTILINE)
    START_DELIMITER = END_DELIMITER = "---"

    def split(self, text: str) -> tuple[str, str]:
        front, _, body = split_document(text)
        return front, body

    def load(self, fm: str, **kwargs: object) -> Any:
        return load_yaml(fm)

    def export(self, metadata: dict[str, object], **kwargs: object) -> str:
        return yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False)


def split_document(text: str) -> tuple[str, int, str]:
    """Return (front matter, line of the closing ``---``, body)."""
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.rstrip(" \t") != "---":
        raise FrontMatterError(
            1,
            "missing (start the file with a line '---', then the fields, then another '---')",
        )
    closing = re.compile(r"^---[ \t]*$", re.MULTILINE).search(text, first_end + 1)
    if first_end < 0 or closing is None:
        raise FrontMatterError(1, "not closed (add a line '---' after the last field)")
    front = text[first_end + 1 : closing.start()]
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    closing_line = text.count("\n", 0, closing.start()) + 1
    return front, closing_line, text[body_start:]


def load_yaml(text: str, first_line: int = FIRST_FM_LINE) -> Any:
    """Parse one YAML document with the 1.2 core schema; lines are file lines."""
    # libyaml (YAML 1.1) breaks lines at U+0085, U+2028 and U+2029 (pasted from web pages and word
    # processors): YAML 1.2 does not, and a writer sees no line break. Read them as spaces.
    if "\x85" in text or "\u2028" in text or "\u2029" in text:  # translate() is slow on long text
        text = text.translate(_NOT_LINE_BREAKS)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        problem = " ".join((err.problem or err.context or "invalid YAML").split())
        # Something left open (a quote, a '[') is reported where it was opened, not where the text ran out.
        mark = err.context_mark if problem in _UNCLOSED and err.context_mark else err.problem_mark
        index = min(mark.line if mark else 0, max(text.rstrip("\n").count("\n"), 0))  # not past the closing '---'
        index, advice = _syntax_advice(problem, text.split("\n"), index)
        raise FrontMatterError(first_line + index, f"invalid YAML: {problem} ({advice})") from None
    except yaml.reader.ReaderError as err:
        raise _character_error(text, err, first_line) from None
    except yaml.YAMLError as err:
        raise FrontMatterError(first_line, "invalid YAML: " + " ".join(str(err).split())) from None
    if node is None:
        return None
    return _Builder(first_line, text).build(node, 0)


_NOT_LINE_BREAKS = {0x85: " ", 0x2028: " ", 0x2029: " "}
_QUOTE = "put the whole value in quotes"
_YAML_ADVICE = {
    "mapping values are not allowed in this context": "a ': ' inside a value starts a new field: " + _QUOTE,
    "found character that cannot start any token": "a value cannot start with this character: " + _QUOTE,
    "found a tab character that violates indentation": "indent with spaces, not tabs",
    "did not find expected key": "check the indentation; a value that starts with a quote must end with it",
    "did not find expected '-' indicator": "start every item of the list with '- ' at the same indentation",
    "did not find expected ',' or ']'": "close the list with ']'",
    "did not find expected ',' or '}'": "close the braces with '}'",
    "found unexpected end of stream": "close the quote",
    "did not find expected alphabetic or numeric character": "a value that starts with '*' or '&': " + _QUOTE,
    "found undefined alias": "a value that starts with '*': " + _QUOTE,
    "could not find expected ':'": "write each field as 'name: value', and indent a value that goes on",
}
_UNCLOSED = {"found unexpected end of stream", "did not find expected ',' or ']'", "did not find expected ',' or '}'"}


def _syntax_advice(problem: str, lines: list[str], index: int) -> tuple[int, str]:
    """What to do about a YAML syntax error, judged from the line it is on (or the line before, at fault)."""
    current = lines[index] if index < len(lines) else ""
    if "\t" in current[: len(current) - len(current.lstrip(" \t"))]:
        return index, "indent with spaces, not tabs"
    if problem == "mapping values are not allowed in this context" and index > 0:
        # 'title:간담회' or 'title = 간담회' is not a field: YAML reads it with the next line as one text.
        previous = lines[index - 1]
        field_like = previous.strip() and not previous.startswith((" ", "-", "#"))
        if field_like and ": " not in previous and not previous.rstrip().endswith(":"):
            return index - 1, "write the field as 'name: value', with a space after the ':'"
    value = current.split(": ", 1)[1].lstrip() if ": " in current else ""
    if problem == "did not find expected key" and value[:1] in ("[", "{"):
        return index, f"a value that starts with '{value[0]}' is read as a list: " + _QUOTE
    return index, _YAML_ADVICE.get(problem, "fix the YAML syntax on this line")


def _character_error(text: str, err: yaml.reader.ReaderError, first_line: int) -> FrontMatterError:
    """A one-line message for a character YAML refuses (a control character)."""
    char = chr(err.character) if isinstance(err.character, int) else ""
    index = text.find(char) if char else -1
    line = first_line + (text.count("\n", 0, index) if index >= 0 else 0)
    code = f"U+{ord(char):04X}" if char else "a character"
    return FrontMatterError(line, f"invalid YAML: {code} is a control character, not text (delete it)")


_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")
# The tags PyYAML's resolver gives untagged nodes ("yaml" is a lone '!', '&' or '*'); an explicit
# tag (``!!python/object``, ``!!binary``, ``!custom``) is refused rather than ignored.
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "merge", "value", "yaml", "map", "seq")
}


def resolve_plain(value: str) -> Any:
    """Resolve an unquoted scalar as the YAML 1.2 core schema does."""
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        # Python refuses to read ints of more than 4300 digits; such a number is as big as a float gets.
        return int(value) if len(value) <= 4000 else float(value)
    if _OCT.match(value):
        return int(value[2:], 8)
    if _HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        return float(value)
    if _INF.match(value):
        return -math.inf if value.startswith("-") else math.inf
    if _NAN.match(value):
        return math.nan
    return value


MAX_DEPTH = 100  # front matter is two or three levels deep; far deeper input is junk


class _Builder:
    """Turns composed nodes into values; an alias reuses the value built for its anchor."""

    def __init__(self, first_line: int, text: str = "") -> None:
        self.first_line = first_line
        self.text_lines = text.split("\n")
        self.built: dict[int, Any] = {}
        self.building: set[int] = set()

    def build(self, node: yaml.Node, depth: int) -> Any:
        line = self.first_line + node.start_mark.line
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise FrontMatterError(line, f"invalid YAML: unsupported tag '{tag}' (remove it)")
        if depth > MAX_DEPTH:
            raise FrontMatterError(line, "invalid YAML: nested too deeply (write plain fields and lists)")
        if isinstance(node, yaml.ScalarNode):
            return resolve_plain(node.value) if not node.style else node.value
        key = id(node)
        if key in self.building:
            raise FrontMatterError(line, "invalid YAML: an alias refers to the value that contains it (remove it)")
        if key not in self.built:
            self.building.add(key)
            self.built[key] = self._collection(node, line, depth)
            self.building.discard(key)
        return self.built[key]

    def _collection(self, node: yaml.Node, line: int, depth: int) -> Any:
        if isinstance(node, yaml.SequenceNode):
            seq = LineList(line)
            for item in node.value:
                seq.append(self.build(item, depth + 1))
                seq.lines.append(self.first_line + item.start_mark.line)
            return seq
        mapping = LineDict(line)
        for key_node, value_node in node.value:
            key_line = self.first_line + key_node.start_mark.line
            if not isinstance(key_node, yaml.ScalarNode):
                raise FrontMatterError(key_line, "invalid YAML: a field name must be a word")
            key = str(key_node.value)
            if key in mapping:
                raise FrontMatterError(
                    key_line,
                    f"invalid YAML: '{key}' is set twice, also on line {mapping.lines[key]} "
                    "(keep one of them)",
                )
            mapping[key] = self.build(value_node, depth + 1)
            mapping.lines[key] = key_line
            if isinstance(value_node, yaml.ScalarNode) and not value_node.style:
                mapping.plain[key] = value_node.value
                if not value_node.value:
                    self._note_comment(mapping, key, key_node)
        return mapping

    def _note_comment(self, mapping: LineDict, key: str, key_node: yaml.Node) -> None:
        row = key_node.end_mark.line
        rest = self.text_lines[row][key_node.end_mark.column:] if row < len(self.text_lines) else ""
        rest = rest.lstrip(" \t").removeprefix(":").lstrip(" \t")
        if rest.startswith("#"):
            mapping.comments[key] = rest
