"""The map on ``/regions/``: a tile-grid cartogram of Korea's 17 regions.

Each first-level division is one square tile placed on a grid so that
neighbours stay roughly neighbours (no geometry, so no licence to carry).
Tiles are found by ISO 3166-2:KR code, not by slug, so a ``regions.yml``
written by someone else still lands on the map; the codes Gangwon and
Jeonbuk had before they became special self-governing provinces (``KR-42``,
``KR-45``) are placed too. A region whose code has no tile (``nationwide``,
``KR``) is listed beside the map. Tiles are shaded by number of briefs in at
most four steps, with label colours chosen for contrast on each shade.

Markup lives in ``overrides/fragments/region-map.html``; this module only
computes what it draws.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .vocabulary import Term

TILE = 96  # side of a tile, in SVG user units
GAP = 6  # space between tiles


@dataclass(frozen=True)
class Tile:
    """Where one region sits on the grid, and its short label for the tile."""

    code: str
    col: int
    row: int
    ko: str
    en: str

    def short(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en


# Rows north to south, columns west to east; Jeju alone on the last row.
TILES: tuple[Tile, ...] = (
    Tile("KR-28", 0, 0, "인천", "Incheon"),
    Tile("KR-11", 1, 0, "서울", "Seoul"),
    Tile("KR-41", 2, 0, "경기", "Gyeonggi"),
    Tile("KR-51", 3, 0, "강원", "Gangwon"),
    Tile("KR-44", 0, 1, "충남", "Chungnam"),
    Tile("KR-50", 1, 1, "세종", "Sejong"),
    Tile("KR-43", 2, 1, "충북", "Chungbuk"),
    Tile("KR-47", 3, 1, "경북", "Gyeongbuk"),
    Tile("KR-52", 0, 2, "전북", "Jeonbuk"),
    Tile("KR-30", 1, 2, "대전", "Daejeon"),
    Tile("KR-27", 2, 2, "대구", "Daegu"),
    Tile("KR-31", 3, 2, "울산", "Ulsan"),
    Tile("KR-29", 0, 3, "광주", "Gwangju"),
    Tile("KR-46", 1, 3, "전남", "Jeonnam"),
    Tile("KR-48", 2, 3, "경남", "Gyeongnam"),
    Tile("KR-26", 3, 3, "부산", "Busan"),
    Tile("KR-49", 0, 4, "제주", "Jeju"),
)
# Codes withdrawn from ISO 3166-2:KR in 2023 and 2024, and the codes that replaced them.
FORMER_CODES: tuple[tuple[str, str], ...] = (("KR-42", "KR-51"), ("KR-45", "KR-52"))

# Fill and label colours, lightest first. Every label colour has at least
# 4.5:1 contrast on its fill (dark on the three light fills, white on the two dark).
PALETTE: tuple[tuple[str, str], ...] = (
    ("#f3f4f8", "#1b1f2b"),
    ("#c5cae9", "#1b1f2b"),
    ("#9fa8da", "#1b1f2b"),
    ("#3f51b5", "#ffffff"),
    ("#1a237e", "#ffffff"),
)
# Which palette entries the non-zero steps use, by how many steps there are.
STEP_COLOURS: tuple[tuple[int, ...], ...] = ((), (3,), (2, 4), (1, 3, 4), (1, 2, 3, 4))
MAX_STEPS = 4


@dataclass(frozen=True)
class Shade:
    """One step of the legend: counts ``low``..``high`` drawn in ``fill``."""

    low: int
    high: int
    fill: str
    text: str

    @property
    def label(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


@dataclass(frozen=True)
class MapRegion:
    """One region as the map shows it."""

    term: Term
    count: int
    shade: Shade
    tile: Tile | None

    @property
    def x(self) -> int:
        return self.tile.col * (TILE + GAP) if self.tile else 0

    @property
    def y(self) -> int:
        return self.tile.row * (TILE + GAP) if self.tile else 0

    def short(self, lang: str) -> str:
        """The tile's visible label."""
        return self.tile.short(lang) if self.tile else self.term.label(lang)

    def full_name(self, lang: str) -> str:
        """The vocabulary's label when the tile shows a shorter one, else empty.

        A tile's accessible name starts with exactly what the tile shows (its
        label, then its count: WCAG 2.5.3, label in name) and ends with this.
        """
        full = self.term.label(lang)
        return "" if full.casefold() == self.short(lang).casefold() else full


@dataclass(frozen=True)
class RegionMap:
    """Everything ``region-map.html`` draws, in reading order."""

    tiles: tuple[MapRegion, ...]  # on the map, north-west to south-east
    beside: tuple[MapRegion, ...]  # regions without a tile (nationwide), vocabulary order
    rows: tuple[MapRegion, ...]  # the table: every region, vocabulary order
    shades: tuple[Shade, ...]  # the legend, lightest first
    tile_size: int = TILE

    @property
    def width(self) -> int:
        return _extent(max((r.tile.col for r in self.tiles if r.tile), default=0))

    @property
    def height(self) -> int:
        return _extent(max((r.tile.row for r in self.tiles if r.tile), default=0))


def region_map(regions: Sequence[Term], counts: Mapping[str, int]) -> RegionMap:
    """The map of ``regions`` (a vocabulary) with ``counts`` of briefs by slug."""
    shades = shade_steps(max((counts.get(t.slug, 0) for t in regions), default=0))
    tiles = tile_index()
    placed: set[str] = set()
    rows: list[MapRegion] = []
    for term in regions:
        count = counts.get(term.slug, 0)
        tile = tiles.get(term.code)
        if tile is not None and tile.code in placed:
            tile = None  # two terms on one code: the second goes beside the map
        if tile is not None:
            placed.add(tile.code)
        rows.append(MapRegion(term, count, shade_for(count, shades), tile))
    on_map = sorted((r for r in rows if r.tile), key=lambda r: (r.y, r.x))
    beside = tuple(r for r in rows if r.tile is None)
    return RegionMap(tuple(on_map), beside, tuple(rows), tuple(shades))


def tile_index() -> dict[str, Tile]:
    """Tiles by code, former codes included."""
    index = {tile.code: tile for tile in TILES}
    for former, current in FORMER_CODES:
        index[former] = index[current]
    return index


def shade_steps(most: int) -> list[Shade]:
    """The legend for counts up to ``most``: zero, then up to four even steps."""
    fill, text = PALETTE[0]
    shades = [Shade(0, 0, fill, text)]
    steps = min(MAX_STEPS, most)
    low = 1
    for step, colour in zip(range(1, steps + 1), STEP_COLOURS[steps], strict=True):
        high = math.ceil(step * most / steps)
        fill, text = PALETTE[colour]
        shades.append(Shade(low, high, fill, text))
        low = high + 1
    return shades


def shade_for(count: int, shades: Sequence[Shade]) -> Shade:
    return next((s for s in shades if s.low <= count <= s.high), shades[-1])


def _extent(last_index: int) -> int:
    return (last_index + 1) * TILE + last_index * GAP
