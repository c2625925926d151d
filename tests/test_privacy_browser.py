"""Privacy and integrity in a real browser: no request leaves the site, no CSP violation.

Headless Chromium opens the home, a brief, a topic, a region and the search
page in both languages, records every request and console message, and fails
on any request to another origin, any Content-Security-Policy violation, any
console error or uncaught exception. Without Chromium the tests skip, except
in CI (``CI=true``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser import chromium, sample_url, serve
from publish_site import ENGLISH_ID, SITE_URL, hostile_build
from support.project import Build

__all__ = ["chromium", "hostile_build", "sample_url"]
pytestmark = [pytest.mark.browser, pytest.mark.build]

BRIEF = "2025-05-13-regional-innovation-roundtable"
PAGES = ["", f"briefs/{BRIEF}/", "topics/", "topics/startups/", "regions/", "regions/seoul/", "archive/",
         "search/?q=%EC%B0%BD%EC%97%85"]
# Collects violations in the page itself; init scripts come from the browser, not the page, so CSP allows them.
WATCH_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
"""


def visit(browser: Any, url: str) -> dict[str, list[str]]:
    """Open ``url``; return the foreign requests, CSP violations and console errors it caused."""
    origin = urlsplit(url)[:2]
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    found: dict[str, list[str]] = {"foreign": [], "csp": [], "errors": [], "requests": []}

    def on_request(request: Any) -> None:
        found["requests"].append(request.url)
        if urlsplit(request.url)[:2] != origin and not request.url.startswith(("data:", "blob:")):
            found["foreign"].append(request.url)

    page.on("request", on_request)
    page.on("console", lambda m: found["errors"].append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: found["errors"].append(f"uncaught: {e}"))
    page.add_init_script(WATCH_CSP)
    try:
        response = page.goto(url, wait_until="networkidle")
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        page.wait_for_timeout(300)  # late scripts (search worker, map) settle
        found["csp"] = page.evaluate("window.__csp")
    finally:
        context.close()
    return found


@pytest.fixture(scope="module")
def hostile_url(hostile_build: Build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hostile site served under the path of its SITE_URL (/sub/), as a project site would be."""
    root = tmp_path_factory.mktemp("served")
    (root / urlsplit(SITE_URL).path.strip("/")).symlink_to(hostile_build.site, target_is_directory=True)
    with serve(root) as url:
        yield url + urlsplit(SITE_URL).path.lstrip("/")


@pytest.mark.parametrize("lang_root", ["", "en/"])
@pytest.mark.parametrize("path", PAGES)
def test_pages_request_nothing_from_other_origins(
    chromium: Any, sample_build: Build, sample_url: str, lang_root: str, path: str
) -> None:
    page = urlsplit(path).path
    assert (sample_build.site / lang_root / page / "index.html").is_file(), page
    found = visit(chromium, sample_url + lang_root + path)
    assert found["foreign"] == []
    assert found["csp"] == []
    assert found["errors"] == []
    assert any(r.endswith(".css") for r in found["requests"])  # the page really loaded its assets
    # Material's bundle probes for a sitemap beside each alternate link; alternate-probes.js stops it.
    assert not [r for r in found["requests"] if r.endswith("sitemap.xml")]


@pytest.mark.parametrize("path", ["briefs/2025-07-01-hostile-roundtable/", "en/briefs/2025-07-01-hostile-roundtable/",
                                  f"en/briefs/{ENGLISH_ID}/", "404.html", "en/404.html"])
def test_hostile_and_not_found_pages_run_no_foreign_or_inline_code(chromium: Any, hostile_url: str, path: str) -> None:
    found = visit(chromium, hostile_url + path)
    assert found["foreign"] == []
    assert found["csp"] == []
    assert found["errors"] == []


def test_the_policy_blocks_an_injected_inline_script(chromium: Any, hostile_url: str) -> None:
    """The CSP is live: a script the build did not hash is refused and reported."""
    context = chromium.new_context()
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        page.goto(hostile_url, wait_until="networkidle")
        page.evaluate("""() => { const s = document.createElement("script");
                                 s.textContent = "window.__ran = true"; document.body.append(s); }""")
        assert page.evaluate("window.__ran === true") is False
        assert violations
    finally:
        context.close()


def test_a_brief_prints_on_a4_without_navigation(chromium: Any, hostile_url: str) -> None:
    context = chromium.new_context()
    page = context.new_page()
    try:
        page.goto(hostile_url + f"en/briefs/{ENGLISH_ID}/", wait_until="networkidle")
        page.emulate_media(media="print")
        hidden = page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-footer']
            .map(s => document.querySelector(s)).filter(Boolean)
            .map(e => getComputedStyle(e).display)""")
        assert hidden and set(hidden) == {"none"}
        after = page.evaluate("""() => getComputedStyle(
            document.querySelector('.brief-body a[href^="https://example.org"]'), '::after').content""")
        assert "https://example.org/source" in after
        body_font = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
        assert "Noto Serif KR" in body_font or "Georgia" in body_font
        pdf = page.pdf(format="A4", print_background=False)
        assert pdf.startswith(b"%PDF")
    finally:
        context.close()
