"""Topic and region vocabularies: names that find a term, and every mistake in the files."""

from __future__ import annotations

import os
import textwrap
import unicodedata
from pathlib import Path

import pytest
from support.project import CORPUS, vocabularies, write_brief

from briefkit.catalog import load_catalog
from briefkit.vocabulary import REGION_CODE, Vocabulary, load_vocabulary

SEOUL = "- slug: seoul\n  code: KR-11\n  ko: 서울특별시\n  en: Seoul\n  aliases: [서울, Seoul City]\n"
REGION_SHAPE = "'- slug: …' with 'code: …', 'ko: …' and 'en: …' below it"
BUSAN = "- slug: busan\n  code: KR-26\n  ko: 부산광역시\n  en: Busan\n"


def load(tmp_path: Path, kind: str, text: str | bytes) -> tuple[Vocabulary, list[str]]:
    path = tmp_path / f"{kind}.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    vocab, problems = load_vocabulary(path, f"briefs/{kind}.yml", kind)
    return vocab, [str(p) for p in problems]


def test_the_fixture_vocabularies_have_no_problems() -> None:
    topics, topic_problems = load_vocabulary(CORPUS / "topics.yml", "briefs/topics.yml", "topics")
    _, region_problems = load_vocabulary(CORPUS / "regions.yml", "briefs/regions.yml", "regions")
    assert topic_problems == [] and region_problems == []
    assert len(topics.terms) >= 10
    assert all(t.ko and t.en and t.description_ko and t.description_en for t in topics.terms)


def test_the_fixture_regions_are_the_17_provinces_and_nationwide() -> None:
    regions, _ = load_vocabulary(CORPUS / "regions.yml", "briefs/regions.yml", "regions")
    codes = {t.code: t.slug for t in regions.terms}
    assert len(codes) == 18
    assert codes["KR"] == "nationwide"
    assert codes["KR-11"] == "seoul"
    assert codes["KR-51"] == "gangwon" and codes["KR-52"] == "jeonbuk"
    assert all(REGION_CODE.match(code) for code in codes)


@pytest.mark.parametrize(
    "name", ["서울", "Seoul", "KR-11", "seoul", "SEOUL", "kr-11", " Seoul ", "서울특별시", "seoul city"]
)
def test_a_region_is_found_by_slug_code_label_or_alias_after_case_folding(tmp_path: Path, name: str) -> None:
    vocab, problems = load(tmp_path, "regions", SEOUL + BUSAN)
    assert problems == []
    term = vocab.resolve(name)
    assert term is not None and term.slug == "seoul"


def test_nfd_names_find_the_region(tmp_path: Path) -> None:
    vocab, _ = load(tmp_path, "regions", unicodedata.normalize("NFD", SEOUL))
    term = vocab.resolve("서울")
    assert term is not None and term.ko == "서울특별시" == unicodedata.normalize("NFC", term.ko)
    assert vocab.resolve(unicodedata.normalize("NFD", "서울")) == term


def test_a_topic_is_found_only_by_its_slug(tmp_path: Path) -> None:
    vocab, problems = load(tmp_path, "topics", "- slug: startups\n  ko: 창업·벤처\n  en: Startups\n")
    assert problems == []
    assert vocab.resolve("startups") is not None
    assert vocab.resolve("창업·벤처") is None
    assert vocab.suggest("startup") == "did you mean 'startups'?"
    assert vocab.suggest("zzzz") == ""


def test_a_region_suggestion_names_the_slug(tmp_path: Path) -> None:
    vocab, _ = load(tmp_path, "regions", SEOUL + BUSAN)
    assert vocab.suggest("Pusan") == "did you mean 'busan'?"
    assert vocab.suggest("서울툭별시") == "did you mean 'seoul'?"


def test_labels_and_descriptions_per_language(tmp_path: Path) -> None:
    vocab, _ = load(tmp_path, "topics", "- slug: x\n  ko: 가\n  en: A\n  description_ko: 설명\n")
    term = vocab.get("x")
    assert (term.label("ko"), term.label("en")) == ("가", "A")
    assert (term.description("ko"), term.description("en")) == ("설명", "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            SEOUL + "- slug: seoul\n  code: KR-99\n  ko: 다른 곳\n  en: Elsewhere\n",
            ["briefs/regions.yml:6: slug: duplicate slug 'seoul', also on line 1 (give each term its own slug)"],
        ),
        (
            SEOUL + BUSAN.replace("KR-26", "KR-11"),
            ["briefs/regions.yml:7: code: 'KR-11' already names 'seoul' on line 2"
             " (each slug, code, label and alias must name one term)"],
        ),
        (
            SEOUL + BUSAN + "  aliases: [Pusan, 서울]\n",
            ["briefs/regions.yml:10: aliases: '서울' already names 'seoul' on line 5"
             " (each slug, code, label and alias must name one term)"],
        ),
        (
            SEOUL + BUSAN.replace("en: Busan", "en: SEOUL"),
            ["briefs/regions.yml:9: en: 'SEOUL' already names 'seoul' on line 1"
             " (each slug, code, label and alias must name one term)"],
        ),
        (
            "- slug: seoul\n  code: KR-11\n  en: Seoul\n",
            ["briefs/regions.yml:1: ko: is missing (every term needs 'ko: …', its Korean label)"],
        ),
        (
            "- slug: seoul\n  ko: 서울\n  en: Seoul\n",
            ["briefs/regions.yml:1: code: is missing (every term needs 'code: …', its ISO 3166-2:KR code)"],
        ),
        (
            "- slug: seoul\n  code: KR-11\n  ko: ''\n  en: Seoul\n",
            ["briefs/regions.yml:3: ko: is empty (write the Korean label)"],
        ),
        (
            "- slug: Seoul City\n  code: Seoul\n  ko: 서울\n  en: Seoul\n",
            [
                "briefs/regions.yml:1: slug: 'Seoul City' is not a slug (use lowercase letters, digits and hyphens)",
                "briefs/regions.yml:2: code: 'Seoul' is not an ISO 3166-2:KR code"
                " (write it like 'KR-11', or 'KR' for nationwide)",
            ],
        ),
        (
            SEOUL + "  alias: [x]\n",
            ["briefs/regions.yml:6: alias: unknown field (did you mean 'aliases'?; remove it)"],
        ),
        (
            "- slug: seoul\n  code: KR-11\n  ko: 서울\n  en: Seoul\n  aliases: 서울시\n",
            ["briefs/regions.yml:5: aliases: must be a list of names (write 'aliases: [경남, South Gyeongsang]')"],
        ),
        (
            "- seoul\n- busan\n",
            [
                f"briefs/regions.yml:1: regions: each term must be fields, found text (write {REGION_SHAPE})",
                f"briefs/regions.yml:2: regions: each term must be fields, found text (write {REGION_SHAPE})",
            ],
        ),
        ("seoul: 서울\n", ["briefs/regions.yml:1: regions: must be a list of terms, found a mapping"
                          f" (write each term as {REGION_SHAPE})"]),
        ("", ["briefs/regions.yml:1: regions: must be a list of terms, found nothing"
              f" (write each term as {REGION_SHAPE})"]),
        ("[]", ["briefs/regions.yml:1: regions: must be a list of terms, found an empty list"
                f" (write each term as {REGION_SHAPE})"]),
    ],
)
def test_region_file_mistakes(tmp_path: Path, text: str, expected: list[str]) -> None:
    _, problems = load(tmp_path, "regions", text)
    assert sorted(problems) == expected


def test_topic_file_mistakes(tmp_path: Path) -> None:
    text = (
        "- slug: startups\n  ko: 창업\n  en: Startups\n"
        "- slug: startups\n  ko: 벤처\n  en: Ventures\n"
        "- slug: export\n  ko: 수출\n  description: x\n"
    )
    _, problems = load(tmp_path, "topics", text)
    assert sorted(problems) == [
        "briefs/topics.yml:4: slug: duplicate slug 'startups', also on line 1 (give each term its own slug)",
        "briefs/topics.yml:7: en: is missing (every term needs 'en: …', its English label)",
        "briefs/topics.yml:9: description: unknown field (did you mean 'description_ko'?; remove it)",
    ]


def test_a_label_repeated_as_its_own_alias_is_not_a_duplicate(tmp_path: Path) -> None:
    text = "- slug: seoul\n  code: KR-11\n  ko: 서울\n  en: Seoul\n  aliases: [seoul, 서울]\n"
    _, problems = load(tmp_path, "regions", text)
    assert problems == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"- slug: x\n  ko: \xb0\xa1\n", "briefs/topics.yml:2: topics: is not UTF-8 text (save the file as UTF-8)"),
        (b"\x00\x01\x02", "briefs/topics.yml:1: topics: invalid YAML: "),
        (b"- slug: [x\n", "briefs/topics.yml:"),
    ],
)
def test_an_unreadable_vocabulary_is_one_message(tmp_path: Path, content: bytes, expected: str) -> None:
    vocab, problems = load(tmp_path, "topics", content)
    assert vocab.terms == ()
    [problem] = problems
    assert problem.startswith(expected)
    assert "\n" not in problem


def test_a_bom_and_crlf_vocabulary_is_read(tmp_path: Path) -> None:
    vocab, problems = load(tmp_path, "regions", b"\xef\xbb\xbf" + (SEOUL + BUSAN).replace("\n", "\r\n").encode())
    assert problems == []
    assert [t.slug for t in vocab.terms] == ["seoul", "busan"]


def test_a_missing_or_unreadable_vocabulary_is_reported_by_the_catalog(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    (briefs / "topics.yml").unlink()
    (briefs / "regions.yml").unlink()
    (briefs / "regions.yml").mkdir()
    assert [str(p) for p in load_catalog(briefs).problems] == [
        "briefs/regions.yml:1: regions: is a folder, not a file (put a plain text file here)",
        "briefs/topics.yml:1: topics: file is missing"
        " (create it: a list of terms, each '- slug: …' with 'ko: …' and 'en: …' below it)",
    ]


def test_a_vocabulary_problem_fails_the_catalog_even_with_good_briefs(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    text = (briefs / "topics.yml").read_text(encoding="utf-8")
    (briefs / "topics.yml").write_text(text + "- slug: startups\n  ko: 중복\n  en: Duplicate\n", encoding="utf-8")
    front = "title: x\ndate: 2025-05-13\nsummary: s\ntopics: [startups]\nregions: [KR]\n"
    write_brief(briefs, "2025-05-13-x", "ko", front)
    catalog = load_catalog(briefs)
    [problem] = [str(p) for p in catalog.problems]
    assert problem.startswith("briefs/topics.yml:") and ": slug: duplicate slug 'startups', also on line " in problem


# --- all vocabulary problems at once: golden file ---

BROKEN_TOPICS = """\
- slug: startups
  ko: 창업
  en: Startups
- slug: startups
  ko: 벤처
  en: Ventures
- slug: Export Support
  ko: 수출
- slug: finance
  ko: ''
  en: 42
  description: 금융
- 스마트공장
"""
BROKEN_REGIONS = """\
- slug: seoul
  code: KR-11
  ko: 서울특별시
  en: Seoul
  aliases: [서울]
- slug: busan
  code: KR-11
  ko: 부산광역시
  en: Busan
  aliases: [서울, Pusan]
- slug: jeju
  code: Jeju
  en: Jeju
  aliases: 제주
- slug: daegu
  code: KR-27
  ko: 대구광역시
  en: SEOUL
  alias: [Taegu]
"""
GOLDEN = Path(__file__).parent / "golden" / "broken-vocabularies.txt"


def test_every_vocabulary_problem_is_reported_at_once_golden(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    (briefs / "topics.yml").write_text(BROKEN_TOPICS, encoding="utf-8")
    (briefs / "regions.yml").write_text(BROKEN_REGIONS, encoding="utf-8")
    write_brief(briefs, "2025-05-13-x", "ko", "title: x\ndate: 2025-05-13\nsummary: s\ntopics: [startups]\n"
                "regions: [서울]\n")
    catalog = load_catalog(briefs)
    actual = "".join(f"{p}\n" for p in catalog.problems)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(actual, encoding="utf-8")
    assert actual == GOLDEN.read_text(encoding="utf-8")
    assert catalog.problems == sorted(catalog.problems)
    assert all(p.path != "briefs/2025/2025-05-13-x.ko.md" for p in catalog.problems)  # its names still resolve


def test_a_brief_naming_a_broken_term_is_not_blamed_for_it(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    text = (briefs / "regions.yml").read_text(encoding="utf-8")
    broken_term = "- slug: sejong-new\n  code: KR-5X\n  ko: 세종 신도시\n  en: New Sejong\n"
    (briefs / "regions.yml").write_text(text + broken_term, encoding="utf-8")
    write_brief(briefs, "2025-05-13-x", "ko", "title: x\ndate: 2025-05-13\nsummary: s\ntopics: [startups]\n"
                "regions: [sejong-new, 세종 신도시, Atlantis]\n")
    problems = [str(p) for p in load_catalog(briefs).problems]
    assert [p.split(": ", 1)[0].rsplit(":", 1)[0] for p in problems] == ["briefs/2025/2025-05-13-x.ko.md",
                                                                          "briefs/regions.yml"]
    assert problems[0].endswith("regions: unknown region 'Atlantis' (use a slug from briefs/regions.yml)")
    assert ": code: 'KR-5X' is not an ISO 3166-2:KR code" in problems[1]
