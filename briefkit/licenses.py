"""The licences a brief can be published under: the four types of KOGL (공공누리).

The Korea Open Government License has four types, each the one before with a
condition more: 1 source indication (출처표시); 2 adds no commercial use; 3 adds
no changes; 4 adds both. A brief names its type in ``license:`` (``kogl-1`` …
``kogl-4``, source file only); without it, the site's default applies
(``extra: briefs: license:`` in ``mkdocs.yml``, read by ``settings.py``). Media
in a brief's bundle share its licence (``Brief.license``).

The names and conditions are the official ones, in each language. The terms
are linked, never fetched: each type has its page on kogl.or.kr (in Korean),
and one page describes all four in English. The official mark images are not
reproduced: pages show a text badge (``partials/brief-license.html``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .problems import advice

DEFAULT_LICENSE = "kogl-1"
TERMS_EN = "https://www.kogl.or.kr/info/licenseTypeEn.do"


@dataclass(frozen=True)
class License:
    """One KOGL type: its code, official names and conditions, and where its terms are."""

    code: str  # kogl-1 … kogl-4
    number: int  # the type's number, 1-4
    conditions_ko: tuple[str, ...]
    conditions_en: tuple[str, ...]
    commercial: bool  # may a re-user use it commercially?
    changes: bool  # may a re-user change it (derivative works)?

    @property
    def terms_url(self) -> str:
        """The type's terms on kogl.or.kr (in Korean): the licence's address in metadata and data."""
        return f"https://www.kogl.or.kr/info/licenseType{self.number}.do"

    def terms(self, lang: str) -> str:
        """The page of terms to link for a reader of ``lang``."""
        return self.terms_url if lang == "ko" else TERMS_EN

    def short_name(self, lang: str) -> str:
        """``공공누리 제1유형`` / ``KOGL Type 1``."""
        return f"공공누리 제{self.number}유형" if lang == "ko" else f"KOGL Type {self.number}"

    def conditions(self, lang: str) -> str:
        """``출처표시+상업적 이용금지`` / ``Source Indication + Commercial Use Prohibition``."""
        return "+".join(self.conditions_ko) if lang == "ko" else " + ".join(self.conditions_en)

    def name(self, lang: str) -> str:
        """The official name and conditions: ``공공누리 제1유형: 출처표시`` / ``KOGL Type 1: Source Indication``."""
        return f"{self.short_name(lang)}: {self.conditions(lang)}"


_SOURCE = ("출처표시", "Source Indication")
_NO_COMMERCIAL = ("상업적 이용금지", "Commercial Use Prohibition")
_NO_CHANGE = ("변경금지", "Change Prohibition")


def _type(number: int, *conditions: tuple[str, str]) -> License:
    every = (_SOURCE, *conditions)
    return License(
        f"kogl-{number}", number, tuple(c[0] for c in every), tuple(c[1] for c in every),
        commercial=_NO_COMMERCIAL not in conditions, changes=_NO_CHANGE not in conditions,
    )


LICENSES: dict[str, License] = {
    lic.code: lic
    for lic in (_type(1), _type(2, _NO_COMMERCIAL), _type(3, _NO_CHANGE), _type(4, _NO_COMMERCIAL, _NO_CHANGE))
}


def license_problem(value: object) -> str | None:
    """What is wrong with ``value`` as a licence code, worded for the writer, or None."""
    allowed = ", ".join(LICENSES)
    if not isinstance(value, str):
        return f"must be one of {allowed} (write e.g. 'license: {DEFAULT_LICENSE}')"
    if value in LICENSES:
        return None
    folded = value.strip().casefold().replace("_", "-").replace(" ", "-")
    close = difflib.get_close_matches(folded, list(LICENSES), n=1, cutoff=0.6)
    meant = folded if folded in LICENSES else close[0] if close else ""
    if meant and "".join(c for c in value if c.isdigit()) != meant[-1]:
        meant = ""  # 'kogl-5' is no typo of 'kogl-4': the type's number must be the writer's
    hint = f"did you mean '{meant}'?" if meant else ""
    return f"unknown licence '{value}'" + advice(hint, f"use one of {allowed}: the KOGL (공공누리) types 1-4")
