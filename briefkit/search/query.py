"""Answer a query over a built index folder, as ``search-engine.js`` does in the browser.

Used by the recall tests and the benchmark; kept step for step like the
script: normalise (NFC, lower case, words of one script or mixed words such
as ``2030년``), look each word up (a mixed word whole, else its parts; a
Korean word as typed, then without its particle or ending, the longest form
the index knows; an English word through its stem), keep the documents that
have every word, filter, rank by the sum of weight × idf, newest first on
ties; each hit with the body passage its excerpt shows. Queries of initial
consonants and corrections: ``hints``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from pathlib import Path
from typing import Any

from .analysis import LATIN_WORD, normalize
from .forms import COMPACT, RUN, all_initials, mixed
from .writer import WEIGHT_MAX, bucket


@dataclass(frozen=True)
class Word:
    """One query word and the index forms tried for it, best first.

    A mixed word (``2030년``, ``r&d``, ``ai반도체``: ``forms.mixed``) is tried
    whole; when the index does not know it whole, its ``parts`` are words of
    their own.
    """

    text: str
    candidates: tuple[str, ...]
    latin: bool
    parts: tuple[Word, ...] = ()
    alternate: Word | None = None  # ai반도체 written apart (ai 반도체): its documents rank after the exact form's


Match = tuple[str, dict[int, int], dict[int, int]]  # index term, weight and passage by document


@dataclass
class Hit:
    doc: int
    id: str
    score: float
    terms: tuple[str, ...]
    passage: int = 0  # 0: the excerpt is the summary; else one more than the body passage shown


@dataclass
class IndexFolder:
    folder: Path
    fetched: list[str] = field(default_factory=list)  # files read, in order
    _shards: dict[int, dict[str, Any]] = field(default_factory=dict)

    @cached_property
    def meta(self) -> dict[str, Any]:
        return self._load("meta.json")  # type: ignore[no-any-return]

    def words(self, query: str) -> list[Word]:
        words: list[Word] = []
        for match in COMPACT.finditer(normalize(query)):
            text = match.group()
            if mixed(text):
                parts = [w for run in RUN.findall(text) if (w := self.word(run))]
                stripped = [text[: -len(s)] for s in self.meta["suffixes"]
                            if text.endswith(s) and len(text) > len(s) and mixed(text[: -len(s)])]
                runs = RUN.findall(text)
                pair = self.pair(runs[0], runs[1]) if len(runs) == 2 and "".join(runs) == text else None
                words.append(Word(text, (text, *dict.fromkeys(stripped)), False, tuple(parts),
                                  pair[0] if pair else None))
            elif word := self.word(text):
                words.append(word)
        return words

    def word(self, text: str) -> Word | None:
        """One script run as a query word; None for a one-digit number or a stop word."""
        if "\uac00" <= text[0] <= "\ud7a3":
            return self.korean(text)
        if text[0].isdigit():
            return Word(text, (text,), False) if len(text) >= 2 else None
        return None if text in self.meta["stopwords"] else self.english(text)

    def korean(self, text: str) -> Word:
        """A Korean word as typed, then without each particle or ending it may carry, longest first."""
        stripped = {text[: -len(s)] for s in self.meta["suffixes"] if text.endswith(s) and len(text) > len(s)}
        return Word(text, (text, *sorted(stripped, key=lambda s: (-len(s), s))), False)

    def english(self, text: str) -> Word:
        """An English word as typed, then without each ending of ``EN_ENDINGS``."""
        shorter = [text[: -len(end)] + new for end, new in self.meta["endings"]
                   if text.endswith(end) and len(text) - len(end) >= 3]
        return Word(text, (text, *dict.fromkeys(shorter)), True)

    @staticmethod
    def optional(word: Word) -> bool:
        """Left out when the index does not know it: a number, or one Korean syllable (년 in ``2024년``)."""
        return not word.latin and (word.text.isdigit() or (len(word.text) == 1 and "\uac00" <= word.text <= "\ud7a3"))

    def joined(self, words: list[Word]) -> Word | None:
        """Korean words typed apart, as one word: ``인내 자본`` also finds 인내자본 analysed whole."""
        if len(words) < 2 or any(w.latin or w.parts or not "\uac00" <= w.text[0] <= "\ud7a3" for w in words):
            return None
        return self.korean("".join(w.text for w in words))

    def pair(self, first: str, second: str) -> tuple[Word, Word] | None:
        """A Latin word and a Korean one, written apart (``ai 반도체``: ``analysis.script_pairs``) and
        together (``ai반도체``), with the Korean word's particles stripped; None for other pairs."""
        if LATIN_WORD.fullmatch(first) and _hangul(second):
            ends = self.korean(second).candidates
            return (Word(f"{first} {second}", tuple(f"{first} {e}" for e in ends), False),
                    Word(first + second, tuple(first + e for e in ends), False))
        if _hangul(first) and LATIN_WORD.fullmatch(second):
            spaced = f"{first} {second}"
            return Word(spaced, (spaced,), False), Word(first + second, (first + second,), False)
        return None

    def pairs(self, words: list[Word]) -> list[tuple[Word, Word]]:
        """Each Latin and Korean word typed apart side by side (``AI 반도체``): written apart, together."""
        found = []
        for first, second in pairwise(words):
            if not first.parts and not second.parts and (pair := self.pair(first.text, second.text)):
                found.append(pair)
        return found

    def split(self, word: Word) -> Match | None:
        """A Korean word the index does not know, as two it knows (경남수출 → 경남 + 수출).

        Splits are tried with the longest first part first; both parts have
        two syllables at least; the documents must have both.
        """
        text = word.text
        if word.latin or not "\uac00" <= text[0] <= "\ud7a3":
            return None
        for i in range(len(text) - 2, 1, -1):
            left = self.postings(Word(text[:i], (text[:i],), False))
            right = self.postings(self.korean(text[i:])) if left else None
            if left is None or right is None:
                continue
            docs = {d: w + right[1][d] for d, w in left[1].items() if d in right[1]}
            if docs:
                return f"{left[0]} {right[0]}", docs, {d: left[2][d] or right[2][d] for d in docs}
        return None

    def postings(self, word: Word) -> Match | None:
        """The index term a word matches, its documents' weights and first passages, or None."""
        for candidate in word.candidates:
            term = candidate
            if word.latin:
                term = self._shard(candidate)["f"].get(candidate, candidate)
            found = self._shard(term)["t"].get(term)
            if found is not None:
                docs: dict[int, int] = {}
                where: dict[int, int] = {}
                doc = 0
                for i in range(0, len(found), 3):
                    doc += found[i]
                    docs[doc] = found[i + 1]
                    where[doc] = found[i + 2]
                return term, docs, where
        return None

    def resolved(self, words: list[Word]) -> list[tuple[Word, Match | None]]:
        """Each word with its match: a mixed word whole, or else its parts one by one."""
        out: list[tuple[Word, Match | None]] = []
        for word in words:
            found = self.postings(word)
            if word.alternate is not None:
                found = merge(found, self.postings(word.alternate))
            found = found or (None if word.parts else self.split(word))
            if found is None and word.parts:
                out += [(part, self.postings(part) or self.split(part)) for part in word.parts]
            else:
                out.append((word, found))
        return out

    def search(self, query: str, topic: str = "", region: str = "", year: str = "") -> list[Hit]:
        """Hits for ``query`` and the filters, by relevance (all documents newest first if no words).

        A query typed as initial consonants only (``ㅅㅁㅌㄱㅈ``) matches the
        initials of titles and index terms instead (``hints.initials_search``).
        """
        if all_initials(query):
            from .hints import initials_search

            return self._hits(*initials_search(self, query), topic, region, year)
        count = self.meta["count"]
        scores: dict[int, float] | None = None
        matched: list[str] = []
        matches: list[Match] = []
        words = self.words(query)
        if query.strip() and not words:
            return []
        for word, found in self.resolved(words):
            if found is None and self.optional(word):
                continue
            if found is None:
                scores = {}
                break
            term, docs, _ = found
            matches.append(found)
            matched.extend(term.split())
            idf = math.log(1 + count / len(docs))
            scores = {d: docs[d] * idf + (scores[d] if scores is not None else 0.0)
                      for d in docs if scores is None or d in scores}
        if scores is None:
            scores = {} if words else {d: 0.0 for d in range(count)}
        joined = self.joined(words)
        found = self.postings(joined) if joined else None
        if found is not None:
            term, docs, _ = found
            matches.append(found)
            matched.append(term)
            idf = math.log(1 + count / len(docs))
            for d, weight in docs.items():
                scores[d] = max(scores.get(d, 0.0), weight * idf * len(words))
        for spaced, together in self.pairs(words):  # AI 반도체: as written, first; then AI반도체
            found = merge(self.postings(spaced), self.postings(together))
            if found is None:
                continue
            term, docs, _ = found
            matches.append(found)
            matched.append(term)
            idf = math.log(1 + count / len(docs))
            for d, weight in docs.items():
                if d in scores or len(words) == 2:  # with more words, only documents that have them all
                    scores[d] = max(scores.get(d, 0.0), weight * idf * len(words))
        return self._hits(scores, matched, matches, topic, region, year)

    def _hits(self, scores: dict[int, float], matched: list[str], matches: list[Match],
              topic: str, region: str, year: str) -> list[Hit]:
        allowed = self.filtered(topic, region, year)
        hits = [Hit(d, "", s, tuple(matched), passage(d, matches)) for d, s in scores.items() if d in allowed]
        hits.sort(key=lambda h: (-h.score, h.doc))
        for hit in hits:
            hit.id = self.doc(hit.doc)[0]
        return hits

    def excerpt(self, hit: Hit) -> str:
        """The text a hit shows under its title: its body passage, or its summary."""
        if not hit.passage:
            return self.doc(hit.doc)[3]  # type: ignore[no-any-return]
        n = hit.passage - 1
        block = self._load(f"p/{hit.doc}-{n // self.meta['block']}.json")
        return block[n % self.meta["block"]]  # type: ignore[no-any-return]

    def filtered(self, topic: str, region: str, year: str) -> set[int]:
        docs = set(range(self.meta["count"]))
        for kind, slug in (("topics", topic), ("regions", region)):
            if slug:
                found: list[int] = next((entry[2] for entry in self.meta[kind] if entry[0] == slug), [])
                docs &= set(_undelta(found))
        if year:
            docs &= {d for y, start, end in self.meta["years"] if str(y) == year for d in range(start, end)}
        return docs

    def doc(self, n: int) -> list[Any]:
        chunk = self._load(f"d/{n // self.meta['chunk']}.json")
        return chunk[n % self.meta["chunk"]]  # type: ignore[no-any-return]

    def _shard(self, term: str) -> dict[str, Any]:
        n = bucket(term, self.meta["shards"])
        if n not in self._shards:
            self._shards[n] = self._load(f"t/{n}.json")
        return self._shards[n]

    def words_file(self, key: str) -> dict[str, Any]:
        """``k/<key>.json`` (``words``), or empty lists when meta.json lists no such file."""
        return self._load(f"k/{key}.json") if key in self.meta["words"] else {"w": [], "t": []}

    def _load(self, rel: str) -> Any:
        if rel not in self.fetched:
            self.fetched.append(rel)
        return json.loads((self.folder / rel).read_text(encoding="utf-8"))


def passage(doc: int, matches: list[Match]) -> int:
    """The body passage a hit shows: the one most of the query's words first stand in, the
    earliest on a tie; 0 (the summary) when every word is in the title or summary."""
    codes = [m[2][doc] for m in matches if m[2].get(doc)]
    return min(codes, key=lambda c: (-codes.count(c), c)) if codes else 0


def merge(exact: Match | None, other: Match | None) -> Match | None:
    """Both matches as one: the documents of ``exact`` (the form as typed) first, by a weight above
    any of ``other``'s (the same words written apart or together)."""
    if exact is None or other is None:
        return exact or other
    docs = {**other[1], **{d: w + WEIGHT_MAX for d, w in exact[1].items()}}
    return exact[0], docs, {**other[2], **exact[2]}


def _hangul(text: str) -> bool:
    return bool(text) and all("\uac00" <= ch <= "\ud7a3" for ch in text)


def _undelta(deltas: list[int]) -> list[int]:
    out, doc = [], 0
    for delta in deltas:
        doc += delta
        out.append(doc)
    return out
