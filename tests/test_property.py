"""Property-based tests: no brief, however broken, makes loading raise.

Whatever the bytes, the front matter or the file name, ``load_catalog``
returns, and every problem is one ``path:line: field: what is wrong (what to
do)`` line naming a file that exists and a line inside it.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefkit.catalog import Catalog, load_catalog
from briefkit.problems import Problem
from briefkit.validate import SOURCE_FIELDS, SPEAKER_FIELDS, TRANSLATION_FIELDS

BRIEF_ID = "2025-05-13-property"
GOOD_SOURCE = (
    "---\ntitle: 간담회\ndate: 2025-05-13\nsummary: 요약.\ntopics: [startups]\nregions: [seoul]\n---\n본문\n"
)
PROBLEM = re.compile(r"(?P<path>briefs/[^\n]+?):(?P<line>[1-9][0-9]*): (?P<field>[^\n:]+): (?P<message>[^\n]+)")
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces YAML and writers use, so random text often gets past the parser into the field rules.
TOKENS = st.sampled_from([
    *SOURCE_FIELDS, *TRANSLATION_FIELDS, *SPEAKER_FIELDS, "topic", "title ", ": ", ":", "- ", "  ", "\t", "\n",
    "\r\n", "\r", "[", "]", "{", "}", ",", "'", '"', "&a ", "*a", "!!str ", "!!python/object ", "!x ", "|", ">",
    "#", "---", "...", "? ", "<<: ", "~", "null", "NO", "yes", "true", "2025-05-13", "2025-13-45", "0123",
    "12:30", "9" * 30, ".inf", "0x1f", "seoul", "서울", "KR-11", "startups", "ai-manufactoring", "한글",
    "\u1100\u1161", "\ufeff", "\x00", "\x1b", "\u2028", "\ud7a3", "%YAML 1.2\n", "é", "😀",
])
FRONT_TEXT = st.lists(st.one_of(TOKENS, st.text(max_size=8)), max_size=40).map("".join)

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
    st.sampled_from(["2025-05-13", "2025-05-14", "seoul", "서울", "KR-11", "startups", "", " ", "NO", "a" * 401]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.lists(st.tuples(st.sampled_from((*SPEAKER_FIELDS, "rol", "")), inner), max_size=3).map(dict),
    ),
    max_leaves=6,
)
KEYS = st.sampled_from((*SOURCE_FIELDS, *TRANSLATION_FIELDS, "topic", "Title", "", "서울", "a b", "1"))
FIELDS = st.lists(st.tuples(KEYS, VALUES), max_size=8).map(dict)  # faster to draw than st.dictionaries


# Small vocabularies keep each example fast (the shipped ones take most of a load's time).
TOPICS = "- slug: startups\n  ko: 창업\n  en: Startups\n- slug: ai-manufacturing\n  ko: AI 제조\n  en: AI\n"
REGIONS = (
    "- slug: seoul\n  code: KR-11\n  ko: 서울특별시\n  en: Seoul\n  aliases: [서울]\n"
    "- slug: busan\n  code: KR-26\n  ko: 부산광역시\n  en: Busan\n"
)


@pytest.fixture(scope="module")
def briefs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("property") / "briefs"
    folder.mkdir()
    (folder / "topics.yml").write_text(TOPICS, encoding="utf-8")
    (folder / "regions.yml").write_text(REGIONS, encoding="utf-8")
    assert load_catalog(folder).problems == []
    yield folder


def load(briefs: Path, files: dict[str, bytes]) -> tuple[Catalog, dict[str, bytes]]:
    """Load ``briefs`` holding only ``files`` (names relative to ``briefs/2025``).

    Returns the catalog and the files' contents by their path as a message shows it.
    """
    folder = briefs / "2025"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_bytes(content)
    return load_catalog(briefs), {shown(f"briefs/2025/{name}"): content for name, content in files.items()}


def shown(path: str) -> str:
    """``path`` as a problem line shows it (NFC, undecodable bytes and control characters made visible)."""
    printable = unicodedata.normalize("NFC", path.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
    return str(Problem(printable, 1, "f", "m")).removesuffix(":1: f: m")


def assert_well_formed(catalog: Catalog, files: dict[str, bytes]) -> None:
    """Every problem is one ``path:line: field: message (advice)`` line about a written file."""
    for problem in catalog.problems:
        text = str(problem)
        match = PROBLEM.fullmatch(text)
        assert match, text
        assert match["message"].endswith(")"), text  # every message says what to do
        content = files.get(match["path"])
        assert content is not None, text
        lines = content.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
        assert int(match["line"]) <= lines + 1, text
    assert catalog.problems == sorted(catalog.problems)
    if not catalog.problems:
        assert len(catalog.briefs) >= 1


@SETTINGS
@given(content=st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(briefs: Path, content: bytes) -> None:
    catalog, files = load(briefs, {f"{BRIEF_ID}.ko.md": content})
    assert_well_formed(catalog, files)
    assert catalog.problems  # random bytes are never a valid brief


@SETTINGS
@given(front=FRONT_TEXT, body=st.text(max_size=40), bom=st.booleans())
def test_arbitrary_front_matter_text_never_raises(briefs: Path, front: str, body: str, bom: bool) -> None:
    text = "---\n" + front + "\n---\n" + body
    content = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", "surrogatepass")
    catalog, files = load(briefs, {f"{BRIEF_ID}.ko.md": content})
    assert_well_formed(catalog, files)


VALID = {"title": "간담회", "date": "2025-05-13", "summary": "요약", "topics": ["startups"], "regions": ["서울"]}


@settings(SETTINGS, max_examples=100)
@given(fields=FIELDS, english=st.one_of(st.none(), FIELDS), over_valid=st.booleans())
def test_arbitrary_fields_of_any_type_never_raise(
    briefs: Path, fields: dict[str, object], english: object, over_valid: bool
) -> None:
    if over_valid:  # a valid brief with some fields replaced reaches every field rule
        fields = {**VALID, **fields}
    files = {f"{BRIEF_ID}.ko.md": b"---\n" + dump(fields) + b"---\n"}
    if english is not None:
        files[f"{BRIEF_ID}.en.md"] = b"---\n" + dump(english) + b"---\n"
    catalog, written = load(briefs, files)
    assert_well_formed(catalog, written)
    for brief in catalog.briefs:  # a brief that passed has clean, typed fields
        assert isinstance(brief.source.title, str) and brief.source.title.strip()
        assert 1 <= len(brief.source.summary) <= 400
        assert brief.topics and brief.regions and isinstance(brief.draft, bool)
        assert all(isinstance(o, str) for o in brief.source.organizers)


@SETTINGS
@given(english=st.binary(max_size=200) | FRONT_TEXT.map(lambda f: ("---\n" + f + "\n---\n").encode("utf-8", "replace")))
def test_a_broken_translation_never_raises_and_never_blames_the_source(briefs: Path, english: bytes) -> None:
    catalog, files = load(briefs, {f"{BRIEF_ID}.ko.md": GOOD_SOURCE.encode(), f"{BRIEF_ID}.en.md": english})
    assert_well_formed(catalog, files)
    assert all(p.path.endswith(".en.md") for p in catalog.problems)


# File names as text, and as raw bytes that need not be UTF-8 (Linux allows any byte but '/' and NUL).
NAMES = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"], exclude_characters="/\x00"), min_size=1, max_size=40),
    st.binary(min_size=1, max_size=40).map(lambda b: os.fsdecode(b.replace(b"/", b"_").replace(b"\x00", b"_"))),
    st.sampled_from(["2025-05-13-Property.ko", "2025-02-30-x.ko", "2025-05-13-x.fr", "2025-05-13-한글.ko"]),
)


@SETTINGS
@given(name=NAMES)
def test_arbitrary_file_names_never_raise(briefs: Path, name: str) -> None:
    name = name + ".md"
    if name.startswith(".") or len(os.fsencode(name)) > 250:
        return  # hidden files are skipped; longer names are refused by the file system
    catalog, files = load(briefs, {name: GOOD_SOURCE.encode()})
    assert_well_formed(catalog, files)


def dump(value: object) -> bytes:
    """``value`` as YAML (libyaml's emitter: the pure-Python one is most of this test's time)."""
    return yaml.dump(value, Dumper=yaml.CSafeDumper, allow_unicode=True).encode("utf-8", "surrogatepass")


# --- vocabularies: whatever topics.yml and regions.yml hold, loading returns ---

TERM_KEYS = st.sampled_from(("slug", "code", "ko", "en", "aliases", "description_ko", "description_en", "alias", ""))


@pytest.fixture(scope="module")
def vocab_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("vocabulary") / "briefs"
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / f"{BRIEF_ID}.ko.md").write_text(GOOD_SOURCE, encoding="utf-8")
    return folder


def load_vocabularies(folder: Path, topics: bytes, regions: bytes) -> None:
    (folder / "topics.yml").write_bytes(topics)
    (folder / "regions.yml").write_bytes(regions)
    catalog = load_catalog(folder)
    files = {"briefs/topics.yml": topics, "briefs/regions.yml": regions,
             f"briefs/2025/{BRIEF_ID}.ko.md": GOOD_SOURCE.encode("utf-8")}
    assert_well_formed(catalog, files)


@settings(SETTINGS, max_examples=100)
@given(data=st.binary(max_size=200), which=st.booleans())
def test_arbitrary_bytes_as_a_vocabulary_never_raise(vocab_folder: Path, data: bytes, which: bool) -> None:
    good_topics, good_regions = TOPICS.encode("utf-8"), REGIONS.encode("utf-8")
    load_vocabularies(vocab_folder, data if which else good_topics, good_regions if which else data)


@settings(SETTINGS, max_examples=50)  # the pure-Python YAML dumper makes each example slow
@given(terms=st.lists(st.lists(st.tuples(TERM_KEYS, VALUES), max_size=6).map(dict), max_size=5))
def test_arbitrary_terms_never_raise(vocab_folder: Path, terms: list[dict[str, object]]) -> None:
    text = yaml.safe_dump(terms, allow_unicode=True).encode("utf-8", "surrogatepass")
    load_vocabularies(vocab_folder, text, REGIONS.encode("utf-8") + text)
