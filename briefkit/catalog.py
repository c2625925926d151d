"""Load a ``briefs/`` folder: read every file, validate, pair sources with translations.

``load_catalog`` never raises on bad input: every problem in every file comes
back at once in ``Catalog.problems``, sorted by file and line.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .body_limits import body_limit_problems
from .bundles import Bundle, bundle_of
from .frontmatter_yaml import BriefFrontMatterHandler, FrontMatterError, LineDict, split_document
from .glossary import GLOSSARY_FILE, Glossary, load_glossary
from .model import LANGUAGES, Brief, Text
from .plain_files import BRIEF_MAX, FileRefused, read_capped
from .problems import Problem
from .publishing import Publishing, publishing_for
from .settings import DateRules, date_rules_for
from .updates import source_license, source_updates, translation_notes
from .validate import SOURCE_FIELDS, TRANSLATION_FIELDS, FieldReader
from .vocabulary import Vocabulary, load_vocabulary
from .writer_text import forbidden_lines, forbidden_message

if TYPE_CHECKING:
    from .media_refs import BriefMedia

FILE_NAME = re.compile(
    r"(?P<id>(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})-(?P<slug>[a-z0-9-]+))\.(?P<lang>[a-z]{2})\.md\Z"
)
VOCABULARY_FILES = {"topics": "topics.yml", "regions": "regions.yml"}
_HANDLER = BriefFrontMatterHandler()


@dataclass
class BriefFile:
    """One readable brief file, before it is paired with its other language."""

    path: str
    id: str
    lang: str
    id_date: dt.date | None
    meta: LineDict
    body: str
    body_line: int


@dataclass
class Catalog:
    """Every brief of a folder (newest first), its vocabularies, and its problems."""

    briefs: list[Brief] = field(default_factory=list)
    topics: Vocabulary = field(default_factory=lambda: Vocabulary("topics"))
    regions: Vocabulary = field(default_factory=lambda: Vocabulary("regions"))
    problems: list[Problem] = field(default_factory=list)
    dates: DateRules = field(default_factory=DateRules)
    glossary: Glossary = field(default_factory=Glossary)  # glossary.yml: agreed English terms (optional)
    publishing: Publishing = field(default_factory=Publishing)  # default licence and ministry (publishing.py)
    bundles: dict[str, Bundle] = field(default_factory=dict)  # the briefs kept in a folder of their own, by id
    notices: list[Problem] = field(default_factory=list)  # worth saying, never stops a build (unused media)
    media: dict[str, BriefMedia] = field(default_factory=dict)  # what each bundle publishes (media_refs.py)
    # Briefs whose own front matter has problems, as far as it reads: never published, but their bodies'
    # references are checked too, so that a writer sees every problem at once (references.py).
    held: list[Brief] = field(default_factory=list)

    def published(self, include_drafts: bool = False) -> list[Brief]:
        return [b for b in self.briefs if include_drafts or not b.draft]

    def by_id(self) -> dict[str, Brief]:
        return {b.id: b for b in self.briefs}


class ReadCache:
    """What reading each brief file gave, kept while the file is unchanged (a preview session).

    Keyed by path, checked by size and modification time in nanoseconds: an
    edit saved by any editor changes at least one of them. Reading (decoding,
    NFC, the front matter's YAML) is much of ``load_catalog``;
    pairing and validation always run again, so the problems reported stay
    exactly those of a fresh load.
    """

    def __init__(self) -> None:
        self._files: dict[str, tuple[tuple[int, int], _ReadResult]] = {}

    def read(
        self, path: Path, rel: str, problems: list[Problem], unreadable: dict[tuple[str, str], str]
    ) -> BriefFile | None:
        try:
            stat = path.lstat()
            stamp = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            return _read_file(path, rel, problems, unreadable)
        key = f"{path}\0{rel}"
        cached = self._files.get(key)
        if cached is None or cached[0] != stamp:
            found: list[Problem] = []
            marks: dict[tuple[str, str], str] = {}
            brief_file = _read_file(path, rel, found, marks)
            cached = (stamp, _ReadResult(brief_file, tuple(found), tuple(marks.items())))
            self._files[key] = cached
        result = cached[1]
        problems.extend(result.problems)
        unreadable.update(result.unreadable)
        return result.brief_file


@dataclass(frozen=True)
class _ReadResult:
    brief_file: BriefFile | None
    problems: tuple[Problem, ...]
    unreadable: tuple[tuple[tuple[str, str], str], ...]


def load_catalog(
    briefs_dir: Path, shown_as: str = "briefs", reads: ReadCache | None = None, dates: DateRules | None = None
) -> Catalog:
    """Read ``briefs_dir``; paths in problems start with ``shown_as``.

    ``reads`` keeps what each file gave between loads (a preview session);
    the result is the same with or without it. ``dates`` are the rules for
    plausible dates (default: those of the ``mkdocs.yml`` next to the folder).
    """
    catalog = Catalog()
    if dates is None:
        dates, problems = date_rules_for(briefs_dir, shown_as)
        catalog.problems += problems
    catalog.dates = dates
    catalog.publishing, problems = publishing_for(briefs_dir, shown_as)
    catalog.problems += problems
    if not briefs_dir.is_dir():
        what = (
            "is a file, not a folder (give the folder that holds the briefs, topics.yml and regions.yml)"
            if briefs_dir.exists() else "not found (create the briefs/ folder next to mkdocs.yml)"
        )
        catalog.problems.append(Problem(shown_as, 1, "folder", what))
        return catalog
    for kind, name in VOCABULARY_FILES.items():
        vocab, problems = load_vocabulary(briefs_dir / name, f"{shown_as}/{name}", kind)
        setattr(catalog, kind, vocab)
        catalog.problems += problems
    _load_glossary(catalog, briefs_dir, shown_as)
    files: dict[tuple[str, str], BriefFile] = {}
    unreadable: dict[tuple[str, str], str] = {}  # (id, lang) -> path of a well-named file that cannot be read
    for path, rel in _brief_paths(briefs_dir, shown_as):
        if reads is None:
            brief_file = _read_file(path, rel, catalog.problems, unreadable)
        else:
            brief_file = reads.read(path, rel, catalog.problems, unreadable)
        if brief_file is None:
            continue
        key = (brief_file.id, brief_file.lang)
        if key in files:
            catalog.problems.append(Problem(
                rel, 1, "id",
                f"'{brief_file.id}' in {brief_file.lang} is already used by {files[key].path}"
                " (an id has one file per language: rename or delete one of them)",
            ))
            continue
        files[key] = brief_file
    for brief_id in sorted({key[0] for key in files}):
        paths = {lang: files[(i, lang)].path for (i, lang) in files if i == brief_id}
        bundle, problems = bundle_of(brief_id, paths, briefs_dir, shown_as)
        catalog.problems += problems
        if bundle is not None:
            catalog.bundles[brief_id] = bundle
        held = len(catalog.held)
        brief = _pair(brief_id, files, unreadable, catalog, shown_as)
        if brief is not None:
            catalog.briefs.append(brief)
        elif problems:
            del catalog.held[held:]  # its files are where its bundle cannot be: its references would only echo that
    catalog.briefs.sort(key=lambda b: (b.date, b.id), reverse=True)
    catalog.problems.sort()
    return catalog


def _load_glossary(catalog: Catalog, briefs_dir: Path, shown_as: str) -> None:
    """``glossary.yml``, optional: its bad entries are problems like any brief's."""
    catalog.glossary, problems = load_glossary(briefs_dir / GLOSSARY_FILE, f"{shown_as}/{GLOSSARY_FILE}")
    catalog.problems += problems


def _brief_paths(briefs_dir: Path, shown_as: str) -> list[tuple[Path, str]]:
    found = []
    for folder, dirs, names in os.walk(briefs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        # os.walk does not enter a linked folder: name it, so its briefs are not silently missing.
        linked = [d for d in dirs if (Path(folder) / d).is_symlink()]
        dirs[:] = [d for d in dirs if d not in linked]
        for name in sorted(names + linked):
            if name not in linked and (
                name.startswith(".") or not name.lower().endswith(".md") or name.lower() == "readme.md"
            ):
                continue  # a README explains the folder to writers; it is not a brief
            path = Path(folder) / name
            found.append((path, f"{shown_as}/{_printable(path.relative_to(briefs_dir).as_posix())}"))
    return found


def _printable(rel: str) -> str:
    """A path as a message shows it: NFC, and bytes that are not UTF-8 shown as U+FFFD."""
    text = rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return unicodedata.normalize("NFC", text)


def _read_file(
    path: Path, rel: str, problems: list[Problem], unreadable: dict[tuple[str, str], str]
) -> BriefFile | None:
    name = _printable(path.name)
    if path.is_symlink():
        problems.append(Problem(rel, 1, "file", _LINK_REFUSED))
        return None
    match = FILE_NAME.match(name)
    if match is None:
        problems.append(Problem(rel, 1, "file", f"name '{name}' is not <id>.<lang>.md ({_rename_advice(name)})"))
        return None
    if match["lang"] not in LANGUAGES:
        problems.append(Problem(
            rel, 1, "file", f"language '{match['lang']}' is not ko or en (name the file <id>.ko.md or <id>.en.md)"
        ))
        return None
    try:
        id_date: dt.date | None = dt.date.fromisoformat(match["date"])
    except ValueError:
        problems.append(Problem(
            rel, 1, "id",
            f"'{match['date']}' in the file name is not a real date (write the roundtable's date as YYYY-MM-DD)",
        ))
        id_date = None
    unreadable[(match["id"], match["lang"])] = rel
    text = _decode(path, rel, problems)
    if text is None:
        return None
    try:
        front, closing_line, body = split_document(text)
        meta = _HANDLER.load(front)
    except FrontMatterError as err:
        problems.append(Problem(rel, err.line, "front matter", _with_advice(err.message)))
        return None
    if not isinstance(meta, LineDict):
        found = "nothing" if meta is None else "a list" if isinstance(meta, list) else "a single value"
        problems.append(Problem(
            rel, 2, "front matter",
            f"must be 'field: value' lines, found {found} (write one field per line, like 'title: …')",
        ))
        return None
    body_line = closing_line + 1
    problems += body_problems(body, body_line, rel)
    del unreadable[(match["id"], match["lang"])]
    return BriefFile(rel, match["id"], match["lang"], id_date, meta, body, closing_line + 1)


def body_problems(body: str, body_line: int, rel: str) -> list[Problem]:
    """What validation finds in a body (its first line is ``body_line`` of the file): characters and limits."""
    found = [Problem(rel, line, "body", forbidden_message(char)) for line, char in forbidden_lines(body, body_line)]
    return found + [Problem(rel, limit.line, "body", limit.message) for limit in body_limit_problems(body, body_line)]


# A file name that is nearly <id>.<lang>.md: upper case, '_' or ' ' after the date, a one-digit month.
_NEAR_NAME = re.compile(
    r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})[-_ ]+(?P<slug>.+?)(?:\.(?P<lang>[^.]+))?\.md\Z", re.IGNORECASE
)
_EXAMPLE_NAME = "2025-05-13-regional-roundtable.ko.md"


def _rename_advice(name: str) -> str:
    """How to rename a brief file whose name is not ``<id>.<lang>.md``: the fixed name when it is clear."""
    near = _NEAR_NAME.match(name)
    if near is None:
        return f"name it like {_EXAMPLE_NAME}: the roundtable's date, a slug, the language"
    date = f"{near['y']}-{int(near['m']):02d}-{int(near['d']):02d}"
    slug = re.sub(r"[^a-z0-9]+", "-", near["slug"].lower()).strip("-")
    lang = (near["lang"] or "").lower()
    if not slug or not near["slug"].isascii():
        example = f"{date}-regional-roundtable.{lang if lang in LANGUAGES else 'ko'}.md"
        return f"write the slug in lowercase English letters, digits and hyphens, like {example}"
    if lang not in LANGUAGES:
        return f"end the name with the language: {date}-{slug}.ko.md or {date}-{slug}.en.md"
    return f"rename it to {date}-{slug}.{lang}.md"


def _with_advice(message: str) -> str:
    return message if message.endswith(")") else message + " (fix the YAML syntax on this line)"


_LINK_REFUSED = ("is a symbolic link (only files inside the briefs folder are read:"
                 " put the file or folder itself here instead of the link)")


def _decode(path: Path, rel: str, problems: list[Problem]) -> str | None:
    try:
        raw = read_capped(path, BRIEF_MAX)
    except FileRefused as refused:
        problems.append(Problem(rel, 1, "file", refused.reason))
        return None
    except OSError as err:
        reason = err.strerror or type(err).__name__
        problems.append(Problem(rel, 1, "file", f"cannot be read: {reason} (make it a plain file you can read)"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        problems.append(Problem(rel, line, "file", "is not UTF-8 text (save the file as UTF-8)"))
        return None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        problems.append(Problem(rel, line, "file", "contains binary data (save it as a plain text Markdown file)"))
        return None
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _pair(
    brief_id: str,
    files: dict[tuple[str, str], BriefFile],
    unreadable: dict[tuple[str, str], str],
    catalog: Catalog,
    shown_as: str,
) -> Brief | None:
    langs = [lang for lang in LANGUAGES if (brief_id, lang) in files or (brief_id, lang) in unreadable]
    if (brief_id, langs[0]) not in files:
        # The source exists but cannot be read: its translations are still only translations.
        source_path = unreadable[(brief_id, langs[0])]
        for lang in langs[1:]:
            if (brief_id, lang) in files:
                _translation(files[(brief_id, lang)], source_path, catalog)
        return None
    source_file = files[(brief_id, langs[0])]
    others = [files[(brief_id, lang)] for lang in langs[1:] if (brief_id, lang) in files]
    before = len(catalog.problems)
    source = FieldReader(source_file.meta, source_file.path, catalog.dates)
    source.check_known(SOURCE_FIELDS, None)
    title = source.text("title", required=True)
    date = source.date(source_file.id_date)
    summary = source.summary()
    topics = source.terms("topics", catalog.topics, f"{shown_as}/{VOCABULARY_FILES['topics']}")
    regions = source.terms("regions", catalog.regions, f"{shown_as}/{VOCABULARY_FILES['regions']}")
    updates = source_updates(source, date or source_file.id_date)
    source_text = Text(
        lang=source_file.lang, path=source_file.path, title=title, summary=summary,
        body=source_file.body, venue=source.text("venue", required=False),
        organizers=source.strings("organizers"), speakers=source.speakers(),
        body_line=source_file.body_line, digest=source.source_digest(source_file.body),
        update_notes=tuple(u.note for u in updates),
    )
    draft = source.flag("draft")
    license_code = source_license(source, catalog.publishing.license)
    cover = source.text("cover", required=False)
    catalog.problems += source.problems
    listed = source_file.meta.get("updates")
    count = len(listed) if isinstance(listed, list) else 0
    translations = {other.lang: _translation(other, source_file.path, catalog, count) for other in others}
    brief = Brief(brief_id, date or source_file.id_date or dt.date.min, topics, regions, source_text, translations,
                  draft, updates, license_code, cover, source.line("cover"))
    if len(catalog.problems) > before or date is None:
        catalog.held.append(brief)
        return None
    return brief


def _translation(other: BriefFile, source_path: str, catalog: Catalog, source_count: int | None = None) -> Text:
    """Read a translation file's fields, adding its problems to the catalog.

    ``source_count``: how many updates the source lists (None when the source cannot be read).
    """
    reader = FieldReader(other.meta, other.path)
    reader.check_known(TRANSLATION_FIELDS, source_path)
    text = Text(
        lang=other.lang, path=other.path, title=reader.text("title", required=True),
        summary=reader.summary(), body=other.body, venue=reader.text("venue", required=False),
        organizers=reader.strings("organizers"), speakers=reader.speakers(),
        translated_from=reader.digest(), body_line=other.body_line,
        update_notes=translation_notes(reader, source_path, source_count),
    )
    catalog.problems += reader.problems
    return text
