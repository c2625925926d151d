"""Analysis with a cache: texts in, index terms out, Kiwi loaded only when needed.

An ``Analyzer`` lives for one build (both language passes share it). It
analyses *units*, tuples of field texts that belong together (one brief in one
language, or one term's names); each unit's result is stored in the
``analysis`` store (``briefkit/cache.py``) under the SHA-256 of the store's
fingerprint (this code, ``index_terms.py``, ``forms.py`` and the versions of
kiwipiepy, its model and snowballstemmer), the user dictionary and the texts,
so an unchanged brief is never analysed twice and a rebuild with nothing
changed never loads Kiwi. The cached value is exactly what analysis returns,
so the cache cannot change the index.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import cache
from ..atomic_write import write_atomic
from .forms import mixed_terms
from .index_terms import (
    SUFFIXES,
    Segmenter,
    english_stemmer,
    eojeols,
    has_hangul,
    latin_terms,
    normalize,
    script_pairs,
    text_nouns,
    word_nouns,
)

# A cold build with at least this many units to analyse starts a second process
# that analyses them into the cache while MkDocs renders pages (``analyse_ahead``).
AHEAD_MIN = 100
AHEAD_COMMAND = [sys.executable, "-m", "briefkit.search.ahead"]


@dataclass
class Analysis:
    """One unit's result: term counts per field, and the stem of each Latin word seen."""

    fields: list[dict[str, int]]
    forms: dict[str, str]


@dataclass
class Analyzer:
    cache_dir: Path | None
    user_words: tuple[str, ...] = ()
    # What shapes an analysis besides its texts (see briefkit/cache.py); in every key.
    fingerprint: str = field(default_factory=lambda: cache.fingerprint("analysis"))
    analysed: int = 0  # units analysed (cache misses), for tests and benchmarks
    workers: int | None = None  # Kiwi's threads (None: up to 4, one per core)
    _kiwi: Segmenter | None = field(default=None, repr=False)
    _ahead: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    _keys: dict[tuple[str, ...], str] = field(default_factory=dict, repr=False)
    _stemmer: Any = field(default=None, repr=False)
    _stems: dict[str, str | None] = field(default_factory=dict, repr=False)

    def analyse_ahead(self, units: Sequence[tuple[str, ...]]) -> bool:
        """Start analysing, in a second process, the units the cache lacks; True if started.

        A cold build needs Kiwi for every brief (loading it and analysing are
        a large part of a cold build), while the rest of the build runs on one
        core. The second process (``briefkit.search.ahead``) fills the cache
        while the pages render; ``analyse`` waits for it, then reads the cache
        and analyses whatever is still missing itself, so the index is the same
        whether that process finished, failed or never ran.

        Whoever starts it ends it: ``analyse`` waits for it, ``stop_ahead`` ends
        it (a build that fails or is interrupted before its index is written).
        """
        if self.cache_dir is None or self._ahead is not None:
            return False
        missing = [unit for unit in dict.fromkeys(units) if not self._cached(self.key(unit))]
        if len(missing) < AHEAD_MIN:
            return False
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        head = {"cache_dir": str(self.cache_dir), "user_words": self.user_words, "fingerprint": self.fingerprint}
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.cache_dir, prefix="ahead-",
                                         suffix=".jsonl", delete=False) as job:
            job.write(json.dumps(head, ensure_ascii=False) + "\n")
            job.writelines(json.dumps(unit, ensure_ascii=False) + "\n" for unit in missing)
        package_root = str(Path(__file__).resolve().parent.parent.parent)  # the folder holding briefkit/
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (package_root, os.environ.get("PYTHONPATH"))))}
        try:
            self._ahead = subprocess.Popen([*AHEAD_COMMAND, job.name], env=env, stdin=subprocess.DEVNULL,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except OSError:
            os.unlink(job.name)
            return False
        return True

    def stop_ahead(self) -> None:
        """End the second process if it still runs (its unfinished work is lost, the cache stays whole)."""
        ahead, self._ahead = self._ahead, None
        if ahead is None:
            return
        if ahead.poll() is None:
            ahead.terminate()
            try:
                ahead.wait(timeout=5)
            except subprocess.TimeoutExpired:
                ahead.kill()
                ahead.wait()
        if ahead.stderr is not None:
            ahead.stderr.close()

    def _join_ahead(self) -> None:
        if self._ahead is None:
            return
        _, errors = self._ahead.communicate()
        if self._ahead.returncode != 0:
            last = errors.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            logging.getLogger("mkdocs.plugins.briefs").info(
                "the second process stopped (%s: %s); the build does its work here", self._ahead.returncode, last[0])
        self._ahead = None

    def _cached(self, key: str) -> bool:
        assert self.cache_dir is not None
        return (self.cache_dir, key) in _RECENT or self._path(key).is_file()

    def analyse(self, units: Sequence[tuple[str, ...]]) -> list[Analysis]:
        """Every unit's analysis, from the cache where possible, misses in one Kiwi batch."""
        self._join_ahead()
        keys = [self.key(unit) for unit in units]
        results: dict[str, Analysis] = {}
        missing: dict[str, tuple[str, ...]] = {}
        for key, unit in zip(keys, units, strict=True):
            if key in results or key in missing:
                continue
            cached = self._read(key)
            if cached is None:
                missing[key] = unit
            else:
                results[key] = cached
        if missing:
            for key, analysis in zip(missing, self._analyse_now(list(missing.values())), strict=True):
                results[key] = analysis
                self._write(key, analysis)
            self.analysed += len(missing)
        return [results[key] for key in keys]

    def _analyse_now(self, units: list[tuple[str, ...]]) -> list[Analysis]:
        stemmer = self._stemmer = self._stemmer or english_stemmer()
        texts = [[normalize(text) for text in unit] for unit in units]
        words = [[eojeols(text) for text in unit] for unit in texts]
        distinct = sorted({w for unit in words for text in unit for w in text if has_hangul(w)})
        tokens = self._segment(distinct) if distinct else []
        analysed = {word: word_nouns(found, word) for word, found in zip(distinct, tokens, strict=True)}
        out: list[Analysis] = []
        for unit, unit_words in zip(texts, words, strict=True):
            forms: dict[str, str] = {}
            fields: list[dict[str, int]] = []
            for text, text_words in zip(unit, unit_words, strict=True):
                terms: Counter[str] = latin_terms(text, stemmer, forms, self._stems)
                terms.update(text_nouns(text_words, analysed))
                terms.update(script_pairs(text, analysed))
                terms.update(mixed_terms(text, SUFFIXES))
                fields.append(dict(sorted(terms.items())))
            out.append(Analysis(fields, dict(sorted(forms.items()))))
        return out

    def _segment(self, texts: list[str]) -> Iterable[Sequence[Any]]:
        if self._kiwi is None:
            self._kiwi = load_kiwi(self.user_words, self.workers)
        return self._kiwi.tokenize(texts)

    def warm_up(self) -> None:
        """Load Kiwi and analyse one word, so the next miss does not wait (a preview's first edit)."""
        load_kiwi(self.user_words).tokenize(["중소기업의"])

    def key(self, unit: tuple[str, ...]) -> str:
        """The cache key of a unit: its texts, the user dictionary and the store's fingerprint.

        Kept for the build: the analysis ahead, the index digest and ``analyse``
        all ask for the key of every brief.
        """
        key = self._keys.get(unit)
        if key is None:
            data = "\0".join((self.fingerprint, *self.user_words, "\x01", *unit))
            key = self._keys[unit] = hashlib.sha256(data.encode("utf-8")).hexdigest()
        return key

    def _path(self, key: str) -> Path:
        assert self.cache_dir is not None
        return self.cache_dir / key[:2] / f"{key}.json"

    def _read(self, key: str) -> Analysis | None:
        if self.cache_dir is None:
            return None
        remembered = _RECENT.get((self.cache_dir, key))
        if remembered is not None:
            return remembered
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            analysis = Analysis(data["fields"], data["forms"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        _remember(self.cache_dir, key, analysis)
        return analysis

    def _write(self, key: str, analysis: Analysis) -> None:
        if self.cache_dir is None:
            return
        _remember(self.cache_dir, key, analysis)
        # Atomic: a parallel build, or the build's second process, never reads half a file.
        write_atomic(self._path(key), json.dumps({"fields": analysis.fields, "forms": analysis.forms},
                                                 ensure_ascii=False))


# The analysis cache's entries read or written in this process, by cache folder
# and content key: a preview session rebuilds many times, and reading every
# cache file again is slow. Keys are digests of the texts and the store's
# fingerprint, so an entry is never stale; the bound keeps a long session
# at a few tens of megabytes.
_RECENT: cache.Recent[tuple[Path, str], Analysis] = cache.Recent("analyses read or written", maxsize=20_000)


def _remember(cache_dir: Path, key: str, analysis: Analysis) -> None:
    _RECENT.put((cache_dir, key), analysis)


class _KiwiBatch:
    """Kiwi behind the ``Segmenter`` interface, on every core the machine has."""

    def __init__(self, user_words: tuple[str, ...], workers: int | None = None) -> None:
        from kiwipiepy import Kiwi  # type: ignore[import-untyped]  # imported here: it is slow to load

        workers = workers or min(os.cpu_count() or 1, 4)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            # Typo and multi-word dictionaries slow analysis down a lot and only
            # matter for sloppy input; briefs are edited text.
            self.kiwi = Kiwi(num_workers=workers if workers > 1 else -1, load_typo_dict=False, load_multi_dict=False)
        self.parallel = workers > 1
        for word in user_words:
            self.kiwi.add_user_word(word, "NNP", 0.0)

    def tokenize(self, texts: list[str]) -> Iterable[Sequence[Any]]:
        if self.parallel:
            return list(self.kiwi.tokenize(texts))
        return [self.kiwi.tokenize(text) for text in texts]


def load_kiwi(user_words: tuple[str, ...], workers: int | None = None) -> Segmenter:
    """Kiwi with the site's user dictionary, loaded once per process for that dictionary.

    Loading is slow and takes hundreds of MB; a preview session (``mkdocs
    serve``) rebuilds many times in one process, and analysing one edited
    brief must not pay it again. The model is never changed after loading.
    The lock makes a build wait for a load already under way (the preview
    starts one in the background) instead of starting a second.
    """
    with _LOADING:
        return _loaded_kiwi(user_words, workers)


_LOADING = threading.Lock()


@cache.memo("Kiwi, loaded", maxsize=1)
def _loaded_kiwi(user_words: tuple[str, ...], workers: int | None) -> Segmenter:
    return _KiwiBatch(user_words, workers)
