"""The search index of one site build, for each language in turn.

``SearchBuild`` is made once per build and kept for both language passes,
so Kiwi (when anything is not in the cache) is loaded once.

Besides the analysis cache, the last index written for each language is kept
in the ``search-index`` store (``briefkit/cache.py``) under a digest of
everything it was made from (every record, every analysis key, the labels,
the store's fingerprint: the code of this package and the analysers'
versions): a rebuild with no brief changed reads that one file instead of
rebuilding the postings of every brief.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import cache
from ..atomic_write import write_atomic
from ..model import LANGUAGES
from ..site import SiteView
from ..vocabulary import Term
from .analyzer import Analysis, Analyzer
from .index_terms import MINISTRY_NAMES
from .records import Record, records, term_names, user_words
from .writer import index_files

INDEX_FOLDER = "search/index"


@dataclass
class SearchBuild:
    site: SiteView
    analyzer: Analyzer
    _terms: dict[str, Analysis] = field(default_factory=dict)
    _ahead_tried: bool = False
    _records: dict[str, list[tuple[Record, tuple[str, ...]]]] = field(default_factory=dict)
    index_dir: Path | None = None  # where the last index of each language is kept (None: nowhere)
    fingerprint: str = field(default_factory=lambda: cache.fingerprint("search-index"))

    @classmethod
    def create(cls, site: SiteView, root: Path | None) -> SearchBuild:
        """The search build of ``site``; its caches in the project at ``root`` (None: no cache)."""
        analyses = cache.path(root, "analysis") if root is not None else None
        index_dir = cache.path(root, "search-index") if root is not None else None
        return cls(site, Analyzer(analyses, user_words(site, MINISTRY_NAMES)), index_dir=index_dir)

    def analyse_ahead(self) -> bool:
        """Start analysing what both languages' indexes need in a second process (see ``Analyzer``)."""
        if self._ahead_tried:
            return False  # the English pass: started (or not needed) in the Korean one
        self._ahead_tried = True
        units = [texts for lang in LANGUAGES for _, texts in self._items(lang)]
        return self.analyzer.analyse_ahead(units + [term_names(t) for t in self._vocabulary()])

    def files(self, lang: str) -> dict[str, bytes]:
        """The files of ``lang``'s index, by path under ``search/index/<lang>/``."""
        items = self._items(lang)
        labels = {f"{t.kind}/{t.slug}": t.label(lang) for t in self._vocabulary()}
        digest = self._digest(lang, [repr(r) for r, _ in items], [self.analyzer.key(t) for _, t in items], labels)
        cached = self._read_index(lang, digest)
        if cached is not None:
            return cached
        analyses = self.analyzer.analyse([texts for _, texts in items])
        files = index_files(lang, [(r, a, t) for (r, t), a in zip(items, analyses, strict=True)],
                            self._term_analysis(), labels)
        self._write_index(lang, digest, files)
        return files

    def _items(self, lang: str) -> list[tuple[Record, tuple[str, ...]]]:
        """``lang``'s records and field texts, made once per build (the analysis ahead reads them too)."""
        if lang not in self._records:
            self._records[lang] = records(self.site, lang)
        return self._records[lang]

    def _vocabulary(self) -> list[Term]:
        return [t for kind in ("topics", "regions") for t in self.site.vocabulary(kind)]

    def _term_analysis(self) -> dict[str, Analysis]:
        if not self._terms:
            terms = self._vocabulary()
            results = self.analyzer.analyse([term_names(t) for t in terms])
            self._terms = {f"{t.kind}/{t.slug}": a for t, a in zip(terms, results, strict=True)}
        return self._terms

    def _digest(self, lang: str, records: list[str], keys: list[str], labels: dict[str, str]) -> str:
        names = [self.analyzer.key(term_names(t)) + repr(t) for t in self._vocabulary()]
        data = json.dumps([self.fingerprint, lang, records, keys, labels, names], ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()

    def _index_path(self, lang: str) -> Path | None:
        return self.index_dir / f"{lang}.json" if self.index_dir else None

    def _read_index(self, lang: str, digest: str) -> dict[str, bytes] | None:
        path = self._index_path(lang)
        try:
            data = json.loads(path.read_text(encoding="utf-8")) if path else None
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("digest") != digest:
            return None
        return {rel: text.encode("utf-8") for rel, text in data["files"].items()}

    def _write_index(self, lang: str, digest: str, files: dict[str, bytes]) -> None:
        path = self._index_path(lang)
        if path is None:
            return
        content = {"digest": digest, "files": {rel: data.decode("utf-8") for rel, data in files.items()}}
        write_atomic(path, json.dumps(content, ensure_ascii=False))
