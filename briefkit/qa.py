"""``briefs qa``: check each translation against its source, as a translation agency's review would.

Every finding is ``path:line: field: message`` (a ``Problem``), at the line in
the translation, or in the source for a glossary term the translation lacks.
Findings never stop a build. The checks:

- ``glossary``: each ``glossary.yml`` term the source uses must appear in the
  translation as its ``en`` or an ``also`` form (case-insensitive). A longer
  term hides the shorter ones inside it on both sides: ``중소벤처기업부`` is not
  also a use of ``벤처기업``, nor ``Ministry of SMEs and Startups`` of ``SMEs``.
- ``structure``: the same headings (number and levels), lists (kind and items),
  tables (rows and columns), images and links. Source and translation blocks
  are paired in order (same kind, then alike in figures and length), so a
  missing section is reported where it should be; paragraphs may be split or
  joined freely.
- ``figures``: every figure and date of the source (figures.py) appears in the
  paired paragraph or in its section of the translation.
- ``speakers``/``organizers``: a speaker's name or affiliation, or an organiser,
  that the source's text uses must appear in the translation's text as its
  front matter spells it.
- ``untranslated``: Korean text left in an English translation.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog
from .figures import figures, present
from .frontmatter_yaml import FrontMatterError, LineDict, LineList, load_yaml, split_document
from .glossary import Glossary, GlossaryEntry
from .mdblocks import Block, blocks
from .problems import Problem

_KOREAN = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3"  # jamo, compatibility jamo, syllables
_HANGUL = re.compile(rf"[{_KOREAN}]+(?:[\s·,]*[{_KOREAN}]+)*")
_STRUCTURAL = ("heading", "list", "table")
# A term followed by these ends a government body's name (…중소벤처기업청, …기업부 but not …기업부터).
_ORGANISATION_END = re.compile(r"청|부(?![터분])")
_ALIGN_MAX = 250_000  # blocks compared pairwise beyond this are paired in order instead


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


def qa_catalog(
    catalog: Catalog, briefs_dir: Path, shown_as: str, only: set[str] | None = None, cache: QaCache | None = None,
) -> list[Problem]:
    """Every finding for every translation in ``catalog`` (or only those whose id is in ``only``).

    ``cache`` keeps what each unchanged file gave between runs (``briefs qa --watch``).
    """
    cache = cache or QaCache()
    findings: list[Problem] = []
    for brief in catalog.briefs:
        if only is not None and brief.id not in only:
            continue
        for lang, text in sorted(brief.translations.items()):
            findings += cache.pair(_real(brief.source.path, briefs_dir, shown_as), brief.source.path,
                                   brief.source.lang, _real(text.path, briefs_dir, shown_as), text.path, lang,
                                   catalog.glossary)
    return sorted(set(findings))


class QaCache:
    """Each file read, and each pair's findings, kept while the files are unchanged (size and mtime).

    Reading a body with markdown-it-py is most of a run (about 7 ms a file): a
    watcher re-reads only the files that were saved.
    """

    def __init__(self) -> None:
        self._sides: dict[str, tuple[tuple[int, int], Side | None]] = {}
        self._pairs: dict[tuple[str, str], tuple[tuple[object, ...], list[Problem]]] = {}

    def side(self, path: Path, shown: str, lang: str) -> tuple[tuple[int, int], Side | None]:
        try:
            stat = path.stat()
        except OSError:
            return (0, 0), None
        stamp = (stat.st_size, stat.st_mtime_ns)
        key = f"{path}\0{shown}\0{lang}"
        cached = self._sides.get(key)
        if cached is None or cached[0] != stamp:
            cached = (stamp, read_side(path, shown, lang))
            self._sides[key] = cached
        return cached

    def pair(self, source_path: Path, source_shown: str, source_lang: str, path: Path, shown: str, lang: str,
             glossary: Glossary) -> list[Problem]:
        source_stamp, source = self.side(source_path, source_shown, source_lang)
        stamp, translation = self.side(path, shown, lang)
        if source is None or translation is None:
            return []
        version = (source_stamp, stamp, glossary)
        cached = self._pairs.get((source_shown, shown))
        if cached is None or cached[0] != version:
            cached = (version, qa_pair(source, translation, glossary))
            self._pairs[(source_shown, shown)] = cached
        return cached[1]


def qa_pair(source: Side, translation: Side, glossary: Glossary) -> list[Problem]:
    pairs = align(source.blocks, translation.blocks)
    return [
        *check_glossary(source, translation, glossary),
        *check_structure(source, translation, pairs),
        *check_figures(source, translation, pairs),
        *check_names(source, translation),
        *(check_untranslated(translation) if translation.lang == "en" else []),
    ]


def _real(shown: str, briefs_dir: Path, shown_as: str) -> Path:
    return briefs_dir / shown[len(shown_as) + 1:] if shown.startswith(shown_as + "/") else Path(shown)


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


# -- glossary -----------------------------------------------------------------------------------


def check_glossary(source: Side, translation: Side, glossary: Glossary) -> list[Problem]:
    if not glossary.entries:
        return []
    # A field the translation leaves out (venue, organizers, speakers) shows the source's text: not its business.
    present_fields = {key.split("[")[0] for key, _, _ in translation.fields}
    used = _korean_uses(source, glossary.entries, present_fields)
    rendered = _english_uses(translation.text, glossary.entries)
    findings = []
    for entry, line in used.items():
        if entry.ko in rendered:
            continue
        others = "".join(f" or '{form}'" for form in entry.also)
        findings.append(Problem(source.path, line, "glossary", f"'{entry.ko}' is '{entry.en}'{others} in the glossary,"
                                f" but {translation.path} uses none of them (write '{entry.en}' there)"))
    return findings


def _korean_uses(side: Side, entries: tuple[GlossaryEntry, ...], fields: set[str]) -> dict[GlossaryEntry, int]:
    """Each entry the side's text uses, with the first line that uses it; longer terms first."""
    ordered = sorted(entries, key=lambda e: -len(e.ko))
    used: dict[GlossaryEntry, int] = {}
    segments = [(line, text) for key, line, text in side.fields if key.split("[")[0] in fields] + side.body
    for line, text in segments:
        taken: list[tuple[int, int]] = []
        for entry in ordered:
            start = text.find(entry.ko)
            while start >= 0:
                end = start + len(entry.ko)
                if _ORGANISATION_END.match(text, end):
                    pass  # 벤처기업 in 부산중소벤처기업청: part of an office's name, translated as a whole
                elif not any(s < end and start < e for s, e in taken):
                    taken.append((start, end))
                    used.setdefault(entry, line)
                start = text.find(entry.ko, start + 1)
    return used


def _english_uses(text: str, entries: tuple[GlossaryEntry, ...]) -> set[str]:
    """The Korean terms whose English forms ``text`` uses; a longer form hides shorter ones inside it."""
    forms = sorted(((form, entry.ko) for entry in entries for form in entry.forms), key=lambda f: -len(f[0]))
    folded = _words(text)
    taken: list[tuple[int, int]] = []
    found: set[str] = set()
    for form, ko in forms:
        pattern = re.compile(r"(?<!\w)" + _number_free(_words(form)) + r"(?!\w)")
        for match in pattern.finditer(folded):
            # Two terms may share an English form (중소벤처기업부 and 중기부): the same span serves both.
            if match.span() in taken or not any(s < match.end() and match.start() < e for s, e in taken):
                taken.append(match.span())
                found.add(ko)
    return found


def _words(text: str) -> str:
    """Text as forms are compared: case-folded, hyphens and runs of spaces as one space, curly quotes straight."""
    text = text.casefold().replace("’", "'").replace("‘", "'")
    return " ".join(re.sub(r"(?<=\w)[-‐‑–](?=\w)", " ", text).split())


def _number_free(form: str) -> str:
    """A pattern for ``form`` in the singular or the plural: 'SMEs' finds 'SME', 'companies' finds 'company'."""
    if form.endswith("ies"):
        return re.escape(form[:-3]) + "(?:y|ies)"
    if form.endswith("y"):
        return re.escape(form[:-1]) + "(?:y|ies)"
    if form.endswith(("sses", "shes", "ches", "xes")):
        return re.escape(form[:-2]) + "(?:es)?"
    if form.endswith("s") and not form.endswith("ss"):
        return re.escape(form[:-1]) + "(?:s|es)?"
    return re.escape(form) + "(?:s|es)?"


# -- structure ------------------------------------------------------------------------------------


def align(source: list[Block], translation: list[Block]) -> list[tuple[int | None, int | None]]:
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
    pairs: list[tuple[int | None, int | None]] = []
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


def check_structure(source: Side, translation: Side, pairs: list[tuple[int | None, int | None]]) -> list[Problem]:
    findings = []
    for index, (i, j) in enumerate(pairs):
        if i is not None and j is None and source.blocks[i].kind in _STRUCTURAL:
            block = source.blocks[i]
            findings.append(Problem(translation.path, _where(pairs, index, translation), "structure",
                                    f"the source's {block.shape} '{_short(block.text)}' (line {block.line})"
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


def _media(source: Side, translation: Side, pairs: list[tuple[int | None, int | None]], kind: str,
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


def _where(pairs: list[tuple[int | None, int | None]], index: int, translation: Side) -> int:
    """The translation line where the source block at ``pairs[index]`` belongs: its pair, else the next one's."""
    for _, j in pairs[index:]:
        if j is not None:
            return translation.blocks[j].line
    return translation.blocks[-1].line if translation.blocks else translation.body_line


# -- figures -------------------------------------------------------------------------------------


def check_figures(source: Side, translation: Side, pairs: list[tuple[int | None, int | None]]) -> list[Problem]:
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


def _sections(pairs: list[tuple[int | None, int | None]], source: Side,
              translation: Side) -> list[list[tuple[int | None, int | None]]]:
    """The pairs cut at each source heading; a section whose heading has no pair is left out (reported already)."""
    sections: list[list[tuple[int | None, int | None]]] = [[]]
    for i, j in pairs:
        if i is not None and source.blocks[i].kind == "heading":
            sections.append([])
        sections[-1].append((i, j))
    return [s for s in sections if not s or s[0][0] is None or source.blocks[s[0][0]].kind != "heading"
            or s[0][1] is not None]


def _first(section: list[tuple[int | None, int | None]], translation: Side) -> int:
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


# -- names and untranslated text -----------------------------------------------------------------


def check_names(source: Side, translation: Side) -> list[Problem]:
    """Names and organisations the source's text uses must be in the translation's text as spelled above it."""
    source_text = _fold("\n".join(t for k, _, t in source.fields if k in ("title", "summary"))
                        + "\n" + "\n".join(t for _, t in source.body))
    translated = _fold("\n".join(t for k, _, t in translation.fields if k in ("title", "summary"))
                       + "\n" + "\n".join(b.text for b in translation.blocks))
    wanted = {k: t for k, _, t in source.fields if _is_name(k)}
    findings = []
    for key, line, value in translation.fields:
        if not _is_name(key) or key not in wanted or _fold(wanted[key]) not in source_text:
            continue
        if _fold(value) not in translated:
            findings.append(Problem(translation.path, line, key.split("[")[0], f"'{value}' is not in the text,"
                                    f" though the source's text names '{wanted[key]}' (write it as spelled here,"
                                    " or correct the spelling here)"))
    return findings


def _is_name(key: str) -> bool:
    return key.startswith("organizers[") or key.endswith((".name", ".affiliation"))


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def check_untranslated(translation: Side) -> list[Problem]:
    findings = []
    for key, line, text in translation.fields:
        if key in ("title", "summary") and (match := _HANGUL.search(text)):
            findings.append(_untranslated(translation.path, line, key, match.group(0)))
    for block in translation.blocks:
        for line, text in block.lines:
            if match := _HANGUL.search(text):
                findings.append(_untranslated(translation.path, line, "untranslated", match.group(0)))
    return findings


def _untranslated(path: str, line: int, field_name: str, korean: str) -> Problem:
    return Problem(path, line, field_name,
                   f"Korean text '{_short(korean)}' left in the English translation (translate it)")


def _short(text: str, size: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size - 1] + "…"
