"""Write one synthetic brief's two texts from the phrase bank, side by side.

``Writer`` draws every choice once and renders it in both languages, so the
Korean and English texts of a brief say the same thing. Korean particles
follow the noun they attach to (``을``/``를``, ``은``/``는``, ``이``/``가``,
``과``/``와``, ``으로``/``로``), and compounds are written with or without
their inner space at random (``스마트공장``/``스마트 공장``).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from . import wordbank as bank
from .wordbank import Pair

SLOT = re.compile(r"\{([A-Z])([가-힣]*)\}")
# Particle pairs: (after a final consonant, after a vowel).
PARTICLES = {"을": ("을", "를"), "은": ("은", "는"), "이": ("이", "가"), "과": ("과", "와"), "으로": ("으로", "로")}
HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
RIEUL = 8  # index of ㄹ among final consonants: "로", not "으로", follows it


def particle(noun: str, name: str) -> str:
    """The form of particle ``name`` (given in its after-consonant form) that fits ``noun``."""
    forms = PARTICLES.get(name)
    if forms is None:
        return name
    last = next((ch for ch in reversed(noun) if HANGUL_FIRST <= ord(ch) <= HANGUL_LAST), "")
    final = (ord(last) - HANGUL_FIRST) % 28 if last else 0
    if name == "으로" and final == RIEUL:
        return "로"
    return forms[0] if final else forms[1]


@dataclass
class Writer:
    """Renders phrase-bank templates into matching Korean and English text."""

    rng: random.Random
    slots: dict[str, Pair] = field(default_factory=dict)

    def spacing(self, korean: str) -> str:
        """Resolve ``|`` into a space or nothing: both spellings occur in real text."""
        return re.sub(r"\|", lambda _: " " if self.rng.random() < 0.35 else "", korean)

    def draw(self, **fixed: Pair) -> None:
        """Choose fresh actors, policies and numbers; keep the ``fixed`` slots."""
        actor_a, actor_b = self.rng.sample(bank.ACTORS, 2)
        policy_p, policy_q = self.rng.sample(bank.POLICIES, 2)
        number = str(self.rng.randrange(12, 480))
        self.slots.update(A=actor_a, B=actor_b, P=policy_p, Q=policy_q, N=(number, number), **fixed)

    def render(self, template: Pair) -> Pair:
        """One template in both languages with the current slots."""
        return self._korean(template[0]), _capitalise(self._english(template[1]))

    def pick(self, templates: tuple[Pair, ...]) -> Pair:
        """A random template, rendered after a fresh draw."""
        self.draw()
        return self.render(self.rng.choice(templates))

    def _korean(self, template: str) -> str:
        def fill(match: re.Match[str]) -> str:
            noun = self.spacing(self.slots[match.group(1)][0])
            return noun + (particle(noun, match.group(2)) if match.group(2) else "")

        return SLOT.sub(fill, template)

    def _english(self, template: str) -> str:
        return SLOT.sub(lambda match: self.slots[match.group(1)][1], template)


def _capitalise(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text
