"""The Content-Security-Policy is a second wall: it allows the templates' inline scripts and nothing else.

The allowlist is read from the templates; a page holding any other inline
script, or a ``<meta http-equiv>``, stops the build with the page's path.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from support.project import ROOT, build, copy_project, vocabularies

from briefkit.csp import PageRefused, ScriptAllowlist, policy_for, with_policy

MATERIAL = Path(jinja2.__file__).parent.parent / "material" / "templates"
PAGE = '<html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


@pytest.fixture(scope="module")
def allowlist() -> ScriptAllowlist:
    return ScriptAllowlist.from_templates(ROOT / "overrides", [ROOT / "overrides", MATERIAL])


def md_scope(base: str) -> str:
    source = (MATERIAL / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    return source.split("<script>")[1].split("</script>")[0].replace("{{ config.extra.scope | d(base_url) }}", base)


@pytest.mark.parametrize("base", [".", "..", "../../..", "/", "/sub/", "https://briefs.example.org/"])
def test_materials_scope_line_is_allowed_at_every_depth(allowlist: ScriptAllowlist, base: str) -> None:
    page = PAGE.format(head=f"<script>{md_scope(base)}</script>", body="")
    assert policy_for(page, allowlist).count("'sha256-") == 1


@pytest.mark.parametrize("script", [
    "alert(1)",
    md_scope('.",alert(1),"'),  # the scope line with a quote in its slot
    md_scope("..") + ";alert(1)",
    "var target=document.getElementById(location.hash.slice(1));alert(1)",
])
def test_any_other_inline_script_stops_the_page(allowlist: ScriptAllowlist, script: str) -> None:
    page = PAGE.format(head="", body=f"<script>{script}</script>")
    with pytest.raises(PageRefused, match="an inline script that no template of the site writes"):
        with_policy(page, allowlist)


@pytest.mark.parametrize("tag", ['<script type="text/javascript">alert(1)</script>',
                                 '<script type=module>alert(1)</script>', "<SCRIPT>alert(1)</SCRIPT>"])
def test_every_runnable_type_counts(allowlist: ScriptAllowlist, tag: str) -> None:
    with pytest.raises(PageRefused):
        with_policy(PAGE.format(head="", body=tag), allowlist)


def test_a_meta_refresh_stops_the_page(allowlist: ScriptAllowlist) -> None:
    page = PAGE.format(head="", body='<meta http-equiv="refresh" content="0;url=https://example.com/">')
    with pytest.raises(PageRefused, match="http-equiv"):
        with_policy(page, allowlist)


def test_the_policy_closes_base_objects_and_forms(allowlist: ScriptAllowlist) -> None:
    policy = policy_for(PAGE.format(head='<script type="application/json">{"a": 1}</script>', body=""), allowlist)
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    for directive in ("base-uri 'none'", "object-src 'none'", "form-action 'self'", "default-src 'self'"):
        assert directive in policy


@pytest.mark.build
def test_a_page_with_an_unlisted_inline_script_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", vocabularies(tmp_path / "briefs"))
    about = project / "docs" / "index.ko.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n<script>alert('hand-written')</script>\n",
                     encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "an inline script that no template of the site writes: <script>alert('hand-written')" in result.stderr
    assert "index.html" in result.stderr
    assert "Traceback" not in result.stderr
