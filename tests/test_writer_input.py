"""What a writer types and what files they leave: characters feeds carry, visible titles, plausible dates, plain files.

Each case is a brief folder checked the way ``briefs check`` and the build
check it (``load_catalog``); messages are asserted as the writer reads them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
from support.project import vocabularies, write_brief

from briefkit.catalog import load_catalog
from briefkit.settings import DateRules, date_rules_for

BRIEF_ID = "2025-05-13-regional-roundtable"
PATH = f"briefs/2025/{BRIEF_ID}.ko.md"
FRONT = """\
title: {title}
date: 2025-05-13
summary: 지역 중소기업 대표들과 혁신 방안을 논의했다.
topics: [regional-innovation]
regions: [seoul]
venue: {venue}
"""
TODAY = DateRules(today=dt.date(2025, 6, 1))


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    return vocabularies(tmp_path / "briefs")


def messages(briefs: Path, dates: DateRules = TODAY) -> list[str]:
    return [str(p) for p in load_catalog(briefs, dates=dates).problems]


def brief(briefs: Path, title: str = "지역혁신 간담회", venue: str = "서울", body: str = "본문입니다.\n") -> Path:
    return write_brief(briefs, BRIEF_ID, "ko", FRONT.format(title=title, venue=venue), body)


@pytest.mark.parametrize(("escape", "code"), [
    ("\\v", "U+000B"), ("\\0", "U+0000"), ("\\b", "U+0008"), ("\\e", "U+001B"), ("\\uFFFE", "U+FFFE"),
    ("\\x85", "U+0085"), ("\\uFDD0", "U+FDD0"), ("\\U0010FFFF", "U+10FFFF"),
])
def test_a_character_feeds_cannot_carry_is_an_error(briefs: Path, escape: str, code: str) -> None:
    brief(briefs, title=f'"간담회{escape}"')
    [message] = messages(briefs)
    assert message.startswith(f"{PATH}:2: title: contains {code}")
    assert message.endswith("which web pages and feeds cannot carry (delete it; it is invisible)")


def test_control_characters_in_the_body_are_errors_at_their_lines(briefs: Path) -> None:
    brief(briefs, body="첫 줄\n둘째\x0c줄\n셋째 \x1b[31m줄\n")
    assert messages(briefs) == [
        f"{PATH}:10: body: contains U+000C (a control character), which web pages and feeds cannot carry"
        " (delete it; it is invisible)",
        f"{PATH}:11: body: contains U+001B (a control character), which web pages and feeds cannot carry"
        " (delete it; it is invisible)",
    ]


def test_a_venue_with_a_control_character_is_an_error(briefs: Path) -> None:
    brief(briefs, venue='"서울\\a"')
    [message] = messages(briefs)
    assert message.startswith(f"{PATH}:7: venue: contains U+0007")


@pytest.mark.parametrize(("title", "words"), [
    ('"\\u200B\\u200B"', "has no visible character, only invisible ones such as zero-width spaces (write the title)"),
    ('"\\u3164 \\uFEFF"', "has no visible character"),
    ('"간담회 \\u202Egnp.exe"', "contains U+202E (RIGHT-TO-LEFT OVERRIDE), which reverses the order"),
    ('"\\u2066간담회"', "contains U+2066 (LEFT-TO-RIGHT ISOLATE)"),
    ("가" * 201, "is 201 characters long (shorten it to at most 200)"),
    ("가" * 300_000, "is 300000 characters long"),
])
def test_an_unreadable_title_is_an_error(briefs: Path, title: str, words: str) -> None:
    brief(briefs, title=title)
    [message] = messages(briefs)
    assert message.startswith(f"{PATH}:2: title: ") and words in message


def test_a_long_plain_title_and_marks_are_accepted(briefs: Path) -> None:
    brief(briefs, title="가" * 199 + "\u200e")
    assert messages(briefs) == []


@pytest.mark.parametrize(("date", "words"), [
    ("9999-12-31", "9999-12-31 is more than 30 days after today, 2025-06-01 (check the year;"),
    ("2025-07-02", "2025-07-02 is more than 30 days after today"),
    ("1999-12-31", "1999-12-31 is before 2000 (check the year; the first year is extra.briefs.dates.first_year"),
])
def test_an_implausible_date_is_an_error(briefs: Path, date: str, words: str) -> None:
    path = brief(briefs)
    text = path.read_text(encoding="utf-8").replace("2025-05-13", date)
    path.unlink()
    (briefs / "2025" / f"{date}-regional-roundtable.ko.md").write_text(text, encoding="utf-8")
    [message] = messages(briefs)
    assert message.startswith(f"briefs/2025/{date}-regional-roundtable.ko.md:3: date: {words}")


def test_a_date_inside_the_window_is_accepted(briefs: Path) -> None:
    brief(briefs)
    assert messages(briefs, DateRules(today=dt.date(2025, 4, 13))) == []  # 30 days ahead
    assert messages(briefs, DateRules(today=dt.date(2025, 4, 12))) != []


def test_the_date_rules_come_from_mkdocs_yml(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nsite_url: !ENV [SITE_URL, 'https://x/']\nextra:\n  briefs:\n    dates:\n"
        "      future_days: 400\n      first_year: 2010\n      typo: 1\n", encoding="utf-8")
    rules, problems = date_rules_for(briefs, "briefs")
    assert (rules.future_days, rules.first_year) == (400, 2010)
    assert [str(p) for p in problems] == [
        "mkdocs.yml:8: extra.briefs.dates.typo: unknown setting (use future_days or first_year)"
    ]
    assert [str(p) for p in load_catalog(briefs).problems] == [str(p) for p in problems]


def test_the_shipped_config_has_the_documented_defaults(tmp_path: Path) -> None:
    from support.project import ROOT

    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")  # the settings sit beside the briefs folder
    (tmp_path / "briefs").mkdir()
    rules, problems = date_rules_for(tmp_path / "briefs", "briefs")
    assert problems == [] and (rules.future_days, rules.first_year) == (30, 2000)


def test_a_brief_that_is_a_link_outside_is_refused(briefs: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.md"
    outside.write_text(FRONT.format(title="비밀", venue="서울"), encoding="utf-8")
    (briefs / "2025").mkdir()
    (briefs / "2025" / f"{BRIEF_ID}.ko.md").symlink_to(outside)
    assert messages(briefs) == [
        f"{PATH}:1: file: is a symbolic link (only files inside the briefs folder are read:"
        " put the file or folder itself here instead of the link)"
    ]


def test_a_link_to_dev_zero_is_refused_without_reading(briefs: Path) -> None:
    (briefs / f"{BRIEF_ID}.ko.md").symlink_to("/dev/zero")
    [message] = messages(briefs)
    assert "is a symbolic link" in message


def test_a_linked_folder_is_named(briefs: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    brief(other)
    (briefs / "linked").symlink_to(other / "2025")
    assert messages(briefs) == [
        "briefs/linked:1: file: is a symbolic link (only files inside the briefs folder are read:"
        " put the file or folder itself here instead of the link)"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_refused_without_waiting(briefs: Path) -> None:
    os.mkfifo(briefs / f"{BRIEF_ID}.ko.md")
    assert messages(briefs) == [
        f"briefs/{BRIEF_ID}.ko.md:1: file: is a named pipe, not a file (put a plain text file here)"
    ]


def test_a_file_over_the_cap_is_refused(briefs: Path) -> None:
    brief(briefs, body="가" * 400_000)
    assert messages(briefs) == [
        f"{PATH}:1: file: is 1.2 MB (at most 1.0 MB: shorten it, or split it into several briefs)"
    ]


def test_a_vocabulary_that_is_a_link_is_refused(briefs: Path, tmp_path: Path) -> None:
    target = tmp_path / "topics.yml"
    (briefs / "topics.yml").rename(target)
    (briefs / "topics.yml").symlink_to(target)
    assert messages(briefs)[0] == (
        "briefs/topics.yml:1: topics: is a symbolic link (only files inside the briefs folder are read:"
        " put a copy of the file here instead of the link)"
    )


def test_a_vocabulary_label_with_a_control_character_is_an_error(briefs: Path) -> None:
    path = briefs / "topics.yml"
    text = re.sub(r"\ben: (.+)", r'en: "\1\\v"', path.read_text(encoding="utf-8"), count=1)
    path.write_text(text, encoding="utf-8")
    problems = messages(briefs)
    assert any(": en: contains U+000B" in p for p in problems), problems
