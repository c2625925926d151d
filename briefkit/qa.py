"""``briefs qa``: check each translation against its source, as a translation agency's review would.

Every finding is ``path:line: field: message`` (a ``Problem``), at the line in
the translation, or in the source for a glossary term the translation lacks.
Findings never stop a build. The checks:

- ``glossary``: each ``glossary.yml`` term the source uses must appear in the
  translation as its ``en`` or an ``also`` form (case-insensitive). A longer
  term hides the shorter ones inside it on both sides: ``중소벤처기업부`` is not
  also a use of ``벤처기업``, nor ``Ministry of SMEs and Startups`` of ``SMEs``.
- ``structure``: the same headings (number and levels), lists (kind and items),
  tables (rows and columns), images and links (qa_structure.py).
- ``figures``: every figure and date of the source (figures.py) appears in the
  paired paragraph or in its section of the translation (qa_structure.py).
- ``speakers``/``organizers``: a speaker's name or affiliation, or an organiser,
  that the source's text uses must appear in the translation's text as its
  front matter spells it.
- ``untranslated``: Korean text left in an English translation.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .catalog import Catalog
from .disk_names import on_disk
from .glossary import Glossary, GlossaryEntry
from .problems import Problem
from .qa_side import Side, read_side, short
from .qa_structure import align, check_figures, check_structure

_KOREAN = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3"  # jamo, compatibility jamo, syllables
_HANGUL = re.compile(rf"[{_KOREAN}]+(?:[\s·,]*[{_KOREAN}]+)*")
# A term followed by these ends a government body's name (…중소벤처기업청, …기업부 but not …기업부터).
_ORGANISATION_END = re.compile(r"청|부(?![터분])")


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

    Reading a body with markdown-it-py is most of a run: a
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
    return on_disk(briefs_dir / shown[len(shown_as) + 1:] if shown.startswith(shown_as + "/") else Path(shown))


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
                   f"Korean text '{short(korean)}' left in the English translation (translate it)")


