"""A synthetic corpus of bilingual briefs for the benchmark (not shipped content).

``python -m bench.corpus --pairs N --out DIR [--seed S] [--vocabularies V]``
writes N briefs in the contract's format into DIR (by year, 2016-2026), with
``topics.yml`` and ``regions.yml`` copied beside them from V (default: the
fixture corpus ``tests/fixtures/corpus/``, never ``briefs/``, which is
content and may hold other topics). About 10 % are
Korean-only, about 10 % have an outdated English translation (its
``translated_from`` is the digest of an earlier Korean text), the rest carry
the current source digest. The same seed writes the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from briefkit.model import source_digest
from briefkit.vocabulary import Term, Vocabulary, load_vocabulary

from . import wordbank as bank
from .bodies import compose_body
from .writing import Writer

FIXTURE_VOCABULARIES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus"
FIRST_DAY, LAST_DAY = dt.date(2016, 1, 1), dt.date(2026, 10, 31)
SHARE_KOREAN_ONLY = SHARE_OUTDATED = 0.1
WORDS = 600


@dataclass(frozen=True)
class Corpus:
    """What was written: the folder and which briefs are special."""

    path: Path
    ids: tuple[str, ...]
    korean_only: tuple[str, ...]
    outdated: tuple[str, ...]


def generate_corpus(out: Path, pairs: int, seed: int = 0, vocabularies: Path = FIXTURE_VOCABULARIES) -> Corpus:
    """Write ``pairs`` briefs into ``out`` (which must be empty or absent)."""
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty (choose a new folder)")
    topics, regions = _vocabulary(vocabularies, "topics"), _vocabulary(vocabularies, "regions")
    out.mkdir(parents=True, exist_ok=True)
    for name in ("topics.yml", "regions.yml"):
        shutil.copy2(vocabularies / name, out / name)
    rng = random.Random(seed)
    order = list(range(pairs))
    rng.shuffle(order)
    special = _special_count(pairs)
    korean_only = set(order[:special])
    outdated = set(order[special : 2 * special])
    span = (LAST_DAY - FIRST_DAY).days
    ids: list[str] = []
    for index in range(pairs):
        date = FIRST_DAY + dt.timedelta(days=rng.randrange(span + 1))
        brief_topics = rng.sample(topics.terms, rng.choice((1, 1, 2, 2, 3)))
        brief_regions = rng.sample(regions.terms, rng.choice((1, 1, 1, 2)))
        brief_id = _unique_id(date, brief_regions[0], brief_topics[0], set(ids))
        ids.append(brief_id)
        state = "ko-only" if index in korean_only else "outdated" if index in outdated else "current"
        _write_brief(out, brief_id, date, brief_topics, brief_regions, state, random.Random(f"{seed}:{brief_id}"))
    return Corpus(
        out,
        tuple(ids),
        tuple(ids[i] for i in sorted(korean_only)),
        tuple(ids[i] for i in sorted(outdated)),
    )


def _special_count(pairs: int) -> int:
    return max(1, round(pairs * SHARE_KOREAN_ONLY)) if pairs >= 3 else 0


def _vocabulary(folder: Path, kind: str) -> Vocabulary:
    vocab, problems = load_vocabulary(folder / f"{kind}.yml", f"{kind}.yml", kind)
    if problems:
        raise ValueError("\n".join(str(p) for p in problems))
    return vocab


def _unique_id(date: dt.date, region: Term, topic: Term, taken: set[str]) -> str:
    base = f"{date.isoformat()}-{region.slug}-{topic.slug}-roundtable"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _place(region: Term) -> tuple[str, str]:
    """How the text names a region: short Korean name, English name."""
    if region.code == "KR":
        return "전국", "Korea"
    short = next((a for a in region.aliases if all("가" <= ch <= "힣" for ch in a)), region.ko)
    return short, region.en


def _write_brief(
    out: Path, brief_id: str, date: dt.date, topics: list[Term], regions: list[Term], state: str, rng: random.Random
) -> None:
    writer = Writer(rng)
    place, topic = _place(regions[0]), (topics[0].ko, topics[0].en)
    year = (str(date.year), str(date.year))
    writer.draw(R=place, T=topic, Y=year)
    title = writer.render(rng.choice(bank.TITLES))
    summary = writer.pick(bank.SUMMARIES)
    speakers = [_speaker(rng) for _ in range(rng.randrange(2, 4))]
    venue = writer.render(rng.choice(bank.VENUES))
    writer.draw(R=place, T=topic, Y=(str(date.year + 1), str(date.year + 1)))
    body_ko, body_en, earlier_ko = compose_body(writer, speakers, WORDS + rng.randrange(-50, 51))
    folder = out / str(date.year)
    folder.mkdir(exist_ok=True)
    front = {
        "title": title[0], "date": date.isoformat(), "summary": summary[0],
        "topics": [t.slug for t in topics], "regions": [r.slug for r in regions], "venue": venue[0],
        "organizers": ["중소벤처기업부"], "speakers": [s[0] for s in speakers],
    }
    _write(folder / f"{brief_id}.ko.md", front, body_ko)
    if state == "ko-only":
        return
    # The digest covers the body exactly as the file holds it: after the
    # closing "---" line, starting with the blank line _write puts there.
    digest_text = "\n" + (earlier_ko if state == "outdated" else body_ko)
    translation = {
        "title": title[1], "summary": summary[1], "venue": venue[1],
        "organizers": ["Ministry of SMEs and Startups"], "speakers": [s[1] for s in speakers],
        "translated_from": source_digest(title[0], summary[0], digest_text),
    }
    _write(folder / f"{brief_id}.en.md", translation, body_en)


def _speaker(rng: random.Random) -> tuple[dict[str, str], dict[str, str]]:
    surname, given = rng.choice(bank.SURNAMES), rng.choice(bank.GIVEN_NAMES)
    role, affiliation = rng.choice(bank.ROLES)
    return (
        {"name": surname[0] + given[0], "role": role[0], "affiliation": affiliation[0]},
        {"name": f"{surname[1]} {given[1]}", "role": role[1], "affiliation": affiliation[1]},
    )


def _write(path: Path, front: Mapping[str, object], body: str) -> None:
    lines = ["---"]
    for key, value in front.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{key}:")
            for item in value:
                pairs = [f"{k}: {_quote(v)}" for k, v in item.items()]
                lines.append("  - " + "\n    ".join(pairs))
        elif isinstance(value, list):
            lines.append(f"{key}: [{', '.join(_quote(v) for v in value)}]")
        elif key == "date":
            lines.append(f"{key}: {value}")
        else:
            lines.append(f"{key}: {_quote(value)}")
    lines += ["---", "", body]  # the body starts with a blank line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _quote(value: object) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(str(value), ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description="Write synthetic bilingual briefs.")
    parser.add_argument("--pairs", type=int, required=True, help="how many briefs to write")
    parser.add_argument("--out", type=Path, required=True, help="an empty or new folder")
    parser.add_argument("--seed", type=int, default=0, help="the same seed writes the same corpus (default 0)")
    parser.add_argument("--vocabularies", type=Path, default=FIXTURE_VOCABULARIES,
                        help="the folder holding the topics.yml and regions.yml to use (default: the fixture corpus)")
    args = parser.parse_args(argv)
    try:
        corpus = generate_corpus(args.out, args.pairs, args.seed, args.vocabularies)
    except FileExistsError as err:
        print(err, file=sys.stderr)
        return 1
    print(
        f"{len(corpus.ids)} briefs in {corpus.path}: {len(corpus.korean_only)} Korean-only, "
        f"{len(corpus.outdated)} with an outdated translation."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
