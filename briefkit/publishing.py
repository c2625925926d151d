"""Who publishes the briefs and under which licence by default: ``extra: briefs:`` in ``mkdocs.yml``.

::

    extra:
      briefs:
        license: kogl-1          # the KOGL type of every brief without a 'license:' of its own
        ministry:                # author and publisher: attribution sentence, structured data
          ko: 중소벤처기업부
          en: Ministry of SMEs and Startups
          url: https://www.mss.go.kr/

Both are optional (the values above are the defaults). Read as YAML nodes,
like the date rules (``settings.py``), by the build and ``briefs check`` alike;
a wrong value is a problem at its line of ``mkdocs.yml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .licenses import DEFAULT_LICENSE, LICENSES, License, license_problem
from .problems import Problem
from .settings import config_section, config_shown

_KEYS = ("extra", "briefs")
MINISTRY_FIELDS = ("ko", "en", "url")


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
    ministry = Ministry()
    node = settings.get("ministry")
    if node is not None:
        ministry = _ministry(node, shown, problems)
    return Publishing(license_code, ministry), problems


def _ministry(node: yaml.Node, shown: str, problems: list[Problem]) -> Ministry:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(shown, line, "extra.briefs.ministry",
                                "must be a mapping (write 'ko:', 'en:' and 'url:' on the lines below it)"))
        return Ministry()
    values: dict[str, str] = {}
    for key_node, value_node in node.value:
        key, key_line = str(key_node.value), key_node.start_mark.line + 1
        field_name = f"extra.briefs.ministry.{key}"
        value = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
        if key not in MINISTRY_FIELDS:
            problems.append(Problem(shown, key_line, field_name, "unknown setting (use ko, en or url)"))
        elif not isinstance(value, str) or not value.strip():
            problems.append(Problem(shown, key_line, field_name, "must be text (write the name, or the address)"))
        elif key == "url" and not value.startswith(("https://", "http://")):
            problems.append(Problem(shown, key_line, field_name,
                                    f"'{value}' is not a web address (write it as https://…)"))
        else:
            values[key] = value.strip()
    return Ministry(**values)
