"""The body of a synthetic brief: headings, paragraphs, quotes, lists and a table.

The layout follows the shipped briefs (agenda, presentations, figures,
discussion, proposals, next steps); the discussion grows until the two texts
reach the target length in words (Korean counted in eojeol, space-separated).
"""

from __future__ import annotations

from . import wordbank as bank
from .wordbank import Pair
from .writing import Writer

Speaker = tuple[dict[str, str], dict[str, str]]


def compose_body(writer: Writer, speakers: list[Speaker], target_words: int) -> tuple[str, str, str]:
    """Korean body, English body, and an earlier Korean body (one paragraph fewer)."""
    blocks: list[Pair] = []
    fixed = {key: writer.slots[key] for key in ("R", "T", "Y")}
    blocks.append(_paragraph(writer, bank.OPENINGS, 1))
    blocks.append(_heading(writer, bank.HEADINGS["agenda"], 2))
    blocks.append(_list(writer, writer.rng.randrange(3, 6), numbered=False))
    for number, speaker in enumerate(speakers[:2], start=1):
        writer.draw(**fixed)
        writer.slots["N"] = (str(number), str(number))
        blocks.append(_heading(writer, bank.HEADINGS["talk"], 2))
        writer.slots["S"] = _speaker_name(speaker)
        blocks.append(_joined(writer.render(writer.rng.choice(bank.QUOTES)), _paragraph(writer, bank.SENTENCES, 2)))
    blocks.append(_heading(writer, bank.HEADINGS["figures"], 2))
    blocks.append(_table(writer))
    blocks.append(_heading(writer, bank.HEADINGS["discussion"], 2))
    discussion_at = len(blocks)
    tail = [
        _heading(writer, bank.HEADINGS["proposals"], 3),
        _list(writer, 3, numbered=True),
        _heading(writer, bank.HEADINGS["plans"], 2),
        writer.pick(bank.CLOSINGS),
        bank.FOOTER,
    ]
    while _words(blocks + tail) < target_words:
        blocks.append(_paragraph(writer, bank.SENTENCES, writer.rng.randrange(3, 6)))
    blocks += tail
    ko, en = "\n\n".join(b[0] for b in blocks), "\n\n".join(b[1] for b in blocks)
    earlier = "\n\n".join(b[0] for i, b in enumerate(blocks) if i != discussion_at)
    return ko, en, earlier


def _words(blocks: list[Pair]) -> float:
    return sum(len(ko.split()) + len(en.split()) for ko, en in blocks) / 2


def _speaker_name(speaker: Speaker) -> Pair:
    ko, en = speaker
    return f"{ko['name']} {ko['affiliation']} {ko['role']}", f"{en['name']} ({en['role']}, {en['affiliation']})"


def _joined(first: Pair, second: Pair) -> Pair:
    return f"{first[0]} {second[0]}", f"{first[1]} {second[1]}"


def _paragraph(writer: Writer, templates: tuple[Pair, ...], sentences: int) -> Pair:
    parts = [writer.pick(templates) for _ in range(sentences)]
    return " ".join(p[0] for p in parts), " ".join(p[1] for p in parts)


def _heading(writer: Writer, template: Pair, level: int) -> Pair:
    ko, en = writer.render(template)
    return "#" * level + " " + ko, "#" * level + " " + en


def _list(writer: Writer, items: int, numbered: bool) -> Pair:
    rendered = [writer.pick(bank.LIST_ITEMS) for _ in range(items)]
    marks = [f"{i}." if numbered else "-" for i in range(1, items + 1)]
    return (
        "\n".join(f"{m} {ko}" for m, (ko, _) in zip(marks, rendered, strict=True)),
        "\n".join(f"{m} {en}" for m, (_, en) in zip(marks, rendered, strict=True)),
    )


def _table(writer: Writer) -> Pair:
    year = int(writer.slots["Y"][0])
    rows = writer.rng.sample(bank.INDICATORS, writer.rng.randrange(3, 5))
    target = writer.render(bank.TABLE_TARGET)
    head_ko = f"| {bank.TABLE_HEAD[0]} | {year - 2}년 | {year - 1}년 | {target[0]} |"
    head_en = f"| {bank.TABLE_HEAD[1]} | {year - 2} | {year - 1} | {target[1]} |"
    lines_ko, lines_en = [head_ko, "|---|--:|--:|--:|"], [head_en, "|---|--:|--:|--:|"]
    for ko, en in rows:
        start = writer.rng.randrange(40, 2000)
        values = [start, start + writer.rng.randrange(0, start // 2 + 1), start * 2]
        cells = " | ".join(f"{v:,}" for v in values)
        lines_ko.append(f"| {ko} | {cells} |")
        lines_en.append(f"| {en} | {cells} |")
    return "\n".join(lines_ko), "\n".join(lines_en)
