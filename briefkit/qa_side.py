"""One file of a brief as ``briefs qa`` reads it: front matter fields with their lines, and body blocks."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .frontmatter_yaml import FrontMatterError, LineDict, LineList, load_yaml, split_document
from .mdblocks import Block, blocks

Pairs = list[tuple[int | None, int | None]]  # source and translation blocks paired (qa_structure.align)


@dataclass
class Side:
    """One file of a brief as ``qa`` reads it: fields with their lines, and body blocks."""

    path: str
    lang: str
    fields: list[tuple[str, int, str]] = field(default_factory=list)  # (field, line, text) of the front matter
    body: list[tuple[int, str]] = field(default_factory=list)  # (line, raw text) of each body line
    blocks: list[Block] = field(default_factory=list)
    body_line: int = 1

    def line_of(self, name: str) -> int:
        return next((line for key, line, _ in self.fields if key == name), 1)

    def value(self, name: str) -> str:
        return next((text for key, _, text in self.fields if key == name), "")

    @property
    def text(self) -> str:
        """All the translatable text: front matter fields, then the body."""
        return "\n".join([t for _, _, t in self.fields] + [t for _, t in self.body])


def read_side(path: Path, shown: str, lang: str) -> Side | None:
    try:
        text = path.read_bytes().decode("utf-8-sig")
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        front, closing, body = split_document(text)
        meta = load_yaml(front)
    except (OSError, UnicodeDecodeError, FrontMatterError):
        return None  # briefs check reports it
    if not isinstance(meta, LineDict):
        return None
    side = Side(shown, lang, body_line=closing + 1)
    for key in ("title", "summary", "venue"):
        if isinstance(meta.get(key), str):
            side.fields.append((key, meta.lines[key], " ".join(meta[key].split())))
    organizers = meta.get("organizers")
    if isinstance(organizers, LineList):
        side.fields += [(f"organizers[{i}]", organizers.lines[i], str(v)) for i, v in enumerate(organizers)]
    speakers = meta.get("speakers")
    if isinstance(speakers, LineList):
        for i, speaker in enumerate(speakers):
            if isinstance(speaker, LineDict):
                side.fields += [(f"speakers[{i}].{k}", speaker.lines[k], str(v)) for k, v in speaker.items()]
    side.body = [(closing + 1 + i, line) for i, line in enumerate(body.split("\n"))]
    side.blocks = blocks(body, closing + 1)
    return side


def short(text: str, size: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size - 1] + "…"
