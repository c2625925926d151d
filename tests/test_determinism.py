"""Reproducible output: two builds of the same files give byte-identical sites.

The second copy lives elsewhere, its files carry other modification times (as
in a fresh clone) and it is built at another moment, without
SOURCE_DATE_EPOCH: nothing in the site may depend on the folder, the file
times or the clock.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from publish_site import SITE_URL, write_publish_briefs
from support.project import build, copy_project

pytestmark = pytest.mark.build


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    briefs = write_publish_briefs(tmp_path / "briefs")
    first = copy_project(tmp_path / "first", briefs)
    second = copy_project(tmp_path / "elsewhere" / "second", briefs)
    later = time.time() + 86_400
    for path in second.rglob("*"):
        os.utime(path, (later, later))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    env = {"SITE_URL": SITE_URL}
    a = build(first, env=env)
    assert a.returncode == 0, a.stderr
    time.sleep(1.1)  # a clock-dependent second would show
    b = build(second, env=env)
    assert b.returncode == 0, b.stderr
    site_a, site_b = files(a.site), files(b.site)
    assert sorted(site_a) == sorted(site_b)
    different = [name for name in site_a if site_a[name] != site_b[name]]
    assert different == []
    for name in ("sitemap.xml.gz", "feed.xml", "en/feed.xml", "data/briefs.json", "data/briefs.csv", "404.html"):
        assert name in site_a
