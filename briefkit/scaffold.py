"""New brief files for ``briefs new``: a Korean source, or a translation skeleton.

A new source carries every field of the contract, with commented examples.
Its ``title``, ``summary``, ``topics`` and ``regions`` start empty on purpose:
``briefs check`` (and the build) name each one until the writer fills it in,
so a half-written brief is never published with placeholder text. It also
starts as ``draft: true``, shown only in the preview.

A translation skeleton sits beside its source and is already stamped with the
source's digest. The source's title, summary and optional fields are copied
as comments above empty fields; its body is copied as it is, to be translated
in place, paragraph by paragraph. Nothing is ever overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

from .catalog import FILE_NAME, Catalog
from .model import Brief, Text
from .validate import ISO_DATE

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
LANGUAGE_NAMES = {"ko": "Korean", "en": "English"}
SCHEMA_FILES = {"source": "brief-source.schema.json", "translation": "brief-translation.schema.json"}


class ScaffoldError(Exception):
    """A file cannot be made; the message says why and what to do."""


def brief_id(date: str, slug: str) -> str:
    if not ISO_DATE.match(date):
        raise ScaffoldError(f"--date '{date}' is not YYYY-MM-DD (write the roundtable's date, e.g. 2026-03-12)")
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        raise ScaffoldError(f"--date '{date}' is not a real date (check the month and day)") from None
    if not SLUG.match(slug):
        raise ScaffoldError(
            f"--slug '{slug}' must be lowercase ASCII letters, digits and hyphens (e.g. busan-export-roundtable)"
        )
    return f"{date}-{slug}"


def existing_files(briefs_dir: Path, wanted_id: str) -> list[Path]:
    """Every file of ``wanted_id`` under ``briefs_dir``, in any language and folder."""
    found = []
    for folder, dirs, names in os.walk(briefs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            match = FILE_NAME.match(name)
            if match and match["id"] == wanted_id:
                found.append(Path(folder) / name)
    return found


def new_source(briefs_dir: Path, date: str, slug: str, lang: str = "ko", *, bundle: bool = False) -> Path:
    """Write ``briefs/<year>/<id>.ko.md`` (a bundle: ``briefs/<year>/<id>/<id>.ko.md``) and return its path."""
    new_id = brief_id(date, slug)
    taken = existing_files(briefs_dir, new_id)
    if taken:
        raise ScaffoldError(f"{taken[0].as_posix()} already exists (edit it, or choose another --slug)")
    path = briefs_dir / date[:4] / (f"{new_id}/" if bundle else "") / f"{new_id}.{lang}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = SOURCE_TEMPLATE.format(schema=_schema_ref(briefs_dir, path, "source"), date=date)
    _create(path, text)
    return path


def new_translation(catalog: Catalog, briefs_dir: Path, date: str, slug: str, lang: str) -> Path:
    """Write ``<id>.<lang>.md`` beside the source of an existing brief."""
    wanted = brief_id(date, slug)
    brief = catalog.by_id().get(wanted)
    if brief is None:
        raise ScaffoldError(
            f"no brief '{wanted}' in {briefs_dir.as_posix()} (write its source first: "
            f"briefs new --date {date} --slug {slug})"
        )
    if lang == brief.source.lang:
        raise ScaffoldError(f"{brief.source.path} is the source of '{wanted}' (choose another --lang)")
    if lang in brief.translations:
        existing = brief.translations[lang].path
        raise ScaffoldError(f"{existing} already exists (edit it, then run: briefs stamp {wanted})")
    # Beside the source file, found under briefs_dir (the catalog's paths are for messages).
    source_file = next(p for p in existing_files(briefs_dir, wanted) if p.name.endswith(f".{brief.source.lang}.md"))
    path = source_file.parent / f"{wanted}.{lang}.md"
    _create(path, translation_skeleton(brief, lang, _schema_ref(briefs_dir, path, "translation")))
    return path


def translation_skeleton(brief: Brief, lang: str, schema_ref: str) -> str:
    source = brief.source
    lines = [
        "---",
        f"# yaml-language-server: $schema={schema_ref}",
        f"# {LANGUAGE_NAMES[lang]} translation of {source.path}",
        "# Fill in title and summary ('briefs check' names them while they are empty),",
        "# uncomment the optional fields you translate, and translate the body below",
        "# in place: it is a copy of the source's body. translated_from already holds",
        "# the source's digest; when the source changes later, update this file to match,",
        f"# then run: briefs stamp {brief.id}",
        *_commented(f"{source.lang} title: {source.title}"),
        'title: ""',
        *_commented(f"{source.lang} summary: {source.summary}"),
        'summary: ""',
        *_optional_fields(source),
        f'translated_from: "{brief.digest}"',
        "---",
        "",
    ]
    return "\n".join(lines) + source.body.rstrip("\n") + "\n"


def _optional_fields(source: Text) -> list[str]:
    lines = ["# Optional (leave them out and the page shows the source's):"]
    if source.venue:
        lines.append(f"# venue: {_quoted(source.venue)}")
    if source.organizers:
        lines += ["# organizers:", *(f"#   - {_quoted(o)}" for o in source.organizers)]
    if source.speakers:
        lines.append("# speakers:")
        for speaker in source.speakers:
            lines.append(f"#   - name: {_quoted(speaker.name)}")
            for key in ("role", "affiliation"):
                if getattr(speaker, key):
                    lines.append(f"#     {key}: {_quoted(getattr(speaker, key))}")
    if source.update_notes:  # each note in the source's order; the dates stay in the source
        lines += ["# updates:", *(f"#   - note: {_quoted(note)}" for note in source.update_notes)]
    return lines if len(lines) > 1 else []


def _commented(text: str) -> list[str]:
    return [f"# {line}".rstrip() for line in text.splitlines()]


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _schema_ref(briefs_dir: Path, path: Path, kind: str) -> str:
    schema = briefs_dir.resolve().parent / "schemas" / SCHEMA_FILES[kind]
    return Path(os.path.relpath(schema, path.parent.resolve())).as_posix()


def _create(path: Path, text: str) -> None:
    try:
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{path.as_posix()} already exists (nothing was overwritten)") from None


SOURCE_TEMPLATE = """\
---
# yaml-language-server: $schema={schema}
# 새 브리프입니다 (briefs new). 안내: docs/guides/publish.ko.md
# 빈 값("", [])을 채우기 전까지 'briefs check'와 빌드가 그 필드를 오류로 알려 줍니다.
title: ""        # 필수. 예: "중기부, ‘지역혁신 라운드테이블’ 개최"
date: {date}   # 필수. 라운드테이블이 열린 날로, 파일 이름의 날짜와 같아야 합니다.
summary: ""      # 필수. 한 문단, 400자 이내의 평문. 예: "중소벤처기업부는 … 논의했다."
topics: []       # 필수. briefs/topics.yml의 slug 1개 이상. 예: [regional-innovation, ai-manufacturing]
regions: []      # 필수. briefs/regions.yml의 slug·코드·이름·별칭 1개 이상. 예: [seoul] 또는 [KR-11] 또는 [서울]
# 아래는 선택 항목입니다. 쓰려면 줄 앞의 '# '를 지우세요.
# venue: "스페이스쉐어 서울역센터"
# organizers:
#   - 중소벤처기업부
#   - 중소기업기술정보진흥원
# speakers:
#   - name: 홍길동
#     role: 원장
#     affiliation: ○○연구원
# license: kogl-1  # 공공누리 유형(kogl-1 … kogl-4). 없으면 mkdocs.yml의 extra.briefs.license를 따릅니다.
# updates:         # 게시 뒤 고친 내용. 오래된 것부터, 개최일 이후 날짜, 300자 이내.
#   - date: 2025-06-02
#     note: "3쪽의 수출액을 바로잡았습니다."
# cover: photo.jpg  # 번들(브리프 폴더)의 사진 파일 이름: 목록과 링크 미리보기의 대표 사진(없으면 본문 첫 사진)
draft: true      # 미리보기(make serve)에서만 보입니다. 공개할 때 이 줄을 지우세요.
---

본문을 Markdown으로 여기에 씁니다. 소제목은 '## 논의 과제'처럼, 목록은 '- 항목'처럼 씁니다.
"""
