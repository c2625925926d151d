"""The site as readers see it: per-language views of the catalog, and its URLs.

Korean is at the root, English under ``en/``. Every brief has a page in every
language: where no translation exists, the page shows the source text, marked
with the source's language. Paths here are relative to the site root, with a
trailing slash, as the ``url`` filter of MkDocs templates expects.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations

from .catalog import Catalog
from .licenses import LICENSES, License
from .model import DEFAULT_LANGUAGE, LANGUAGES, MISSING, OUTDATED, Brief, Text
from .regions_map import RegionMap, region_map
from .settings import RELATED_MAX
from .translation import StatusRow, status_rows
from .vocabulary import Term
from .wordiff import Change


def lang_root(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def brief_path(brief_id: str, lang: str) -> str:
    return f"{lang_root(lang)}briefs/{brief_id}/"


def term_path(kind: str, slug: str | None, lang: str) -> str:
    return f"{lang_root(lang)}{kind}/" + (f"{slug}/" if slug else "")


@dataclass(frozen=True)
class BriefView:
    """One brief as a reader of ``lang`` sees it."""

    brief: Brief
    lang: str

    @property
    def id(self) -> str:
        return self.brief.id

    @property
    def text(self) -> Text:
        return self.brief.shown_text(self.lang)

    @property
    def text_lang(self) -> str:
        """The language the shown text is written in (may differ from the page's)."""
        return self.text.lang

    @property
    def is_fallback(self) -> bool:
        return self.text.lang != self.lang

    @property
    def text_langs(self) -> tuple[str, ...]:
        """The languages the brief is written in (source and translations), in site order.

        Only their pages have text of their own: the page of any other language is a
        fallback (``is_fallback``), which search engines are told to skip.
        """
        return tuple(lang for lang in LANGUAGES if self.brief.text(lang) is not None)

    @property
    def title_segments(self) -> tuple[str, ...]:
        """The shown title, cut where a line may break after an ellipsis before an opening quote.

        Joined again with ``<wbr>`` by the page template: the text stays as typed.
        """
        return ellipsis_break_segments(self.text.title)

    @property
    def state(self) -> str:
        return self.brief.state(self.lang)

    @property
    def is_outdated(self) -> bool:
        return self.state == OUTDATED

    @property
    def is_missing(self) -> bool:
        return self.state == MISSING

    @property
    def path(self) -> str:
        return brief_path(self.brief.id, self.lang)

    @property
    def source_path(self) -> str:
        return brief_path(self.brief.id, self.brief.source.lang)

    @property
    def date(self) -> dt.date:
        return self.brief.date

    @property
    def draft(self) -> bool:
        return self.brief.draft

    @property
    def modified(self) -> dt.date:
        """The latest update's date, else the roundtable's."""
        return self.brief.modified

    @property
    def is_updated(self) -> bool:
        """Whether the brief was corrected after publication (lists mark it)."""
        return bool(self.brief.updates)

    @property
    def updates(self) -> list[ShownUpdate]:
        """The brief's updates, newest first, each note in this language or, untranslated, the source's."""
        own = self.brief.text(self.lang)
        notes = own.update_notes if own is not None else ()
        source = self.brief.source.lang
        shown = [ShownUpdate(u.date, notes[i], self.lang) if i < len(notes) else ShownUpdate(u.date, u.note, source)
                 for i, u in enumerate(self.brief.updates)]
        return shown[::-1]

    @property
    def license(self) -> License:
        """The brief's licence (its media share it)."""
        return LICENSES[self.brief.license]

    def terms(self, kind: str) -> tuple[Term, ...]:
        return self.brief.topics if kind == "topics" else self.brief.regions

    def field(self, name: str) -> Localized:
        """``venue``, ``organizers`` or ``speakers``, with the language they are in."""
        return shown_field(self, name)


class SiteView:
    """Everything the templates list, for one build (drafts in or out)."""

    def __init__(self, catalog: Catalog, include_drafts: bool, related_max: int = RELATED_MAX) -> None:
        self.catalog = catalog
        self.related_max = related_max  # how many related briefs a brief's page suggests
        self.include_drafts = include_drafts
        self.briefs: list[Brief] = catalog.published(include_drafts)
        # What changed in the source of each outdated translation, by (id, lang): set by a
        # build inside a git work tree (history.changes_for), else empty.
        self.changes: dict[tuple[str, str], list[Change]] = {}

    @cached_property
    def modified(self) -> dt.date | None:
        """The newest *updated* date of any listed brief (a list page's date), None without briefs."""
        return max((b.modified for b in self.briefs), default=None)

    def views(self, lang: str) -> list[BriefView]:
        """Every listed brief in ``lang``, newest first."""
        return [BriefView(b, lang) for b in self.briefs]

    def view(self, brief_id: str, lang: str) -> BriefView:
        return BriefView(self._by_id[brief_id], lang)

    def translation_rows(self) -> list[StatusRow]:
        """Every translation's state, as ``briefs status`` lists it (git dates left out)."""
        return status_rows(self.briefs, git_dates=False)

    def translation_changes(self, brief_id: str, lang: str) -> list[Change]:
        """The source paragraphs changed since the ``lang`` translation was made ([] without git history)."""
        return self.changes.get((brief_id, lang), [])

    def vocabulary(self, kind: str) -> tuple[Term, ...]:
        return self.catalog.topics.terms if kind == "topics" else self.catalog.regions.terms

    def term(self, kind: str, slug: str) -> Term:
        return (self.catalog.topics if kind == "topics" else self.catalog.regions).get(slug)

    def tagged(self, kind: str, slug: str, lang: str) -> list[BriefView]:
        """The briefs under one topic or region, newest first."""
        return [BriefView(b, lang) for b in self._tagged[kind].get(slug, [])]

    def count(self, kind: str, slug: str) -> int:
        return len(self._tagged[kind].get(slug, []))

    def region_map(self) -> RegionMap:
        """The tile map of ``/regions/``: every region with its count and shade."""
        regions = self.vocabulary("regions")
        return region_map(regions, {t.slug: self.count("regions", t.slug) for t in regions})

    def years(self, lang: str) -> list[tuple[int, list[BriefView]]]:
        """The archive: years newest first, each with its briefs newest first."""
        by_year: dict[int, list[BriefView]] = defaultdict(list)
        for view in self.views(lang):
            by_year[view.date.year].append(view)
        return sorted(by_year.items(), reverse=True)

    def related(self, brief_id: str, lang: str) -> list[BriefView]:
        """Up to five briefs sharing the most topics and regions, then newest."""
        return [BriefView(self._by_id[i], lang) for i in self.related_ids(brief_id)]

    def related_ids(self, brief_id: str) -> list[str]:
        """``related`` for any language, computed once per brief (every brief page and staging ask)."""
        cached = self._related.get(brief_id)
        if cached is not None:
            return cached
        brief = self._by_id[brief_id]
        order, positions = self._ranking
        own = self._position[brief_id]
        sets = [positions[kind][term.slug] for kind, terms in (("topics", brief.topics), ("regions", brief.regions))
                for term in terms if term.slug in positions[kind]]
        # Most shared terms first, then newest (lowest position): the briefs sharing all of
        # them, then those sharing one fewer, until there are enough. Set intersections run
        # in C; counting every brief that shares any term grew with the square of the archive.
        ranked: list[int] = []
        seen = {own}
        for shared in range(len(sets), 0, -1):
            found: set[int] = set()
            for group in combinations(sets, shared):
                found |= set.intersection(*group)
            found -= seen
            ranked += heapq.nsmallest(self.related_max - len(ranked), found)
            if len(ranked) >= self.related_max:
                break
            seen |= found
        ids = [order[pos] for pos in ranked]
        self._related[brief_id] = ids
        return ids

    @cached_property
    def _related(self) -> dict[str, list[str]]:
        return {}

    @cached_property
    def _position(self) -> dict[str, int]:
        return {brief_id: pos for pos, brief_id in enumerate(self._ranking[0])}

    @cached_property
    def _ranking(self) -> tuple[list[str], dict[str, dict[str, set[int]]]]:
        """Ids newest first (same day: by id), and each term's briefs as positions in that order."""
        order = [b.id for b in sorted(self.briefs, key=lambda b: (-b.date.toordinal(), b.id))]
        position = {brief_id: pos for pos, brief_id in enumerate(order)}
        positions = {kind: {slug: {position[b.id] for b in briefs} for slug, briefs in by_slug.items()}
                     for kind, by_slug in self._tagged.items()}
        return order, positions

    @cached_property
    def _by_id(self) -> dict[str, Brief]:
        return {b.id: b for b in self.briefs}

    @cached_property
    def _tagged(self) -> dict[str, dict[str, list[Brief]]]:
        tagged: dict[str, dict[str, list[Brief]]] = {"topics": defaultdict(list), "regions": defaultdict(list)}
        for brief in self.briefs:
            for term in brief.topics:
                tagged["topics"][term.slug].append(brief)
            for term in brief.regions:
                tagged["regions"][term.slug].append(brief)
        return tagged


@dataclass(frozen=True)
class ShownUpdate:
    """One update as a page shows it: its date, and its note with the language the note is in."""

    date: dt.date
    note: str
    lang: str


@dataclass(frozen=True)
class Localized:
    """A value shown on a page, with the language it is written in."""

    value: object
    lang: str


def shown_field(view: BriefView, name: str) -> Localized:
    """A translated field, falling back to the source's when the translation omits it."""
    own = getattr(view.text, name)
    if own or view.is_fallback:
        return Localized(own, view.text_lang)
    return Localized(getattr(view.brief.source, name), view.brief.source.lang)


# Opening quotes that a Korean headline puts straight after an ellipsis ("라운드테이블…“지역혁신”").
# Unicode line breaking allows no break on either side of a quotation mark next to "…" (and
# Chromium's strict line breaking, which Korean text uses, not even before "“"), so with
# ``word-break: keep-all`` "…" glues the words on both sides into one run that a phone
# screen can only split inside a word.
_OPENING_QUOTES = "“‘「『\"'"
_AMBIGUOUS_QUOTES = "\"'"


def ellipsis_break_segments(text: str) -> tuple[str, ...]:
    """``text`` cut between an ellipsis and an opening quote right after it.

    ``“`` and ``‘`` always open; a straight quote (``"`` or ``'``) opens when an even number
    of the same quote comes before it and text follows it (``…"지역혁신"`` is cut,
    ``"그런데…"라고`` is not).
    """
    segments: list[str] = []
    start = 0
    for i in range(1, len(text) - 1):
        quote = text[i]
        if text[i - 1] != "…" or quote not in _OPENING_QUOTES or text[i + 1].isspace():
            continue
        if quote in _AMBIGUOUS_QUOTES and text.count(quote, 0, i) % 2:
            continue
        segments.append(text[start:i])
        start = i
    segments.append(text[start:])
    return tuple(segments)
