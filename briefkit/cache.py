"""What the build keeps between runs, in one table, and the one way each is keyed.

Every store under ``.cache/`` is in ``STORES``: where it is, what it keeps,
and what shapes its entries: the source files of the code that makes them
(``core`` under ``briefkit/``, ``project`` under the project folder) and the
installed versions of the packages that do (``packages``). ``fingerprint``
digests all of that; each store puts its fingerprint into every key (or
beside its entries, read back only when equal), so an entry made by other
code or another version of Kiwi, Snowball or Python-Markdown is never
served: it is a miss, and the work is done again. No version number is
bumped by hand.

``BRIEFS_NO_CACHE=1`` builds with no cache: nothing under ``.cache/`` is read
or written. The stores then live in a temporary folder of the process, empty
at its start and removed at its end (the build still hands work to its own
second process there, and stages its pages there). ``briefs cache clear``
(``clear``) removes every store; ``briefs cache list`` shows them.

In-process memos (``memo`` for a function, ``Recent`` for one kept by hand)
have a size bound each and are listed in ``MEMOS``; ``clear_memos`` empties
them.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import os
import shutil
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Generic, ParamSpec, TypeVar, cast

FOLDER = ".cache"
NO_CACHE = "BRIEFS_NO_CACHE"
T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")
P = ParamSpec("P")

SEARCH_PACKAGES = ("kiwipiepy", "kiwipiepy_model", "snowballstemmer")
MARKDOWN_PACKAGES = ("Markdown", "pymdown-extensions")
THEME_PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", *MARKDOWN_PACKAGES, "Jinja2")


@dataclass(frozen=True)
class Store:
    path: str  # under the cache folder
    keeps: str
    core: tuple[str, ...] = ()  # files or folders under briefkit/ whose code shapes the entries
    project: tuple[str, ...] = ()  # files or folders under the project folder that do
    packages: tuple[str, ...] = ()  # distributions whose installed versions do


STORES: dict[str, Store] = {
    "pages": Store("pages", "the staging folder MkDocs builds from (docs/ plus a Markdown file a page); "
                   "rewritten each build, only changed bytes"),
    "pages-inputs": Store("pages-inputs.json", "what each staged page showed last time, so a dirty build "
                          "renders exactly the stale pages",
                          core=(".", "../briefkit_mkdocs"), project=("mkdocs.yml", "overrides", "hooks"),
                          packages=THEME_PACKAGES),
    "analysis": Store("search", "each brief's and term's index terms, by their texts and the user dictionary",
                      core=("search/index_terms.py", "search/forms.py", "search/analyzer.py"),
                      packages=SEARCH_PACKAGES),
    "search-index": Store("search-index", "the last index of each language (<lang>.json), by everything it "
                          "was made from", core=("search",), packages=SEARCH_PACKAGES),
    "markdown": Store("markdown", "rendered Markdown, by its text and its page's place",
                      core=("render_cache.py", "markdown_ids.py"), project=("mkdocs.yml",),
                      packages=("mkdocs", *MARKDOWN_PACKAGES)),
    "body-scans": Store("body-scans.json", "each body's links and anchor ids, by its text",
                        core=("body_scan.py", "markdown_ids.py", "scan_store.py"), packages=MARKDOWN_PACKAGES),
    "translation-changes": Store("translation-changes.json", "what git says changed in a source since its "
                                 "translation, by the translation's stamp and the source's digest",
                                 core=("history.py", "wordiff.py")),
    "templates": Store("templates", "compiled templates; Jinja keys them by name and source checksum"),
    "media": Store("media", "bundle images in their published widths and link-preview cards, by the source's "
                   "bytes (briefkit/media/: each entry's key holds its code's digest and Pillow's version)"),
    "sitemap-pages": Store("sitemap-pages.json", "the pages the last build's sitemap listed, for dirty builds",
                           core=("sitemap.py", "../briefkit_mkdocs/publish/sitemap.py")),
}
CORE = Path(__file__).resolve().parent


def enabled() -> bool:
    """False when ``BRIEFS_NO_CACHE`` is set to anything but ``0``."""
    return os.environ.get(NO_CACHE, "0") in ("", "0")


def folder(root: Path) -> Path:
    """The cache folder of the project at ``root`` (a temporary one with ``BRIEFS_NO_CACHE=1``)."""
    return root / FOLDER if enabled() else _scratch(root.resolve())


def path(root: Path, store: str) -> Path:
    """Where ``store`` (a name in ``STORES``) is kept for the project at ``root``."""
    return folder(root) / STORES[store].path


def _scratch(root: Path) -> Path:
    scratch = _SCRATCH.get(root)
    if scratch is None:
        scratch = _SCRATCH[root] = Path(tempfile.mkdtemp(prefix="briefs-no-cache-"))
        atexit.register(shutil.rmtree, scratch, True)
    return scratch


# With BRIEFS_NO_CACHE=1, this process's cache folder for each project it builds (one, in practice).
_SCRATCH: dict[Path, Path] = {}


def fingerprint(store: str, root: Path | None = None,
                version: Callable[[str], str | None] | None = None) -> str:
    """A digest of the code and package versions that shape ``store``'s entries.

    ``root``: the project folder (for ``project`` paths); ``version``: a
    package's installed version, or None (default: importlib.metadata's).
    """
    spec = STORES[store]
    version = version or installed_version
    digest = hashlib.sha256(store.encode())
    for base, rel in [(CORE, rel) for rel in spec.core] + [(root, rel) for rel in spec.project if root is not None]:
        for file in _files(base / rel):
            digest.update(b"\0" + file.relative_to(base).as_posix().encode() + b"\0" + file.read_bytes())
    for package in spec.packages:
        digest.update(f"\0{package}={version(package)}".encode())
    return digest.hexdigest()


def installed_version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _files(top: Path) -> Iterator[Path]:
    if top.is_file():
        yield top
    elif top.is_dir():
        yield from sorted(p for p in top.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def clear(root: Path) -> list[Path]:
    """Remove every store of the project at ``root`` (and the cache folder when nothing else is in it)."""
    base = root / FOLDER
    removed = []
    for spec in STORES.values():
        found = base / spec.path
        if found.is_dir():
            shutil.rmtree(found)
        elif found.exists():
            found.unlink()
        else:
            continue
        removed.append(found)
    if base.is_dir() and not any(base.iterdir()):
        base.rmdir()
    clear_memos()
    return removed


# In-process memos, by name: each a bound on its entries (a preview session lives for hours).
MEMOS: dict[str, Any] = {}


def memo(name: str, maxsize: int) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """``functools.lru_cache(maxsize)``, listed in ``MEMOS`` under ``name``."""
    def wrap(function: Callable[P, T]) -> Callable[P, T]:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        MEMOS[name] = cached
        return cast(Callable[P, T], cached)
    return wrap


class Recent(Generic[K, V]):
    """A memo kept by hand (get, then put), at most ``maxsize`` entries, the least recently used dropped first."""

    def __init__(self, name: str, maxsize: int) -> None:
        self.maxsize = maxsize
        self._entries: OrderedDict[K, V] = OrderedDict()
        MEMOS[name] = self

    def get(self, key: K) -> V | None:
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
        return found

    def put(self, key: K, value: V) -> None:
        self._entries[key] = value
        self._entries.move_to_end(key)
        while len(self._entries) > self.maxsize:
            self._entries.popitem(last=False)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def cache_clear(self) -> None:
        self._entries.clear()


def clear_memos() -> None:
    for cached in MEMOS.values():
        cached.cache_clear()
