"""Link-preview cards (briefkit.media.cards): size, bytes, Korean glyphs, wrapping and hostile titles."""

from __future__ import annotations

import io
import os
import unicodedata
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from briefkit.media import cards
from briefkit.media.cards import render_card, title_lines, wrap

SITE = "중소벤처기업부 정책 라운드테이블"
TITLE_BOX = (cards.MARGIN, cards.MARGIN, 1200 - cards.MARGIN, 420)


def _card(tmp_path: Path, title: str, name: str = "card.png", site: str = SITE, lang: str = "ko") -> Image.Image:
    out = tmp_path / name
    render_card(title, site, lang, out, cache_dir=None)
    with Image.open(out) as im:
        im.load()
        return im


def _ink(im: Image.Image, box: tuple[int, int, int, int] = TITLE_BOX) -> int:
    """How many pixels of ``box`` are lighter than the blue background (text)."""
    grey = im.crop(box).convert("L")
    return sum(grey.histogram()[161:])


def test_card_is_a_1200x630_png_without_metadata(tmp_path: Path) -> None:
    im = _card(tmp_path, "지역혁신 라운드테이블")
    assert (im.format, im.size) == ("PNG", (1200, 630))
    data = (tmp_path / "card.png").read_bytes()
    for chunk in (b"tEXt", b"iTXt", b"zTXt", b"eXIf", b"tIME", b"iCCP"):
        assert chunk not in data


def test_korean_title_is_drawn_with_real_glyphs(tmp_path: Path) -> None:
    """Missing glyphs would all be the same box: two different Korean titles must differ, and differ from none."""
    blank = _card(tmp_path, "", "blank.png")
    first = _card(tmp_path, "가나다라마바", "first.png")
    second = _card(tmp_path, "사아자차카타", "second.png")
    assert _ink(blank) == 0
    assert _ink(first) > 2000 and _ink(second) > 2000
    assert ImageChops.difference(first.crop(TITLE_BOX), second.crop(TITLE_BOX)).getbbox() is not None
    footer = (cards.MARGIN, 630 - cards.MARGIN - 40, 1200 - cards.MARGIN, 630 - cards.MARGIN + 10)
    assert _ink(blank, footer) > 500  # the site's name


def test_same_title_same_bytes_and_nfd_is_nfc(tmp_path: Path) -> None:
    title = "스마트공장 확산 점검"
    render_card(title, SITE, "ko", tmp_path / "a.png", cache_dir=None)
    render_card(title, SITE, "ko", tmp_path / "b.png", cache_dir=None)
    render_card(unicodedata.normalize("NFD", title), SITE, "ko", tmp_path / "c.png", cache_dir=None)
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes() == (tmp_path / "c.png").read_bytes()


def test_cache_draws_each_card_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    render_card("캐시 점검", SITE, "ko", tmp_path / "one.png", cache_dir=cache)

    def refuse(title: str, site_name: str) -> bytes:
        raise AssertionError("drawn again despite the cache")

    monkeypatch.setattr(cards, "_draw", refuse)
    render_card("캐시 점검", SITE, "ko", tmp_path / "two.png", cache_dir=cache)
    assert (tmp_path / "one.png").read_bytes() == (tmp_path / "two.png").read_bytes()
    with pytest.raises(AssertionError, match="drawn again"):
        render_card("다른 제목", SITE, "ko", tmp_path / "three.png", cache_dir=cache)


def test_korean_wraps_at_spaces_never_inside_a_word() -> None:
    title = "지역혁신 라운드테이블: 비수도권 중소기업의 디지털 전환과 스마트공장 확산을 위한 정책 과제"
    lines = title_lines(title)
    assert len(lines) > 1
    assert " ".join(lines) == title
    words = set(title.split())
    for line in lines:
        assert set(line.split()) <= words


def test_one_word_wider_than_a_line_breaks_between_syllables() -> None:
    font = cards._font(72)
    word = "가" * 40
    lines = wrap(word, font, 1040)
    assert len(lines) > 1 and "".join(lines) == word
    assert all(font.getlength(line) <= 1040 for line in lines)


def test_long_title_ends_in_an_ellipsis() -> None:
    lines = title_lines("정책 과제 점검 " * 60)
    assert len(lines) <= 4
    assert lines[-1].endswith("…")
    english = title_lines("Digital transformation of small businesses " * 20)
    assert len(english) <= 4 and english[-1].endswith("…")


@pytest.mark.parametrize(
    "title",
    [
        "<script>alert('x')</script> & \"quotes\" {{ page.title }}",
        "",
        "\x00\x1b[31m\n\t\r 제목",
        "🚀 로켓 成長 정책 🇰🇷",
        "مرحبا שלום",
        "a" * 5000,
        "\u200b\u202e뒤집힌 글\u202c",
    ],
)
def test_odd_titles_give_a_card(title: str, tmp_path: Path) -> None:
    im = _card(tmp_path, title, lang="en")
    assert im.size == (1200, 630)


def test_characters_the_font_lacks_are_left_out_not_boxed(tmp_path: Path) -> None:
    with_emoji = (tmp_path / "a.png")
    render_card("🚀 로켓 정책", SITE, "ko", with_emoji, cache_dir=None)
    render_card("로켓 정책", SITE, "ko", tmp_path / "b.png", cache_dir=None)
    assert with_emoji.read_bytes() == (tmp_path / "b.png").read_bytes()
    with Image.open(io.BytesIO(with_emoji.read_bytes())) as im:
        assert im.size == (1200, 630)


def test_ellipsis_follows_a_whole_word() -> None:
    title = "Digital transformation of small businesses " * 20
    lines = title_lines(title)
    assert lines[-1].endswith("…")
    words = set(title.split())
    assert set(lines[-1].removesuffix("…").split()) <= words
    korean = title_lines("중소기업 디지털 전환 정책 점검 " * 30)
    assert set(korean[-1].removesuffix("…").split()) <= {"중소기업", "디지털", "전환", "정책", "점검"}


def test_cards_drawn_beside_the_build_run_at_a_lower_priority_and_give_the_same_bytes(tmp_path: Path) -> None:
    # The pages and the search analysis are what a build waits for; the card pool takes the cores they leave idle.
    from briefkit.media_site import CARD_NICENESS, CARDS_PER_WORKER, CardDrawing, CardJob, card_pool

    with card_pool(1) as pool:
        assert pool.submit(os.nice, 0).result() == min(19, os.nice(0) + CARD_NICENESS)
    titles = [f"부산 수출 중소기업 라운드테이블 {i}" for i in range(2 * CARDS_PER_WORKER)]
    jobs = [CardJob(title, "중소벤처기업부", "ko", tmp_path / "pool" / f"{i}.png", tmp_path / "cache")
            for i, title in enumerate(titles)]
    drawing = CardDrawing.start(jobs, workers=2)
    assert drawing.pool is not None
    drawing.wait()
    for i, title in enumerate(titles):
        render_card(title, "중소벤처기업부", "ko", tmp_path / "here.png", cache_dir=None)
        assert (tmp_path / "pool" / f"{i}.png").read_bytes() == (tmp_path / "here.png").read_bytes()
