"""The source digest, exactly as the brief format defines it, and the translation states it decides.

The expected digests are test vectors worked out by hand from the contract's
steps (and checked with ``printf … | sha256sum``), not by calling the code under test.
"""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest
from support.project import vocabularies, write_brief

from briefkit.catalog import load_catalog
from briefkit.model import Brief, source_digest

BRIEF_ID = "2025-05-13-digest"
# The parsed title keeps its leading blanks (the contract strips only trailing white space); the
# literal-block summary keeps its line break; the body's trailing blanks and blank lines go.
SOURCE = (
    "\ufeff---\r\n"
    'title: "  지역혁신 간담회\\t "\r\n'
    "date: 2025-05-13\r\n"
    "summary: |\r\n"
    "  첫 줄   \r\n"
    "  둘째 줄\r\n"
    "topics: [startups]\r\n"
    "regions: [seoul]\r\n"
    "---\r\n"
    "본문 첫 줄  \r\n"
    "\r\n"
    + unicodedata.normalize("NFD", "한글 본문")
    + "\t \r\n\r\n\r\n"
)
# title + "\n" + summary + "\n" + body, each NFC, LF, trailing white space stripped per line and at the end.
JOINED = "  지역혁신 간담회" + "\n" + "첫 줄\n둘째 줄" + "\n" + "본문 첫 줄\n\n한글 본문"
VECTOR = "baf621026f7b"  # printf '  지역혁신 간담회\n첫 줄\n둘째 줄\n본문 첫 줄\n\n한글 본문' | sha256sum


def test_the_hand_written_steps_give_the_vector() -> None:
    assert hashlib.sha256(JOINED.encode("utf-8")).hexdigest()[:12] == VECTOR


@pytest.mark.parametrize(
    ("title", "summary", "body", "digest"),
    [
        ("Title", "Summary", "Body", "c7b252cc2136"),
        ("Title  ", "Summary\t", "Body\n\n\n", "c7b252cc2136"),
        ("Title", "Summary", "Body \r\n \r\n", "c7b252cc2136"),
        ("T", "S", "", "c5c40f7e002f"),
    ],
)
def test_source_digest_vectors(title: str, summary: str, body: str, digest: str) -> None:
    assert source_digest(title, summary, body) == digest


def test_nfd_and_nfc_text_have_one_digest() -> None:
    nfc = source_digest("간담회", "요약", "본문")
    assert source_digest(*(unicodedata.normalize("NFD", s) for s in ("간담회", "요약", "본문"))) == nfc


def load_brief(tmp_path: Path, source: str, english: str | None = None) -> Brief:
    briefs = vocabularies(tmp_path / "briefs")
    path = briefs / "2025" / f"{BRIEF_ID}.ko.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(source.encode("utf-8"))
    if english is not None:
        write_brief(briefs, BRIEF_ID, "en", english, "English body.\n")
    catalog = load_catalog(briefs)
    assert catalog.problems == []
    [brief] = catalog.briefs
    return brief


def test_a_source_file_digest_follows_the_contract(tmp_path: Path) -> None:
    assert load_brief(tmp_path, SOURCE).digest == VECTOR


def test_the_digest_uses_the_title_and_summary_as_yaml_read_them(tmp_path: Path) -> None:
    text = "---\ntitle: Title\ndate: 2025-05-13\nsummary: A  summary\ntopics: [startups]\nregions: [seoul]\n---\nBody"
    brief = load_brief(tmp_path, text)
    assert brief.source.summary == "A summary"  # shown on pages with its spaces joined
    assert brief.digest == hashlib.sha256(b"Title\nA  summary\nBody").hexdigest()[:12]


@pytest.mark.parametrize(
    ("translated_from", "state"),
    [(f"translated_from: {VECTOR}", "current"), ("translated_from: 0123456789ab", "outdated"), ("", "unverified")],
)
def test_the_digest_decides_the_translation_state(tmp_path: Path, translated_from: str, state: str) -> None:
    brief = load_brief(tmp_path, SOURCE, f"title: Roundtable\nsummary: English summary.\n{translated_from}\n")
    assert brief.state("en") == state
    assert brief.state("ko") == "current"


def test_an_upper_case_digest_is_the_same_digest(tmp_path: Path) -> None:
    brief = load_brief(tmp_path, SOURCE, f"title: R\nsummary: S\ntranslated_from: '{VECTOR.upper()}'\n")
    assert brief.state("en") == "current"


def test_without_a_translation_the_state_is_missing(tmp_path: Path) -> None:
    assert load_brief(tmp_path, SOURCE).state("en") == "missing"


def test_white_space_and_line_ends_do_not_outdate_a_translation(tmp_path: Path) -> None:
    respaced = SOURCE.replace("\r\n", "\n").replace("본문 첫 줄  ", "본문 첫 줄") + "   \n"
    brief = load_brief(tmp_path, respaced, f"title: R\nsummary: S\ntranslated_from: {VECTOR}\n")
    assert brief.state("en") == "current"


@pytest.mark.parametrize(
    ("old", "new"),
    [("본문 첫 줄", "본문 첫줄"), ("지역혁신", "지역 혁신"), ("둘째 줄", "둘째  줄"), ('"  지역', '"지역')],
)
def test_a_changed_word_outdates_a_translation(tmp_path: Path, old: str, new: str) -> None:
    brief = load_brief(tmp_path, SOURCE.replace(old, new), f"title: R\nsummary: S\ntranslated_from: {VECTOR}\n")
    assert brief.state("en") == "outdated"
