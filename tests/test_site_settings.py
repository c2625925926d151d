"""The site's own settings under ``extra.briefs`` in mkdocs.yml (briefkit/settings.py, issue 21).

``home_max``, ``feed_max``, ``related_max`` and ``folder`` are read once per
build into a frozen ``SiteSettings``; a wrong one stops the build with its
line in mkdocs.yml and what to write instead. One build with small numbers
and another folder name checks what a reader sees: the home page, a feed, a
brief's related briefs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT, build, copy_project

from briefkit.settings import FEED_MAX, HOME_MAX, RELATED_MAX, SETTINGS, SiteSettings, site_settings_for

BASE = "site_name: t\nextra:\n  briefs:\n"


def settings(tmp_path: Path, lines: str) -> tuple[SiteSettings, list[str]]:
    (tmp_path / "mkdocs.yml").write_text(BASE + lines, encoding="utf-8")
    found, problems = site_settings_for(tmp_path)
    return found, [str(p) for p in problems]


def test_defaults_without_settings(tmp_path: Path) -> None:
    assert settings(tmp_path, "    dates: {future_days: 3}\n") == (SiteSettings(), [])
    assert SiteSettings() == SiteSettings(HOME_MAX, FEED_MAX, RELATED_MAX, "briefs")


def test_settings_are_read(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    found, problems = settings(tmp_path, "    home_max: 3\n    feed_max: 4\n    related_max: 2\n    folder: content\n")
    assert problems == []
    assert found == SiteSettings(home_max=3, feed_max=4, related_max=2, folder="content")


@pytest.mark.parametrize(("line", "message"), [
    ("    home_max: 0\n", "mkdocs.yml:4: extra.briefs.home_max: must be a whole number from 1, like 30"),
    ("    feed_max: many\n", "mkdocs.yml:4: extra.briefs.feed_max: must be a whole number from 1, like 50"),
    ("    related_max: yes\n", "mkdocs.yml:4: extra.briefs.related_max: must be a whole number from 1, like 5"),
    ("    folder: ../elsewhere\n", "mkdocs.yml:4: extra.briefs.folder: must be the name of a folder beside mkdocs.yml"),
    ("    folder: missing\n", "mkdocs.yml:4: extra.briefs.folder: there is no folder missing/ beside mkdocs.yml"),
    ("    home_maxx: 3\n", "mkdocs.yml:4: extra.briefs.home_maxx: unknown setting (use one of: home_max, "),
])
def test_a_wrong_setting_is_named_with_its_line(tmp_path: Path, line: str, message: str) -> None:
    found, problems = settings(tmp_path, line)
    assert len(problems) == 1 and problems[0].startswith(message), problems
    assert found == SiteSettings()


@pytest.mark.build
def test_a_build_follows_the_settings(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "briefs").rename(project / "content")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^    folder: briefs .*$", "    folder: content", text)
    text = re.sub(r"(?m)^    home_max: 30 .*$", "    home_max: 2", text)
    text = re.sub(r"(?m)^    feed_max: 50 .*$", "    feed_max: 1", text)
    text = re.sub(r"(?m)^    related_max: 5 .*$", "    related_max: 1", text)
    config.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    home = result.page("")
    latest = home.split('id="latest-heading"', 1)[1].split("</section>", 1)[0]
    assert latest.count('class="brief-list__item"') == 2
    feed = ET.fromstring((result.site / "feed.xml").read_bytes())
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) == 1
    pages = [p for p in (result.site / "briefs").glob("*/index.html")]
    related = [p.read_text(encoding="utf-8").split('class="brief-related"', 1) for p in pages]
    counts = {part[1].split("</section>", 1)[0].count('class="brief-list__item"') for part in related if len(part) > 1}
    assert counts == {1}


@pytest.mark.build
def test_a_wrong_setting_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^    feed_max: 50 .*$", "    feed_max: -1", text), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("    feed_max:"))) + 1
    assert f"mkdocs.yml:{line}: extra.briefs.feed_max: must be a whole number from 1, like 50" in result.stderr
    assert not (project / "site").exists()


def test_one_table_names_every_key_and_its_reader(tmp_path: Path) -> None:
    # Each key is read where the table says (the module names it), documented in the README, and
    # offered when a key is unknown.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for key, reader in SETTINGS.items():
        source = (ROOT / (reader.replace(".", "/") + ".py")).read_text(encoding="utf-8")
        if reader != "briefkit.settings":
            assert f'"{key}"' in source, f"{reader} does not read extra.briefs.{key}"
        assert re.search(rf"`{key}`|\b{key}:", readme), f"README.md does not document extra.briefs.{key}"
    _, problems = settings(tmp_path, "    home_maxx: 3\n")
    assert problems == ["mkdocs.yml:4: extra.briefs.home_maxx: unknown setting (use one of: "
                        + ", ".join(SETTINGS) + ")"]
