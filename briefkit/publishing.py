"""Who publishes the briefs and under which licence by default: ``extra: briefs:`` in ``mkdocs.yml``.

::

    extra:
      briefs:
        license: kogl-1          # the KOGL type of every brief without a 'license:' of its own
        publisher:               # the ministry (briefkit/identity.py checks the whole block)
          ko: {name: 중소벤처기업부, url: https://www.mss.go.kr/, …}
          en: {name: Ministry of SMEs and Startups, …}

The licence is optional (``kogl-1`` by default). The ministry that the
attribution sentence and structured data name (author and publisher) is the
masthead's: ``publisher``'s ``name`` in each language and its ``url`` (the
Korean one first); the defaults below stand in where it gives none. Read as
YAML nodes, like the date rules (``settings.py``), by the build and ``briefs
check`` alike; a wrong licence is a problem at its line of ``mkdocs.yml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .licenses import DEFAULT_LICENSE, LICENSES, License, license_problem
from .problems import Problem
from .settings import config_section, config_shown

_KEYS = ("extra", "briefs")


@dataclass(frozen=True)
class Ministry:
    """The publishing body, named in each language, with its home page."""

    ko: str = "중소벤처기업부"
    en: str = "Ministry of SMEs and Startups"
    url: str = "https://www.mss.go.kr/"

    def name(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en


@dataclass(frozen=True)
class Publishing:
    """The site's publishing settings: default licence and ministry."""

    license: str = DEFAULT_LICENSE
    ministry: Ministry = field(default_factory=Ministry)

    @property
    def default_license(self) -> License:
        return LICENSES[self.license]


def publishing_for(briefs_dir: Path, shown_as: str) -> tuple[Publishing, list[Problem]]:
    """The publishing settings of the ``mkdocs.yml`` next to ``briefs_dir`` (defaults without one)."""
    shown = config_shown(shown_as)
    problems: list[Problem] = []
    license_code = DEFAULT_LICENSE
    section = config_section(briefs_dir, _KEYS)  # composed once: a preview reloads on every save
    settings = {str(k.value): v for k, v in section.value} if section is not None else {}
    node = settings.get("license")
    if node is not None:
        value = node.value if isinstance(node, yaml.ScalarNode) else None
        problem = license_problem(value)
        if problem:
            problems.append(Problem(shown, node.start_mark.line + 1, "extra.briefs.license", problem))
        else:
            license_code = str(value)
    return Publishing(license_code, _ministry(settings.get("publisher"))), problems


def _ministry(node: yaml.Node | None) -> Ministry:
    """The ministry as ``publisher`` names it (identity.py reports what is wrong with that block)."""
    values: dict[str, str] = {}
    for lang, block in _mapping(node).items():
        fields = {k: v.value for k, v in _mapping(block).items() if isinstance(v, yaml.ScalarNode)}
        name, url = fields.get("name"), fields.get("url")
        if lang in ("ko", "en") and isinstance(name, str) and name.strip():
            values[lang] = name.strip()
        if isinstance(url, str) and url.startswith(("https://", "http://")) and (lang == "ko" or "url" not in values):
            values["url"] = url
    return Ministry(**values)


def _mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): v for k, v in node.value}
