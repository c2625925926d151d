"""The translator's commands on a fixture tree: status, stamp, digest and new.

Each test runs ``briefs`` as a writer would, from the project folder, and
asserts on what it prints, its exit code and the bytes of the files it writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest
from support.cli import run
from support.project import vocabularies, write_brief

from briefkit.catalog import load_catalog
from briefkit.cli import main

SOURCE = """\
title: "{title}"
date: {date}
summary: "{summary}"
topics: [export]
regions: [busan]
"""
EARLY_BODY = "부산 수출 중소기업 30곳이 참석했다.\n"
BODY = "부산 수출 중소기업 35곳이 참석했다.\n"


def contract_digest(title: str, summary: str, body: str) -> str:
    """The contract's digest, computed here independently of briefkit."""
    def clean(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).rstrip()
    joined = clean(title) + "\n" + clean(summary) + "\n" + clean(body)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:12]


def source(briefs: Path, brief_id: str, body: str = BODY, extra: str = "") -> Path:
    front = SOURCE.format(title=f"{brief_id} 제목", date=brief_id[:10], summary="요약입니다.") + extra
    return write_brief(briefs, brief_id, "ko", front, body)


def translation(briefs: Path, brief_id: str, stamped_from: str | None, body: str = "Thirty exporters came.\n") -> Path:
    front = f'title: "{brief_id} title"\nsummary: "A summary."\n'
    if stamped_from is not None:
        front += f'translated_from: "{stamped_from}"\n'
    return write_brief(briefs, brief_id, "en", front, body)


def digest_of(brief_id: str, body: str = BODY) -> str:
    return contract_digest(f"{brief_id} 제목", "요약입니다.", body)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with one brief in every state, the working directory."""
    briefs = vocabularies(tmp_path / "briefs")
    source(briefs, "2025-01-10-current")
    translation(briefs, "2025-01-10-current", digest_of("2025-01-10-current"))
    # Translated from an earlier text; the figure was corrected since.
    source(briefs, "2025-02-10-corrected")
    translation(briefs, "2025-02-10-corrected", digest_of("2025-02-10-corrected", EARLY_BODY))
    # Translated, then the source gained only trailing white space and blank lines.
    source(briefs, "2025-03-10-spaces", body="부산 수출 중소기업 35곳이 참석했다.   \n\n\n")
    translation(briefs, "2025-03-10-spaces", digest_of("2025-03-10-spaces"))
    source(briefs, "2025-04-10-unstamped")
    translation(briefs, "2025-04-10-unstamped", None)
    source(briefs, "2025-05-10-untranslated")
    source(briefs, "2025-06-10-draft", extra="draft: true\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def status_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, dict[str, object]]:
    code, out, _ = run(capsys, "status", "--json", *argv)
    assert code == 0
    return {row["id"]: row for row in json.loads(out)}


def test_status_groups_every_state_with_counts(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "status")
    assert code == 0, err
    assert out.index("outdated (1)") < out.index("missing (2)") < out.index("unverified (1)") < out.index("current (2)")
    assert "2025-02-10-corrected  en  briefs/2025/2025-02-10-corrected.en.md" in out
    assert "2025-05-10-untranslated  en  (source: briefs/2025/2025-05-10-untranslated.ko.md)" in out
    assert "2025-06-10-draft  en  (source: briefs/2025/2025-06-10-draft.ko.md)  [draft]" in out
    assert out.rstrip().endswith("6 briefs: 1 outdated, 2 missing, 1 unverified, 2 current")


def test_status_json_shape_and_states(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = status_json(capsys)
    assert {i: r["state"] for i, r in rows.items()} == {
        "2025-06-10-draft": "missing",
        "2025-05-10-untranslated": "missing",
        "2025-04-10-unstamped": "unverified",
        "2025-03-10-spaces": "current",  # trailing white space does not change the digest
        "2025-02-10-corrected": "outdated",
        "2025-01-10-current": "current",
    }
    corrected = rows["2025-02-10-corrected"]
    assert corrected == {
        "id": "2025-02-10-corrected", "source": "ko", "lang": "en", "state": "outdated",
        "path": "briefs/2025/2025-02-10-corrected.en.md", "source_path": "briefs/2025/2025-02-10-corrected.ko.md",
        "digest": digest_of("2025-02-10-corrected"),
        "translated_from": digest_of("2025-02-10-corrected", EARLY_BODY),
        "source_changed": None,  # not a git work tree
        "draft": False,
        "changes": None,  # nor git history to count paragraphs from
        "untranslated_updates": 0,
    }
    assert rows["2025-05-10-untranslated"]["path"] is None
    assert rows["2025-06-10-draft"]["draft"] is True


def test_status_filters_by_state_and_language(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    briefs = project / "briefs"
    english_source = SOURCE.format(title="English", date="2025-07-10", summary="S.")
    write_brief(briefs, "2025-07-10-english-only", "en", english_source)
    shown = set(status_json(capsys, "--state", "outdated,unverified"))
    assert shown == {"2025-02-10-corrected", "2025-04-10-unstamped"}
    english = status_json(capsys, "--lang", "en")
    assert "2025-07-10-english-only" not in english
    korean = status_json(capsys, "--lang", "ko")
    assert korean == {"2025-07-10-english-only": korean["2025-07-10-english-only"]}
    assert korean["2025-07-10-english-only"]["state"] == "missing"
    _, out, _ = run(capsys, "status", "--state", "current")
    assert "current (2)" in out and "outdated (" not in out and "missing (" not in out


def test_status_fail_on(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "status", "--fail-on", "outdated,missing")
    assert code == 1
    assert "1 outdated, 2 missing (--fail-on outdated,missing)" in err
    assert run(capsys, "status", "--fail-on", "unverified", "--lang", "ko")[0] == 0
    with pytest.raises(SystemExit) as exit_info:
        main(["status", "--fail-on", "stale"])
    assert exit_info.value.code == 2
    assert "'stale': use one or more of missing, outdated, unverified, current" in capsys.readouterr().err


def test_status_on_a_broken_folder_prints_the_problems_as_check_does(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = "title: x\ndate: 2025-08-10\nsummary: s\ntopics: [exprot]\nregions: [busan]"
    write_brief(project / "briefs", "2025-08-10-broken", "ko", broken)
    check_code, check_out, check_err = run(capsys, "check")
    code, out, err = run(capsys, "status")
    assert (code, check_code, out) == (1, 1, check_out)
    assert "briefs/2025/2025-08-10-broken.ko.md:5: topics: unknown topic 'exprot' (did you mean 'export'?)" in err
    assert err == check_err


def test_status_gives_the_date_the_source_changed_in_a_git_work_tree(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(key, "Test")
    for key in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(key, "test@example.org")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2026-01-15T10:00:00+09:00")
    for args in (["init", "-q"], ["add", "briefs"], ["commit", "-q", "-m", "briefs"]):
        subprocess.run(["git", *args], cwd=project, check=True, env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull})
    rows = status_json(capsys)
    assert rows["2025-02-10-corrected"]["source_changed"] == "2026-01-15"
    assert rows["2025-01-10-current"]["source_changed"] is None  # only outdated rows say when
    _, out, _ = run(capsys, "status", "--state", "outdated")
    assert "source changed 2026-01-15" in out


def test_stamp_makes_an_outdated_translation_current(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "briefs/2025/2025-02-10-corrected.en.md"
    before = path.read_bytes()
    code, out, _ = run(capsys, "stamp", "2025-02-10-corrected")
    assert code == 0
    digest = digest_of("2025-02-10-corrected")
    assert out == f"briefs/2025/2025-02-10-corrected.en.md: translated_from {digest}\n"
    old = digest_of("2025-02-10-corrected", EARLY_BODY)
    assert path.read_bytes() == before.replace(old.encode(), digest.encode())
    assert status_json(capsys)["2025-02-10-corrected"]["state"] == "current"
    assert run(capsys, "stamp", "2025-02-10-corrected")[1].endswith("(already)\n")
    assert path.read_bytes() == before.replace(old.encode(), digest.encode())


STYLED = (
    "\ufeff---\r\n"
    "# A translator's note, kept.\r\n"
    "summary: >-\r\n"
    "  Thirty exporters\r\n"
    "  came.\r\n"
    "title: 'Busan: exporters'   # single quotes, kept\r\n"
    "{stamp}"
    "speakers:\r\n"
    "  - {{name: Kim, role: Director}}\r\n"
    "---\r\n"
    "Body, CRLF.  \r\n"
)


@pytest.mark.parametrize("old_line", ["translated_from: 'aaaaaaaaaaaa'  # stale\r\n", ""])
def test_stamp_changes_only_its_line(project: Path, capsys: pytest.CaptureFixture[str], old_line: str) -> None:
    """Replace the line, or insert it before the closing '---': every other byte stays."""
    path = project / "briefs/2025/2025-04-10-unstamped.en.md"
    path.write_bytes(STYLED.format(stamp=old_line).encode("utf-8"))
    assert run(capsys, "stamp", "2025-04-10-unstamped")[0] == 0
    digest = digest_of("2025-04-10-unstamped")
    line = f'translated_from: "{digest}"\r\n'
    if old_line:
        expected = STYLED.format(stamp=line)
    else:
        expected = STYLED.format(stamp="").replace("---\r\nBody", line + "---\r\nBody")
    assert path.read_bytes() == expected.encode("utf-8")
    rows = status_json(capsys)
    assert rows["2025-04-10-unstamped"]["state"] == "current"


def test_stamp_leaves_a_file_it_cannot_edit_safely_alone(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "briefs/2025/2025-04-10-unstamped.en.md"
    path.write_bytes(b"---\n{title: T, summary: S}\n---\nBody.\n")
    code, _, err = run(capsys, "stamp", "2025-04-10-unstamped")
    assert code == 1 and "could not find where to write translated_from (set it by hand:" in err
    assert path.read_bytes() == b"---\n{title: T, summary: S}\n---\nBody.\n"


def test_stamp_refuses_unknown_ids_and_briefs_without_translation(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "stamp", "2025-09-09-nowhere")
    assert code == 1 and "no brief 2025-09-09-nowhere in briefs" in err
    code, _, err = run(capsys, "stamp", "2025-05-10-untranslated")
    assert code == 1
    assert "no translation to stamp (start one: briefs new --date 2025-05-10 --slug untranslated --lang en)" in err


def test_stamp_all(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "stamp", "--all")[0] == 0
    states = {r["state"] for r in status_json(capsys).values()}
    assert states == {"current", "missing"}


def test_digest_is_the_contract_digest(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "digest", "briefs/2025/2025-03-10-spaces.ko.md")
    assert (code, out) == (0, digest_of("2025-03-10-spaces") + "\n")
    catalog = load_catalog(Path("briefs"))
    assert {b.id: b.digest for b in catalog.briefs}["2025-03-10-spaces"] == digest_of("2025-03-10-spaces")
    code, _, err = run(capsys, "digest", "briefs/topics.yml")
    assert code == 1 and "briefs/topics.yml:1: front matter: missing" in err


def fill_source(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for placeholder, value in (('title: ""', 'title: "부산 수출 라운드테이블"'), ('summary: ""', 'summary: "요약."'),
                               ("topics: []", "topics: [export]"), ("regions: []", "regions: [부산]")):
        assert placeholder in text
        text = text.replace(placeholder, value, 1)
    path.write_text(text, encoding="utf-8")


def test_new_source_fails_check_until_filled_in(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "new", "--date", "2026-03-12", "--slug", "busan-export")
    path = project / "briefs/2026/2026-03-12-busan-export.ko.md"
    assert (code, out) == (0, "created briefs/2026/2026-03-12-busan-export.ko.md\n")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=../../schemas/brief-source.schema.json\n")
    for field in ("title:", "date: 2026-03-12", "summary:", "topics:", "regions:", "# venue:", "# organizers:",
                  "# speakers:", "draft: true"):
        assert field in text
    code, _, err = run(capsys, "check")
    assert code == 1
    name = "briefs/2026/2026-03-12-busan-export.ko.md"
    assert err.splitlines()[:4] == [
        f"{name}:5: title: is empty (write the title)",
        f"{name}:7: summary: is empty (write the summary)",
        f"{name}:8: topics: needs at least one topic (add one from briefs/topics.yml)",
        f"{name}:9: regions: needs at least one region (add one from briefs/regions.yml)",
    ]
    fill_source(path)
    assert run(capsys, "check")[0] == 0
    code, _, err = run(capsys, "new", "--date", "2026-03-12", "--slug", "busan-export")
    assert code == 1 and "briefs/2026/2026-03-12-busan-export.ko.md already exists" in err


@pytest.mark.parametrize(("args", "message"), [
    (["--date", "2026-3-12", "--slug", "x"], "--date '2026-3-12' is not YYYY-MM-DD"),
    (["--date", "2026-02-30", "--slug", "x"], "--date '2026-02-30' is not a real date"),
    (["--date", "2026-03-12", "--slug", "Busan_Export"], "--slug 'Busan_Export' must be lowercase ASCII"),
])
def test_new_refuses_bad_names(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(capsys, "new", *args)
    assert code == 1 and message in err
    assert not (project / "briefs/2026").exists()


def test_new_translation_skeleton_is_stamped_and_carries_the_source(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project / "briefs/2025/2025-05-10-untranslated.ko.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "regions: [busan]\n", 'regions: [busan]\nvenue: "부산상공회의소"\nspeakers:\n  - {name: 김부산, role: 대표}\n'
    ), encoding="utf-8")
    code, out, _ = run(capsys, "new", "--date", "2025-05-10", "--slug", "untranslated", "--lang", "en")
    assert (code, out) == (0, "created briefs/2025/2025-05-10-untranslated.en.md\n")
    text = (project / "briefs/2025/2025-05-10-untranslated.en.md").read_text(encoding="utf-8")
    assert "# ko title: 2025-05-10-untranslated 제목\ntitle: \"\"\n" in text
    assert '# ko summary: 요약입니다.\nsummary: ""\n' in text
    assert '# venue: "부산상공회의소"' in text and '#   - name: "김부산"\n#     role: "대표"' in text
    assert f'translated_from: "{digest_of("2025-05-10-untranslated")}"\n---\n' in text
    assert text.endswith("---\n" + BODY)
    code, _, err = run(capsys, "check")
    assert code == 1 and "2025-05-10-untranslated.en.md:10: title: is empty (write the title)" in err
    en = project / "briefs/2025/2025-05-10-untranslated.en.md"
    filled = en.read_text(encoding="utf-8").replace('title: ""', 'title: "T"').replace('summary: ""', 'summary: "S"')
    en.write_text(filled, encoding="utf-8")
    assert status_json(capsys)["2025-05-10-untranslated"]["state"] == "current"
    code, _, err = run(capsys, "new", "--date", "2025-05-10", "--slug", "untranslated", "--lang", "en")
    assert code == 1 and "2025-05-10-untranslated.en.md already exists" in err
    code, _, err = run(capsys, "new", "--date", "2025-12-31", "--slug", "nothing", "--lang", "en")
    assert code == 1 and "no brief '2025-12-31-nothing' in briefs (write its source first" in err


def test_check_output_is_unchanged(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check") == (0, "6 briefs checked, no problems.\n", "")
    no_regions = "title: x\ndate: 2025-08-10\nsummary: s\ntopics: [export]\n"
    write_brief(project / "briefs", "2025-08-10-broken", "ko", no_regions)
    code, out, err = run(capsys, "check")
    assert code == 1
    assert out == "1 problem: nothing can be published until they are fixed.\n"
    assert len(err.splitlines()) == 1 and ".ko.md:" in err and ": regions: " in err


def test_schema_check(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "schema", "--check")[0] == 1
    code, out, _ = run(capsys, "schema")
    assert code == 0 and "brief-source.schema.json: written" in out
    assert json.loads((project / "schemas/brief-source.schema.json").read_text(encoding="utf-8"))["type"] == "object"
    assert run(capsys, "schema", "--check") == (0, "", "")


def test_today_is_not_used(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Outside git, no date is invented for a changed source."""
    rows = status_json(capsys)
    assert all(r["source_changed"] is None for r in rows.values())
    assert dt.date.today().isoformat() not in json.dumps(rows)
