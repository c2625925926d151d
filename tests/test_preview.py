"""The preview (issue 8): dirty rebuilds render only what changed, and stay right.

``make serve`` runs ``mkdocs serve --dirty``: MkDocs renders only pages whose
staged file is newer than the built page, and staging touches a file when
anything its page shows changed (briefkit/staging.py). These tests edit
briefs between builds and check that a dirty build gives exactly the site a
clean build gives, that pages showing nothing of the edit are left alone, and
that a running ``mkdocs serve --dirty`` serves every page an edit touches,
then the outputs no page shows, one rebuild per save.
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest
from support.project import Build, build, copy_built, copy_project

from bench.preview import measure_preview
from briefkit.build import Preview
from briefkit.catalog import ReadCache

pytestmark = pytest.mark.build

EDITED = "2026-03-19-ulsan-carbon-neutral-manufacturing-roundtable"
UNRELATED = "2023-06-22-gangwon-small-business-roundtable"  # shares no topic or region with EDITED
RELATED = "2025-08-28-gwangju-jeonnam-carbon-neutral-roundtable"  # lists EDITED among its related briefs


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def mtimes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def source(project: Path, brief_id: str) -> Path:
    return next((project / "briefs").rglob(f"{brief_id}.ko.md"))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def title_line(path: Path) -> str:
    match = re.search(r"^title: (.*)$", path.read_text(encoding="utf-8"), re.M)
    assert match is not None
    return match.group(1)


def ok(result: Build) -> Build:
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus built once; each test that edits and builds again works on a copy."""
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    ok(build(project))
    return project


def test_edits_with_dirty_builds_give_the_clean_site_and_spare_other_pages(built: Path, tmp_path: Path) -> None:
    project = copy_built(built, tmp_path / "project")  # times kept: the site is newer than its sources
    path = source(project, EDITED)
    assert f"briefs/{UNRELATED}/index.html" in files(project / "site")
    before = mtimes(project / "site")
    time.sleep(0.05)

    # 1. A sentence in the body: the brief's pages change; pages that list it do not need to.
    edit(path, "\n## ", "\n미리보기에서 고친 문장입니다.\n\n## ")
    ok(build(project, "--dirty"))
    after_body = mtimes(project / "site")
    rendered = {name for name in before if after_body[name] != before[name]}
    assert f"briefs/{EDITED}/index.html" in rendered
    assert f"en/briefs/{EDITED}/index.html" in rendered  # its translation is now outdated: a notice
    assert f"briefs/{UNRELATED}/index.html" not in rendered
    assert f"en/briefs/{UNRELATED}/index.html" not in rendered
    assert "미리보기에서 고친 문장입니다." in (project / "site" / "briefs" / EDITED / "index.html").read_text("utf-8")
    assert "brief-notice--outdated" in (project / "site" / "en" / "briefs" / EDITED / "index.html").read_text("utf-8")
    time.sleep(0.05)

    # 2. The title: every list showing it changes too, and still nothing unrelated.
    old_title = title_line(path)
    new_title = old_title.replace("라운드테이블", "라운드테이블 (수정본)", 1)
    assert new_title != old_title
    edit(path, f"title: {old_title}", f"title: {new_title}")
    ok(build(project, "--dirty"))
    after_title = mtimes(project / "site")
    rendered = {name for name in before if after_title[name] != after_body[name]}
    for page in ("index.html", "archive/index.html", "topics/carbon-neutral/index.html", "translations/index.html"):
        assert page in rendered, page
    assert f"briefs/{RELATED}/index.html" in rendered
    assert f"briefs/{UNRELATED}/index.html" not in rendered
    home = (project / "site" / "index.html").read_text("utf-8")
    assert "(수정본)" in home

    # 3. The same files built clean, elsewhere: byte for byte the same site.
    clean = ok(build(copy_project(tmp_path / "clean", project / "briefs")))
    dirty_files, clean_files = files(project / "site"), files(clean.site)
    assert sorted(dirty_files) == sorted(clean_files)
    assert [name for name in dirty_files if dirty_files[name] != clean_files[name]] == []


def test_a_change_to_the_templates_renders_every_page_again(built: Path, tmp_path: Path) -> None:
    project = copy_built(built, tmp_path / "project")
    before = mtimes(project / "site")
    time.sleep(0.05)
    edit(project / "overrides" / "brief.html", "{#-", "{#- edited in a test.")
    ok(build(project, "--dirty"))
    after = mtimes(project / "site")
    stale = [name for name in before if name.startswith(("briefs/", "en/briefs/")) and after[name] == before[name]]
    assert stale == []


def test_serve_shows_an_edited_brief_and_every_list_of_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = measure_preview(project, EDITED, timeout=90)
    # measure_preview raises unless every page served its change; say which pages it checked.
    assert set(result["pages"]["body"]) == {f"briefs/{EDITED}/", f"en/briefs/{EDITED}/"}
    assert set(result["pages"]["title"]) == {f"briefs/{EDITED}/", "archive/", "topics/carbon-neutral/", ""}
    # The open data followed the reload (it waits for it), and each save started one rebuild:
    # the server's own reading of files must not look like a save.
    assert result["title_outputs_s"] >= result["title_edit_s"]
    assert result["rebuilds"] == {"body": 1, "title": 1}
    assert source(project, EDITED).read_bytes() == source(copy_project(tmp_path / "fresh"), EDITED).read_bytes()


def test_a_serving_preview_writes_what_no_page_shows_after_the_pages(caplog: pytest.LogCaptureFixture) -> None:
    # Before the server is up (the first build) outputs are written at once; once it
    # serves, after the rebuild, on a thread the next rebuild waits for.
    session = Preview(ReadCache())
    written: list[str] = []
    session.after_pages(lambda: written.append("first build"))
    assert written == ["first build"]
    session.serving = True
    release = threading.Event()
    session.after_pages(lambda: (release.wait(10), written.append("index")))
    session.after_pages(lambda: written.append("feeds"))
    assert written == ["first build"]  # left for after the reload
    session.write_pending()
    time.sleep(0.05)
    assert written == ["first build"]  # still writing (held by the event)
    release.set()
    session.settle()
    assert written == ["first build", "index", "feeds"]
    # A failed build leaves nothing to write; a failing writer is reported and the others still run.
    session.after_pages(lambda: written.append("from a failed build"))
    session.drop_pending()
    session.after_pages(lambda: 1 / 0)
    session.after_pages(lambda: written.append("data"))
    session.write_pending()
    session.settle()
    assert written[-1] == "data" and "from a failed build" not in written
    assert "writing the search index, feeds or data failed" in caplog.text and "ZeroDivisionError" in caplog.text
