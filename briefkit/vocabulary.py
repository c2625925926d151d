"""Topic and region vocabularies (``briefs/topics.yml``, ``briefs/regions.yml``).

A vocabulary is a list of terms with bilingual labels. Regions are also found
by ISO 3166-2:KR code, by label and by alias, compared after NFC and case folding,
so ``서울``, ``Seoul``, ``KR-11`` and ``seoul`` are one region.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .frontmatter_yaml import FrontMatterError, LineDict, LineList, load_yaml
from .plain_files import VOCABULARY_MAX, FileRefused, read_capped
from .problems import Problem, advice, did_you_mean, is_field_name, kind_of
from .writer_text import forbidden_character, forbidden_message

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
REGION_CODE = re.compile(r"KR(?:-[0-9]{2})?\Z")


def fold(text: str) -> str:
    """The form in which names are compared: NFC, case-folded, trimmed."""
    return unicodedata.normalize("NFC", text).casefold().strip()


@dataclass(frozen=True)
class Term:
    """One topic or region, with its labels in both languages."""

    kind: str  # "topics" or "regions"
    slug: str
    ko: str
    en: str
    description_ko: str = ""
    description_en: str = ""
    code: str = ""
    aliases: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en

    def description(self, lang: str) -> str:
        return self.description_ko if lang == "ko" else self.description_en


@dataclass
class Vocabulary:
    """The terms of one kind, in file order, with every name that finds them."""

    kind: str
    terms: tuple[Term, ...] = ()
    names: dict[str, Term] = field(default_factory=dict)
    # Folded names of terms the file gets wrong: a brief naming one is not blamed for it.
    broken: frozenset[str] = frozenset()

    def resolve(self, value: str) -> Term | None:
        return self.names.get(fold(value))

    def get(self, slug: str) -> Term:
        return next(t for t in self.terms if t.slug == slug)

    def suggest(self, value: str) -> str:
        """A near-miss hint among every name of every term, naming the slug.

        Codes are left out: 'KR-99' is one digit from 'KR-49' (Jeju), but not a typo of it.
        """
        if self.kind == "topics":  # a topic is named by its slug only, but a writer may type its label
            label_of = {fold(label): t.slug for t in self.terms for label in (t.ko, t.en)}
            if fold(value) in label_of:
                return f"that is a label: write its slug, '{label_of[fold(value)]}'"
        names = {fold(n): t.slug for t in self.terms for n in self._names_of(t) if n != t.code}
        match = difflib.get_close_matches(fold(value), list(names), n=1, cutoff=0.6)
        return f"did you mean '{names[match[0]]}'?" if match else ""

    def _names_of(self, term: Term) -> tuple[str, ...]:
        if self.kind == "regions":
            return (term.slug, term.code, term.ko, term.en, *term.aliases)
        return (term.slug,)


_FIELDS = {
    "topics": {"slug": True, "ko": True, "en": True, "description_ko": False, "description_en": False},
    "regions": {"slug": True, "code": True, "ko": True, "en": True, "aliases": False},
}


_MEANING = {"slug": "the name used in front matter and URLs", "code": "its ISO 3166-2:KR code",
            "ko": "its Korean label", "en": "its English label"}


_SHAPE = {"topics": "'- slug: …' with 'ko: …' and 'en: …' below it",
          "regions": "'- slug: …' with 'code: …', 'ko: …' and 'en: …' below it"}
_WRITE = {
    "slug": "write the slug: lowercase letters, digits and hyphens", "code": "write the code, e.g. 'KR-11'",
    "ko": "write the Korean label", "en": "write the English label",
    "description_ko": "write one sentence or remove the field",
    "description_en": "write one sentence or remove the field",
}


def load_vocabulary(path: Path, rel: str, kind: str) -> tuple[Vocabulary, list[Problem]]:
    """Read a vocabulary file; every problem is reported, none raised."""
    vocab = Vocabulary(kind)
    shape = _SHAPE[kind]
    try:
        raw = read_capped(path, VOCABULARY_MAX)
        text = raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        data = load_yaml(unicodedata.normalize("NFC", text), first_line=1)
    except FileNotFoundError:
        return vocab, [Problem(rel, 1, kind, f"file is missing (create it: a list of terms, each {shape})")]
    except FileRefused as refused:
        return vocab, [Problem(rel, 1, kind, refused.reason)]
    except OSError as err:
        return vocab, [Problem(rel, 1, kind, f"cannot be read: {err.strerror} (make it a readable text file)")]
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        return vocab, [Problem(rel, line, kind, "is not UTF-8 text (save the file as UTF-8)")]
    except FrontMatterError as err:
        return vocab, [Problem(rel, err.line, kind, err.message)]
    if not isinstance(data, LineList) or not data:
        found = "an empty list" if isinstance(data, list) else kind_of(data)
        return vocab, [Problem(rel, 1, kind, f"must be a list of terms, found {found} (write each term as {shape})")]
    problems: list[Problem] = []
    terms: list[Term] = []
    owner: dict[str, tuple[int, str, int]] = {}  # folded name -> (term index, slug, line)
    broken: set[str] = set()
    for index, item in enumerate(data):
        line = data.lines[index]
        if not isinstance(item, LineDict):
            problems.append(Problem(rel, line, kind, f"each term must be fields, found {kind_of(item)}"
                                    f" (write {shape})"))
            continue
        term, term_problems = _read_term(item, rel, kind)
        problems += term_problems
        if term is None:
            broken.update(_names_in(item))
            continue
        for name in vocab._names_of(term):
            key = fold(name)
            if key not in owner:
                owner[key] = (index, term.slug, item.lines.get(_field_of(term, name), line))
                continue
            other_index, other, other_line = owner[key]
            if other_index == index:
                continue  # a term may repeat its own name (alias 'Seoul' for label 'Seoul')
            field_name = _field_of(term, name)
            field_line = item.lines.get(field_name, line)
            if name == term.slug and other == term.slug:
                problems.append(Problem(rel, field_line, "slug", f"duplicate slug '{name}', also on line {other_line}"
                                        " (give each term its own slug)"))
            else:
                problems.append(Problem(rel, field_line, field_name,
                                        f"'{name}' already names '{other}' on line {other_line}"
                                        " (each slug, code, label and alias must name one term)"))
        terms.append(term)
    vocab.terms = tuple(terms)
    vocab.broken = frozenset(broken)
    by_slug = {t.slug: t for t in reversed(terms)}
    vocab.names = {key: by_slug[slug] for key, (_, slug, _) in owner.items()}
    return vocab, problems


def _names_in(item: LineDict) -> set[str]:
    """Every name a term that could not be read was meant to have, folded."""
    names = [item.get(key) for key in ("slug", "code", "ko", "en")]
    aliases = item.get("aliases")
    names += aliases if isinstance(aliases, list) else []
    return {fold(name) for name in names if isinstance(name, str) and name.strip()}


def _field_of(term: Term, name: str) -> str:
    """The field of ``term`` that holds ``name`` (for a message)."""
    for key in ("slug", "code", "ko", "en"):
        if getattr(term, key) == name:
            return key
    return "aliases"


def _read_term(item: LineDict, rel: str, kind: str) -> tuple[Term | None, list[Problem]]:
    fields = _FIELDS[kind]
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for key, value in item.items():
        line = item.lines[key]
        if key not in fields:
            if is_field_name(key):
                hint = advice(did_you_mean(key, fields), "remove it")
                problems.append(Problem(rel, line, key, "unknown field" + hint))
            else:
                problems.append(Problem(rel, line, kind, f"unknown field '{key}' (remove it)"))
            continue
        char = next((forbidden_character(v) for v in (value if isinstance(value, list) else [value])
                     if isinstance(v, str) and forbidden_character(v)), None)
        if char is not None:
            problems.append(Problem(rel, line, key, forbidden_message(char)))
            continue
        if key == "aliases":
            if not isinstance(value, list) or not all(isinstance(a, str) and a.strip() for a in value):
                problems.append(Problem(rel, line, key,
                                        "must be a list of names (write 'aliases: [경남, South Gyeongsang]')"))
                continue
            values[key] = tuple(unicodedata.normalize("NFC", a.strip()) for a in value)
            continue
        if not isinstance(value, str):
            problems.append(Problem(rel, line, key, f"must be text, found {kind_of(value)} (put it in quotes)"))
            continue
        if not value.strip():
            problems.append(Problem(rel, line, key, f"is empty ({_WRITE[key]})"))
            continue
        values[key] = unicodedata.normalize("NFC", value.strip())
    for key, required in fields.items():
        if required and key not in values and key not in item:
            problems.append(Problem(rel, item.line, key, f"is missing (every term needs '{key}: …', {_MEANING[key]})"))
    slug = values.get("slug", "")
    if slug and not SLUG.match(slug):
        problems.append(Problem(rel, item.lines["slug"], "slug",
                                f"'{slug}' is not a slug (use lowercase letters, digits and hyphens)"))
    code = values.get("code", "")
    if kind == "regions" and code and not REGION_CODE.match(code):
        problems.append(Problem(rel, item.lines["code"], "code",
                                f"'{code}' is not an ISO 3166-2:KR code"
                                " (write it like 'KR-11', or 'KR' for nationwide)"))
    if problems:
        return None, problems
    return Term(kind=kind, **values), []
