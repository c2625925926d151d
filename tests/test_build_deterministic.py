"""The same input gives the same site, byte for byte: two copies of the project, built apart, compared.

The copies sit in different folders and are built cold in separate processes
(no cache shared), so an absolute path, the clock, a process id or the order
of a set leaking into any file shows up as a difference. ``python -m
bench.same_site REV_A REV_B`` does the same across two git revisions.
"""

from __future__ import annotations

from pathlib import Path

from conftest import Build, build, copy_project

from bench.same_site import differences, site_files


def test_two_copies_of_the_project_build_the_same_site(sample_build: Build, tmp_path: Path) -> None:
    other = build(copy_project(tmp_path / "elsewhere" / "project"))
    assert other.returncode == 0, other.stderr
    first, second = site_files(sample_build.site), site_files(other.site)
    assert len(first) > 100
    assert differences(first, second) == []


def test_differences_name_every_file_that_differs() -> None:
    a = {"index.html": b"<p>a</p>", "only-a.xml": b"x", "same.txt": b"s"}
    b = {"index.html": b"<p>b</p>", "only-b.xml": b"y", "same.txt": b"s"}
    assert differences(a, b) == ["only-a.xml (A only)", "only-b.xml (B only)", "index.html (differs)"]

