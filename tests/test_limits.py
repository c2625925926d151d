"""Limits a body keeps before Python-Markdown reads it, checked in validation (briefs check and the build).

Each hostile shape that crashed Python-Markdown (``RecursionError``) or took
seconds per paragraph is refused at its line; a body just inside the limits
renders with the build's own Markdown configuration.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_render import render
from support.project import vocabularies, write_brief

from briefkit import body_limits
from briefkit.catalog import load_catalog
from briefkit.cli import main

BRIEF_ID = "2025-05-13-deep-body"
FRONT = """\
title: 깊은 본문
date: 2025-05-13
summary: 너무 깊이 중첩된 본문.
topics: [regional-innovation]
regions: [seoul]
"""
BODY_LINE = 8  # '---', five fields, '---', then the body


def nested_list(depth: int) -> str:
    return "".join("    " * level + "- 항목\n" for level in range(depth))


HOSTILE = {
    "list": (nested_list(300), "is nested 21 levels deep"),
    "quote_in_list": ("".join("    " * i + "- > x\n" for i in range(300)), "levels deep"),
    "markers_on_one_line": ("- " * 1000 + "x\n", "levels deep"),
    "quotes": ("> " * 5000 + "x\n", "levels deep"),
    "emphasis": ("**a " * 1000 + "b" + " c**" * 1000 + "\n", "opens emphasis"),
    "stars": ("*" * 5000 + "x" + "*" * 5000 + "\n", "opens emphasis"),
    "html_blocks": ('<div markdown="1">\n' * 400 + "x\n" + "</div>\n" * 400, "HTML blocks"),
    "links": ("[a](" * 2500 + "\n", "brackets or tags open"),
    "backticks": ("``a`" * 2500 + "\n", "runs of '`'"),
    "headings": ("## 제목\n\n" * 201, "more than 200 headings"),
    "size": ("가나다라 " * 25_001, "characters long"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_body_is_refused_at_its_line(tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    body, words = HOSTILE[name]
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, BRIEF_ID, "ko", FRONT, body)
    problems = [str(p) for p in load_catalog(briefs).problems]
    [problem] = [p for p in problems if words in p]  # a 300-level list is also too long
    assert problem.startswith(f"briefs/2025/{BRIEF_ID}.ko.md:")
    assert ": body: " in problem
    line = int(problem.split(":")[1])
    assert BODY_LINE <= line <= BODY_LINE + body.count("\n")
    assert main(["check", str(briefs)]) == 1
    assert problem in capsys.readouterr().err


def test_the_nesting_limit_points_at_the_first_line_too_deep(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, BRIEF_ID, "ko", FRONT, "\n" + nested_list(30))
    [problem] = load_catalog(briefs).problems
    assert problem.line == BODY_LINE + 1 + body_limits.NESTING_MAX  # the 21st item, after one blank line


@pytest.mark.parametrize("name", HOSTILE)
def test_without_the_limits_python_markdown_fails_on_it(name: str) -> None:
    """The limits guard real failures: each shape breaks or stalls the renderer (size and headings aside)."""
    if name in ("size", "headings", "links", "backticks", "quotes"):
        pytest.skip("refused for time and size, not for a crash")
    with pytest.raises(RecursionError):
        render(HOSTILE[name][0])


def test_a_body_at_the_limits_renders() -> None:
    depth = body_limits.NESTING_MAX
    body = (nested_list(depth) + "\n" + "> " * depth + "인용\n\n" + "**a " * depth + "b" + " c**" * depth + "\n\n"
            + "[" * depth + "x" + "]" * depth + "\n")
    assert body_limits.body_limit_problems(body, 1) == []
    html = render(body)
    assert html.count("<ul>") == depth and "<strong>" in html


def test_ordinary_markdown_is_within_every_limit() -> None:
    body = ("# 제목\n\n**굵게**, *기울임*, `코드`, [링크](https://example.com) (괄호) <b>태그</b>\n\n"
            "- 하나\n    - 둘\n        1. 셋\n\n> 인용\n> > 이중 인용\n\n```\n    들여쓴 코드\n```\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert body_limits.body_limit_problems(body * 20, 1) == []
