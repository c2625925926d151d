"""Who publishes the site: the ministry's name, address and contacts, and the official banner.

One block of ``mkdocs.yml`` fills the masthead and the footer of every page
(``overrides/partials/briefs-masthead.html`` and ``briefs-footer.html``, the
KRDS patterns), in both languages::

    extra:
      briefs:
        official_banner: false      # true: "이 누리집은 대한민국 공식 전자정부 누리집입니다."
        publisher:
          ko:
            name: 중소벤처기업부              # required
            address: (30121) 세종특별자치시 …  # optional: text
            phone: "1357"                    # optional: text
            contact: help@example.go.kr      # optional: an e-mail address
            url: https://www.mss.go.kr/      # optional: the ministry's own site
            privacy_url: https://…           # required: 개인정보처리방침 (privacy policy)
            copyright_url: https://…         # required: 저작권정책 (copyright policy)
          en:
            name: Ministry of SMEs and Startups
            …                                # the same keys, in English

The block is read from the YAML nodes (like ``settings.py``), so every value
stays the text that was typed (``phone: 1357`` is the text "1357") and every
problem names its line. The official banner is only for a site the government
runs on its own domain: the sample site leaves it off. Templates escape every
value (MkDocs does not autoescape).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .frontmatter_yaml import resolve_plain
from .problems import Problem
from .settings import compose_config, mapping_child

LANGS = ("ko", "en")
SECTION = ("extra", "briefs")
REQUIRED = ("name", "privacy_url", "copyright_url")
OPTIONAL = ("address", "phone", "contact", "url")
URL_FIELDS = ("url", "privacy_url", "copyright_url")
URL = re.compile(r"https?://[^\s<>\"'`]+\Z")
EMAIL = re.compile(r"[^\s@<>\"'`]+@[^\s@<>\"'`]+\.[^\s@<>\"'`]+\Z")
MAX_LENGTH = 300

# Interface text of the masthead and footer. The banner follows KRDS's "공식 배너" (masthead) pattern.
WORDS: dict[str, dict[str, str]] = {
    "ko": {
        "banner": "이 누리집은 대한민국 공식 전자정부 누리집입니다.",
        "banner_how": "공식 누리집 확인 방법",
        "banner_domain": "공식 누리집 주소는 대부분 go.kr로 끝납니다. 정부 기관의 누리집인지 주소를 확인하세요.",
        "banner_https": "주소가 https://로 시작하면 누리집과 주고받는 정보가 암호화되어 안전하게 전달됩니다.",
        "address": "주소",
        "phone": "대표전화",
        "contact": "문의",
        "privacy": "개인정보처리방침",
        "copyright_policy": "저작권정책",
        "footer": "누리집 정보",
    },
    "en": {
        "banner": "This is an official website of the Republic of Korea.",
        "banner_how": "Here's how you know",
        "banner_domain": "Official websites mostly end in go.kr: check the address to know a government body runs it.",
        "banner_https": "An address starting with https:// means what you send and receive is encrypted.",
        "address": "Address",
        "phone": "Phone",
        "contact": "Contact",
        "privacy": "Privacy policy",
        "copyright_policy": "Copyright policy",
        "footer": "About this website",
    },
}


@dataclass(frozen=True)
class Publisher:
    """The ministry in one language, as the footer shows it."""

    name: str
    privacy_url: str
    copyright_url: str
    address: str = ""
    phone: str = ""
    contact: str = ""
    url: str = ""


@dataclass(frozen=True)
class Identity:
    """The publisher in both languages and whether the official banner shows."""

    publishers: dict[str, Publisher]
    official_banner: bool = False

    def publisher(self, lang: str) -> Publisher:
        return self.publishers.get(lang) or self.publishers["ko"]

    def words(self, lang: str) -> dict[str, str]:
        return WORDS.get(lang) or WORDS["ko"]


def load_identity(config_file: Path) -> tuple[Identity | None, list[Problem]]:
    """The identity block of ``config_file`` (``mkdocs.yml``), or the problems that keep it from being used."""
    shown = config_file.name
    node = compose_config(config_file)
    if node is None:
        return None, []  # MkDocs itself reports a config it cannot read
    for key in SECTION:
        node = mapping_child(node, key)
    if node is None:
        return None, [Problem(shown, 1, "extra.briefs.publisher", _missing_block())]
    problems: list[Problem] = []
    banner = False
    publisher_node = None
    for key_node, value_node in node.value:
        if key_node.value == "official_banner":
            value = resolve_plain(value_node.value) if isinstance(value_node, yaml.ScalarNode) else None
            if not isinstance(value, bool):
                problems.append(Problem(shown, _line(value_node), "extra.briefs.official_banner",
                                        "must be true or false (true only on the government's own domain)"))
            else:
                banner = value
        elif key_node.value == "publisher":
            publisher_node = value_node
    if publisher_node is None:
        return None, [*problems, Problem(shown, _line(node), "extra.briefs.publisher", _missing_block())]
    if not isinstance(publisher_node, yaml.MappingNode):
        return None, [*problems, Problem(shown, _line(publisher_node), "extra.briefs.publisher",
                                         "must hold a block for each language, ko: and en:")]
    blocks = {str(k.value): v for k, v in publisher_node.value}
    publishers: dict[str, Publisher] = {}
    for lang in blocks:
        if lang not in LANGS:
            problems.append(Problem(shown, _line(publisher_node), f"extra.briefs.publisher.{lang}",
                                    "unknown language (use ko and en)"))
    for lang in LANGS:
        if lang not in blocks:
            problems.append(Problem(shown, _line(publisher_node), f"extra.briefs.publisher.{lang}",
                                    f"missing (add the {lang} block: {', '.join(REQUIRED)}, optionally "
                                    f"{', '.join(OPTIONAL)})"))
            continue
        fields, found = _fields(blocks[lang], f"extra.briefs.publisher.{lang}", shown)
        problems.extend(found)
        if not found:
            publishers[lang] = Publisher(**fields)
    if problems:
        return None, problems
    return Identity(publishers, banner), []


def _fields(node: yaml.Node, where: str, shown: str) -> tuple[dict[str, str], list[Problem]]:
    if not isinstance(node, yaml.MappingNode):
        return {}, [Problem(shown, _line(node), where, f"must be a block with {', '.join(REQUIRED)}")]
    values: dict[str, str] = {}
    problems: list[Problem] = []
    for key_node, value_node in node.value:
        key, field, line = str(key_node.value), f"{where}.{key_node.value}", _line(value_node)
        if key not in REQUIRED + OPTIONAL:
            problems.append(Problem(shown, _line(key_node), field,
                                    f"unknown setting (use {', '.join(REQUIRED + OPTIONAL)})"))
            continue
        if not isinstance(value_node, yaml.ScalarNode) or not str(value_node.value).strip():
            problems.append(Problem(shown, line, field, "must be text on one line"))
            continue
        value = str(value_node.value).strip()
        if not value.isprintable() or len(value) > MAX_LENGTH:
            problems.append(Problem(shown, line, field, f"must be text on one line of at most {MAX_LENGTH} characters"))
        elif key in URL_FIELDS and not URL.match(value):
            problems.append(Problem(shown, line, field, f"{value!r} is not a web address (write https://…)"))
        elif key == "contact" and not EMAIL.match(value):
            problems.append(Problem(shown, line, field,
                                    f"{value!r} is not an e-mail address (write name@example.go.kr)"))
        else:
            values[key] = value
    for key in REQUIRED:
        if key not in values and not any(p.field == f"{where}.{key}" for p in problems):
            problems.append(Problem(shown, _line(node), f"{where}.{key}", "missing (it is required)"))
    return values, problems


def _missing_block() -> str:
    return ("missing (add the ministry's name, address and policy links for the masthead and footer:"
            " see briefkit/identity.py)")


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


