"""static-i18n's files, made once per file and language (briefkit_mkdocs/i18n_files.py).

The wrapped ``create_i18n_file`` must give what static-i18n's own gives, for
every kind of file the site has, on the first call (static-i18n's code runs)
and on later ones (the kept values): a Korean or English page, an index page,
a page without a language suffix, an asset, in either language's pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs_static_i18n import suffix

from briefkit_mkdocs import i18n_files

PATHS = [
    "index.ko.md", "index.en.md", "briefs/2026-03-12-regional-innovation-roundtable.ko.md",
    "briefs/2026-03-12-regional-innovation-roundtable.en.md", "guides/publish.en.md", "archive/index.ko.md",
    "README.md", "plain.md", "assets/map.ko.svg", "assets/logo.png",
]


@pytest.fixture
def wrapped() -> Iterator[None]:
    i18n_files.uninstall()
    assert i18n_files.I18nFiles().install()
    yield
    i18n_files.uninstall()


def _config(tmp_path: Path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    errors, _ = config.validate()
    assert not errors
    return config


def _fields(file: File) -> dict[str, object]:
    fields = {name: value for name, value in vars(file).items() if name != "alternates"}
    return {**fields, "url": file.url, "dest_uri": file.dest_uri, "abs_dest_path": file.abs_dest_path,
            "name": file.name, "alternates": sorted(file.alternates)}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_wrapped_files_are_static_i18n_files(tmp_path: Path, wrapped: None, lang: str) -> None:
    config = _config(tmp_path)
    original = suffix.create_i18n_file.briefs_original  # type: ignore[attr-defined]
    for path in PATHS:
        source = File(path, config.docs_dir, config.site_dir, True)
        expected = _fields(original(source, lang, "ko", ["ko", "en"], config))
        first = suffix.create_i18n_file(source, lang, "ko", ["ko", "en"], config)
        again = suffix.create_i18n_file(File(path, config.docs_dir, config.site_dir, True), lang, "ko",
                                        ["ko", "en"], config)
        assert _fields(first) == expected, path
        assert _fields(again) == expected, path
        assert again is not first and again.alternates == {lang: again}


def test_a_kept_file_is_not_changed_by_what_a_build_does_to_another(tmp_path: Path, wrapped: None) -> None:
    config = _config(tmp_path)
    source = File("briefs/x.en.md", config.docs_dir, config.site_dir, True)
    first = suffix.create_i18n_file(source, "en", "ko", ["ko", "en"], config)
    first.url = "changed/"
    first.alternates["ko"] = first
    again = suffix.create_i18n_file(source, "en", "ko", ["ko", "en"], config)
    assert again.url == "en/briefs/x/"
    assert again.alternates == {"en": again}


def test_another_release_of_static_i18n_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    i18n_files.uninstall()
    monkeypatch.setattr(i18n_files, "RELEASE", "0.0.0")
    before = suffix.create_i18n_file
    assert not i18n_files.I18nFiles().install()
    assert suffix.create_i18n_file is before
