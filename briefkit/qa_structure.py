"""``briefs qa``'s checks that pair a translation's blocks with its source's: structure and figures.

``align`` pairs the blocks in order (same kind, then alike in figures and
length: a weighted longest common subsequence), so that a missing section is
reported where it should be and paragraphs may be split or joined freely.
``check_structure`` compares headings, lists, tables, images and links;
``check_figures`` looks for each figure of a source paragraph in its pair,
then in its section.
"""

from __future__ import annotations

from collections import Counter

from .figures import figures, present
from .mdblocks import Block
from .problems import Problem
from .qa_side import Pairs, Side, short

_STRUCTURAL = ("heading", "list", "table")
_ALIGN_MAX = 250_000  # blocks compared pairwise beyond this are paired in order instead


def align(source: list[Block], translation: list[Block]) -> Pairs:
    """Source and translation blocks paired in order: same kind, most alike (a weighted LCS)."""
    n, m = len(source), len(translation)
    if n * m > _ALIGN_MAX:
        return [(i if i < n else None, i if i < m else None) for i in range(max(n, m))]
    ratio = (sum(len(b.text) for b in translation) or 1) / (sum(len(b.text) for b in source) or 1)
    keys_a = [{f.key for f in figures(b.text, "ko")} for b in source]
    keys_b = [present(figures(b.text, "en")) for b in translation]

    def score(i: int, j: int) -> float:
        a, b = source[i], translation[j]
        if a.kind != b.kind:
            return -1.0
        value = 1.0 + (a.level == b.level) + (a.items == b.items) * 0.5
        if keys_a[i] or keys_b[j]:
            value += len(keys_a[i] & keys_b[j]) / len(keys_a[i] | keys_b[j])
        la, lb = len(a.text) * ratio, len(b.text)
        return value + (min(la, lb) / max(la, lb) if la and lb else 0.0)

    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    scores = [[score(i, j) for j in range(m)] for i in range(n)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            paired = best[i + 1][j + 1] + scores[i][j] if scores[i][j] > 0 else -1.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired)
    pairs: Pairs = []
    i = j = 0
    while i < n and j < m:
        if scores[i][j] > 0 and best[i][j] == best[i + 1][j + 1] + scores[i][j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    return pairs + [(k, None) for k in range(i, n)] + [(None, k) for k in range(j, m)]


def check_structure(source: Side, translation: Side, pairs: Pairs) -> list[Problem]:
    findings = []
    for index, (i, j) in enumerate(pairs):
        if i is not None and j is None and source.blocks[i].kind in _STRUCTURAL:
            block = source.blocks[i]
            findings.append(Problem(translation.path, _where(pairs, index, translation), "structure",
                                    f"the source's {block.shape} '{short(block.text)}' (line {block.line})"
                                    " has no counterpart here (translate it, keeping its Markdown)"))
        elif j is not None and i is None and translation.blocks[j].kind in _STRUCTURAL:
            block = translation.blocks[j]
            findings.append(Problem(translation.path, block.line, "structure",
                                    f"this {block.shape} has no counterpart in the source {source.path}"
                                    " (remove it, or match the source's structure)"))
        elif i is not None and j is not None:
            a, b = source.blocks[i], translation.blocks[j]
            if a.kind in _STRUCTURAL and a.shape != b.shape:
                findings.append(Problem(translation.path, b.line, "structure",
                                        f"this is a {b.shape}; the source's (line {a.line}) is a {a.shape}"
                                        " (make them match)"))
    findings += _media(source, translation, pairs, "images", "image")
    findings += _media(source, translation, pairs, "links", "link to")
    return findings


def _media(source: Side, translation: Side, pairs: Pairs, kind: str,
           noun: str) -> list[Problem]:
    """Images or links in the source missing from the translation, and extra ones there."""
    have = Counter(t for b in translation.blocks for t in getattr(b, kind))
    want = Counter(t for b in source.blocks for t in getattr(b, kind))
    findings = []
    for index, (i, _) in enumerate(pairs):
        if i is None:
            continue
        for target in getattr(source.blocks[i], kind):
            if have[target] > 0:
                have[target] -= 1
                continue
            findings.append(Problem(translation.path, _where(pairs, index, translation), "structure",
                                    f"the source's {noun} '{target}' (line {source.blocks[i].line}) is missing here"
                                    " (keep every image and link of the source)"))
    for block in translation.blocks:
        for target in getattr(block, kind):
            if want[target] > 0:
                want[target] -= 1
            else:
                findings.append(Problem(translation.path, block.line, "structure",
                                        f"{noun} '{target}' is not in the source {source.path} (remove it, or add it"
                                        " to the source first)"))
    return findings


def _where(pairs: Pairs, index: int, translation: Side) -> int:
    """The translation line where the source block at ``pairs[index]`` belongs: its pair, else the next one's."""
    for _, j in pairs[index:]:
        if j is not None:
            return translation.blocks[j].line
    return translation.blocks[-1].line if translation.blocks else translation.body_line


def check_figures(source: Side, translation: Side, pairs: Pairs) -> list[Problem]:
    findings = []
    whole = present(figures(translation.text, translation.lang))
    for name in ("title", "summary"):
        own = present(figures(translation.value(name), translation.lang))
        for figure in figures(source.value(name), source.lang):
            if figure.key not in own and figure.key not in whole:
                findings.append(_missing_figure(translation, translation.line_of(name), figure.text,
                                                source.line_of(name), f"the {name}"))
    for section in _sections(pairs, source, translation):
        scope = present(figures("\n".join(translation.blocks[j].text for _, j in section if j is not None),
                                translation.lang))
        for i, j in section:
            if i is None:
                continue
            block = source.blocks[i]
            own = present(figures(translation.blocks[j].text, translation.lang)) if j is not None else set()
            for line, text in block.lines:
                for figure in figures(text, source.lang):
                    if figure.key in own or figure.key in scope:
                        continue
                    at = _line_in(translation, j, block, line) if j is not None else _first(section, translation)
                    findings.append(_missing_figure(translation, at, figure.text, line, "this paragraph"))
    return findings


def _sections(pairs: Pairs, source: Side,
              translation: Side) -> list[Pairs]:
    """The pairs cut at each source heading; a section whose heading has no pair is left out (reported already)."""
    sections: list[Pairs] = [[]]
    for i, j in pairs:
        if i is not None and source.blocks[i].kind == "heading":
            sections.append([])
        sections[-1].append((i, j))
    return [s for s in sections if not s or s[0][0] is None or source.blocks[s[0][0]].kind != "heading"
            or s[0][1] is not None]


def _first(section: Pairs, translation: Side) -> int:
    lines = [translation.blocks[j].line for _, j in section if j is not None]
    return lines[0] if lines else translation.body_line


def _line_in(translation: Side, j: int, block: Block, line: int) -> int:
    """The translation line matching ``line`` of a source block.

    The same item of a list or row of a table; else the first line holding a figure the
    source block does not have (a changed figure); else the block's start.
    """
    target = translation.blocks[j]
    index = next((k for k, (ln, _) in enumerate(block.lines) if ln == line), 0)
    if len(target.lines) == len(block.lines):
        return target.lines[index][0]
    known = present(figures(block.text, "ko")) | {f.key for f in figures(block.text, "ko")}
    for number, text in target.lines:
        if any(f.key not in known for f in figures(text, translation.lang)):
            return number
    return target.line


def _missing_figure(translation: Side, line: int, figure: str, source_line: int, where: str) -> Problem:
    return Problem(translation.path, line, "figures", f"the source has '{figure}' (line {source_line}), which"
                   f" {where} of the translation does not (check the figure, written the English way)")
