"""Hook point for the search measurements (issue 4): bandwidth and time to first result.

The benchmark calls ``measure_search`` on the project's and the stock stack's
cold-built sites and records what it returns (``--no-search`` skips it); None,
when Chromium is missing, makes the benchmark say the search was not measured.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

NOT_MEASURED = "search: not measured yet (issue 4)"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
TYPING_MS = 150  # between keys when the benchmark types a query: a fast typist (80 words a minute)
READING_MS = 1000  # a reader looks at the hits before the next query or filter
# Issue 19's paths on the project's search page: a match in the body (excerpts), a query of initial
# consonants, a typo (no hits: "did you mean"), a query in the other language.
SEARCH2 = {"ko": ("수출 지원", "ㅅㅁㅌㄱㅈ", "스마트곶장", "factories"),
           "en": ("export support", "smart factroies", "스마트공장")}
# Records when the page first holds an element matching the selector, in ms from the start of the
# navigation (the page's clock): Playwright's wait_for_selector saw hits 150-250 ms after that.
HIT_SEEN = """selector => new MutationObserver((changes, observer) => {
  if (document.querySelector(selector)) { window.__firstHitMs = performance.now(); observer.disconnect(); }
}).observe(document, { subtree: true, childList: true })"""


class _Quiet(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *log_args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A page closed while its requests were answered (the later ones of a context the
        # benchmark is done with): the browser left, nothing went wrong here.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """``site`` on 127.0.0.1 as static hosts serve it (see measure_search); yields its base URL."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def measure_search(site: Path, stack: str) -> dict[str, Any] | None:
    """Bytes fetched and seconds to the first result for typical queries in Chromium.

    ``site`` is a built site folder, ``stack`` is ``"project"`` or ``"stock"``.
    Serves ``site`` on 127.0.0.1, opens the search from the URL alone in a
    fresh browser context (cold cache) for a Korean and an English query and
    records: every byte received (uncompressed), the bytes that belong to
    search (our scripts and index files, or Material's index and worker), the
    seconds from asking the browser for the URL to the first hit in the page
    (``first_result_s``; ``first_result_seen_s`` is when the benchmark saw it
    through Playwright), and how later queries on the same page answer,
    in the page's own milliseconds from the search's start to its first hit
    (``data-first-ms``) and to its whole first page of hits (``data-ms``):

    - ``second_query_in_page_ms``: typed as a reader types (``TYPING_MS`` a
      key, then Enter): the page loads what the typed words need meanwhile;
    - ``pasted_*``: after ``READING_MS``, another query put in the box at once
      (Playwright's ``fill``, one input event, as a paste) and sent with
      Enter right after;
    - ``filter_*``: after ``READING_MS`` again, a region chosen in the filter
      (the page has loaded each filter value's first hit meanwhile, not the
      rest of its page);
    - ``second_query_cold_*``: in a fresh page, a query set and sent by
      script with no input event at all, so nothing is loaded ahead (no
      reader does this; it counts every round trip).

    On the stock stack, ``second_query_s`` is the seconds from filling
    Material's search box (and a key up, which its script waits for) to its
    new results, measured from the benchmark; a query it finds nothing for is
    recorded as an error as soon as its box says so (within 30 s, or a timeout).
    None when Chromium is missing.

    The server speaks HTTP/1.1 with keep-alive, as static hosts do (Python's
    default, HTTP/1.0, opens a connection per request), with Nagle's
    algorithm off: the handler writes headers and body apart, and a
    keep-alive response would otherwise wait ~40 ms for a delayed ACK.
    """
    if not CHROMIUM.exists():
        return None
    with serve(site) as base:
        return _measure(base, stack, site)


def _no_hit_text(site: Path, root: str) -> str:
    """What Material's search box says when a search found nothing, in the language under ``root``."""
    import json
    import re

    html = (site / root / "index.html").read_text(encoding="utf-8")
    config = re.search(r'<script id="__config"[^>]*>(.*?)</script>', html, re.S)
    assert config is not None, f"no __config in {root}index.html"
    return str(json.loads(config.group(1))["translations"]["search.result.none"])


def _measure(base: str, stack: str, site: Path) -> dict[str, Any]:
    import json
    import time

    from playwright.sync_api import sync_playwright

    queries = {"ko": ("인력난을", "스마트 공장"), "en": ("factories", "manufacturers")}
    pasted = {"ko": "수출 지원", "en": "regional innovation"}

    def is_search(url: str) -> bool:
        parts = ("/search/index/", "assets/search", "search_index.json", "/workers/search")
        return any(part in url for part in parts)

    results: dict[str, Any] = {"stack": stack}

    def measure(page: Any, lang: str, first: str, second: str) -> dict[str, Any]:
        root = "" if lang == "ko" else "en/"
        sizes: dict[str, int] = {}
        page.on("requestfinished", lambda request: sizes.__setitem__(
            request.url, request.sizes()["responseBodySize"]))
        if stack == "project":
            url, hit = f"{base}{root}search/?q={first}", "[data-result]"
            answer = hit
        else:
            url, hit = f"{base}{root}?q={first}", ".md-search-result__item"
            # Material says when its search found nothing: a miss is known then, not after the timeout.
            none = json.dumps(_no_hit_text(site, root), ensure_ascii=False)
            answer = f"{hit}, .md-search-result__meta:text-is({none})"
        page.add_init_script(f"({HIT_SEEN})({json.dumps(hit)})")
        started = time.time()
        page.goto(url, wait_until="commit")  # not the load event: the hit may come before it
        page.wait_for_selector(answer, timeout=30_000)
        if not page.locator(hit).count():
            raise LookupError("Material's search found no document")
        seen_s = time.time() - started
        origin_ms, hit_ms = page.evaluate("[performance.timeOrigin, window.__firstHitMs]")
        page.wait_for_load_state("networkidle")
        entry: dict[str, Any] = {
            "query": first,
            "first_result_s": round((origin_ms + hit_ms) / 1000 - started, 3),
            "first_result_seen_s": round(seen_s, 3),
            "bytes_total": sum(sizes.values()),
            "bytes_search": sum(n for u, n in sizes.items() if is_search(u)),
            "requests_search": sum(1 for u in sizes if is_search(u)),
            "bytes_by_file": dict(sorted(((u.removeprefix(base), n) for u, n in sizes.items()), key=lambda x: -x[1])),
        }
        entry["second_query"] = second
        if stack == "stock":
            # Material reads its box on key up; its results list is rebuilt when the worker answers.
            before = page.inner_text(".md-search-result__list")
            started = time.perf_counter()
            page.fill(".md-search__input", second)
            page.press(".md-search__input", "End")
            page.wait_for_function(
                "before => document.querySelector('.md-search-result__list').innerText !== before", arg=before)
            entry["second_query_s"] = round(time.perf_counter() - started, 3)
            return entry
        # A reader types the second query (the drop-down stays shut: this is the page's box).
        page.fill("#search-q", "")
        page.type("#search-q", second, delay=TYPING_MS)
        page.wait_for_timeout(TYPING_MS)
        started = time.perf_counter()
        page.press("#search-q", "Enter")
        entry["second_query_s"] = round(time.perf_counter() - started, 3)
        entry["second_query_in_page_ms"] = answered(page)[1]
        # A query pasted and sent at once.
        page.wait_for_timeout(READING_MS)
        page.fill("#search-q", pasted[lang])
        page.press("#search-q", "Enter")
        entry["pasted_query"] = pasted[lang]
        entry["pasted_first_ms"], entry["pasted_ms"] = answered(page)
        # A region filter over the pasted query's hits: the region with the most of them.
        page.wait_for_timeout(READING_MS)
        region = page.eval_on_selector(
            "select[name=region]",
            "s => [...s.options].filter(o => o.value).map(o => [+o.textContent.match(/\\((\\d+)\\)$/)[1], o.value])"
            ".sort((a, b) => b[0] - a[0])[0][1]")
        page.select_option("select[name=region]", region)
        entry["filter_region"] = region
        entry["filter_first_ms"], entry["filter_ms"] = answered(page)
        return entry

    def answered(page: Any) -> tuple[int, int]:
        """The page's ms to the first hit and to the whole first page, once the search is done."""
        # A search sets data-state=busy at once; done means its hits are on the page.
        page.wait_for_selector("#briefs-search[data-state=done]")
        first, whole = (page.get_attribute("#briefs-search", name) for name in ("data-first-ms", "data-ms"))
        return int(first or -1), int(whole or -1)

    def cold(page: Any, lang: str, first: str, second: str) -> tuple[int, int]:
        """In-page ms of ``second`` sent with nothing loaded ahead, after ``first`` from its URL."""
        page.goto(f"{base}{'' if lang == 'ko' else 'en/'}search/?q={first}")
        page.wait_for_selector("#briefs-search[data-state=done]")
        page.wait_for_load_state("networkidle")
        # No input event: the page loads nothing ahead.
        page.eval_on_selector("#search-q", "(input, q) => { input.value = q; input.form.requestSubmit(); }", second)
        return answered(page)

    def search2(page: Any, lang: str, query: str) -> dict[str, Any]:
        """Issue 19's paths, each from its URL in a fresh context: bytes (all search files; the
        excerpts' passage files; the word lists of 초성 and "did you mean") and the page's ms to the
        first hit, or to the hints of a query with no hits."""
        sizes: dict[str, int] = {}
        page.on("requestfinished", lambda request: sizes.__setitem__(
            request.url, request.sizes()["responseBodySize"]))
        page.goto(f"{base}{'' if lang == 'ko' else 'en/'}search/?q={query}")
        page.wait_for_selector("#briefs-search[data-state=done]")
        page.wait_for_load_state("networkidle")
        first, whole = answered(page)
        index = f"/search/index/{lang}/"
        return {
            "query": query,
            "first_ms": first,
            "done_ms": whole,
            "hits": page.locator("[data-result]").count(),
            "excerpts": page.locator("[data-excerpt] mark").count(),
            "offers": page.locator("[data-suggest] a, [data-other] a").all_text_contents(),
            "bytes_search": sum(n for u, n in sizes.items() if is_search(u)),
            "bytes_excerpts": sum(n for u, n in sizes.items() if f"{index}p/" in u),
            "files_excerpts": sum(1 for u in sizes if f"{index}p/" in u),
            "bytes_words": sum(n for u, n in sizes.items() if f"{index}k/" in u),
        }

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        # A reader's browser is running before the search is opened: the browser's own start
        # (its first page, the network service) is paid here, in a context of its own (the
        # measured ones start with an empty cache all the same).
        context = browser.new_context()
        context.new_page().goto(base, wait_until="networkidle")
        context.close()
        for lang, (first, second) in queries.items():
            context = browser.new_context()
            try:
                results[lang] = measure(context.new_page(), lang, first, second)
                if stack == "project":
                    context.close()
                    context = browser.new_context()
                    results[lang]["second_query_cold_first_ms"], results[lang]["second_query_cold_ms"] = cold(
                        context.new_page(), lang, first, second)
            except Exception as error:  # a timeout: no hit appeared; say so, keep the run
                results[lang] = {"query": first, "error": str(error).splitlines()[0]}
            finally:
                context.close()
            if stack == "project" and not results[lang].get("error"):
                results[lang]["search2"] = []
                for query in SEARCH2[lang]:
                    context = browser.new_context()
                    try:
                        results[lang]["search2"].append(search2(context.new_page(), lang, query))
                    except Exception as error:
                        results[lang]["search2"].append({"query": query, "error": str(error).splitlines()[0]})
                    finally:
                        context.close()
        browser.close()
    return results
