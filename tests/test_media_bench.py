"""The benchmark's photos (bench/media_corpus.py): bundles with a photo, translations kept current."""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image

from bench.corpus import generate_corpus
from bench.media_corpus import _digest, add_media, photo_jpeg


def test_add_media_gives_every_brief_a_bundle_with_a_photo(tmp_path: Path) -> None:
    corpus = generate_corpus(tmp_path / "corpus", 6, seed=3)
    before = {p.name: _digest(p.read_text(encoding="utf-8")) for p in (tmp_path / "corpus").glob("*/*.ko.md")}
    current = {p.name.removesuffix(".en.md") for p in (tmp_path / "corpus").glob("*/*.en.md")
               if f'translated_from: "{before[p.name.replace(".en.", ".ko.")]}"' in p.read_text(encoding="utf-8")}
    photos = add_media(tmp_path / "corpus", size=(300, 200))
    assert len(photos) == len(corpus.ids)
    for photo in photos:
        brief_id = photo.parent.name
        korean = photo.parent / f"{brief_id}.ko.md"
        assert korean.is_file() and not (photo.parent.parent / f"{brief_id}.ko.md").exists()
        reference = '![라운드테이블 참석자들이 발표를 듣고 있다](photo.jpg "라운드테이블 현장")'
        assert reference in korean.read_text(encoding="utf-8")
        with Image.open(photo) as im:
            assert (im.format, im.size) == ("JPEG", (300, 200))
            assert im.getexif().get_ifd(0x8825)  # GPS, for the publishing to strip
        english = photo.parent / f"{brief_id}.en.md"
        if brief_id in current:
            digest = re.search(r'translated_from: "(\w+)"', english.read_text(encoding="utf-8"))
            assert digest is not None and digest.group(1) == _digest(korean.read_text(encoding="utf-8"))
    assert current and len(current) < len(corpus.ids)  # some are Korean-only or outdated, and stay so


def test_photos_are_deterministic_and_differ_by_seed() -> None:
    assert photo_jpeg(1, (120, 80)) == photo_jpeg(1, (120, 80)) != photo_jpeg(2, (120, 80))


def test_every_brief_gets_a_different_photo(tmp_path: Path) -> None:
    generate_corpus(tmp_path / "corpus", 9, seed=1)
    photos = add_media(tmp_path / "corpus", size=(90, 60))
    assert len({p.read_bytes() for p in photos}) == 9
