"""The index of one language as files: metadata, term shards, display chunks.

Layout under ``search/index/<lang>/`` (all deterministic JSON, sorted keys):
- ``meta.json``: how many shards and chunks, the years (as ranges of document
  numbers: documents are numbered newest first), the topic and region filters
  with their documents, and the particles and stop words the browser strips.
- ``t/<n>.json``: the terms whose shard key's FNV-1a hash falls in bucket
  ``n``, each with its postings ``[doc, weight, passage, doc-delta, …]``
  (passage: 0 when the term is in the title or summary or only in the
  people and labels, else one more than the first body passage holding it), and
  ``forms``: the stem of every English word seen whose key falls there. The
  key of a Latin-script term is its first ``LATIN_KEY`` letters, so an
  English word, its stem and its plural share a shard (one round trip); a
  Korean term or a number is its own key.
- ``d/<n>.json``: what a result shows (id, date, title, summary, text
  language, and 1 for a brief corrected after publication, else 0: the
  "수정됨 / Updated" mark of lists) for ``CHUNK`` documents in a row.
- ``p/<doc>-<n>.json``: the body passages of a document, ``BLOCK`` a file
  (``passages``): the excerpt of a hit reads one.
- ``k/<key>.json``: index words by their first two letters or initial
  consonants, with their document counts, and the titles' initials (``words``),
  read only for a 초성 query or a query with no hits ("did you mean").

The shapes of these files, positions named, are typed in one place for the
engine: ``overrides/assets/search-index.js`` (JSDoc types checked by tsc).

A first query fetches the metadata, one or two shards per word and the chunks
of the hits it shows; the number of shards grows with the index so that a
shard stays near ``SHARD_TARGET`` bytes. Why this layout, with the numbers
measured: ``DESIGN.md`` beside this file.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from .. import cache
from .analyzer import Analysis
from .index_terms import EN_ENDINGS, STOPWORDS, SUFFIXES, whole_names
from .passages import BLOCK
from .records import BODY, FIELD_WEIGHTS, LABELS, Record
from .words import word_files

INDEX_VERSION = 7
SHARD_TARGET = 6_000  # bytes of postings per shard, about
CHUNK = 5  # documents per display chunk
WEIGHT_MAX = 255
LATIN_KEY = 3  # letters of a Latin-script term that choose its shard


def shard_key(term: str) -> str:
    """What chooses a term's shard: a Latin-script term's first letters, any other term whole.

    Snowball stems keep the first letters of their word (``factories`` →
    ``factori``), so the word's ``forms`` entry and its stem's postings are
    in one file. search-core.js computes the same.
    """
    return term[:LATIN_KEY] if "a" <= term[:1] <= "z" or "\u00df" <= term[:1] <= "\u024f" else term


@cache.memo("search shard hashes", maxsize=1 << 16)  # every index term, on every build; a preview rebuilds often
def fnv1a(text: str) -> int:
    """FNV-1a, 32 bits, over UTF-8."""
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def bucket(term: str, shards: int) -> int:
    """The shard of ``term``: FNV-1a of its shard key, modulo ``shards``; search-core.js computes the same."""
    return fnv1a(shard_key(term)) % shards


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def index_files(
    lang: str,
    items: Sequence[tuple[Record, Analysis, tuple[str, ...]]],
    term_analysis: dict[str, Analysis],
    labels: dict[str, str],
) -> dict[str, bytes]:
    """Every file of one language's index by path relative to its folder.

    ``term_analysis`` holds the analysed names of each topic and region by
    ``kind/slug``; ``labels`` their labels in ``lang``. Each item is a
    record, its analysis and its texts: title, summary, people
    (``FIELD_WEIGHTS``), then each passage of the body.
    """
    postings: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
    forms: dict[str, str] = {}
    names: dict[str, list[str]] = {}  # every index term of a topic's or region's names
    for named in term_analysis.values():
        forms.update(named.forms)
    for doc, (record, analysis, _) in enumerate(items):
        weights: dict[str, int] = defaultdict(int)
        where: dict[str, int] = {}  # the first body passage of a term not in the title or summary, plus one
        for n, terms in enumerate(analysis.fields):
            weight = FIELD_WEIGHTS[n] if n < len(FIELD_WEIGHTS) else BODY
            for term, count in terms.items():
                weights[term] += weight * count
                if n < 2:
                    where[term] = 0
                elif n >= len(FIELD_WEIGHTS):
                    where.setdefault(term, n - len(FIELD_WEIGHTS) + 1)
        for tag in record.terms:
            key = f"{tag.kind}/{tag.slug}"
            if key not in names:
                names[key] = sorted({*term_analysis[key].fields[0], *whole_names(tag)})
            for name in names[key]:
                weights[name] += LABELS
        forms.update(analysis.forms)
        for term, weight in weights.items():
            postings[term][doc] = (weight if weight < WEIGHT_MAX else WEIGHT_MAX, where.get(term, 0))
    encoded = {term: _encode(docs) for term, docs in postings.items()}
    # About the JSON size: a posting is three small numbers and three commas.
    size = sum(len(term.encode()) + 6 + 7 * len(value) // 3 for term, value in encoded.items())
    shards = 1
    while size / shards > SHARD_TARGET:
        shards *= 2
    files: dict[str, bytes] = {}
    buckets: list[dict[str, Any]] = [{"t": {}, "f": {}} for _ in range(shards)]
    for term, value in encoded.items():
        buckets[bucket(term, shards)]["t"][term] = value
    for word, stem in forms.items():
        if stem in postings and stem != word:
            buckets[bucket(word, shards)]["f"][word] = stem
    for n, content in enumerate(buckets):
        files[f"t/{n}.json"] = dumps(content)
    records = [record for record, _, _ in items]
    for n in range(0, len(records), CHUNK):
        chunk = [[r.id, r.date, r.title, r.summary, r.text_lang, int(r.updated)] for r in records[n:n + CHUNK]]
        files[f"d/{n // CHUNK}.json"] = dumps(chunk)
    for doc, (_, _, texts) in enumerate(items):
        body = texts[len(FIELD_WEIGHTS):]
        for n in range(0, len(body), BLOCK):
            files[f"p/{doc}-{n // BLOCK}.json"] = dumps(body[n:n + BLOCK])
    listed = word_files(records, postings, forms)
    files.update({rel: dumps(data) for rel, data in listed.items()})
    files["meta.json"] = dumps({**_meta(lang, records, shards, labels),
                                "words": [rel[2:-5] for rel in listed]})  # k/<key>.json: the keys
    return files


def _encode(docs: dict[int, tuple[int, int]]) -> list[int]:
    flat: list[int] = []
    previous = 0
    for doc in sorted(docs):
        flat += [doc - previous, *docs[doc]]
        previous = doc
    return flat


def _meta(lang: str, records: list[Record], shards: int, labels: dict[str, str]) -> dict[str, Any]:
    years: list[list[int]] = []
    for doc, record in enumerate(records):
        if years and years[-1][0] == record.year:
            years[-1][2] = doc + 1
        else:
            years.append([record.year, doc, doc + 1])
    facets: dict[str, dict[str, list[int]]] = {"topics": defaultdict(list), "regions": defaultdict(list)}
    for doc, record in enumerate(records):
        for term in record.terms:
            facets[term.kind][term.slug].append(doc)
    return {
        "version": INDEX_VERSION,
        "lang": lang,
        "count": len(records),
        "shards": shards,
        "chunk": CHUNK,
        "block": BLOCK,
        "years": years,
        **{
            kind: [[slug, labels[f"{kind}/{slug}"], _encode({d: (1, 0) for d in docs})[::3]]
                   for slug, docs in sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
            for kind, found in facets.items()
        },
        "suffixes": list(SUFFIXES),
        "stopwords": sorted(STOPWORDS),
        "endings": [list(pair) for pair in EN_ENDINGS],
    }
