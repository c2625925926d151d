"""The JSON Schemas of brief front matter agree with ``briefs check``.

Both judge the fixture corpus's briefs (``tests/fixtures/corpus/``, with the
schemas ``briefs schema`` writes for its vocabularies) and a set of the
contract's error cases; for every case, both accept or both reject. The few things a schema cannot say
are listed in ``KNOWN_DIFFERENCES`` and checked to differ exactly as the
guide and ``briefkit/schema.py`` document.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator
from support.project import CORPUS, FIXTURES, vocabularies, write_brief

from briefkit.catalog import load_catalog
from briefkit.frontmatter_yaml import load_yaml, split_document
from briefkit.scaffold import new_source, new_translation
from briefkit.schema import FILES, rendered

GOOD_SOURCE = """\
title: "부산 수출 라운드테이블"
date: 2025-06-13
summary: "부산 수출 중소기업이 모였다."
topics: [export]
regions: [busan]
"""
GOOD_TRANSLATION = 'title: "Busan export roundtable"\nsummary: "Busan exporters met."\n'
BRIEF_ID = "2025-06-13-busan-export"


@functools.cache
def _schemas() -> dict[str, str]:
    """The schemas ``briefs schema`` writes for the fixture corpus's vocabularies."""
    return rendered(load_catalog(CORPUS))


def schema(kind: str) -> Draft7Validator:
    return Draft7Validator(json.loads(_schemas()[FILES[kind]]))


def front_matter(path: Path) -> Any:
    text = unicodedata.normalize("NFC", path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n"))
    return load_yaml(split_document(text)[0])


def briefs_schema(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(Path(sys.executable).parent / "briefs"), "schema", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


def test_briefs_schema_writes_the_schemas_and_check_finds_them_stale_after_a_vocabulary_edit(tmp_path: Path) -> None:
    tmp_path = tmp_path.resolve()
    shutil.copytree(CORPUS, tmp_path / "briefs")
    written = briefs_schema(cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    schemas = tmp_path / "schemas"
    assert sorted(written.stdout.splitlines()) == sorted(f"{schemas.as_posix()}/{n}: written" for n in FILES.values())
    for name, text in _schemas().items():
        assert (schemas / name).read_text(encoding="utf-8") == text
    assert briefs_schema("--check", cwd=tmp_path).returncode == 0
    topics = tmp_path / "briefs" / "topics.yml"
    added = "\n- {slug: tourism, ko: 관광, en: Tourism}\n"
    topics.write_text(topics.read_text(encoding="utf-8") + added, encoding="utf-8")
    stale = briefs_schema("--check", cwd=tmp_path)
    assert stale.returncode == 1
    assert stale.stderr == f"{schemas.as_posix()}/{FILES['source']}: out of date (run: briefs schema)\n"


def test_schemas_are_valid_draft_7() -> None:
    for kind in FILES:
        Draft7Validator.check_schema(schema(kind).schema)


def test_every_brief_of_the_fixture_corpus_passes_its_schema() -> None:
    catalog = load_catalog(CORPUS, shown_as="corpus")
    checked = 0
    for brief in catalog.briefs:
        texts = [("source", brief.source.path)] + [("translation", t.path) for t in brief.translations.values()]
        for kind, rel in texts:
            errors = [e.message for e in schema(kind).iter_errors(front_matter(FIXTURES / rel))]
            assert errors == [], rel
            checked += 1
    assert checked == 28


def test_enums_come_from_the_vocabularies() -> None:
    properties = schema("source").schema["properties"]
    regions = properties["regions"]["items"]["enum"]
    assert {"seoul", "KR-11", "서울특별시", "Seoul", "서울"} <= set(regions)
    assert regions[0] == "seoul"  # slugs first, so completion offers them first
    assert "ai-manufacturing" in properties["topics"]["items"]["enum"]


def verdicts(tmp_path: Path, lang: str, front: str) -> tuple[bool, bool, list[str]]:
    """(the validator accepts, the schema accepts, the validator's messages) for one file."""
    briefs = vocabularies(tmp_path / "briefs")
    if lang == "ko":
        path = write_brief(briefs, BRIEF_ID, "ko", front)
    else:
        write_brief(briefs, BRIEF_ID, "ko", GOOD_SOURCE)
        path = write_brief(briefs, BRIEF_ID, "en", front, "Body.\n")
    problems = [str(p) for p in load_catalog(briefs).problems]
    errors = list(schema("source" if lang == "ko" else "translation").iter_errors(front_matter(path)))
    return not problems, not errors, problems


SOURCE_CASES = {
    "valid": GOOD_SOURCE,
    "region by code and Korean alias": GOOD_SOURCE.replace("[busan]", "[KR-26, 부산, Pusan]"),
    "every optional field": GOOD_SOURCE + textwrap.dedent("""\
        venue: "부산상공회의소"
        organizers: [중소벤처기업부]
        speakers:
          - {name: 김부산, role: 대표, affiliation: 부산금형}
          - name: 이수출
        draft: true
        """),
    "empty optional fields": GOOD_SOURCE + "venue:\norganizers:\nspeakers:\n",
    "quoted date": GOOD_SOURCE.replace("date: 2025-06-13", 'date: "2025-06-13"'),
    "missing title": GOOD_SOURCE.replace('title: "부산 수출 라운드테이블"\n', ""),
    "empty title": GOOD_SOURCE.replace('"부산 수출 라운드테이블"', '""'),
    "blank title": GOOD_SOURCE.replace('"부산 수출 라운드테이블"', '"   "'),
    "title is a number": GOOD_SOURCE.replace('"부산 수출 라운드테이블"', "2025"),
    "missing summary": GOOD_SOURCE.replace('summary: "부산 수출 중소기업이 모였다."\n', ""),
    "summary of two paragraphs": GOOD_SOURCE.replace('"부산 수출 중소기업이 모였다."', '"하나.\\n\\n둘."'),
    "summary too long": GOOD_SOURCE.replace("부산 수출 중소기업이 모였다.", "가" * 401),
    "summary at the limit": GOOD_SOURCE.replace("부산 수출 중소기업이 모였다.", "가" * 400),
    "missing date": GOOD_SOURCE.replace("date: 2025-06-13\n", ""),
    "date not a date": GOOD_SOURCE.replace("2025-06-13", "13 June 2025"),
    "date month 13": GOOD_SOURCE.replace("2025-06-13", "2025-13-13"),
    "missing topics": GOOD_SOURCE.replace("topics: [export]\n", ""),
    "no topic": GOOD_SOURCE.replace("[export]", "[]"),
    "topics not a list": GOOD_SOURCE.replace("[export]", "export"),
    "unknown topic": GOOD_SOURCE.replace("[export]", "[exprot]"),
    "unknown region": GOOD_SOURCE.replace("[busan]", "[atlantis]"),
    "unknown field": GOOD_SOURCE + "topic: [export]\n",
    "translated_from in a source": GOOD_SOURCE + 'translated_from: "0123456789ab"\n',
    "draft not a boolean": GOOD_SOURCE + "draft: yes\n",
    "organizers not a list": GOOD_SOURCE + "organizers: 중소벤처기업부\n",
    "organizer is a number": GOOD_SOURCE + "organizers: [1]\n",
    "speaker without name": GOOD_SOURCE + "speakers:\n  - role: 대표\n",
    "speaker with unknown field": GOOD_SOURCE + "speakers:\n  - {name: 김부산, title: 대표}\n",
    "speaker role is a number": GOOD_SOURCE + "speakers:\n  - {name: 김부산, role: 3}\n",
}
TRANSLATION_CASES = {
    "valid": GOOD_TRANSLATION,
    "stamped": GOOD_TRANSLATION + 'translated_from: "0123456789ab"\n',
    "stamped, upper case": GOOD_TRANSLATION + 'translated_from: "0123456789AB"\n',
    "stamped, unquoted digits": GOOD_TRANSLATION + "translated_from: 123456789012\n",
    "every optional field": GOOD_TRANSLATION + "venue: Busan Chamber\norganizers: [MSS]\nspeakers:\n  - name: Kim\n",
    "missing title": 'summary: "Busan exporters met."\n',
    "missing summary": 'title: "Busan export roundtable"\n',
    "date in a translation": GOOD_TRANSLATION + "date: 2025-06-13\n",
    "topics in a translation": GOOD_TRANSLATION + "topics: [export]\n",
    "regions in a translation": GOOD_TRANSLATION + "regions: [busan]\n",
    "draft in a translation": GOOD_TRANSLATION + "draft: true\n",
    "not a digest": GOOD_TRANSLATION + 'translated_from: "yesterday"\n',
    "digest too short": GOOD_TRANSLATION + 'translated_from: "0123456789a"\n',
    "digest a boolean": GOOD_TRANSLATION + "translated_from: true\n",
    "unknown field": GOOD_TRANSLATION + "translator: Kim\n",
}
# What the schema cannot say: (lang, front matter, validator accepts, schema accepts).
KNOWN_DIFFERENCES = {
    "date differs from the file name": ("ko", GOOD_SOURCE.replace("2025-06-13", "2025-06-14"), False, True),
    "date that does not exist": ("ko", GOOD_SOURCE.replace("2025-06-13", "2025-02-30"), False, True),
    "topic in upper case": ("ko", GOOD_SOURCE.replace("[export]", "[EXPORT]"), True, False),
}


@pytest.mark.parametrize("case", SOURCE_CASES)
def test_schema_and_validator_agree_on_sources(tmp_path: Path, case: str) -> None:
    validator_ok, schema_ok, problems = verdicts(tmp_path, "ko", SOURCE_CASES[case])
    assert validator_ok == schema_ok, problems
    assert validator_ok == case.startswith(("valid", "region", "every", "empty optional", "quoted", "summary at"))


@pytest.mark.parametrize("case", TRANSLATION_CASES)
def test_schema_and_validator_agree_on_translations(tmp_path: Path, case: str) -> None:
    validator_ok, schema_ok, problems = verdicts(tmp_path, "en", TRANSLATION_CASES[case])
    assert validator_ok == schema_ok, problems
    assert validator_ok == case.startswith(("valid", "stamped", "every"))


@pytest.mark.parametrize("case", KNOWN_DIFFERENCES)
def test_known_differences_are_as_documented(tmp_path: Path, case: str) -> None:
    lang, front, validator_expected, schema_expected = KNOWN_DIFFERENCES[case]
    validator_ok, schema_ok, _ = verdicts(tmp_path, lang, front)
    assert (validator_ok, schema_ok) == (validator_expected, schema_expected)


def test_schema_and_validator_agree_on_files_made_by_briefs_new(tmp_path: Path) -> None:
    """A new source and a new translation skeleton: both rejected while empty, both accepted once filled."""
    briefs = vocabularies(tmp_path / "briefs")
    source = new_source(briefs, "2026-03-12", "busan-export")
    assert load_catalog(briefs).problems and list(schema("source").iter_errors(front_matter(source)))
    text = source.read_text(encoding="utf-8")
    for placeholder, value in (('title: ""', 'title: "제목"'), ('summary: ""', 'summary: "요약."'),
                               ("topics: []", "topics: [export]"), ("regions: []", "regions: [부산]")):
        text = text.replace(placeholder, value, 1)
    source.write_text(text, encoding="utf-8")
    catalog = load_catalog(briefs)
    assert catalog.problems == [] and list(schema("source").iter_errors(front_matter(source))) == []
    skeleton = new_translation(catalog, briefs, "2026-03-12", "busan-export", "en")
    assert load_catalog(briefs).problems and list(schema("translation").iter_errors(front_matter(skeleton)))
    filled = skeleton.read_text(encoding="utf-8").replace('title: ""', 'title: "T"')
    skeleton.write_text(filled.replace('summary: ""', 'summary: "S"'), encoding="utf-8")
    assert load_catalog(briefs).problems == []
    assert list(schema("translation").iter_errors(front_matter(skeleton))) == []
