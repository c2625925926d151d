"""``briefs samples [--remove]``: the first day's step that clears the shipped samples.

Fixture folders made here stand for a fresh clone: vocabularies, two sample
briefs listed in ``SAMPLES.txt`` (written by ``python -m briefkit.samples``),
and what a writer may have done before removing them (a real brief of their
own, an edited sample). Only unchanged listed files may ever go.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support.project import build, copy_project, vocabularies, write_brief

from briefkit.samples import SAMPLES_FILE, read_samples, write_samples

SAMPLE_A, SAMPLE_B = "2024-01-02-sample-alpha", "2024-02-03-sample-beta"
REAL = "2025-09-10-real-roundtable"


def _front(briefs: Path, title: str, date: str) -> str:
    topic, region = (yaml.safe_load((briefs / name).read_text(encoding="utf-8"))[0]["slug"]
                     for name in ("topics.yml", "regions.yml"))
    return f"title: {title}\ndate: {date}\nsummary: {title}.\ntopics: [{topic}]\nregions: [{region}]\n"


@pytest.fixture
def briefs(tmp_path: Path) -> Path:
    folder = vocabularies(tmp_path / "briefs")
    write_brief(folder, SAMPLE_A, "ko", _front(folder, "견본 가", SAMPLE_A[:10]))
    write_brief(folder, SAMPLE_A, "en", "title: Sample A\nsummary: Sample.")
    write_brief(folder, SAMPLE_B, "ko", _front(folder, "견본 나", SAMPLE_B[:10]), folder="2024/" + SAMPLE_B)
    (folder / "2024" / SAMPLE_B / "photo.jpg").write_bytes(b"\xff\xd8\xff sample picture")
    write_samples(folder)
    return folder


def _samples(briefs: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefkit.cli", "samples", "--briefs", "briefs", *args],
                          cwd=briefs.parent, capture_output=True, text=True, timeout=60)


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_the_list_names_every_sample_file_and_no_vocabulary(briefs: Path) -> None:
    listed = read_samples(briefs)
    assert listed is not None
    assert sorted(listed) == [f"2024/{SAMPLE_A}.en.md", f"2024/{SAMPLE_A}.ko.md",
                              f"2024/{SAMPLE_B}/{SAMPLE_B}.ko.md", f"2024/{SAMPLE_B}/photo.jpg"]


def test_without_remove_it_only_says_what_would_go(briefs: Path) -> None:
    before = _files(briefs)
    result = _samples(briefs)
    assert result.returncode == 0
    assert f"would remove briefs/2024/{SAMPLE_A}.en.md" in result.stdout
    assert "4 sample files would be removed; topics.yml and regions.yml stay" in result.stdout
    assert _files(briefs) == before


def test_remove_deletes_the_samples_and_keeps_the_vocabularies_and_real_briefs(briefs: Path) -> None:
    write_brief(briefs, REAL, "ko", _front(briefs, "실제 브리프", REAL[:10]))
    result = _samples(briefs, "--remove")
    assert result.returncode == 0, result.stderr
    assert f"removed briefs/2024/{SAMPLE_B}/photo.jpg" in result.stdout
    assert f"removed the empty folder briefs/2024/{SAMPLE_B}/" in result.stdout
    assert "git add -A briefs" in result.stdout
    assert _files(briefs) == ["2025/" + REAL + ".ko.md", "regions.yml", "topics.yml"]


def test_an_edited_sample_is_kept_and_named(briefs: Path) -> None:
    edited = briefs / "2024" / f"{SAMPLE_A}.ko.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n실제 내용으로 고쳤다.\n", encoding="utf-8")
    result = _samples(briefs, "--remove")
    assert result.returncode == 0
    assert f"briefs/2024/{SAMPLE_A}.ko.md: changed since it was shipped, so it is kept" in result.stdout
    assert edited.is_file() and (briefs / SAMPLES_FILE).is_file()
    assert not (briefs / "2024" / f"{SAMPLE_A}.en.md").exists()


def test_crlf_checkout_of_a_sample_still_counts_as_unchanged(briefs: Path) -> None:
    path = briefs / "2024" / f"{SAMPLE_A}.ko.md"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    _samples(briefs, "--remove")
    assert not path.exists()


def test_a_list_naming_a_vocabulary_or_a_path_outside_never_deletes_them(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    outside = tmp_path / "outside.md"
    outside.write_text("keep me", encoding="utf-8")
    lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {name}"
             for p, name in ((briefs / "topics.yml", "topics.yml"), (outside, "../outside.md"))]
    (briefs / SAMPLES_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _samples(briefs, "--remove")
    assert result.returncode == 0
    assert (briefs / "topics.yml").is_file() and outside.is_file()


def test_a_folder_without_samples_is_left_alone(tmp_path: Path) -> None:
    briefs = vocabularies(tmp_path / "briefs")
    write_brief(briefs, REAL, "ko", _front(briefs, "실제 브리프", REAL[:10]))
    before = _files(briefs)
    result = _samples(briefs, "--remove")
    assert result.returncode == 0
    assert "there are no sample briefs to remove (nothing was changed)" in result.stdout
    assert _files(briefs) == before


@pytest.mark.build
def test_the_site_builds_after_the_samples_are_removed(briefs: Path, tmp_path: Path) -> None:
    assert _samples(briefs, "--remove").returncode == 0
    result = build(copy_project(tmp_path / "project", briefs))
    assert result.returncode == 0, result.stderr
    assert "아직 발표된 브리프가 없습니다." in result.page("")
