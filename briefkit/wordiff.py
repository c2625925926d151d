"""What changed between two versions of a brief's text: by paragraph, then by word.

``diff_texts`` compares the title, the summary and the body of an old and a
new version of a source. The body is cut into paragraphs (blocks between blank
lines, each kept whole, a list or a table being one block); paragraphs are
matched with ``difflib`` (unchanged ones drop out, a changed one is paired with
the most similar paragraph in the same place), then each changed pair is
compared word by word. Words are runs of letters (Hangul or Latin, so a Korean
word keeps its particles), runs of digits (``35곳`` is ``35`` and ``곳``: a
changed figure shows as just the figure) and single punctuation marks.

Used by ``briefs diff``, ``briefs status`` (the counts) and the
``/translations/`` page (old and new paragraphs).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
EQUAL, DELETE, INSERT = "=", "-", "+"
_TOKEN = re.compile(r"\s+|\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
_BLANK = re.compile(r"\n[ \t]*\n")
# Paired as one changed paragraph when at least this share of their words is alike.
SIMILAR = 0.3


@dataclass(frozen=True)
class Paragraph:
    text: str
    line: int  # where it starts in its file (0: not known)


@dataclass(frozen=True)
class Change:
    """One paragraph added, removed or changed in one field (title, summary or body)."""

    field: str
    kind: str
    old: str  # "" when added
    new: str  # "" when removed
    line: int  # where it is in the current source (removed: where it was, in the old one)
    words: tuple[tuple[str, str], ...] = ()  # (op, text), op one of "=", "-", "+"; changed only

    def as_json(self) -> dict[str, Any]:
        return {"field": self.field, "kind": self.kind, "old": self.old, "new": self.new, "line": self.line,
                "words": [{"op": op, "text": text} for op, text in self.words]}


@dataclass(frozen=True)
class Version:
    """A source's title, summary and body, with the lines they start on."""

    title: str
    summary: str
    body: str
    title_line: int = 0
    summary_line: int = 0
    body_line: int = 0


def diff_texts(old: Version, new: Version) -> list[Change]:
    """Every paragraph added, removed or changed from ``old`` to ``new``: title, summary, body."""
    changes: list[Change] = []
    for name in ("title", "summary"):
        before = Paragraph(" ".join(getattr(old, name).split()), getattr(old, f"{name}_line"))
        after = Paragraph(" ".join(getattr(new, name).split()), getattr(new, f"{name}_line"))
        changes += diff_paragraphs(name, [before], [after])
    changes += diff_paragraphs("body", paragraphs(old.body, old.body_line), paragraphs(new.body, new.body_line))
    return changes


def count(changes: list[Change]) -> dict[str, int]:
    """Paragraphs added, removed and changed."""
    return {kind: sum(1 for c in changes if c.kind == kind) for kind in (ADDED, REMOVED, CHANGED)}


def paragraphs(body: str, first_line: int = 1) -> list[Paragraph]:
    """The blocks of ``body`` between blank lines, whitespace at line ends ignored."""
    text = "\n".join(line.rstrip() for line in body.replace("\r\n", "\n").split("\n"))
    found: list[Paragraph] = []
    start = 0
    for gap in [*_BLANK.finditer(text), None]:
        end = gap.start() if gap else len(text)
        block = text[start:end]
        if block.strip():
            lead = len(block) - len(block.lstrip("\n"))
            found.append(Paragraph(block.strip("\n"), first_line + text.count("\n", 0, start + lead) if first_line
                                   else 0))
        if gap:
            start = gap.end()
    return found


def diff_paragraphs(field: str, old: list[Paragraph], new: list[Paragraph]) -> list[Change]:
    changes: list[Change] = []
    matcher = difflib.SequenceMatcher(None, [p.text for p in old], [p.text for p in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for before, after in _pair(old[i1:i2], new[j1:j2]):
            if after is None and before is not None:
                changes.append(Change(field, REMOVED, before.text, "", before.line))
            elif before is None and after is not None:
                changes.append(Change(field, ADDED, "", after.text, after.line))
            elif before is not None and after is not None:
                changes.append(Change(field, CHANGED, before.text, after.text, after.line,
                                      word_diff(before.text, after.text)))
    return changes


def _pair(old: list[Paragraph], new: list[Paragraph]) -> Iterator[tuple[Paragraph | None, Paragraph | None]]:
    """Old and new paragraphs of one changed stretch, paired in order where alike (a weighted LCS)."""
    if len(old) * len(new) > 10_000:  # an unrecognisable rewrite: no pairing worth the time
        yield from ((p, None) for p in old)
        yield from ((None, p) for p in new)
        return
    n, m = len(old), len(new)
    sim = [[similarity(a.text, b.text) for b in new] for a in old]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            paired = best[i + 1][j + 1] + sim[i][j] if sim[i][j] >= SIMILAR else -1.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired)
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= SIMILAR and best[i][j] == best[i + 1][j + 1] + sim[i][j]:
            yield old[i], new[j]
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            yield old[i], None
            i += 1
        else:
            yield None, new[j]
            j += 1
    yield from ((p, None) for p in old[i:])
    yield from ((None, p) for p in new[j:])


def similarity(old: str, new: str) -> float:
    a, b = _words(old), _words(new)
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _words(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text) if t[0].isalnum()]  # punctuation would make any two alike


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """``old`` to ``new`` as (op, text) runs: unchanged text, removed words, added words."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append((EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append((DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            ops.append((INSERT, "".join(b[j1:j2])))
    return _tidy(ops)


def _tidy(ops: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Join changes split only by a space into one removal and one addition, which read better."""
    runs: list[list[tuple[str, str]]] = []  # alternating: unchanged text, then a stretch of changes
    for index, (op, text) in enumerate(ops):
        between = 0 < index < len(ops) - 1 and ops[index - 1][0] != EQUAL and ops[index + 1][0] != EQUAL
        if op == EQUAL and not (between and text.isspace()):
            runs.append([(op, text)])
        elif op == EQUAL:
            runs[-1] += [(DELETE, text), (INSERT, text)]
        elif runs and runs[-1][0][0] != EQUAL:
            runs[-1].append((op, text))
        else:
            runs.append([(op, text)])
    tidy: list[tuple[str, str]] = []
    for run in runs:
        if run[0][0] == EQUAL:
            tidy.append(run[0])
            continue
        for op in (DELETE, INSERT):
            text = "".join(t for o, t in run if o == op)
            if text:
                tidy.append((op, text))
    return tuple(tidy)
