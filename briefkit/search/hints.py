"""Searches beside the plain one, as search-engine.js runs them: 초성 queries and "did you mean".

- ``initials_search``: a query typed as initial consonants (``ㅅㅁㅌㄱㅈ``)
  matches the titles whose initials hold it and the index terms whose
  initials are it (or begin with it); it reads the files of its first two
  initials (``words``), nothing else of the vocabulary.
- ``suggestions``: for a query with no hits, the closest index words to
  each word that finds nothing (among those listed under its first two
  letters or initials, or under those with one of its first three left out:
  ``words.near_keys``, at most three small files), by edit distance over
  jamo (Korean: 곶 and 공 differ by one letter) or letters (English), the
  more briefs a word is in the better; each offered query finds something.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .analysis import normalize
from .forms import distance, initials, letters
from .words import initials_key, near_keys

if TYPE_CHECKING:
    from .query import IndexFolder, Match

TERMS = 5  # index terms an initials query takes, most briefs first (exact initials before longer ones)
TITLE_BONUS = 1000.0  # a title holding the initials ranks first
OFFERS = 3  # corrections offered


def initials_search(index: IndexFolder, query: str) -> tuple[dict[int, float], list[str], list[Match]]:
    """Scores, words to mark and matches for an initials query (see ``IndexFolder.search``)."""
    wanted = "".join(query.split())
    found_file = index.words_file(initials_key(wanted[:2]))
    listed = found_file["w"]
    exact = [w for w, _ in listed if initials(w) == wanted and len(w) == len(wanted)]
    longer = [w for w, _ in listed if len(w) > len(wanted) and initials(w).startswith(wanted)]
    scores: dict[int, float] = {}
    matched: list[str] = []
    matches: list[Match] = []
    count = index.meta["count"]
    from .query import Word

    for term in (exact + longer)[:TERMS]:
        found = index.postings(Word(term, (term,), False))
        if found is None:
            continue
        matches.append(found)
        matched.append(term)
        idf = math.log(1 + count / len(found[1]))
        for doc, weight in found[1].items():
            scores[doc] = scores.get(doc, 0.0) + weight * idf * (2 if term in exact else 1)
    titled = {doc for spelled, doc in found_file["t"] if spelled.startswith(wanted)}
    for doc in sorted(titled):
        scores[doc] = scores.get(doc, 0.0) + TITLE_BONUS
    return scores, matched, matches


def limit(word: str) -> int:
    """Edits allowed between a word and an offer: more for longer words."""
    return 1 if len(word) <= 4 else 2


def closest(index: IndexFolder, text: str) -> list[str]:
    """Index words near ``text`` (a query word), best first: fewest edits, then most briefs."""
    korean = "\uac00" <= text[0] <= "\ud7a3"
    listed: dict[str, int] = {}
    for key in near_keys(text):  # its own key first, then the keys of a typo in its first letters
        found = index.words_file(key)
        for word, briefs in [*found["w"], *found.get("n", [])]:
            listed.setdefault(word, briefs)
    forms = (index.korean(text) if korean else index.english(text)).candidates  # with and without endings
    target = [letters(f) for f in forms]
    ranked = []
    for word, briefs in listed.items():
        spelled = letters(word)
        most = limit(spelled) if not korean else (1 if len(word) <= 2 else 2)
        best = min(distance(t, spelled, most) for t in target)
        if 0 < best <= most:
            ranked.append((best, -briefs, word))
    return [word for _, _, word in sorted(ranked)]


def suggestions(index: IndexFolder, query: str) -> list[str]:
    """Queries like ``query`` with each word that finds nothing replaced by a close index word;
    only those that find something, at most ``OFFERS``."""
    text = " ".join(normalize(query).split())
    words = [w for w, found in index.resolved(index.words(query)) if found is None and not index.optional(w)]
    if not words:
        return []
    best = {w.text: (closest(index, w.text)[:1] or [w.text])[0] for w in words[1:]}
    offers = []
    for word in closest(index, words[0].text):
        offer = text.replace(words[0].text, word, 1)
        for wrong, right in best.items():
            offer = offer.replace(wrong, right, 1)
        if offer not in offers and index.search(offer):
            offers.append(offer)
        if len(offers) == OFFERS:
            break
    return offers
