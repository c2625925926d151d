"""What of a brief is searchable, field by field, with each field's weight.

A record is one published brief as a reader of one language sees it: the
shown text (a brief with no translation is searched in its source text, as
its page shows it), and the names of its topics and regions in both languages
with every alias, so ``경남`` finds a brief tagged gyeongnam whose text says
only 경상남도.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..site import BriefView, SiteView
from ..vocabulary import Term
from .passages import passages

# Field weights: a word in the title says more about a brief than one in the body.
TITLE, SUMMARY, PEOPLE, BODY = 6, 3, 2, 1
LABELS = 3
FIELD_WEIGHTS = (TITLE, SUMMARY, PEOPLE)  # then BODY for every passage of the body



@dataclass(frozen=True)
class Record:
    id: str
    date: str
    year: int
    title: str
    summary: str
    text_lang: str
    updated: bool  # corrected after publication (``updates``): lists mark it
    topics: tuple[Term, ...]
    regions: tuple[Term, ...]

    @property
    def terms(self) -> tuple[Term, ...]:
        return self.topics + self.regions


def records(site: SiteView, lang: str) -> list[tuple[Record, tuple[str, ...]]]:
    """Every published brief in ``lang``, newest first, with its field texts."""
    return [(_record(view), field_texts(view)) for view in site.views(lang) if not view.draft]


def field_texts(view: BriefView) -> tuple[str, ...]:
    """Title, summary, people and places (``FIELD_WEIGHTS``), then each passage of the body (``BODY``).

    The body is analysed passage by passage (``passages``) so that the index
    knows where in the body each term first stands, for the excerpt.
    """
    text = view.text
    people = [text.venue, *text.organizers]
    for speaker in text.speakers:
        people += [speaker.name, speaker.role, speaker.affiliation]
    return (text.title, text.summary, "\n".join(p for p in people if p), *passages(text.body))


def term_names(term: Term) -> tuple[str, ...]:
    """Every name a reader may search a topic or region by, one per line."""
    return ("\n".join((term.ko, term.en, term.slug.replace("-", " "), *term.aliases)),)


def user_words(site: SiteView, extra: tuple[str, ...]) -> tuple[str, ...]:
    """Names Kiwi must keep whole: the ministry's, and every Korean region name."""
    words = set(extra)
    for term in site.vocabulary("regions"):
        words.update(name for name in (term.ko, *term.aliases) if re.fullmatch(r"[\uac00-\ud7a3]+", name))
    return tuple(sorted(words))


def _record(view: BriefView) -> Record:
    return Record(
        id=view.id,
        date=view.date.isoformat(),
        year=view.date.year,
        title=view.text.title,
        summary=view.text.summary,
        text_lang=view.text_lang,
        updated=view.is_updated,
        topics=view.brief.topics,
        regions=view.brief.regions,
    )
