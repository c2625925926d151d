"""The site's own validation settings, read from ``mkdocs.yml`` without MkDocs.

They live under ``extra: briefs:`` in ``mkdocs.yml`` (MkDocs accepts anything
under ``extra``), beside the ``briefs/`` folder they apply to, so the build and
``briefs check`` read the same file the same way (``load_catalog`` reads the
``mkdocs.yml`` next to the briefs folder)::

    extra:
      briefs:
        dates:
          future_days: 30   # a date more than this many days after today is an error
          first_year: 2000  # a date before this year is an error

Only YAML nodes are composed here (MkDocs' own tags such as ``!ENV`` elsewhere
in the file are never run). "Today" is used by validation alone: it decides
whether a build may go ahead, never what it writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from .cache import memo
from .frontmatter_yaml import resolve_plain
from .problems import Problem

CONFIG_FILE = "mkdocs.yml"
_SECTION = ("extra", "briefs", "dates")


@dataclass(frozen=True)
class DateRules:
    """When a roundtable can plausibly have been held: not before ``first_year``, not far in the future."""

    future_days: int = 30
    first_year: int = 2000
    today: dt.date | None = None  # None: the clock's date when a rule is checked (tests pass a day)

    def problem(self, date: dt.date) -> str | None:
        """Why ``date`` is not plausible, worded for the writer, or None."""
        today = self.today or dt.date.today()
        if date > today + dt.timedelta(days=self.future_days):
            return (f"{date} is more than {self.future_days} days after today, {today} (check the year; the"
                    " window is extra.briefs.dates.future_days in mkdocs.yml)")
        if date.year < self.first_year:
            return (f"{date} is before {self.first_year} (check the year; the first year is"
                    " extra.briefs.dates.first_year in mkdocs.yml)")
        return None


def date_rules_for(briefs_dir: Path, shown_as: str) -> tuple[DateRules, list[Problem]]:
    """The date rules of the ``mkdocs.yml`` next to ``briefs_dir`` (defaults without one)."""
    shown = config_shown(shown_as)
    node = config_section(briefs_dir, _SECTION)
    if node is None:
        return DateRules(), []
    values: dict[str, int] = {}
    problems: list[Problem] = []
    defaults = DateRules()
    for key_node, value_node in node.value:
        key, line = key_node.value, key_node.start_mark.line + 1
        value = resolve_plain(value_node.value) if isinstance(value_node, yaml.ScalarNode) else None
        field = "extra.briefs.dates." + str(key)
        if key not in ("future_days", "first_year"):
            problems.append(Problem(shown, line, field, "unknown setting (use future_days or first_year)"))
        elif isinstance(value, bool) or not isinstance(value, int) or value < 0:
            problems.append(Problem(shown, line, field, f"must be a whole number, like {getattr(defaults, key)}"))
        else:
            values[key] = value
    rules = DateRules(values.get("future_days", defaults.future_days), values.get("first_year", defaults.first_year))
    return rules, problems


def config_shown(shown_as: str) -> str:
    """How messages name the ``mkdocs.yml`` beside a briefs folder shown as ``shown_as``."""
    return CONFIG_FILE if shown_as in ("briefs", "") else f"{Path(shown_as).parent.as_posix()}/{CONFIG_FILE}"


def compose_config(config_file: Path) -> yaml.Node | None:
    """``config_file`` (``mkdocs.yml``) as YAML nodes, or None if unreadable (MkDocs itself reports that).

    Composed once per content: the date rules, the site settings, the licence and the
    identity block all read it, and a preview reads it again after every save.
    """
    try:
        found = config_file.stat()
    except OSError:
        return None
    return _composed(str(config_file), found.st_mtime_ns, found.st_size)


@memo("mkdocs.yml", 4)
def _composed(path: str, mtime_ns: int, size: int) -> yaml.Node | None:
    try:
        return yaml.compose(Path(path).read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def config_node(briefs_dir: Path, keys: tuple[str, ...]) -> yaml.Node | None:
    """The YAML node at ``keys`` in the ``mkdocs.yml`` next to ``briefs_dir`` (None if absent or unreadable)."""
    node = compose_config(briefs_dir.parent / CONFIG_FILE)
    for key in keys[:-1]:
        node = mapping_child(node, key)
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == keys[-1]:
            return value_node  # type: ignore[no-any-return]
    return None


def config_section(briefs_dir: Path, keys: tuple[str, ...]) -> yaml.MappingNode | None:
    """The mapping at ``keys`` in the ``mkdocs.yml`` next to ``briefs_dir``, or None."""
    node = config_node(briefs_dir, keys)
    return node if isinstance(node, yaml.MappingNode) else None


def mapping_child(node: yaml.Node | None, key: str) -> yaml.MappingNode | None:
    """The mapping under ``key`` in the mapping ``node``, or None."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return value_node if isinstance(value_node, yaml.MappingNode) else None
    return None


# The site's shape, under ``extra: briefs:`` too (``site_settings_for``): how many briefs
# a list shows, and which folder holds the briefs. Documented in README.md.
HOME_MAX = 30  # the home page lists this many; the archive lists all
FEED_MAX = 50  # each Atom feed holds this many, the newest
RELATED_MAX = 5  # a brief's page suggests this many others
FOLDER = "briefs"
_COUNTS = {"home_max": HOME_MAX, "feed_max": FEED_MAX, "related_max": RELATED_MAX}
# Every key of ``extra.briefs``, and the module that reads and checks it (tests/test_site_settings.py
# holds each module to its keys; README.md documents them). An unknown key stops the build.
SETTINGS: dict[str, str] = {
    "home_max": "briefkit.settings",  # SiteSettings, below
    "feed_max": "briefkit.settings",
    "related_max": "briefkit.settings",
    "folder": "briefkit.settings",
    "dates": "briefkit.settings",  # date_rules_for, above: the plausible dates of a roundtable
    "license": "briefkit.publishing",  # the site's default licence type (briefkit.licenses)
    "publisher": "briefkit.identity",  # the ministry: masthead, footer, attribution, JSON-LD
    "official_banner": "briefkit.identity",  # the e-government identity banner, off unless official
}


@dataclass(frozen=True)
class SiteSettings:
    """``extra.briefs`` of ``mkdocs.yml``, checked, read once per build."""

    home_max: int = HOME_MAX
    feed_max: int = FEED_MAX
    related_max: int = RELATED_MAX
    folder: str = FOLDER  # a folder beside mkdocs.yml


def site_settings_for(root: Path) -> tuple[SiteSettings, list[Problem]]:
    """The settings in ``root/mkdocs.yml`` (defaults for what it leaves out), and what is wrong with them."""
    node = mapping_child(mapping_child(compose_config(root / CONFIG_FILE), "extra"), "briefs")
    if node is None:
        return SiteSettings(), []
    values: dict[str, int | str] = {}
    problems: list[Problem] = []
    for key_node, value_node in node.value:
        key, line = key_node.value, key_node.start_mark.line + 1
        value = resolve_plain(value_node.value) if isinstance(value_node, yaml.ScalarNode) else None
        field = "extra.briefs." + str(key)
        if key not in SETTINGS:
            problems.append(Problem(CONFIG_FILE, line, field, f"unknown setting (use one of: {', '.join(SETTINGS)})"))
        elif key in _COUNTS:
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                problems.append(Problem(CONFIG_FILE, line, field,
                                        f"must be a whole number from 1, like {_COUNTS[key]}"))
            else:
                values[key] = value
        elif key == "folder":
            if not isinstance(value, str) or not _folder_name(value):
                problems.append(Problem(CONFIG_FILE, line, field,
                                        f"must be the name of a folder beside mkdocs.yml, like {FOLDER}"))
            elif not (root / value).is_dir():
                problems.append(Problem(CONFIG_FILE, line, field, f"there is no folder {value}/ beside mkdocs.yml"
                                        " (create it, or name the folder that holds the briefs)"))
            else:
                values[key] = value
    return SiteSettings(**values), problems  # type: ignore[arg-type]


def _folder_name(value: str) -> bool:
    return bool(value) and "/" not in value and "\\" not in value and not value.startswith(".")
