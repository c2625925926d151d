"""Body references (issue 22 item 5, issue 16 item 3): ``briefs check`` and the build agree.

Unit tests read bodies written here through ``briefkit.references`` (the
messages a writer sees, at the line of the writer's file, both languages);
one build shows that references the checker accepts build with ``--strict``
and resolve in the HTML, one that a bad body fails the build before anything
is written, with exactly ``briefs check``'s lines.
"""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.project import ROOT, build, copy_project, vocabularies, write_brief

from briefkit.body_scan import MARKDOWN_EXTENSIONS, markdown_configs, scan
from briefkit.references import check_folder

BRIEFS_CMD = ROOT / ".venv" / "bin" / "briefs"
ONE, OTHER, KO_ONLY, DRAFT = "2025-01-01-one", "2025-01-02-other", "2025-01-03-korean-only", "2025-01-04-draft"
FRONT = "title: 제목 {d}\ndate: {d}\nsummary: 요약\ntopics: [regional-innovation]\nregions: [seoul]\n"
EN_FRONT = "title: Title\nsummary: Summary\n"
BODY_START = {"ko": 8, "en": 5}  # write_brief: '---', the fields (five in FRONT, two in EN_FRONT), '---', the body


def corpus(briefs: Path, one_ko: str = "본문\n", one_en: str = "Body\n", ko_only: str = "본문\n") -> Path:
    """Four briefs: ONE (translated), OTHER (translated, headings 결론/Conclusion), KO_ONLY, DRAFT."""
    vocabularies(briefs)
    write_brief(briefs, ONE, "ko", FRONT.format(d=ONE[:10]), one_ko)
    write_brief(briefs, ONE, "en", EN_FRONT, one_en)
    write_brief(briefs, OTHER, "ko", FRONT.format(d=OTHER[:10]), "## 결론\n\n본문\n")
    write_brief(briefs, OTHER, "en", EN_FRONT, "## Conclusion\n\nBody\n")
    write_brief(briefs, KO_ONLY, "ko", FRONT.format(d=KO_ONLY[:10]), ko_only)
    write_brief(briefs, DRAFT, "ko", FRONT.format(d=DRAFT[:10]) + "draft: true\n", "## 초안\n")
    return briefs


def docs(folder: Path, home: bool = True) -> Path:
    """Hand-written pages: a guide in both languages, and a home page unless the folder has one."""
    pages = {"guides/reference.ko.md": "# 안내\n\n## 검사하기\n", "guides/reference.en.md": "# Guide\n\n## Check it\n"}
    if home:
        pages |= {"index.ko.md": "# 홈\n", "index.en.md": "# Home\n"}
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def problems(tmp_path: Path, **bodies: str) -> list[str]:
    briefs = corpus(tmp_path / "briefs", **bodies)
    return [str(p) for p in check_folder(briefs, docs_dir=docs(tmp_path / "docs")).problems]


def at(brief_id: str, lang: str, body_line: int, draft: bool = False) -> str:
    """The start of a problem at ``body_line`` of a brief's body."""
    line = BODY_START[lang] + body_line - 1 + (1 if draft else 0)
    return f"briefs/{brief_id[:4]}/{brief_id}.{lang}.md:{line}: body: "


GOOD_KO = f"""## 개요 {{#intro}}

[다른 브리프]({OTHER}.md), [결론]({OTHER}.md#결론), [같은 곳](./{OTHER}.md), [폴더](../briefs/{OTHER}.md?x=1#결론)
[주제](../topics/regional-innovation.md) [지역](../regions/seoul.md) [홈](../index.md)
[안내](../guides/reference.md#검사하기)
[여기](#intro) [위](#두-번째-제목) [웹](https://www.mss.go.kr/) [메일](mailto:a@example.org) [빈]() [쿼리](?q=1)
<https://example.org/x> <person@example.org> 각주[^1] [참조][r] [Korean only]({KO_ONLY}.md)
<a href="https://example.org/raw">raw</a> <a href="#intro">raw anchor</a> <span id="raw-id">x</span> [raw id](#raw-id)

## 두 번째 제목

<div markdown="1">
[안쪽]({OTHER}.md)
</div>

[^1]: 각주 내용
[r]: {OTHER}.md
"""
GOOD_EN = f"""## Overview

[other]({OTHER}.md#conclusion) [guide](../guides/reference.md#check-it) [self](#overview)
[topic](../topics/regional-innovation.md)
"""
# Korean text shown on the English page too: only what resolves in both languages.
GOOD_KO_ONLY = f"[다른]({OTHER}.md) [자기](#개요) [주제](../topics/regional-innovation.md)\n\n## 개요\n"


def test_good_references_in_both_languages_pass(tmp_path: Path) -> None:
    assert problems(tmp_path, one_ko=GOOD_KO, one_en=GOOD_EN, ko_only=GOOD_KO_ONLY) == []


def test_scan_finds_every_kind_of_reference_at_its_line() -> None:
    body = ("[a](a.md) ![b](b.png)\n\n[c][r] <https://x.org/c>\n\n[d](a\\_b.md) [e](a.md)\n"
            '<a href="raw.md">raw</a>\n\n<div markdown="1">\n[f](f.md)\n</div>\n\n[r]: r.md\n')
    found = [(r.kind, r.url, r.line, r.html) for r in scan(body).references]
    assert found == [
        ("link", "a.md", 1, False), ("image", "b.png", 1, False), ("link", "r.md", 12, False),
        ("link", "https://x.org/c", 3, False), ("link", "a_b.md", 5, False), ("link", "a.md", 5, False),
        ("link", "f.md", 9, False), ("link", "raw.md", 6, True),
    ]


def test_scan_gives_the_ids_the_build_gives() -> None:
    body = "## 정책 과제\n\n## 정책 과제\n\n## Custom {#my-id}\n\n<span id=\"raw\">x</span> 주[^n]\n\n[^n]: 각주\n"
    assert scan(body).anchors >= {"정책-과제", "정책-과제_1", "my-id", "raw", "fn:n", "fnref:n"}


def test_a_misspelt_brief_gets_a_did_you_mean(tmp_path: Path) -> None:
    found = problems(tmp_path, one_ko="첫 줄\n[다른](2025-01-02-otehr.md)\n")
    assert found == [at(ONE, "ko", 2) + "link '2025-01-02-otehr.md': no brief or page of the site has this name"
                     f" (did you mean '{OTHER}.md'?)"]


def test_a_translation_is_reported_at_its_own_file_and_line(tmp_path: Path) -> None:
    found = problems(tmp_path, one_en="Line\n\n[guide](../guides/refrence.md)\n")
    assert found == [at(ONE, "en", 3) + "link '../guides/refrence.md': no brief or page of the site has this name"
                     " (did you mean '../guides/reference.md'?)"]


def test_missing_anchors_name_the_page_and_its_language(tmp_path: Path) -> None:
    found = problems(tmp_path, one_ko="[a](#없는)\n", one_en=f"[b]({OTHER}.md#결론)\n",
                     ko_only=f"[c]({OTHER}.md#결론)\n")
    how = "a heading's id is its text in lower case, spaces as '-'; or set one: ## Heading {#id}"
    assert found == [
        at(ONE, "en", 1) + f"link '{OTHER}.md#결론': the English page of brief {OTHER} has no heading or id '결론'"
        f" ({how})",
        at(ONE, "ko", 1) + f"link '#없는': this text has no heading or id '없는' ({how})",
        # Korean text without a translation is the English page too: there the anchor is missing.
        at(KO_ONLY, "ko", 1) + f"link '{OTHER}.md#결론': the English page of brief {OTHER} has no heading or id"
        f" '결론' (this text is the English page too until it is translated; {how})",
    ]


def test_a_near_miss_anchor_gets_a_did_you_mean(tmp_path: Path) -> None:
    found = problems(tmp_path, one_en=f"[b]({OTHER}.md#conclusions)\n")
    assert found == [at(ONE, "en", 1) + f"link '{OTHER}.md#conclusions': the English page of brief {OTHER} has no"
                     " heading or id 'conclusions' (did you mean '#conclusion'?; a heading's id is its text in lower"
                     " case, spaces as '-'; or set one: ## Heading {#id})"]


def test_an_anchor_of_a_hand_written_page_is_checked(tmp_path: Path) -> None:
    found = problems(tmp_path, one_ko="[안내](../guides/reference.md#검사)\n")
    assert found == [at(ONE, "ko", 1) + "link '../guides/reference.md#검사': the Korean page of"
                     " '../guides/reference.md' has no heading or id '검사' (did you mean '#검사하기'?; a heading's"
                     " id is its text in lower case, spaces as '-'; or set one: ## Heading {#id})"]


@pytest.mark.parametrize(("written", "scheme"), [
    ("java&#x09;script:alert(1)", "javascript"), ("JaVaScRiPt:alert(1)", "javascript"),
    ("<  javascript:x>", "javascript"), ("&#106;avascript:x", "javascript"),
    ("data:text/html;base64,PHNjcmlwdD4=", "data"), ("vbscript:x", "vbscript"),
    ("file:///etc/passwd", "file"), ("tel:+8212345678", "tel"),
])
def test_script_and_other_schemes_are_refused_however_written(tmp_path: Path, written: str, scheme: str) -> None:
    found = problems(tmp_path, one_ko=f"줄\n[x]({written})\n")
    assert len(found) == 1, found
    assert found[0].startswith(at(ONE, "ko", 2) + "link '")
    assert f": '{scheme}:' addresses are not allowed (a link goes to a web page" in found[0]


def test_raw_html_links_are_judged_as_a_browser_reads_them(tmp_path: Path) -> None:
    body = ('<a href="java&#x0A;script:alert(1)">x</a>\n<img src="https://x.org/p.png" alt="p">\n'
            '<a href="other.md">o</a>\n<a href="#nowhere">n</a>\n<a href="https://ok.org/">fine</a>\n')
    found = problems(tmp_path, one_ko=body)
    assert len(found) == 4, found
    assert found[0].startswith(at(ONE, "ko", 1) + "HTML link 'java\\nscript:alert(1)': 'javascript:' addresses")
    assert found[1].startswith(at(ONE, "ko", 2) + "HTML image 'https://x.org/p.png': images from other sites")
    assert found[2].startswith(at(ONE, "ko", 3) + "HTML link 'other.md': the build neither checks nor rewrites")
    assert found[3].startswith(at(ONE, "ko", 4) + "HTML link '#nowhere': this text has no heading or id 'nowhere'")


def test_forms_that_break_on_the_site_say_what_to_write(tmp_path: Path) -> None:
    body = (f"[a](/briefs/{OTHER}/)\n[b](/en/topics/regional-innovation/)\n[c]({OTHER}.ko.md)\n"
            f"[d](../briefs/{OTHER}/)\n![e](https://x.org/e.png)\n![f](photo.jpg)\n[g]({DRAFT}.md)\n")
    found = problems(tmp_path, one_ko=body)
    expected = {
        1: f"link '/briefs/{OTHER}/': an address from the site root breaks when the site is published in a folder"
           f" (write the page's Markdown file instead: '{OTHER}.md')",
        2: "link '/en/topics/regional-innovation/': an address from the site root breaks when the site is published"
           " in a folder (write the page's Markdown file instead: '../topics/regional-innovation.md')",
        3: f"link '{OTHER}.ko.md': links to one language's file (write '{OTHER}.md': each language's page then"
           " links to its own language)",
        4: f"link '../briefs/{OTHER}/': is not a page of the site (write '{OTHER}.md')",
        5: "image 'https://x.org/e.png': images from other sites are not shown (the site loads nothing from other"
           " servers: link to the image instead, [text](address))",
        7: f"link '{DRAFT}.md': brief {DRAFT} is a draft, which is not published (publish it first, or link to it"
           " later)",
    }
    assert [p for p in found if "photo.jpg" not in p] == [at(ONE, "ko", n) + m for n, m in expected.items()]
    assert any(p.startswith(at(ONE, "ko", 6) + "image 'photo.jpg': no file 'photo.jpg'") for p in found)


def test_a_draft_may_link_to_a_draft_and_its_own_links_are_checked(tmp_path: Path) -> None:
    briefs = corpus(tmp_path / "briefs")
    write_brief(briefs, "2025-01-05-draft-two", "ko", FRONT.format(d="2025-01-05") + "draft: true\n",
                f"[초안]({DRAFT}.md)\n[없음](nowhere.md)\n")
    found = [str(p) for p in check_folder(briefs, docs_dir=docs(tmp_path / "docs")).problems]
    assert found == [at("2025-01-05-draft-two", "ko", 2, draft=True) + "link 'nowhere.md': no brief or page of the"
                     " site has this name (link to another brief as '<id>.md')"]


def test_a_footnote_nothing_refers_to_is_reported_at_its_definition(tmp_path: Path) -> None:
    found = problems(tmp_path, one_ko="본문[^a]\n\n[^a]: 쓰임\n[^b]: 안 쓰임\n")
    assert found == [at(ONE, "ko", 4) + "footnote '[^b]' is never referred to (refer to it with [^b] or remove it)"]


def test_links_to_a_brief_with_problems_of_its_own_wait_for_its_fix(tmp_path: Path) -> None:
    briefs = corpus(tmp_path / "briefs", one_ko=f"[다른]({OTHER}.md#결론)\n")
    (briefs / "2025" / f"{OTHER}.ko.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    found = check_folder(briefs, docs_dir=docs(tmp_path / "docs")).problems
    assert {p.path for p in found} == {f"briefs/2025/{OTHER}.ko.md"}


def test_control_characters_in_a_reference_are_printed_as_escapes(tmp_path: Path) -> None:
    found = problems(tmp_path, one_ko="[x](\x1b[31mred.md)\n")
    # The character itself is refused as text (writer_text) and the link is unresolved: both lines, escaped.
    assert len(found) == 2 and not any("\x1b" in line for line in found)
    assert "U+001B" in found[0] and "\\x1b[31mred.md" in found[1]


def test_mkdocs_messages_are_printed_with_control_characters_escaped() -> None:
    from briefkit_mkdocs.run import _terminal_safe

    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, __file__, 1,
                               "Doc file contains a link '%s'\nsecond line", ("\x1b]0;title\x07",), None)
    _terminal_safe(record)
    assert record.getMessage() == "Doc file contains a link '\\x1b]0;title\\x07'\nsecond line"


def test_the_checker_parses_with_the_build_markdown_settings() -> None:
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert tuple(config.markdown_extensions) == MARKDOWN_EXTENSIONS
    ours = markdown_configs()
    assert set(config.mdx_configs) == set(ours)
    theirs = dict(config.mdx_configs["toc"])
    slugify, our_slugify = theirs.pop("slugify"), ours["toc"].pop("slugify")
    assert theirs == ours["toc"]
    assert (slugify.func, slugify.keywords) == (our_slugify.func, our_slugify.keywords)


def test_briefs_check_prints_reference_problems_and_exits_1(tmp_path: Path) -> None:
    corpus(tmp_path / "briefs", one_ko="본문\n[없음](nowhere.md)\n")
    docs(tmp_path / "docs")
    result = subprocess.run([str(BRIEFS_CMD), "check"], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONIOENCODING": ""})
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        at(ONE, "ko", 2) + "link 'nowhere.md': no brief or page of the site has this name"
        " (link to another brief as '<id>.md')",
    ]
    assert result.stdout == "1 problem: nothing can be published until they are fixed.\n"


@pytest.mark.build
def test_references_the_checker_accepts_build_strict_and_resolve(tmp_path: Path) -> None:
    briefs = corpus(tmp_path / "briefs", one_ko=GOOD_KO, one_en=GOOD_EN, ko_only=GOOD_KO_ONLY)
    project = copy_project(tmp_path / "project", briefs)
    docs(project / "docs", home=False)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    ko, en = result.page(f"briefs/{ONE}/"), result.page(f"en/briefs/{ONE}/")
    for href in (f"../{OTHER}/", f"../{OTHER}/#결론", "../../topics/regional-innovation/", "../../regions/seoul/",
                 "../../guides/reference/#검사하기", "#intro", "#두-번째-제목", f"../{KO_ONLY}/"):
        assert f'href="{href}"' in ko, href
    for href in (f"../{OTHER}/#conclusion", "../../guides/reference/#check-it", "#overview"):
        assert f'href="{href}"' in en, href
    assert f'href="../{OTHER}/"' in result.page(f"en/briefs/{KO_ONLY}/")


@pytest.mark.build
def test_a_bad_reference_fails_the_build_with_the_check_lines_and_writes_nothing(tmp_path: Path) -> None:
    bad = (f"[a]({OTHER}.md#없음)\n[b](java&#x09;script:alert(1))\n![c](https://x.org/c.png)\n[d](/briefs/{OTHER}/)\n"
           f"[e](nowhere.md)\n[f](#\x1b[2J)\n")
    briefs = corpus(tmp_path / "briefs", one_ko=bad, one_en="Body\n\n[g](nowhere.md)\n")
    project = copy_project(tmp_path / "project", briefs)
    built = build(project)
    checked = subprocess.run([str(BRIEFS_CMD), "check"], cwd=project, capture_output=True, text=True, timeout=60)
    assert built.returncode != 0 and checked.returncode == 1
    lines = checked.stderr.splitlines()
    # Seven bad references, and the escape character of [f] refused as text too.
    assert len(lines) == 8 and all(line.startswith(f"briefs/2025/{ONE}.") for line in lines)
    assert built.stderr.splitlines()[: len(lines)] == lines
    assert "\x1b" not in built.stderr and "\x1b" not in checked.stderr
    assert "Traceback" not in built.stderr
    assert not (project / "site").exists()
    assert [p.name for p in project.iterdir() if ".building" in p.name] == []


def test_the_schemes_let_through_are_the_ones_the_sanitiser_keeps() -> None:
    from briefkit.references import LINK_SCHEMES
    from briefkit.sanitize import clean_html

    for scheme in (*LINK_SCHEMES, "tel", "ftp", "javascript", "data"):
        kept = "href=" in clean_html(f'<a href="{scheme}:x">x</a>')
        assert kept == (scheme in LINK_SCHEMES), scheme


@pytest.mark.parametrize(("body", "parsed"), [
    ("[보도자료](https://www.mss.go.kr/a) <https://x.org> [r][r]\n\n[r]: HTTP://x.org/r\n", False),
    ("[메일](mailto:a@example.org)\n", False),
    ("[보도자료](https://www.mss.go.kr/a) [다른](other.md)\n", True),
    ("![사진](https://x.org/p.png)\n", True),
    ("[x](https://ok.org/) [y](javascript:alert(1))\n", True),
    ("[a](b](https://x.org)\n", True),
    ("[x](https&#58;//x.org)\n", True),
    ('<a href="https://x.org">x</a>\n', True),
    ('[x](https://ok.org/){: href="missing.md" }\n', True),
])
def test_only_bodies_that_link_outwards_alone_skip_the_parser(tmp_path: Path, body: str, parsed: bool) -> None:
    from briefkit.body_scan import needs_parsing

    assert needs_parsing(body, external=False) is parsed
    assert needs_parsing(body) is True
    if not parsed:  # and indeed the parser finds nothing to judge in them
        assert problems(tmp_path, one_ko=body) == []


def test_scans_are_kept_between_runs_for_the_bodies_in_use(tmp_path: Path) -> None:
    from briefkit.scan_store import ScanStore

    path = tmp_path / "scans.json"
    first = ScanStore(path)
    kept = first.scan("[a](a.md)\n\n## 제목\n")
    first.scan("[b](b.md)\n")
    first.save()
    second = ScanStore(path)
    assert second.scan("[a](a.md)\n\n## 제목\n") == kept
    assert second.anchors("[a](a.md)\n\n## 제목\n") >= {"제목"}
    second.save()
    assert len(ScanStore(path).kept) == 1  # only what the last run looked at


_PIECES = ["[a](https://x.org/a)", "![i](https://x.org/p.png)", "[", "]", "(", ")", "{: href=x.md }", "<https://x.org>",
           "<a href='y.md'>", "[r]: https://x.org/r", "[r]: y.md", "[r]", "\n", "\n\n", " ", "x.md", "!", ":", "`",
           "    ", "[^1]", "[^1]: n", "<", ">", "mailto:", "#", "\\"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_a_body_that_skips_the_parser_has_only_links_to_other_sites(body: str) -> None:
    from briefkit.body_scan import needs_parsing

    if not needs_parsing(body, external=False):
        found = scan(body)
        for ref in found.references:
            assert ref.kind == "link" and not ref.html, ref
            assert (ref.mail or ref.url.lower().startswith(("http:", "https:", "mailto:"))
                    or (ref.url[1:] in found.anchors and ref.url.startswith("#"))), ref  # a heading's own ¶ link
