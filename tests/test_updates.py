"""Updates (corrections after publication): validation, the brief page, lists, feeds, sitemap, data, status."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import Build, vocabularies, write_brief
from support.updates_site import (
    CORRECTED_ID,
    HOSTILE_ID,
    KOREAN_ONLY_ID,
    NOTE_1_EN,
    NOTE_1_KO,
    NOTE_2_KO,
    NOTE_KO_ONLY,
    SITE_URL,
    SOURCE,
    updates_build,
)

from briefkit.catalog import load_catalog
from briefkit.cli import main
from briefkit.scaffold import new_source, new_translation

__all__ = ["updates_build"]
A = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def problems(briefs: Path) -> list[str]:
    return [str(p) for p in load_catalog(briefs).problems]


# --- validation -------------------------------------------------------------------------------------------


def test_every_mistake_in_updates_is_reported_at_once(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-05-01-a", "ko", SOURCE + f"""\
    updates:
      - date: 2025-04-30
        note: 개최일 전의 수정
      - date: 2025-05-10
        note: "{'가' * 301}"
      - date: 2025-05-05
        note: 순서가 틀린 수정
      - date: 2025-5-6
      - note: 날짜 없는 수정
        when: 2025-05-07
      - 그냥 문장
    """)
    assert problems(briefs) == [
        "briefs/2025/2025-05-01-a.ko.md:8: updates.date: 2025-04-30 is before the brief's date, 2025-05-01"
        " (an update is made after the roundtable: check the date)",
        "briefs/2025/2025-05-01-a.ko.md:11: updates.note: is 301 characters long (shorten it to at most 300)",
        "briefs/2025/2025-05-01-a.ko.md:12: updates.date: 2025-05-05 is before the update above it, 2025-05-10"
        " (list updates oldest first: move this one up)",
        "briefs/2025/2025-05-01-a.ko.md:14: updates.date: '2025-5-6' is not a date"
        " (write it as YYYY-MM-DD, e.g. 2025-06-02)",
        "briefs/2025/2025-05-01-a.ko.md:14: updates.note: is missing (write what was corrected after 'note:')",
        "briefs/2025/2025-05-01-a.ko.md:15: updates.date: is missing"
        " (add 'date: YYYY-MM-DD', the day of the correction)",
        "briefs/2025/2025-05-01-a.ko.md:16: updates.when: unknown field (remove it)",
        "briefs/2025/2025-05-01-a.ko.md:17: updates: each update must have fields, found text"
        " (write one '- date: YYYY-MM-DD' per update, with 'note: …' below it)",
    ]


def test_an_update_date_must_be_plausible(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-05-01-a", "ko", SOURCE + "    updates:\n      - date: 2999-01-01\n        note: 미래\n")
    [problem] = problems(briefs)
    assert problem.startswith("briefs/2025/2025-05-01-a.ko.md:8: updates.date: 2999-01-01 is more than 30 days")


def test_a_translation_gives_notes_only_and_never_more_than_the_source(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-05-01-a", "ko", SOURCE + "    updates:\n      - date: 2025-05-02\n        note: 고침\n")
    write_brief(briefs, "2025-05-01-a", "en", """
        title: T
        summary: S.
        updates:
          - note: Fixed.
            date: 2025-05-02
          - note: One too many.
    """)
    assert problems(briefs) == [
        "briefs/2025/2025-05-01-a.en.md:6: updates.date: is set only in the source file"
        " (edit briefs/2025/2025-05-01-a.ko.md instead and remove it here; a translation gives only 'note')",
        "briefs/2025/2025-05-01-a.en.md:7: updates: has 2 notes but the source, briefs/2025/2025-05-01-a.ko.md,"
        " has 1 update (translate the source's notes in order: remove the extra ones, or add the update to the"
        " source first)",
    ]


def test_updates_are_read_in_order_and_the_latest_is_the_modified_date(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-05-01-a", "ko", SOURCE + """\
    updates:
      - date: 2025-05-01
        note: "  같은 날의
          수정  "
      - date: 2025-06-02
        note: 나중 수정
    """)
    [brief] = load_catalog(briefs).briefs
    assert [(u.date.isoformat(), u.note) for u in brief.updates] == [("2025-05-01", "같은 날의 수정"),
                                                                     ("2025-06-02", "나중 수정")]
    assert brief.modified.isoformat() == "2025-06-02"


def test_an_added_update_leaves_the_digest_and_the_translation_state_alone(tmp_path: Path) -> None:
    # The contract's digest covers title, summary and body: an update note is not in it.
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-05-01-a", "ko", SOURCE)
    before = load_catalog(briefs).briefs[0].digest
    write_brief(briefs, "2025-05-01-a", "en", f'title: T\nsummary: S.\ntranslated_from: "{before}"\n')
    write_brief(briefs, "2025-05-01-a", "ko", SOURCE + "    updates:\n      - date: 2025-05-02\n        note: 고침\n")
    [brief] = load_catalog(briefs).briefs
    assert brief.digest == before
    assert brief.state("en") == "current"
    assert brief.untranslated_updates("en") == 1


# --- briefs status -----------------------------------------------------------------------------------------


def test_status_counts_untranslated_update_notes_as_translator_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-05-01-a", "ko", SOURCE + """
    updates:
      - date: 2025-05-02
        note: 첫 수정
      - date: 2025-05-03
        note: 둘째 수정
    """)
    write_brief(briefs, "2025-05-01-a", "en", "title: T\nsummary: S.\nupdates:\n  - note: First fix.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["status", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["state"], row["untranslated_updates"]) == ("unverified", 1)
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "2025-05-01-a  en  briefs/2025/2025-05-01-a.en.md  1 update note to translate" in out
    assert out.rstrip().endswith("1 update note to translate (add each as '- note: …' under 'updates:' in the"
                                 " translation, in the source's order)")


# --- the built site ----------------------------------------------------------------------------------------


def updates_block(page: str) -> str | None:
    match = re.search(r'<section class="brief-updates".*?</section>', page, re.DOTALL)
    return match.group() if match else None


def items(block: str) -> list[tuple[str, str | None, str]]:
    """(datetime, lang of the note or None, note) of each update, in page order."""
    found = re.findall(r'<time class="brief-updates__date" datetime="([0-9-]+)">[^<]*</time>\s*'
                       r'<span class="brief-updates__note"(?: lang="(\w+)")?>([^<]*)</span>', block)
    return [(d, lang or None, note) for d, lang, note in found]


@pytest.mark.build
def test_the_brief_page_lists_updates_newest_first_in_its_language(updates_build: Build) -> None:
    ko = updates_block(updates_build.page(f"briefs/{CORRECTED_ID}/"))
    assert ko is not None and "<h2 id=\"updates-heading\">수정 이력</h2>" in ko
    assert items(ko) == [("2025-05-20", None, NOTE_2_KO), ("2025-05-03", None, NOTE_1_KO)]
    assert "2025년 5월 20일</time>" in ko
    en = updates_block(updates_build.page(f"en/briefs/{CORRECTED_ID}/"))
    assert en is not None and "<h2 id=\"updates-heading\">Updates</h2>" in en
    # The second note has no English yet: shown in Korean, marked as Korean.
    assert items(en) == [("2025-05-20", "ko", NOTE_2_KO), ("2025-05-03", None, NOTE_1_EN)]
    assert "20 May 2025</time>" in en


@pytest.mark.build
def test_an_english_page_without_translation_shows_the_korean_notes_marked(updates_build: Build) -> None:
    en = updates_block(updates_build.page(f"en/briefs/{KOREAN_ONLY_ID}/"))
    assert en is not None and items(en) == [("2025-04-02", "ko", NOTE_KO_ONLY)]


@pytest.mark.build
def test_a_brief_without_updates_has_no_updates_block(updates_build: Build) -> None:
    for prefix in ("", "en/"):
        page = updates_build.page(f"{prefix}briefs/{HOSTILE_ID}/")
        assert updates_block(page) is None and "article:modified_time" not in page


@pytest.mark.build
def test_lists_mark_corrected_briefs_and_keep_the_roundtable_order(updates_build: Build) -> None:
    pages = {"ko": ["", "topics/startups/", "regions/busan/", "archive/"],
             "en": ["en/", "en/topics/startups/", "en/regions/busan/", "en/archive/"]}
    for lang, paths in pages.items():
        badge = {"ko": "수정됨", "en": "Updated"}[lang]
        for path in paths:
            page = updates_build.page(path)
            listed = re.findall(r'<li class="brief-list__item">.*?href="[^"]*briefs/([^/"]+)/"', page, re.DOTALL)
            marked = re.findall(rf'<li class="brief-list__item">\s*<time[^>]*>[^<]*</time> <span class='
                                rf'"brief-list__updated">{badge}</span>\s*<a[^>]*href="[^"]*briefs/([^/"]+)/"', page)
            expected = [i for i in (HOSTILE_ID, CORRECTED_ID, KOREAN_ONLY_ID) if i in listed]
            assert listed == expected, path  # by the roundtable's date, not the update's
            assert marked == [i for i in listed if i != HOSTILE_ID], path


@pytest.mark.build
def test_feeds_give_the_latest_update_as_updated(updates_build: Build) -> None:
    root = ET.parse(updates_build.site / "feed.xml").getroot()
    entries = {e.findtext(A + "id"): (e.findtext(A + "published"), e.findtext(A + "updated"))
               for e in root.findall(A + "entry")}
    assert entries[f"{SITE_URL}briefs/{CORRECTED_ID}/"] == ("2025-05-01T00:00:00+09:00", "2025-05-20T00:00:00+09:00")
    assert entries[f"{SITE_URL}briefs/{HOSTILE_ID}/"] == ("2025-06-01T00:00:00+09:00", "2025-06-01T00:00:00+09:00")
    assert root.findtext(A + "updated") == "2025-06-01T00:00:00+09:00"
    order = [e.findtext(A + "id") for e in root.findall(A + "entry")]
    assert order == [f"{SITE_URL}briefs/{i}/" for i in (HOSTILE_ID, CORRECTED_ID, KOREAN_ONLY_ID)]


@pytest.mark.build
def test_the_sitemap_gives_the_latest_update_as_lastmod(updates_build: Build) -> None:
    root = ET.parse(updates_build.site / "sitemap.xml").getroot()
    lastmod = {u.findtext(SM + "loc"): u.findtext(SM + "lastmod") for u in root.findall(SM + "url")}
    assert lastmod[f"{SITE_URL}briefs/{CORRECTED_ID}/"] == "2025-05-20"
    assert lastmod[f"{SITE_URL}en/briefs/{CORRECTED_ID}/"] == "2025-05-20"
    assert lastmod[f"{SITE_URL}briefs/{KOREAN_ONLY_ID}/"] == "2025-04-02"
    assert lastmod[f"{SITE_URL}briefs/{HOSTILE_ID}/"] == "2025-06-01"


@pytest.mark.build
def test_open_data_gives_updates_and_the_modified_date(updates_build: Build) -> None:
    document = json.loads((updates_build.site / "data" / "briefs.json").read_text(encoding="utf-8"))
    records = {b["id"]: b for b in document["briefs"]}
    assert records[CORRECTED_ID]["modified"] == "2025-05-20"
    assert records[CORRECTED_ID]["updates"] == [
        {"date": "2025-05-03", "notes": {"ko": NOTE_1_KO, "en": NOTE_1_EN}},
        {"date": "2025-05-20", "notes": {"ko": NOTE_2_KO, "en": None}},
    ]
    assert (records[HOSTILE_ID]["modified"], records[HOSTILE_ID]["updates"]) == ("2025-06-01", [])
    csv_text = (updates_build.site / "data" / "briefs.csv").read_text(encoding="utf-8-sig")
    assert f"{CORRECTED_ID},2025-05-01," in csv_text and ",2025-05-20,kogl-1," in csv_text


@pytest.mark.build
def test_the_head_gives_the_modified_time_of_a_corrected_brief(updates_build: Build) -> None:
    page = updates_build.page(f"en/briefs/{CORRECTED_ID}/")
    assert '<meta property="article:modified_time" content="2025-05-20">' in page


def test_briefs_new_offers_the_source_notes_to_translate(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, "2025-05-01-a", "ko", SOURCE + """\
    updates:
      - date: 2025-05-02
        note: "첫 수정: '따옴표'"
    """)
    path = new_translation(load_catalog(briefs), briefs, "2025-05-01", "a", "en")
    text = path.read_text(encoding="utf-8")
    assert "# updates:\n#   - note: \"첫 수정: '따옴표'\"\n" in text
    # Uncommented and translated, the lines are a valid translation's updates.
    text = text.replace('title: ""', "title: T").replace('summary: ""', "summary: S.")
    text = text.replace("# updates:", "updates:").replace("#   - note: \"첫 수정: '따옴표'\"", "  - note: First fix.")
    path.write_text(text, encoding="utf-8")
    catalog = load_catalog(briefs)
    assert catalog.problems == []
    assert catalog.briefs[0].translations["en"].update_notes == ("First fix.",)


def test_briefs_new_documents_license_and_updates_in_a_new_source(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    text = new_source(briefs, "2025-05-01", "a").read_text(encoding="utf-8")
    assert "# license: kogl-1" in text and "# updates:" in text and "#   - date: " in text


@pytest.mark.build
def test_the_translations_page_counts_update_notes_to_translate(updates_build: Build) -> None:
    for path, text in (("translations/", "번역할 수정 설명 1건"), ("en/translations/", "Update notes to translate: 1")):
        page = updates_build.page(path)
        row = re.search(rf'<tr data-brief="{CORRECTED_ID}" data-lang="en".*?</tr>', page, re.DOTALL)
        assert row and f'<span class="translations-update-notes">{text}</span>' in row.group()
        other = re.search(rf'<tr data-brief="{HOSTILE_ID}" data-lang="en".*?</tr>', page, re.DOTALL)
        assert other and "translations-update-notes" not in other.group()
