"""``briefs qa``: a faithful translation passes; planted mistakes are reported at their lines.

The fixture is a Korean source and a faithful English translation written for
this test, with a heading structure, a list, a table, a link, figures in 억 and
조, percentages and dates, and a glossary of its own. Each mistake test plants
one error in a copy of the translation and looks for the one finding it makes.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from support.project import vocabularies, write_brief

from briefkit.catalog import load_catalog
from briefkit.cli import main
from briefkit.glossary import glossary_pairs

BRIEF = "2025-05-13-qa-fixture"
GLOSSARY = """\
# The agreed English for this test's terms.
- ko: 중소벤처기업부
  en: Ministry of SMEs and Startups
  also: [MSS]
- ko: 중소기업
  en: SMEs
  also: [SME, small and medium-sized enterprises]
- ko: 벤처기업
  en: venture companies
- ko: 지역혁신
  en: regional innovation
"""
KO_FRONT = """\
title: "중소벤처기업부, 지역혁신 간담회 개최"
date: 2025-05-13
summary: "중소벤처기업부는 2025년 5월 13일 지역혁신 간담회를 열고 중소기업 지원 예산 1조 2천억 원을 논의했다."
topics: [export]
regions: [busan]
speakers:
  - name: 김민수
    role: 과장
    affiliation: 중소벤처기업부
"""
KO_BODY = """\
중소벤처기업부는 13일 부산에서 지역혁신 간담회를 열었다. 김민수 과장이 회의를 주재했다.

## 현황

지역 중소기업 1,200곳 가운데 35%가 인력난을 겪고 있다.

- 수출 지원 예산: 3,500억 원
- 정책 자금: 10조원

| 구분 | 비율 |
|---|---|
| 제조업 | 42% |

## 향후 계획

정부는 2026년 1월까지 [지원 계획](https://www.mss.go.kr/)을 발표할 예정이다.
"""
EN_FRONT = """\
title: "Ministry of SMEs and Startups holds a regional innovation roundtable"
summary: "On May 13, 2025, the MSS held a regional innovation roundtable on KRW 1.2 trillion of SME support."
speakers:
  - name: Kim Min-su
    role: Deputy Director
    affiliation: Ministry of SMEs and Startups
translated_from: "000000000000"
"""
EN_BODY = """\
The Ministry of SMEs and Startups held a regional innovation roundtable in Busan on the 13th.
Deputy Director Kim Min-su chaired it.

## Where things stand

Of 1,200 regional SMEs, 35% are short of workers.

- Export support budget: KRW 350 billion
- Policy funds: KRW 10 trillion

| Sector | Share |
|---|---|
| Manufacturing | 42% |

## Next steps

The government will announce [a support plan](https://www.mss.go.kr/) by January 2026.
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    briefs = vocabularies(tmp_path / "briefs")
    (briefs / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    write_brief(briefs, BRIEF, "ko", KO_FRONT, KO_BODY)
    write_brief(briefs, BRIEF, "en", EN_FRONT, EN_BODY)
    monkeypatch.chdir(tmp_path)
    return tmp_path


EN_PATH = f"briefs/2025/{BRIEF}.en.md"
KO_PATH = f"briefs/2025/{BRIEF}.ko.md"


def qa(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(["qa", *argv])
    out = capsys.readouterr().out
    return code, out.splitlines()


def plant(project: Path, old: str, new: str) -> None:
    path = project / EN_PATH
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, path: str, needle: str) -> int:
    lines = (project / path).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_a_faithful_translation_has_no_findings(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = qa(capsys, "--strict")
    assert (code, lines) == (0, [])


def test_a_wrong_term_is_reported_at_the_source_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plant(project, "held a regional innovation roundtable in Busan", "held a local innovation roundtable in Busan")
    plant(project, "held a regional innovation roundtable on", "held a roundtable on")
    plant(project, "holds a regional innovation roundtable", "holds a roundtable")
    code, lines = qa(capsys)
    assert code == 0  # findings do not fail without --strict
    line = line_of(project, KO_PATH, "지역혁신")
    assert lines == [f"{KO_PATH}:{line}: glossary: '지역혁신' is 'regional innovation' in the glossary,"
                     f" but {EN_PATH} uses none of them (write 'regional innovation' there)"]
    assert main(["qa", "--strict"]) == 1


def test_a_missing_section_is_reported_where_it_belongs(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plant(project, "## Next steps\n\nThe government will announce [a support plan](https://www.mss.go.kr/)"
                   " by January 2026.\n", "")
    _, lines = qa(capsys)
    structure = [line for line in lines if ": structure: " in line]
    assert any(f"the source's level-2 heading '향후 계획' (line {line_of(project, KO_PATH, '## 향후')})" in line
               for line in structure), lines
    assert all(line.startswith(f"{EN_PATH}:") for line in structure)
    # Its link went with it, and nothing else is reported.
    assert len(lines) == len(structure) == 2 and "link to 'https://www.mss.go.kr/'" in lines[1]


def test_a_changed_figure_is_reported_at_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plant(project, "Of 1,200 regional SMEs, 35% are short", "Of 1,200 regional SMEs, 30% are short")
    _, lines = qa(capsys)
    line = line_of(project, EN_PATH, "30% are short")
    source_line = line_of(project, KO_PATH, "35%가")
    assert lines == [f"{EN_PATH}:{line}: figures: the source has '35' (line {source_line}), which this paragraph"
                     " of the translation does not (check the figure, written the English way)"]


@pytest.mark.parametrize(("old", "new", "needle"), [
    ("KRW 350 billion", "KRW 35 billion", "Export support"),  # 3,500억 = 350 billion
    ("KRW 10 trillion", "KRW 1 trillion", "Policy funds"),  # 10조원
])
def test_korean_units_are_compared_as_values(project: Path, capsys: pytest.CaptureFixture[str], old: str,
                                             new: str, needle: str) -> None:
    plant(project, old, new)
    _, lines = qa(capsys)
    assert [line.split(": ", 2)[:2] for line in lines] == [[f"{EN_PATH}:{line_of(project, EN_PATH, needle)}",
                                                           "figures"]]


def test_a_changed_date_in_the_summary(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plant(project, "On May 13, 2025,", "On 12 May 2025,")
    _, lines = qa(capsys)
    assert lines == [f"{EN_PATH}:3: figures: the source has '2025년 5월 13일' (line 4), which the summary of the"
                     " translation does not (check the figure, written the English way)"]


def test_dates_written_the_other_english_way_pass(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plant(project, "On May 13, 2025,", "On 13 May 2025,")
    assert qa(capsys) == (0, [])


def test_structure_list_and_heading_level(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plant(project, "- Policy funds: KRW 10 trillion\n", "")
    plant(project, "## Where things stand", "### Where things stand")
    _, lines = qa(capsys)
    heading = line_of(project, EN_PATH, "### Where")
    listed = line_of(project, EN_PATH, "- Export")
    source_heading = line_of(project, KO_PATH, "## 현황")
    assert f"{EN_PATH}:{heading}: structure: this is a level-3 heading; the source's (line {source_heading}) is a" \
           " level-2 heading (make them match)" in lines
    assert f"{EN_PATH}:{listed}: structure: this is a bulleted list of 1 item; the source's" \
           f" (line {line_of(project, KO_PATH, '- 수출')}) is a bulleted list of 2 items (make them match)" in lines
    # The item's figure went with it.
    assert len(lines) == 3 and any(f"{EN_PATH}:{listed}: figures: the source has '10조'" in line for line in lines)


def test_names_and_untranslated_korean(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plant(project, "Deputy Director Kim Min-su chaired it.", "Deputy Director Kim Minsu chaired it.")
    plant(project, "Of 1,200 regional SMEs", "Of 1,200 지역 SMEs")
    _, lines = qa(capsys)
    name_line = line_of(project, EN_PATH, "name: Kim Min-su")
    korean_line = line_of(project, EN_PATH, "지역 SMEs")
    assert lines == [  # sorted by file and line
        f"{EN_PATH}:{name_line}: speakers: 'Kim Min-su' is not in the text, though the source's text names '김민수'"
        " (write it as spelled here, or correct the spelling here)",
        f"{EN_PATH}:{korean_line}: untranslated: Korean text '지역' left in the English translation (translate it)",
    ]


def test_json_and_a_single_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plant(project, "35% are short", "30% are short")
    code = main(["qa", "--json", EN_PATH])
    findings = json.loads(capsys.readouterr().out)
    assert code == 0
    assert findings == [{"path": EN_PATH, "line": line_of(project, EN_PATH, "30% are"), "field": "figures",
                         "message": findings[0]["message"]}]
    assert "'35'" in findings[0]["message"]


def test_glossary_problems_are_check_errors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "briefs" / "glossary.yml").write_text(textwrap.dedent("""\
        - ko: 중소기업
          en: SMEs
        - ko: 중소기업
          en: small businesses
        - ko: SME
          en: SMEs
        - ko: 벤처기업
          english: venture companies
          also: venture firms
        """), encoding="utf-8")
    assert main(["check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "briefs/glossary.yml:3: ko: '중소기업' is already in the glossary on line 1" \
           " (keep one entry, with the other forms under 'also')" in err
    assert "briefs/glossary.yml:5: ko: 'SME' has no Korean letters (write the Korean term the sources use)" in err
    assert any(line.startswith("briefs/glossary.yml:8: english: unknown field 'english'") for line in err)
    assert any(line.startswith("briefs/glossary.yml:9: also: must be a list of English forms") for line in err)
    assert "briefs/glossary.yml:7: en: is missing (every term needs 'en: …', its agreed English)" in err


def test_no_glossary_is_fine_and_pairs_feed_search(project: Path) -> None:
    catalog = load_catalog(project / "briefs")
    assert ("중소기업", "SMEs") in glossary_pairs(catalog.glossary)
    assert ("중소벤처기업부", "MSS") in glossary_pairs(catalog.glossary)
    (project / "briefs" / "glossary.yml").unlink()
    catalog = load_catalog(project / "briefs")
    assert catalog.problems == [] and glossary_pairs(catalog.glossary) == []


def plant_source(project: Path, old: str, new: str) -> None:
    path = project / KO_PATH
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("korean", "english"), [
    (("35%가", "35%가"), ("35% are", "35 percent are")),
    (("1,200곳", "1,200곳"), ("Of 1,200 regional SMEs", "Of 1,200 regional SME")),  # singular of 'SMEs'
    (("35%가 인력난을", "35%가 2배 넘는 인력난을"), ("35% are short", "35% are twice as short")),
    (("1,200곳", "1만 2천 곳"), ("Of 1,200", "Of 12,000")),
    (("3,500억 원", "3,500억 원"), ("KRW 350 billion", "350 billion won")),
    (("date: 2025-05-13", "date: 2025-05-13\nvenue: 벤처기업 지원센터"), ("Busan on", "Busan on")),  # venue left out
])
def test_faithful_variants_pass(project: Path, capsys: pytest.CaptureFixture[str], korean: tuple[str, str],
                                english: tuple[str, str]) -> None:
    plant_source(project, *korean)
    plant(project, *english)
    assert qa(capsys) == (0, [])
