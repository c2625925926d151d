"""The search index of one site build, for each language in turn.

``SearchBuild`` is made once per build and kept for both language passes,
so Kiwi (when anything is not in the cache) is loaded once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..site import SiteView
from .analysis import MINISTRY_NAMES
from .analyzer import Analysis, Analyzer
from .records import records, term_names, user_words
from .writer import index_files

CACHE_FOLDER = ".cache/search"
INDEX_FOLDER = "search/index"


@dataclass
class SearchBuild:
    site: SiteView
    analyzer: Analyzer
    _terms: dict[str, Analysis] = field(default_factory=dict)

    @classmethod
    def create(cls, site: SiteView, root: Path | None) -> SearchBuild:
        cache = root / CACHE_FOLDER if root is not None else None
        return cls(site, Analyzer(cache, user_words(site, MINISTRY_NAMES)))

    def files(self, lang: str) -> dict[str, bytes]:
        """The files of ``lang``'s index, by path under ``search/index/<lang>/``."""
        items = records(self.site, lang)
        analyses = self.analyzer.analyse([texts for _, texts in items])
        labels = {f"{t.kind}/{t.slug}": t.label(lang) for kind in ("topics", "regions")
                  for t in self.site.vocabulary(kind)}
        return index_files(lang, [(r, a) for (r, _), a in zip(items, analyses, strict=True)],
                           self._term_analysis(), labels)

    def _term_analysis(self) -> dict[str, Analysis]:
        if not self._terms:
            terms = [t for kind in ("topics", "regions") for t in self.site.vocabulary(kind)]
            results = self.analyzer.analyse([term_names(t) for t in terms])
            self._terms = {f"{t.kind}/{t.slug}": a for t, a in zip(terms, results, strict=True)}
        return self._terms
