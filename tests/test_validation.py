"""Loading and validating briefs: one test per rule and error of the brief format.

Each test writes a small ``briefs/`` folder under ``tmp_path`` (the fixture corpus's
vocabularies plus the briefs it needs) and reads it with ``load_catalog``,
asserting on the exact lines a writer would see.
"""

from __future__ import annotations

import datetime as dt
import os
import textwrap
import unicodedata
from pathlib import Path

import pytest
from support.project import CORPUS, vocabularies, write_brief

from briefkit.catalog import Catalog, load_catalog

BRIEF_ID = "2025-05-13-regional-roundtable"
KO_PATH = f"briefs/2025/{BRIEF_ID}.ko.md"
EN_PATH = f"briefs/2025/{BRIEF_ID}.en.md"
KO_FRONT = """\
title: 지역혁신 간담회
date: 2025-05-13
summary: 지역 중소기업 대표들과 혁신 방안을 논의했다.
topics: [regional-innovation]
regions: [seoul]
"""
EN_FRONT = """\
title: Regional innovation roundtable
summary: The minister met regional SME leaders.
"""
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    return vocabularies(tmp_path / "briefs")


def load(briefs: Path) -> Catalog:
    return load_catalog(briefs)


def messages(briefs: Path) -> list[str]:
    return [str(p) for p in load_catalog(briefs).problems]


def source(briefs: Path, front: str, brief_id: str = BRIEF_ID, body: str = "본문입니다.\n") -> Path:
    return write_brief(briefs, brief_id, "ko", front, body)


def replace(front: str, field: str, line: str | None) -> str:
    """``front`` with the line of ``field`` replaced by ``line`` (or removed)."""
    out = []
    for row in front.splitlines():
        if row.startswith(f"{field}:"):
            if line is not None:
                out.append(line)
        else:
            out.append(row)
    return "\n".join(out) + "\n"


# --- a valid brief -----------------------------------------------------------------------------


def test_a_valid_source_and_translation_load_into_one_brief(briefs: Path) -> None:
    source(briefs, KO_FRONT + "venue: 서울 중소기업회관\norganizers: [중소벤처기업부]\ndraft: false\n")
    write_brief(briefs, BRIEF_ID, "en", EN_FRONT + "venue: SME Hall, Seoul\n", "Body.\n")
    catalog = load(briefs)
    assert catalog.problems == []
    [brief] = catalog.briefs
    assert brief.id == BRIEF_ID
    assert brief.date == dt.date(2025, 5, 13)
    assert [t.slug for t in brief.topics] == ["regional-innovation"]
    assert [t.slug for t in brief.regions] == ["seoul"]
    assert brief.source.lang == "ko" and brief.source.path == KO_PATH
    assert brief.source.title == "지역혁신 간담회"
    assert brief.source.venue == "서울 중소기업회관"
    assert brief.source.organizers == ("중소벤처기업부",)
    assert brief.source.body == "본문입니다.\n"
    assert brief.draft is False
    english = brief.translations["en"]
    assert english.title == "Regional innovation roundtable"
    assert (english.venue, english.body) == ("SME Hall, Seoul", "Body.\n")


def test_the_fixture_corpus_is_valid() -> None:
    catalog = load_catalog(CORPUS)
    assert catalog.problems == []
    assert len(catalog.briefs) == 15
    dates = [b.date for b in catalog.briefs]
    assert dates == sorted(dates, reverse=True)


def test_briefs_are_listed_newest_first_whatever_their_folders(briefs: Path) -> None:
    for brief_id, folder in (("2023-01-02-a", "old"), ("2026-01-02-b", ""), ("2024-06-30-c", "x/y")):
        write_brief(briefs, brief_id, "ko", replace(KO_FRONT, "date", f"date: {brief_id[:10]}"), folder=folder)
    assert [b.id for b in load(briefs).briefs] == ["2026-01-02-b", "2024-06-30-c", "2023-01-02-a"]


def test_an_english_only_brief_has_english_as_its_source(briefs: Path) -> None:
    write_brief(briefs, BRIEF_ID, "en", EN_FRONT + "date: 2025-05-13\ntopics: [startups]\nregions: [Seoul]\n")
    [brief] = load(briefs).briefs
    assert brief.source.lang == "en" and brief.translations == {}


# --- title, summary, venue --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (None, f"{KO_PATH}:2: title: is missing (add 'title: …' to the front matter)"),
        ("title:", f"{KO_PATH}:6: title: is empty (write the title after 'title:')"),
        ("title: '   '", f"{KO_PATH}:6: title: is empty (write the title)"),
        ("title: 2025", f"{KO_PATH}:6: title: must be text, found the number 2025 (put the value in quotes)"),
        ("title: [a, b]", f"{KO_PATH}:6: title: must be text, found a list (put the value in quotes)"),
        ("title: true", f"{KO_PATH}:6: title: must be text, found true/false (put the value in quotes)"),
    ],
)
def test_title_is_required_non_empty_text(briefs: Path, line: str | None, expected: str) -> None:
    front = replace(KO_FRONT, "title", None) + (line + "\n" if line else "")
    source(briefs, front)
    assert messages(briefs) == [expected]


def test_yaml_1_1_booleans_and_times_stay_text(briefs: Path) -> None:
    source(briefs, replace(KO_FRONT, "title", "title: NO") + "venue: on\norganizers: [yes, Off, '12:30', 12:30]\n")
    [brief] = load(briefs).briefs
    assert brief.source.title == "NO"
    assert brief.source.venue == "on"
    assert brief.source.organizers == ("yes", "Off", "12:30", "12:30")


def test_a_leading_zero_number_is_a_number_in_yaml_1_2(briefs: Path) -> None:
    source(briefs, KO_FRONT + "organizers: [중기부, 0123]\n")
    assert messages(briefs) == [
        f"{KO_PATH}:7: organizers: each entry must be text, found the number 123 (put it in quotes)"
    ]


def test_summary_of_1_and_400_characters_is_accepted(briefs: Path) -> None:
    source(briefs, replace(KO_FRONT, "summary", "summary: 가"))
    source(briefs, replace(KO_FRONT, "summary", f"summary: {'가' * 400}"), brief_id="2025-05-13-b")
    catalog = load(briefs)
    assert catalog.problems == []
    assert sorted(len(b.source.summary) for b in catalog.briefs) == [1, 400]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (None, "2: summary: is missing (add 'summary: …' to the front matter)"),
        ("summary: ''", "6: summary: is empty (write the summary)"),
        (f"summary: {'가' * 401}", "6: summary: is 401 characters long (shorten it to at most 400)"),
        ("summary: |\n  첫 문단.\n\n  둘째 문단.", "6: summary: must be one paragraph (remove the blank line)"),
        ("summary: {a: 1}", "6: summary: must be text, found a mapping (put the value in quotes)"),
    ],
)
def test_summary_is_one_paragraph_of_1_to_400_characters(briefs: Path, line: str | None, expected: str) -> None:
    front = replace(KO_FRONT, "summary", None) + (line + "\n" if line else "")
    source(briefs, front)
    assert messages(briefs) == [f"{KO_PATH}:{expected}"]


def test_a_summary_written_over_several_lines_is_one_paragraph(briefs: Path) -> None:
    source(briefs, replace(KO_FRONT, "summary", "summary: >\n  첫 줄과\n  둘째 줄."))
    [brief] = load(briefs).briefs
    assert brief.source.summary == "첫 줄과 둘째 줄."


def test_venue_must_be_text(briefs: Path) -> None:
    source(briefs, KO_FRONT + "venue: [a]\n")
    assert messages(briefs) == [f"{KO_PATH}:7: venue: must be text, found a list (put the value in quotes)"]


# --- date ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (None, "2: date: is missing (add 'date: YYYY-MM-DD', the day the roundtable was held)"),
        ("date: 2025-13-45", "6: date: '2025-13-45' is not a date (write it as YYYY-MM-DD, e.g. 2025-05-13)"),
        ("date: 13/05/2025", "6: date: '13/05/2025' is not a date (write it as YYYY-MM-DD, e.g. 2025-05-13)"),
        ("date: 2025-5-13", "6: date: '2025-5-13' is not a date (write it as YYYY-MM-DD, e.g. 2025-05-13)"),
        ("date: 20250513", "6: date: the number 20250513 is not a date (write it as YYYY-MM-DD, e.g. 2025-05-13)"),
        ("date: [2025-05-13]", "6: date: a list is not a date (write it as YYYY-MM-DD, e.g. 2025-05-13)"),
        (
            "date: 2025-05-14",
            "6: date: 2025-05-14 does not match the date in the file name, 2025-05-13 (make them the same)",
        ),
    ],
)
def test_date_is_a_real_day_matching_the_id(briefs: Path, line: str | None, expected: str) -> None:
    front = replace(KO_FRONT, "date", None) + (line + "\n" if line else "")
    source(briefs, front)
    assert messages(briefs) == [f"{KO_PATH}:{expected}"]


def test_a_quoted_date_is_a_date(briefs: Path) -> None:
    source(briefs, replace(KO_FRONT, "date", "date: '2025-05-13'"))
    assert [b.date for b in load(briefs).briefs] == [dt.date(2025, 5, 13)]


def test_an_id_with_an_impossible_date_is_an_error(briefs: Path) -> None:
    source(briefs, replace(KO_FRONT, "date", "date: 2025-02-28"), brief_id="2025-02-30-x")
    assert messages(briefs) == [
        "briefs/2025/2025-02-30-x.ko.md:1: id: '2025-02-30' in the file name is not a real date"
        " (write the roundtable's date as YYYY-MM-DD)"
    ]


# --- topics and regions -------------------------------------------------------------------------


def test_regions_by_slug_code_label_and_alias_are_one_region(briefs: Path) -> None:
    nfd = unicodedata.normalize("NFD", "서울")
    names = ["서울", "Seoul", "KR-11", "seoul", "SEOUL", "kr-11", "서울특별시", nfd]
    source(briefs, replace(KO_FRONT, "regions", f"regions: [{', '.join(names)}]"))
    [brief] = load(briefs).briefs
    assert [r.slug for r in brief.regions] == ["seoul"]


def test_every_fixture_region_is_found_by_its_code_and_labels(briefs: Path) -> None:
    regions = load(briefs).regions
    assert len(regions.terms) == 18
    for term in regions.terms:
        for name in (term.slug, term.code, term.ko, term.en, *term.aliases):
            assert regions.resolve(name) == term, name


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "topics: [ai-manufactoring]",
            "6: topics: unknown topic 'ai-manufactoring' (did you mean 'ai-manufacturing'?)",
        ),
        ("topics: [quantum]", "6: topics: unknown topic 'quantum' (use a slug from briefs/topics.yml)"),
        ("topics: startups", "6: topics: must be a list (write 'topics: [startups]')"),
        ("topics: []", "6: topics: needs at least one topic (add one from briefs/topics.yml)"),
        ("topics: [1]", "6: topics: each topic must be a name, found the number 1 (use a slug from briefs/topics.yml)"),
        (None, "2: topics: is missing (add 'topics: [...]' with at least one topic from briefs/topics.yml)"),
        ("topics:", "6: topics: is empty (add 'topics: [...]' with at least one topic from briefs/topics.yml)"),
        ("topics: {startups: 1}", "6: topics: must be a list, found a mapping (write 'topics: [topic-slug]')"),
        ("topics: 5", "6: topics: must be a list, found the number 5 (write 'topics: [topic-slug]')"),
    ],
)
def test_topics_are_one_or_more_slugs_from_the_vocabulary(briefs: Path, line: str | None, expected: str) -> None:
    front = replace(KO_FRONT, "topics", None) + (line + "\n" if line else "")
    source(briefs, front)
    assert messages(briefs) == [f"{KO_PATH}:{expected}"]


def test_a_topic_label_is_not_a_slug(briefs: Path) -> None:
    source(briefs, replace(KO_FRONT, "topics", "topics: [Startups and Ventures]"))
    assert messages(briefs) == [
        f"{KO_PATH}:5: topics: unknown topic 'Startups and Ventures' (that is a label: write its slug, 'startups')"
    ]


def test_each_unknown_item_of_a_block_list_is_reported_on_its_own_line(briefs: Path) -> None:
    source(briefs, replace(KO_FRONT, "regions", "regions:\n  - seoul\n  - seol\n  - busan\n  - Gyeongi"))
    assert messages(briefs) == [
        f"{KO_PATH}:8: regions: unknown region 'seol' (did you mean 'seoul'?)",
        f"{KO_PATH}:10: regions: unknown region 'Gyeongi' (did you mean 'gyeonggi'?)",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("regions: [Mars]", "6: regions: unknown region 'Mars' (use a slug from briefs/regions.yml)"),
        ("regions: []", "6: regions: needs at least one region (add one from briefs/regions.yml)"),
        ("regions: 서울", "6: regions: must be a list (write 'regions: [서울]')"),
    ],
)
def test_regions_are_one_or_more_names_from_the_vocabulary(briefs: Path, line: str, expected: str) -> None:
    source(briefs, replace(KO_FRONT, "regions", line))
    assert messages(briefs) == [f"{KO_PATH}:{expected}"]


# --- organizers, speakers, draft ----------------------------------------------------------------


def test_organizers_are_a_list_of_text(briefs: Path) -> None:
    source(briefs, KO_FRONT + "organizers: 중소벤처기업부\n")
    source(briefs, KO_FRONT.replace("05-13", "05-14") + "organizers:\n  - 중기부\n  - 12\n", brief_id="2025-05-14-b")
    assert messages(briefs) == [
        f"{KO_PATH}:7: organizers: must be a list (write 'organizers: [\"…\", \"…\"]' or one '- …' per line)",
        "briefs/2025/2025-05-14-b.ko.md:9: organizers: each entry must be text, found the number 12 (put it in quotes)",
    ]


def test_speakers_are_a_list_of_name_role_affiliation(briefs: Path) -> None:
    source(briefs, KO_FRONT + textwrap.dedent("""\
        speakers:
          - name: 오영주
            role: 장관
            affiliation: 중소벤처기업부
          - name: 김대표
    """))
    [brief] = load(briefs).briefs
    assert [(s.name, s.role, s.affiliation) for s in brief.source.speakers] == [
        ("오영주", "장관", "중소벤처기업부"),
        ("김대표", "", ""),
    ]


@pytest.mark.parametrize(
    ("speakers", "expected"),
    [
        ("speakers: 오영주", ["7: speakers: must be a list (write one '- name: …' per speaker)"]),
        (
            "speakers: [오영주]",
            ["7: speakers: each speaker must have fields (write '- name: …' with 'role:' and 'affiliation:' below)"],
        ),
        ("speakers:\n  - role: 장관", ["8: speakers.name: is missing (every speaker needs 'name: …')"]),
        (
            "speakers:\n  - name: 오영주\n    rol: 장관",
            ["9: speakers.rol: unknown field (did you mean 'role'?; use name, role or affiliation)"],
        ),
        (
            "speakers:\n  - name: 오영주\n    affiliation: 1",
            ["9: speakers.affiliation: must be text, found the number 1 (put it in quotes)"],
        ),
    ],
)
def test_speaker_mistakes(briefs: Path, speakers: str, expected: list[str]) -> None:
    source(briefs, KO_FRONT + speakers + "\n")
    assert messages(briefs) == [f"{KO_PATH}:{e}" for e in expected]


def test_a_draft_is_loaded_and_marked(briefs: Path) -> None:
    source(briefs, KO_FRONT + "draft: true\n")
    catalog = load(briefs)
    assert [b.draft for b in catalog.briefs] == [True]
    assert catalog.published() == [] and len(catalog.published(include_drafts=True)) == 1


@pytest.mark.parametrize(
    ("value", "found"),
    [("yes", "'yes'"), ("'true'", "'true'"), ("1", "the number 1"), ("", "nothing")],
)
def test_draft_must_be_true_or_false(briefs: Path, value: str, found: str) -> None:
    source(briefs, KO_FRONT + f"draft: {value}\n")
    assert messages(briefs) == [
        f"{KO_PATH}:7: draft: must be true or false, found {found} (write 'draft: true' or remove it)"
    ]


# --- unknown fields, duplicate keys, broken YAML ------------------------------------------------


def test_an_unknown_field_is_an_error_with_a_suggestion(briefs: Path) -> None:
    source(briefs, KO_FRONT + "topic: startups\ncolour: blue\n")
    assert messages(briefs) == [
        f"{KO_PATH}:7: topic: unknown field (did you mean 'topics'?; remove it)",
        f"{KO_PATH}:8: colour: unknown field (remove it)",
    ]


def test_a_source_cannot_carry_translated_from(briefs: Path) -> None:
    source(briefs, KO_FRONT + "translated_from: 0123456789ab\n")
    assert messages(briefs) == [
        f"{KO_PATH}:7: translated_from: only a translation records its source digest (remove it here)"
    ]


def test_a_duplicate_key_is_an_error_naming_both_lines(briefs: Path) -> None:
    source(briefs, KO_FRONT + "title: 다른 제목\n")
    assert messages(briefs) == [
        f"{KO_PATH}:7: front matter: invalid YAML: 'title' is set twice, also on line 2 (keep one of them)"
    ]


NOT_FIELDS = "must be 'field: value' lines, found {} (write one field per line, like 'title: …')"
NO_FRONT = "missing (start the file with a line '---', then the fields, then another '---')"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", f"1: front matter: {NO_FRONT}"),
        ("title: x\n", f"1: front matter: {NO_FRONT}"),
        ("---\ntitle: x\n", "1: front matter: not closed (add a line '---' after the last field)"),
        ("---", "1: front matter: not closed (add a line '---' after the last field)"),
        ("---\n---\n본문\n", f"2: front matter: {NOT_FIELDS.format('nothing')}"),
        ("---\n- a\n- b\n---\n", f"2: front matter: {NOT_FIELDS.format('a list')}"),
        ("---\nwords\n---\n", f"2: front matter: {NOT_FIELDS.format('a single value')}"),
    ],
)
def test_missing_or_shapeless_front_matter(briefs: Path, text: str, expected: str) -> None:
    path = briefs / "2025" / f"{BRIEF_ID}.ko.md"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    assert messages(briefs) == [f"{KO_PATH}:{expected}"]


def test_broken_yaml_names_its_line(briefs: Path) -> None:
    source(briefs, KO_FRONT + "venue: 'unclosed\norganizers: [a\n")
    [message] = messages(briefs)
    assert message.startswith(f"{KO_PATH}:")
    _, line, rest = message.split(":", 2)
    assert 7 <= int(line) <= 9
    assert rest.startswith(" front matter: invalid YAML: ")
    assert rest.endswith(")") and "\n" not in rest


def test_a_yaml_tag_is_refused(briefs: Path) -> None:
    source(briefs, KO_FRONT + "venue: !!python/object:os.system x\n")
    [message] = messages(briefs)
    assert message.startswith(f"{KO_PATH}:7: front matter: invalid YAML: unsupported tag")
    assert message.endswith("(remove it)")


def test_a_self_referencing_alias_is_an_error_not_a_crash(briefs: Path) -> None:
    source(briefs, KO_FRONT + "organizers: &a [*a]\n")
    [message] = messages(briefs)
    assert message.startswith(f"{KO_PATH}:7: front matter: invalid YAML: ")


def test_a_number_too_long_for_python_is_an_error_not_a_crash(briefs: Path) -> None:
    source(briefs, replace(KO_FRONT, "title", "title: " + "9" * 5000))
    [message] = messages(briefs)
    assert message.startswith(f"{KO_PATH}:2: title: must be text, found the number")


# --- translations ------------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["date: 2025-05-13", "topics: [startups]", "regions: [seoul]", "draft: true"])
def test_a_structural_field_in_a_translation_names_the_source_to_edit(briefs: Path, line: str) -> None:
    source(briefs, KO_FRONT)
    write_brief(briefs, BRIEF_ID, "en", EN_FRONT + line + "\n")
    field = line.split(":")[0]
    assert messages(briefs) == [
        f"{EN_PATH}:4: {field}: is set only in the source file (edit {KO_PATH} instead and remove it here)"
    ]


def test_a_translation_needs_title_and_summary(briefs: Path) -> None:
    source(briefs, KO_FRONT)
    write_brief(briefs, BRIEF_ID, "en", "venue: Seoul\ntopic: x\n")
    assert messages(briefs) == [
        f"{EN_PATH}:2: summary: is missing (add 'summary: …' to the front matter)",
        f"{EN_PATH}:2: title: is missing (add 'title: …' to the front matter)",
        f"{EN_PATH}:3: topic: unknown field (did you mean 'topics'? it is set only in the source file:"
        f" edit {KO_PATH} instead and remove it here)",
    ]


def test_translation_optional_fields_are_checked_like_the_source(briefs: Path) -> None:
    source(briefs, KO_FRONT)
    write_brief(briefs, BRIEF_ID, "en", EN_FRONT + "organizers: Ministry\nspeakers:\n  - name: Oh\n    job: Minister\n")
    assert messages(briefs) == [
        f"{EN_PATH}:4: organizers: must be a list (write 'organizers: [\"…\", \"…\"]' or one '- …' per line)",
        f"{EN_PATH}:7: speakers.job: unknown field (did you mean 'role'?; use name, role or affiliation)",
    ]


@pytest.mark.parametrize("value", ["abc", "0123456789abcdef", "[a]", "zzzzzzzzzzzz"])
def test_translated_from_must_be_a_digest(briefs: Path, value: str) -> None:
    source(briefs, KO_FRONT)
    write_brief(briefs, BRIEF_ID, "en", EN_FRONT + f"translated_from: {value}\n")
    [message] = messages(briefs)
    assert message.startswith(f"{EN_PATH}:4: translated_from: ")
    assert "is not a source digest" in message and message.endswith(")")


def test_a_translation_of_an_unreadable_source_is_still_a_translation(briefs: Path) -> None:
    source(briefs, "title: [unclosed\n")
    write_brief(briefs, BRIEF_ID, "en", EN_FRONT + "translated_from: 0123456789ab\ndate: 2025-05-13\n")
    problems = messages(briefs)
    assert len(problems) == 2 and problems[1].startswith(f"{KO_PATH}:2: front matter: invalid YAML: ")
    assert problems[0] == (
        f"{EN_PATH}:5: date: is set only in the source file (edit {KO_PATH} instead and remove it here)"
    )


# --- files: names, encodings, folders ----------------------------------------------------------


def test_bom_and_crlf_are_accepted_and_lines_still_count(briefs: Path) -> None:
    path = briefs / "2025" / f"{BRIEF_ID}.ko.md"
    path.parent.mkdir()
    text = "---\n" + KO_FRONT + "topic: x\n---\n본문\n첫 줄\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert messages(briefs) == [f"{KO_PATH}:7: topic: unknown field (did you mean 'topics'?; remove it)"]
    path.write_bytes(b"\xef\xbb\xbf" + ("---\n" + KO_FRONT + "---\n본문\r\n").replace("\n", "\r\n").encode("utf-8"))
    [brief] = load(briefs).briefs
    assert brief.source.title == "지역혁신 간담회"
    assert brief.source.body == "본문\n\n"


def test_nfd_text_is_normalised_to_nfc(briefs: Path) -> None:
    path = briefs / "2025" / f"{BRIEF_ID}.ko.md"
    path.parent.mkdir()
    path.write_text(unicodedata.normalize("NFD", "---\n" + KO_FRONT + "---\n한국어 본문\n"), encoding="utf-8")
    [brief] = load(briefs).briefs
    assert brief.source.title == "지역혁신 간담회" == unicodedata.normalize("NFC", brief.source.title)
    assert brief.source.body == "한국어 본문\n"
    assert [r.slug for r in brief.regions] == ["seoul"]


def test_nfd_folder_names_are_shown_in_nfc(briefs: Path) -> None:
    folder = unicodedata.normalize("NFD", "서울")
    write_brief(briefs, BRIEF_ID, "ko", KO_FRONT, folder=folder)
    write_brief(briefs, "2025-05-14-b", "ko", KO_FRONT.replace("05-13", "05-14") + "topic: x\n", folder=folder)
    catalog = load(briefs)
    assert [b.id for b in catalog.briefs] == [BRIEF_ID]
    assert catalog.briefs[0].source.path == f"briefs/서울/{BRIEF_ID}.ko.md"
    assert [str(p) for p in catalog.problems] == [
        "briefs/서울/2025-05-14-b.ko.md:7: topic: unknown field (did you mean 'topics'?; remove it)"
    ]


def test_sub_folders_are_free_and_pair_across_folders(briefs: Path) -> None:
    write_brief(briefs, BRIEF_ID, "ko", KO_FRONT, folder="원문")
    write_brief(briefs, BRIEF_ID, "en", EN_FRONT, folder="english/2025")
    [brief] = load(briefs).briefs
    assert brief.source.path == f"briefs/원문/{BRIEF_ID}.ko.md"
    assert brief.translations["en"].path == f"briefs/english/2025/{BRIEF_ID}.en.md"


def test_the_same_id_and_language_twice_is_an_error(briefs: Path) -> None:
    write_brief(briefs, BRIEF_ID, "ko", KO_FRONT, folder="2025")
    write_brief(briefs, BRIEF_ID, "ko", KO_FRONT, folder="archive/2025")
    assert messages(briefs) == [
        f"briefs/archive/2025/{BRIEF_ID}.ko.md:1: id: '{BRIEF_ID}' in ko is already used by {KO_PATH}"
        " (an id has one file per language: rename or delete one of them)"
    ]


@pytest.mark.parametrize(
    ("name", "advice"),
    [
        ("2025-05-13-Regional.ko.md", "rename it to 2025-05-13-regional.ko.md"),
        ("2025-05-13_regional.ko.md", "rename it to 2025-05-13-regional.ko.md"),
        ("2025-5-3 Busan Export.en.md", "rename it to 2025-05-03-busan-export.en.md"),
        ("2025-05-13-regional.KO.MD", "rename it to 2025-05-13-regional.ko.md"),
        (
            "2025-05-13-regional.md",
            "end the name with the language: 2025-05-13-regional.ko.md or 2025-05-13-regional.en.md",
        ),
        (
            "2025-05-13-지역.en.md",
            "write the slug in lowercase English letters, digits and hyphens,"
            " like 2025-05-13-regional-roundtable.en.md",
        ),
        (
            "regional.ko.md",
            "name it like 2025-05-13-regional-roundtable.ko.md: the roundtable's date, a slug, the language",
        ),
    ],
)
def test_a_file_name_that_is_not_id_lang_md_says_how_to_rename_it(briefs: Path, name: str, advice: str) -> None:
    (briefs / name).write_text("---\n" + KO_FRONT + "---\n", encoding="utf-8")
    assert messages(briefs) == [f"briefs/{name}:1: file: name '{name}' is not <id>.<lang>.md ({advice})"]


def test_a_language_other_than_ko_or_en_is_an_error(briefs: Path) -> None:
    (briefs / f"{BRIEF_ID}.ja.md").write_text("---\n" + KO_FRONT + "---\n", encoding="utf-8")
    assert messages(briefs) == [
        f"briefs/{BRIEF_ID}.ja.md:1: file: language 'ja' is not ko or en (name the file <id>.ko.md or <id>.en.md)"
    ]


def test_other_files_and_hidden_files_are_ignored(briefs: Path) -> None:
    source(briefs, KO_FRONT)
    (briefs / "notes.txt").write_text("not a brief")
    (briefs / ".draft.ko.md").write_text("junk")
    (briefs / ".git").mkdir()
    (briefs / ".git" / "x.md").write_text("junk")
    assert messages(briefs) == []


def test_a_file_that_is_not_utf8_names_the_line_of_the_first_bad_byte(briefs: Path) -> None:
    path = briefs / "2025" / f"{BRIEF_ID}.ko.md"
    path.parent.mkdir()
    path.write_bytes(("---\n" + KO_FRONT + "---\n").encode("utf-8") + "본문\n".encode("cp949"))
    assert messages(briefs) == [f"{KO_PATH}:8: file: is not UTF-8 text (save the file as UTF-8)"]


def test_a_binary_file_is_an_error(briefs: Path) -> None:
    path = briefs / "2025" / f"{BRIEF_ID}.ko.md"
    path.parent.mkdir()
    path.write_bytes(b"---\ntitle: x\n---\n\x00\x01\x02")
    assert messages(briefs) == [f"{KO_PATH}:4: file: contains binary data (save it as a plain text Markdown file)"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a file the user cannot read")
def test_an_unreadable_file_is_an_error(briefs: Path) -> None:
    path = source(briefs, KO_FRONT)
    path.chmod(0)
    [message] = messages(briefs)
    assert message.startswith(f"{KO_PATH}:1: file: cannot be read: ")


def test_a_broken_link_is_an_error(briefs: Path) -> None:
    (briefs / f"{BRIEF_ID}.ko.md").symlink_to(briefs / "nowhere.md")
    assert messages(briefs) == [
        f"briefs/{BRIEF_ID}.ko.md:1: file: is a symbolic link (only files inside the briefs folder are read:"
        " put the file or folder itself here instead of the link)"
    ]


def test_a_missing_briefs_folder_is_an_error(tmp_path: Path) -> None:
    assert messages(tmp_path / "briefs") == [
        "briefs:1: folder: not found (create the briefs/ folder next to mkdocs.yml)"
    ]


# --- all problems at once: golden file ---------------------------------------------------------


BROKEN: dict[str, str | bytes] = {
    "2024/2024-03-05-unknown-terms.ko.md": "---\n" + KO_FRONT.replace("2025-05-13", "2024-03-05")
    .replace("[regional-innovation]", "[ai-manufactoring, startups]")
    .replace("[seoul]", "[서울, Busn, KR-99]") + "---\n본문\n",
    "2024/2024-04-01-no-fields.ko.md": "---\nvenue: 서울\n---\n",
    "2024/2024-04-02-bad-yaml.ko.md": "---\ntitle: 'unclosed\ndate: 2024-04-02\n---\n",
    "2024/2024-04-02-bad-yaml.en.md": "---\ntitle: Bad YAML source\nsummary: x\ndraft: false\n---\n",
    "2024/2024-04-03-types.ko.md": "---\ntitle: 123\ndate: 2024-04-04\nsummary: ''\ntopics: startups\n"
    "regions: {seoul: 1}\ndraft: yes\ntopic: [x]\nspeakers: [홍길동]\n---\n",
    "2024/2024-04-05-translated.ko.md": "---\n" + KO_FRONT.replace("2025-05-13", "2024-04-05") + "---\n본문\n",
    "2024/2024-04-05-translated.en.md": "---\ntitle: Translated\nregions: [seoul]\n"
    "translated_from: not-a-digest\nspeakers:\n  - nam: Kim\n---\n",
    "2024/2024-04-06-dup.ko.md": "---\n" + KO_FRONT.replace("2025-05-13", "2024-04-06") + "title: 둘째\n---\n",
    "2024/notes.md": "# notes\n",
    "2024/2024-04-07-junk.ko.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "2024/2024-04-08-cp949.ko.md": "---\ntitle: 간담회\n---\n".encode("cp949"),
    "2024/2024-04-09-list.ko.md": "---\n- title: x\n---\n",
    "old/2024-03-05-unknown-terms.ko.md": "---\ntitle: duplicate id\n---\n",
    "2024-13-01-bad-date.en.md": "---\n" + EN_FRONT + "---\n",
}


def write_broken(briefs: Path) -> None:
    for name, content in BROKEN.items():
        path = briefs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def test_every_problem_of_every_file_is_reported_at_once_golden(briefs: Path) -> None:
    write_broken(briefs)
    source(briefs, KO_FRONT)  # one good brief among the bad ones
    catalog = load(briefs)
    actual = "".join(f"{p}\n" for p in catalog.problems)
    golden = GOLDEN / "broken-briefs.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")
    assert catalog.problems == sorted(catalog.problems)
    assert [b.id for b in catalog.briefs] == [BRIEF_ID]  # only the good brief is kept


# --- smaller rules ------------------------------------------------------------------------------


def test_an_empty_speaker_field_is_left_out(briefs: Path) -> None:
    source(briefs, KO_FRONT + "speakers:\n  - name: 오영주\n    role:\n")
    [brief] = load(briefs).briefs
    assert [(s.name, s.role) for s in brief.source.speakers] == [("오영주", "")]


def test_an_unquoted_all_digit_digest_keeps_its_leading_zero(briefs: Path) -> None:
    source(briefs, KO_FRONT)
    write_brief(briefs, BRIEF_ID, "en", EN_FRONT + "translated_from: 012345678901\n")
    [brief] = load(briefs).briefs
    assert brief.translations["en"].translated_from == "012345678901"
    assert brief.state("en") == "outdated"


def test_text_fields_are_trimmed_and_nfc(briefs: Path) -> None:
    nfd = unicodedata.normalize("NFD", "중소벤처기업부")
    source(briefs, KO_FRONT + f"venue: '  {nfd}  '\norganizers: ['{nfd} ']\nspeakers:\n  - name: ' {nfd}'\n")
    [brief] = load(briefs).briefs
    assert brief.source.venue == brief.source.organizers[0] == brief.source.speakers[0].name == "중소벤처기업부"


def test_a_problem_in_one_brief_keeps_the_others(briefs: Path) -> None:
    source(briefs, KO_FRONT)
    source(briefs, KO_FRONT.replace("05-13", "05-14") + "draft: maybe\n", brief_id="2025-05-14-bad")
    catalog = load(briefs)
    assert [b.id for b in catalog.briefs] == [BRIEF_ID]
    assert [p.path for p in catalog.problems] == ["briefs/2025/2025-05-14-bad.ko.md"]


# --- the YAML mistakes writers make, and what the message tells them to do ----------------------


@pytest.mark.parametrize(
    ("title_line", "line", "advice"),
    [
        ("title: 회의: 결과", 2, "mapping values are not allowed in this context"
         " (a ': ' inside a value starts a new field: put the whole value in quotes)"),
        ("title: [속보] 간담회", 2, "did not find expected key"
         " (a value that starts with '[' is read as a list: put the whole value in quotes)"),
        ("title:간담회", 2, "mapping values are not allowed in this context"
         " (write the field as 'name: value', with a space after the ':')"),
        ("title = 간담회", 2, "mapping values are not allowed in this context"
         " (write the field as 'name: value', with a space after the ':')"),
        ("title: *중요* 간담회", 2, "did not find expected alphabetic or numeric character"
         " (a value that starts with '*' or '&': put the whole value in quotes)"),
        ("title: @서울 간담회", 2, "found character that cannot start any token"
         " (a value cannot start with this character: put the whole value in quotes)"),
    ],
)
def test_a_yaml_mistake_in_a_value_says_what_to_do(briefs: Path, title_line: str, line: int, advice: str) -> None:
    source(briefs, replace(KO_FRONT, "title", title_line))
    assert messages(briefs) == [f"{KO_PATH}:{line}: front matter: invalid YAML: {advice}"]


def test_a_tab_indent_says_to_indent_with_spaces(briefs: Path) -> None:
    source(briefs, KO_FRONT + "speakers:\n\t- name: 오영주\n")
    assert messages(briefs) == [
        f"{KO_PATH}:8: front matter: invalid YAML: found character that cannot start any token"
        " (indent with spaces, not tabs)"
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("title: #1 간담회", "2: title: is empty: YAML reads '#' after 'title:' as the start of a comment"
         " (put the whole value in quotes: title: '#1 간담회')"),
        ("title: # 간담회", "2: title: is empty: YAML reads '#' after 'title:' as the start of a comment"
         " (put the whole value in quotes: title: '# 간담회')"),
    ],
)
def test_a_value_read_as_a_comment_says_to_quote_it(briefs: Path, line: str, expected: str) -> None:
    source(briefs, replace(KO_FRONT, "title", line))
    assert messages(briefs) == [f"{KO_PATH}:{expected}"]


def test_an_optional_field_left_with_a_comment_is_empty_on_purpose(briefs: Path) -> None:
    source(briefs, KO_FRONT + "venue: # to be decided\norganizers: # none yet\n")
    assert messages(briefs) == []
    source(briefs, KO_FRONT + "venue: #3 회의실\n")
    assert messages(briefs) == [
        f"{KO_PATH}:7: venue: is empty: YAML reads '#' after 'venue:' as the start of a comment"
        " (put the whole value in quotes: venue: '#3 회의실')"
    ]
