"""Browser-test helpers: serve a built site on 127.0.0.1 and drive Debian's Chromium.

Import the fixtures (``chromium``, ``sample_url``, ``plain_url``, ``artifacts``) into a test module and
list them in its ``__all__``; ``serve(site_dir)`` serves any other built site; ``watched_page`` opens a page
that records its requests and fails the test on a script error; ``until`` polls a condition from outside
the page. Chromium is ``/usr/bin/chromium``
(never a downloaded browser). Without it the tests skip, except in CI
(``CI=true``), where a missing browser is a failure, not a pass.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import pytest
from support.project import ROOT, Build, not_in_the_fast_lane

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
ARTIFACTS = ROOT / "test-artifacts"  # screenshots for people to look at (gitignored)
WEB_FONT_CSS = "/assets/fonts/pretendard-gov.css"  # the site's @font-face rules (briefkit/site_fonts.py)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _NoWebFontHandler(_QuietHandler):
    """Answers the web font's stylesheet with an empty one: pages show the platform's Hangul font."""

    def do_GET(self) -> None:
        if urlsplit(self.path).path.endswith(WEB_FONT_CSS):
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        super().do_GET()


@contextmanager
def serve(site_dir: Path, *, web_font: bool = True) -> Iterator[str]:
    """Serve ``site_dir`` over HTTP on a free port of 127.0.0.1; yield its base URL (with a slash).
    ``web_font=False``: as ``plain_url`` serves it."""
    handler = functools.partial(_QuietHandler if web_font else _NoWebFontHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def unavailable(message: str) -> NoReturn:
    """Skip on a workstation without a test tool; fail in CI, where every tool must be installed."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def require(path: Path, how: str) -> None:
    """A tool the test needs must exist at ``path`` (``how`` says how to install it)."""
    if not path.exists():
        unavailable(f"{path} not found ({how})")


def require_chromium() -> None:
    """Skip when Chromium is missing on a workstation; fail when it is missing in CI."""
    not_in_the_fast_lane("drives Chromium", "browser")
    require(CHROMIUM, "install it: apt-get install -y chromium fonts-noto-cjk")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """``test-artifacts/``, where screenshots and reports go for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


_BROWSER = pytest.StashKey[Any]()


@pytest.fixture(scope="session")
def chromium(request: pytest.FixtureRequest) -> Any:
    """One headless Chromium for the session (a ``playwright.sync_api.Browser``).

    Each test module imports this fixture, so pytest keeps one session fixture per module;
    a second ``sync_playwright()`` in the same thread fails ("Sync API inside the asyncio
    loop"), so the browser is started once per test run and kept in the config's stash.
    """
    require_chromium()
    if _BROWSER not in request.config.stash:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        request.config.stash[_BROWSER] = browser

        def stop() -> None:
            browser.close()
            playwright.stop()

        request.config.add_cleanup(stop)
    return request.config.stash[_BROWSER]


@pytest.fixture(scope="session")
def sample_url(sample_build: Build) -> Iterator[str]:
    """The base URL of the fixture corpus's site (``sample_build``), served for the whole session."""
    with serve(sample_build.site) as url:
        yield url


@pytest.fixture(scope="session")
def plain_url(sample_build: Build) -> Iterator[str]:
    """``sample_url`` without the web font, for tests of what pages do rather than how text looks.

    Its stylesheet is served empty, so pages are drawn in the platform's Hangul font, as they are
    while the web font loads: Chromium lays out a page with the web font's hundreds of faces (parts
    by unicode-range) some 0.4 s slower. tests/test_fonts_browser.py and the screenshot tests keep them.
    """
    with serve(sample_build.site, web_font=False) as url:
        yield url


@contextmanager
def watched_page(browser: Any, width: int = 1280, height: int = 800) -> Iterator[Any]:
    """A page in a new context whose ``requests`` lists every URL asked for; a script error fails the test."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A ``watched_page`` (1280×800) for one test."""
    with watched_page(chromium) as page:
        yield page


def until(page: Any, predicate: str, arg: Any = None, timeout_s: float = 10) -> None:
    """Poll ``predicate`` from outside the page (wait_for_function's in-page polling would need
    eval, which the site's Content-Security-Policy refuses)."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(predicate, arg):
        assert time.monotonic() < deadline, f"timed out: {predicate}"
        page.wait_for_timeout(25)
