"""The ministry's identity: ``extra.briefs.publisher`` and ``official_banner`` in mkdocs.yml.

What a reader sees: the ministry's name above the header and in the footer, its
address, phone, contact and the links to its privacy and copyright policies, in
the page's language, every value escaped; the official e-government banner only
when switched on. What the person editing mkdocs.yml sees: one line per mistake,
with the line and the setting, and no site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Build, build, copy_project
from markupsafe import escape

from briefkit.identity import WORDS, load_identity

BANNER = {"ko": "이 누리집은 대한민국 공식 전자정부 누리집입니다.",
          "en": "This is an official website of the Republic of Korea."}
PRIVACY = {"ko": "개인정보처리방침", "en": "Privacy policy"}
COPYRIGHT = {"ko": "저작권정책", "en": "Copyright policy"}
# Hostile values a careless edit of mkdocs.yml could bring: each must reach the page as text.
HOSTILE = {
    "ko": {"name": "중소<b>벤처</b>기업부 & 시험", "address": "\"><img src=x onerror=alert(1)>세종",
           "phone": "1357 <script>alert(1)</script>", "contact": "help&desk@example.go.kr",
           "url": "https://example.go.kr/?a=1&b=2", "privacy_url": "https://example.go.kr/privacy?x=1&y=2",
           "copyright_url": "https://example.go.kr/copyright"},
    "en": {"name": "Ministry <i>of</i> SMEs & Startups", "address": "180 Gareum-ro <svg onload=alert(1)>",
           "phone": "+82-44-000-0000", "contact": "desk@example.go.kr", "url": "https://example.go.kr/en/",
           "privacy_url": "https://example.go.kr/en/privacy", "copyright_url": "https://example.go.kr/en/copyright"},
}
BLOCK = re.compile(r"    official_banner: false\n.*?(?=\n\S|\Z)", re.DOTALL)


def publisher_yaml(banner: str, values: dict[str, dict[str, str]]) -> str:
    lines = [f"    official_banner: {banner}", "    publisher:"]
    for lang, fields in values.items():
        lines.append(f"      {lang}:")
        lines += [f"        {key}: '{value.replace(chr(39), chr(39) * 2)}'" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


def with_block(project: Path, block: str) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert BLOCK.search(text), "mkdocs.yml has no extra.briefs official_banner/publisher block"
    config.write_text(BLOCK.sub(lambda _: block.rstrip("\n"), text), encoding="utf-8")
    return config


# --- the block, read and checked (no build) ---------------------------------------------------

def config_file(tmp_path: Path, block: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: x\nextra:\n  briefs:\n" + block, encoding="utf-8")
    return path


def test_a_complete_block_gives_both_languages_and_keeps_values_as_typed(tmp_path: Path) -> None:
    identity, problems = load_identity(config_file(tmp_path, publisher_yaml("true", HOSTILE).replace(
        "'+82-44-000-0000'", "1357")))
    assert problems == []
    assert identity is not None and identity.official_banner is True
    assert identity.publisher("ko").name == HOSTILE["ko"]["name"]
    assert identity.publisher("en").phone == "1357"  # a number typed bare stays the text typed
    assert identity.words("en")["privacy"] == PRIVACY["en"]


@pytest.mark.parametrize(("change", "expected"), [
    (("official_banner: true", "official_banner: maybe"),
     "mkdocs.yml:4: extra.briefs.official_banner: must be true or false"),
    (("privacy_url: 'https://example.go.kr/en/privacy'", "privacy_url: 'javascript:alert(1)'"),
     "mkdocs.yml:20: extra.briefs.publisher.en.privacy_url: 'javascript:alert(1)' is not a web address"),
    (("contact: 'desk@example.go.kr'", "contact: 'call us'"),
     "mkdocs.yml:18: extra.briefs.publisher.en.contact: 'call us' is not an e-mail address"),
    (("        phone: '+82-44-000-0000'", "        fax: '+82-44-000-0000'"),
     "mkdocs.yml:17: extra.briefs.publisher.en.fax: unknown setting"),
    (("        name: 'Ministry <i>of</i> SMEs & Startups'\n", ""),
     "extra.briefs.publisher.en.name: missing (it is required)"),
    (("      en:\n", "      fr:\n"), "extra.briefs.publisher.en: missing (add the en block"),
    (("address: '180 Gareum-ro <svg onload=alert(1)>'", "address: [a, b]"),
     "mkdocs.yml:16: extra.briefs.publisher.en.address: must be text on one line"),
])
def test_a_malformed_block_is_refused_line_by_line(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    block = publisher_yaml("true", HOSTILE)
    assert change[0] in block
    identity, problems = load_identity(config_file(tmp_path, block.replace(change[0], change[1])))
    assert identity is None
    assert any(expected in str(p) for p in problems), [str(p) for p in problems]


def test_a_missing_block_is_refused(tmp_path: Path) -> None:
    identity, problems = load_identity(config_file(tmp_path, "    dates:\n      future_days: 30\n"))
    assert identity is None
    assert [p.field for p in problems] == ["extra.briefs.publisher"]
    assert "missing" in problems[0].message


# --- what a reader sees (real builds) -------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("identity"))
    with_block(project, publisher_yaml("true", HOSTILE))
    result = build(project)
    assert result.returncode == 0, result.stderr
    return result


PAGES = {"ko": ["index.html", "topics/index.html", "404.html"], "en": ["en/index.html", "en/topics/index.html"]}


@pytest.mark.build
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_header_and_footer_show_the_configured_ministry_escaped(hostile_build: Build, lang: str) -> None:
    values = HOSTILE[lang]
    for path in PAGES[lang]:
        page = hostile_build.page(path)
        strip = section(page, "briefs-ministry")
        footer = section(page, "briefs-footer")
        assert escape(values["name"]) in strip, path
        assert f'href="{escape(values["url"])}"' in strip
        for key in ("name", "address", "phone"):
            assert escape(values[key]) in footer, (path, key)
        assert f'href="mailto:{escape(values["contact"])}"' in footer
        assert f'href="{escape(values["privacy_url"])}">{PRIVACY[lang]}</a>' in footer
        assert f'href="{escape(values["copyright_url"])}">{COPYRIGHT[lang]}</a>' in footer
        for raw in ("<b>벤처", "<i>of", "<script>alert", "<img src=x", "<svg onload"):
            assert raw not in page, (path, raw)
        banner = section(page, "briefs-official")
        assert BANNER[lang] in banner and WORDS[lang]["banner_how"].replace("'", "&#39;") in banner
        assert "<details" in banner and WORDS[lang]["banner_domain"] in banner


@pytest.mark.build
def test_the_official_banner_is_off_in_the_shipped_configuration(sample_build: Build) -> None:
    for path in ("index.html", "en/index.html", "topics/index.html"):
        page = sample_build.page(path)
        assert "briefs-official" not in page and BANNER["ko"] not in page and BANNER["en"] not in page
        assert "briefs-footer" in page and "briefs-ministry" in page
    assert "중소벤처기업부" in section(sample_build.page("index.html"), "briefs-footer")
    assert "Ministry of SMEs and Startups" in section(sample_build.page("en/index.html"), "briefs-footer")


@pytest.mark.build
def test_a_malformed_block_stops_the_build_with_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    block = publisher_yaml("false", HOSTILE).replace("https://example.go.kr/copyright", "ftp://example")
    config = with_block(project, block)
    result = build(project)
    assert result.returncode != 0
    line = config.read_text(encoding="utf-8").splitlines().index("        copyright_url: 'ftp://example'") + 1
    assert f"mkdocs.yml:{line}: extra.briefs.publisher.ko.copyright_url: 'ftp://example' is not a web address" \
        in result.stderr
    assert not (project / "site" / "index.html").exists()


def section(page: str, css_class: str) -> str:
    """The markup of the first element whose class list starts with ``css_class`` ('' when none)."""
    match = re.search(rf'<(\w+) class="(?:md-footer )?{css_class}"', page)
    if not match:
        return ""
    end = page.find(f"</{match[1]}>", match.start())
    return page[match.start():end]
