"""The front matter reader: the contract's split, YAML 1.2 core schema, line numbers.

These call ``briefkit.frontmatter_yaml`` directly; what a writer sees of the same
mistakes through ``load_catalog`` is in test_validation.py.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from support.project import vocabularies, write_brief

from briefkit.catalog import load_catalog
from briefkit.frontmatter_yaml import FrontMatterError, LineDict, LineList, load_yaml, resolve_plain, split_document
from briefkit.problems import Problem

# --- the split: a first line '---', the fields, the next line '---', the body ---

def test_split_returns_front_body_and_closing_line() -> None:
    front, closing, body = split_document("---\ntitle: x\nsummary: y\n---\n본문\n")
    assert front == "title: x\nsummary: y\n"
    assert closing == 4
    assert body == "본문\n"


def test_split_body_is_everything_after_the_closing_line() -> None:
    text = "---\ntitle: x\n---\n\n## 제목\n---\nmore\n"
    front, _, body = split_document(text)
    assert front == "title: x\n"
    assert body == "\n## 제목\n---\nmore\n"  # a later '---' (a rule) belongs to the body


def test_split_accepts_trailing_blanks_on_delimiters_and_no_final_newline() -> None:
    front, closing, body = split_document("---  \ntitle: x\n--- \t")
    assert (front, closing, body) == ("title: x\n", 3, "")


def test_split_empty_front_matter() -> None:
    assert split_document("---\n---\nbody") == ("", 2, "body")


@pytest.mark.parametrize("text", ["", "title: x\n---\n", "\n---\ntitle: x\n---\n", "----\ntitle: x\n---\n",
                                  "# 제목\n"])
def test_split_missing_opening_line(text: str) -> None:
    with pytest.raises(FrontMatterError) as err:
        split_document(text)
    assert err.value.line == 1
    assert err.value.message.startswith("missing (start the file with a line '---'")


@pytest.mark.parametrize("text", ["---", "---\n", "---\ntitle: x\n", "---\ntitle: x\n----\n"])
def test_split_unclosed(text: str) -> None:
    with pytest.raises(FrontMatterError) as err:
        split_document(text)
    assert (err.value.line, err.value.message) == (1, "not closed (add a line '---' after the last field)")


# --- YAML 1.2 core schema, not PyYAML's YAML 1.1 ---

@pytest.mark.parametrize(("plain", "value"), [
    ("NO", "NO"), ("no", "no"), ("yes", "yes"), ("on", "on"), ("Off", "Off"), ("y", "y"),
    ("12:30", "12:30"), ("2025-05-13", "2025-05-13"), ("1_000", "1_000"),
    ("true", True), ("False", False), ("TRUE", True),
    ("~", None), ("null", None), ("", None),
    ("0123", 123), ("-7", -7), ("0o17", 15), ("0x1F", 31),
    ("1.5", 1.5), ("1e3", 1000.0), (".inf", math.inf), ("-.Inf", -math.inf),
    ("서울", "서울"),
])
def test_plain_scalars_resolve_as_yaml_1_2(plain: str, value: object) -> None:
    assert resolve_plain(plain) == value
    assert type(resolve_plain(plain)) is type(value)


def test_nan_resolves_to_nan() -> None:
    assert math.isnan(resolve_plain(".nan"))


def test_an_int_too_long_for_python_is_still_a_number() -> None:
    assert resolve_plain("9" * 5000) == math.inf


def test_quoted_scalars_stay_text() -> None:
    meta = load_yaml("a: 'true'\nb: \"0123\"\nc: '~'\n")
    assert meta == {"a": "true", "b": "0123", "c": "~"}


def test_line_numbers_are_file_lines() -> None:
    meta = load_yaml("title: x\n\ntopics:\n  - a\n  - b\nspeakers:\n  - name: A\n    role: B\n")
    assert isinstance(meta, LineDict)
    assert meta.line == 2
    assert meta.lines == {"title": 2, "topics": 4, "speakers": 7}
    assert isinstance(meta["topics"], LineList)
    assert meta["topics"].lines == [5, 6]
    speaker = meta["speakers"][0]
    assert isinstance(speaker, LineDict)
    assert speaker.lines == {"name": 8, "role": 9}


def test_first_line_is_configurable() -> None:
    meta = load_yaml("- a\n- b\n", first_line=1)
    assert meta.lines == [1, 2]


def test_plain_text_of_unquoted_values_is_kept() -> None:
    meta = load_yaml("translated_from: 012345678901\ntitle: 'x'\n")
    assert meta["translated_from"] == 12345678901
    assert meta.plain == {"translated_from": "012345678901"}


def test_empty_document_is_none() -> None:
    assert load_yaml("") is None
    assert load_yaml("# only a comment\n") is None


def test_anchors_and_aliases_share_one_value() -> None:
    meta = load_yaml("a: &x [1, 2]\nb: *x\n")
    assert meta["a"] == meta["b"] == [1, 2]


def test_alias_expansion_does_not_explode() -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for name, prev in zip("bcdefghij", "abcdefghi", strict=True):
        levels.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    meta = load_yaml("\n".join(levels) + "\n")  # 9**10 items if expanded
    value = meta["j"]
    for _ in range(10):
        value = value[0]
    assert value == "x"


# --- broken YAML: one FrontMatterError with a line and a one-line message ---

@pytest.mark.parametrize(("text", "line", "message"), [
    ("title: x\ntitle: y\n", 3, "invalid YAML: 'title' is set twice, also on line 2 (keep one of them)"),
    ("speakers:\n  - name: A\n    name: B\n", 4,
     "invalid YAML: 'name' is set twice, also on line 3 (keep one of them)"),
    ("title: [x\n", 2, "invalid YAML: did not find expected ',' or ']' (close the list with ']')"),
    ("title: [a, b\nsummary: x\n", 2, "invalid YAML: did not find expected ',' or ']' (close the list with ']')"),
    ('title: "x\nsummary: y\n', 2, "invalid YAML: found unexpected end of stream (close the quote)"),
    ("title: 정책: 혁신\n", 2, "invalid YAML: mapping values are not allowed in this context"
     " (a ': ' inside a value starts a new field: put the whole value in quotes)"),
    ("title: x\n  bad: y\n", 3, "invalid YAML: mapping values are not allowed in this context"
     " (a ': ' inside a value starts a new field: put the whole value in quotes)"),
    ("title: @x\n", 2, "invalid YAML: found character that cannot start any token"
     " (a value cannot start with this character: put the whole value in quotes)"),
    ("title:\tx\n\tsummary: y\n", 3,
     "invalid YAML: found a tab character that violates indentation (indent with spaces, not tabs)"),
    ("topics:\n  - a\n - b\n", 4, "invalid YAML: did not find expected key"
     " (check the indentation; a value that starts with a quote must end with it)"),
    ("title: |\nx\n", 3, "invalid YAML: could not find expected ':'"
     " (write each field as 'name: value', and indent a value that goes on)"),
    ("title: %x\n", 2, "invalid YAML: found character that cannot start any token"
     " (a value cannot start with this character: put the whole value in quotes)"),
    ("? [a]\n: b\n", 2, "invalid YAML: a field name must be a word"),
    ("a: &x [*x]\n", 2, "invalid YAML: an alias refers to the value that contains it (remove it)"),
    ("title: *nowhere\n", 2, "invalid YAML: found undefined alias (a value that starts with '*': put the whole value"
     " in quotes)"),
    ("title: !!python/object:os.system x\n", 2,
     "invalid YAML: unsupported tag '!!python/object:os.system' (remove it)"),
    ("title: !!binary aGk=\n", 2, "invalid YAML: unsupported tag '!!binary' (remove it)"),
    ("title: !local x\n", 2, "invalid YAML: unsupported tag '!local' (remove it)"),
    ("summary: ok\ntitle: a\x01b\n", 3, "invalid YAML: U+0001 is a control character, not text (delete it)"),
    ("title: " + "[" * 150 + "]" * 150 + "\n", 2, "invalid YAML: nested too deeply (write plain fields and lists)"),
    ("title: " + "[" * 5000 + "]" * 5000 + "\n", 2,
     "invalid YAML: exceeded maximum nesting depth (fix the YAML syntax on this line)"),
])
def test_broken_yaml(text: str, line: int, message: str) -> None:
    with pytest.raises(FrontMatterError) as err:
        load_yaml(text)
    assert (err.value.line, err.value.message) == (line, message)
    assert "\n" not in err.value.message


def test_line_and_paragraph_separators_are_not_line_breaks() -> None:
    meta = load_yaml("title: 지역혁신\u2028간담회\nsummary: \"a\u2029b\x85c\"\nvenue: x\n")
    assert meta == {"title": "지역혁신 간담회", "summary": "a b c", "venue": "x"}
    assert meta.lines == {"title": 2, "summary": 3, "venue": 4}


# --- what a writer sees of the same mistakes, through load_catalog ---

BRIEF_ID = "2025-05-13-front"
KO = f"briefs/2025/{BRIEF_ID}.ko.md"
FRONT = "title: 간담회\ndate: 2025-05-13\nsummary: 요약.\ntopics: [startups]\nregions: [seoul]\n"


def problems_of(tmp_path: Path, front: str) -> list[str]:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, BRIEF_ID, "ko", front)
    return [str(p) for p in load_catalog(briefs).problems]


@pytest.mark.parametrize(("extra", "line"), [
    ("'': x", "7: front matter: unknown field '' (remove it)"),
    ("'a: b': x", "7: front matter: unknown field 'a: b' (remove it)"),
    ('"two\\nlines": x', "7: front matter: unknown field 'two\\nlines' (remove it)"),
    ("speakers:\n  - name: 홍길동\n    '': x", "9: speakers: unknown field '' (use name, role or affiliation)"),
])
def test_a_field_name_that_is_no_word_is_quoted(tmp_path: Path, extra: str, line: str) -> None:
    assert problems_of(tmp_path, FRONT + extra + "\n") == [f"{KO}:{line}"]


def test_line_breaks_in_values_are_escaped_in_messages(tmp_path: Path) -> None:
    front = FRONT.replace("[seoul]", '["seo\\nul"]').replace("date: 2025-05-13", 'date: "2025-05-13\\tx"')
    assert problems_of(tmp_path, front) == [
        f"{KO}:3: date: '2025-05-13\\tx' is not a date (write it as YYYY-MM-DD, e.g. 2025-05-13)",
        f"{KO}:6: regions: unknown region 'seo\\nul' (did you mean 'seoul'?)",
    ]


def test_a_title_pasted_with_a_line_separator_loads(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, BRIEF_ID, "ko", FRONT.replace("title: 간담회", "title: 지역혁신\u2028간담회"))
    catalog = load_catalog(briefs)
    assert catalog.problems == []
    assert catalog.briefs[0].source.title == "지역혁신 간담회"


def test_hostile_yaml_is_a_message_in_the_catalog(tmp_path: Path) -> None:
    front = FRONT + "venue: &v [*v]\n"
    assert problems_of(tmp_path, front) == [
        f"{KO}:7: front matter: invalid YAML: an alias refers to the value that contains it (remove it)"
    ]


def test_a_region_code_near_miss_suggests_nothing(tmp_path: Path) -> None:
    assert problems_of(tmp_path, FRONT.replace("[seoul]", "[KR-99, kr-11]")) == [
        f"{KO}:6: regions: unknown region 'KR-99' (use a slug from briefs/regions.yml)"
    ]


def test_an_empty_organizer_says_so(tmp_path: Path) -> None:
    assert problems_of(tmp_path, FRONT + "organizers:\n  - 중기부\n  - ''\n  -\n") == [
        f"{KO}:9: organizers: an entry is empty (write a name or remove the entry)",
        f"{KO}:10: organizers: each entry must be text, found nothing (put it in quotes)",
    ]


def test_problem_text_is_one_line() -> None:
    problem = Problem("briefs/a\nb.ko.md", 3, "title", "bad\x00 value\u2028here 서울")
    assert str(problem) == "briefs/a\\nb.ko.md:3: title: bad\\x00 value\\u2028here 서울"


@pytest.mark.parametrize(("extra", "line"), [
    ("SUMMARY: x", "SUMMARY: unknown field (did you mean 'summary'?; remove it)"),
    ("tags: [startups]", "tags: unknown field (did you mean 'topics'?; remove it)"),
    ("location: 서울역", "location: unknown field (did you mean 'venue'?; remove it)"),
    ("author: 홍길동", "author: unknown field (remove it)"),
    ("speakers:\n  - name: 홍길동\n    position: 국장", "speakers.position: unknown field (did you mean 'role'?;"
     " use name, role or affiliation)"),
])
def test_unknown_fields_suggest_by_case_synonym_or_typo(tmp_path: Path, extra: str, line: str) -> None:
    [problem] = problems_of(tmp_path, FRONT + extra + "\n")
    assert problem.split(": ", 1)[1] == line


def test_a_structural_near_miss_in_a_translation_points_to_the_source(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, BRIEF_ID, "ko", FRONT)
    write_brief(briefs, BRIEF_ID, "en", "title: T\nsummary: S\nDate: 2025-05-13\ntags: [startups]\n")
    en = f"briefs/2025/{BRIEF_ID}.en.md"
    assert [str(p) for p in load_catalog(briefs).problems] == [
        f"{en}:4: Date: unknown field (did you mean 'date'? it is set only in the source file:"
        f" edit {KO} instead and remove it here)",
        f"{en}:5: tags: unknown field (did you mean 'topics'? it is set only in the source file:"
        f" edit {KO} instead and remove it here)",
    ]


def test_a_file_given_as_the_briefs_folder(tmp_path: Path) -> None:
    (tmp_path / "topics.yml").write_text("- slug: x\n", encoding="utf-8")
    assert [str(p) for p in load_catalog(tmp_path / "topics.yml", "briefs/topics.yml").problems] == [
        "briefs/topics.yml:1: folder: is a file, not a folder (give the folder that holds the briefs,"
        " topics.yml and regions.yml)"
    ]


def test_a_topic_label_says_to_write_its_slug(tmp_path: Path) -> None:
    assert problems_of(tmp_path, FRONT.replace("[startups]", "[스마트공장, startup]")) == [
        f"{KO}:5: topics: unknown topic 'startup' (did you mean 'startups'?)",
        f"{KO}:5: topics: unknown topic '스마트공장' (that is a label: write its slug, 'smart-factory')",
    ]
