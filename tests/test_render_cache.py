"""Kept Markdown renders (issue 8): a rebuild converts only changed Markdown, and shows the same site.

briefkit/render_cache.py keeps each brief body's HTML, table of contents and
anchors under a digest of its text, place and the Markdown configuration.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.one_brief import BODY, BRIEF_ID, FRONT, files, one_brief_project
from support.project import build, write_brief

from briefkit import cache
from briefkit.render_cache import cacheable

pytestmark = pytest.mark.build

def kept(project: Path) -> list[Path]:
    return sorted(cache.path(project, "markdown").rglob("*.json"))


def test_a_warm_build_reads_kept_renders_and_gives_the_same_site(tmp_path: Path) -> None:
    project = one_brief_project(tmp_path, english=False)
    cold = build(project)
    assert cold.returncode == 0, cold.stderr
    cold_files = files(cold.site)
    renders = kept(project)
    body_renders = [p for p in renders if "둘째 문단입니다." in p.read_text(encoding="utf-8")]
    assert len(body_renders) == 2  # the Korean page and the English page (the Korean text under a notice)
    warm = build(project)
    assert warm.returncode == 0, warm.stderr
    assert files(warm.site) == cold_files

    # The warm build took the HTML from the kept render, not from the Markdown: mark a kept one.
    for path in body_renders:
        data = json.loads(path.read_text(encoding="utf-8"))
        data["html"] = data["html"].replace("둘째 문단입니다.", "캐시에서 온 문단입니다.")
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    marked = build(project)
    assert "캐시에서 온 문단입니다." in marked.page(f"briefs/{BRIEF_ID}/")
    page = marked.page(f"briefs/{BRIEF_ID}/")
    assert 'id="두-번째-주제"' in page and 'href="#두-번째-주제"' in page  # anchors and table of contents kept too

    # An edit to the body is a new key: converted again, the mark gone.
    write_brief(project / "briefs", BRIEF_ID, "ko", FRONT, BODY.replace("둘째", "고친 둘째"))
    edited = build(project)
    assert edited.returncode == 0, edited.stderr
    html = edited.page(f"briefs/{BRIEF_ID}/")
    assert "고친 둘째 문단입니다." in html and "캐시에서 온" not in html


def test_a_body_with_a_broken_link_fails_every_strict_build_not_only_the_first(tmp_path: Path) -> None:
    project = one_brief_project(tmp_path, BODY + "\n[자료](../no-such-page.md)\n", english=False)
    for _ in range(2):
        result = build(project)
        assert result.returncode != 0
        assert "no-such-page.md" in result.stderr


@pytest.mark.parametrize(("markdown", "expected"), [
    ("## 제목\n\n문단과 **강조**, 각주[^1].\n\n[^1]: 각주 내용\n", True),
    ("표:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", True),
    ("[링크](https://example.org/)\n", False),
    ("![그림](../image.png)\n", False),
    ("![그림](https://example.org/image.png)\n", False),
    # A bundle's file by its plain name is checked before the build and names no page (issue 17).
    ("![그림](image.png \"캡션\")\n\n[보도자료](press.pdf)\n", True),
    ("![그림](image.png)\n\n[다른 브리프](2025-01-01-x.md)\n", False),
    ("[참고][1]\n\n[1]: other.md\n", False),
    ("<a href='x.md'>x</a>\n", False),
    ("<https://example.org>\n", False),
])
def test_only_markdown_that_cannot_depend_on_other_files_is_kept(markdown: str, expected: bool) -> None:
    assert cacheable(markdown) is expected
