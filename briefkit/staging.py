"""The pages MkDocs reads: hand-written ``docs/`` plus one Markdown file per page.

MkDocs and mkdocs-static-i18n only handle pages that are real files under
``docs_dir`` (a generated ``File`` loses its content when static-i18n rebuilds
its file list), so the build assembles a staging folder: a copy of ``docs/``,
``briefs/<id>.<lang>.md`` per brief and language, and ``topics/<slug>.<lang>.md``
and ``regions/<slug>.<lang>.md`` per term. Only files whose bytes changed are
written, so their modification times, and MkDocs' dirty rebuilds, stay right.

Generated front matter holds only values made here (a template name, an id, a
slug); what a writer typed reaches pages through the catalog, never through
MkDocs' own front-matter reader.

Dirty rebuilds (``mkdocs serve --dirty``, the preview) render only pages whose
staged file is newer than its built page. A page also shows what is not in its
file: a brief page its related briefs, a list page every brief's title, every
page the templates. So each staged file has an *inputs* digest of all that
(``page_inputs``); when it changes and the bytes do not, ``write_tree`` touches
the file, and the page is rendered again. The last digests are kept in a
manifest beside the staging folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Iterable
from pathlib import Path

from .atomic_write import write_atomic
from .model import LANGUAGES
from .site import BriefView, SiteView

TERM_KINDS = ("topics", "regions")


def brief_page(brief_id: str, lang: str) -> str:
    """The staged file of a brief's page in ``lang``."""
    return f"briefs/{brief_id}.{lang}.md"


def term_page(kind: str, slug: str, lang: str) -> str:
    """The staged file of a topic's or region's page in ``lang``."""
    return f"{kind}/{slug}.{lang}.md"


def page_files(site: SiteView, docs_dir: Path) -> dict[str, bytes]:
    """Every file of the staging folder, by POSIX path, with its bytes."""
    files: dict[str, bytes] = {}
    for folder, dirs, names in os.walk(docs_dir):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            files[path.relative_to(docs_dir).as_posix()] = path.read_bytes()
    for brief in site.briefs:
        for lang in LANGUAGES:
            body = brief.shown_text(lang).body
            files[brief_page(brief.id, lang)] = _page("brief.html", {"brief": brief.id}, body)
    for kind in TERM_KINDS:
        for term in site.vocabulary(kind):
            for lang in LANGUAGES:
                files[term_page(kind, term.slug, lang)] = _page("term.html", {"kind": kind, "term": term.slug}, "")
    return files


def page_inputs(site: SiteView, paths: Iterable[str], code: str) -> dict[str, str]:
    """What each staged page shows besides its own bytes, as a digest, by staged path.

    ``code`` is a digest of what renders every page (templates, hooks, the
    core, the config, the vocabularies). A brief page adds its whole brief,
    both languages (a source edit can make the translation outdated), and
    the list entries of its related briefs; a term page the entries of its
    briefs; every other page (home, archive, lists, search, guides) the
    entries of every brief, which is what lists show.
    """
    media = {b.id: found.stamp() for b in site.briefs if (found := site.catalog.media.get(b.id))}
    pictures = {i: stamp[0] for i, stamp in media.items()}  # what lists show: the picture's thumbnail
    entries = {lang: {v.id: repr((_entry(v), pictures.get(v.id))) for v in site.views(lang)} for lang in LANGUAGES}
    listing = _digest(code, *(entry for lang in LANGUAGES for entry in entries[lang].values()))
    inputs: dict[str, str] = {}
    generated: set[str] = set()
    for brief in site.briefs:
        # Every field of the brief (pickling is faster than repr); equal briefs pickle alike.
        own = hashlib.sha256(pickle.dumps((brief, media.get(brief.id)), protocol=5)).hexdigest()
        related = site.related_ids(brief.id)
        for lang in LANGUAGES:
            rel = brief_page(brief.id, lang)
            generated.add(rel)
            inputs[rel] = _digest(code, own, *(entries[lang][i] for i in related))
    for kind in TERM_KINDS:
        for term in site.vocabulary(kind):
            for lang in LANGUAGES:
                rel = term_page(kind, term.slug, lang)
                generated.add(rel)
                inputs[rel] = _digest(code, *(entries[lang][v.id] for v in site.tagged(kind, term.slug, lang)))
    for rel in paths:
        if rel not in generated:
            inputs[rel] = listing
    return inputs


def write_tree(
    stage_dir: Path, files: dict[str, bytes], inputs: dict[str, str] | None = None, manifest: Path | None = None
) -> int:
    """Make ``stage_dir`` hold exactly ``files``; return how many were written.

    With ``inputs`` and ``manifest``: a file whose bytes are unchanged but whose
    inputs digest differs from the manifest's is touched (its page is stale).
    """
    before = _read_manifest(manifest) if inputs is not None and manifest is not None else {}
    written = 0
    made: set[Path] = set()  # folders known to exist (a cold build writes thousands of files into a few)
    for rel, content in files.items():
        path = stage_dir / rel
        try:
            if path.read_bytes() == content:
                if inputs is not None and before.get(rel) != inputs.get(rel):
                    os.utime(path)
                continue
        except OSError:
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
        path.write_bytes(content)
        written += 1
    if inputs is not None and manifest is not None and inputs != before:
        write_atomic(manifest, json.dumps(inputs, sort_keys=True, indent=0))
    for folder, _dirs, names in os.walk(stage_dir, topdown=False):
        for name in names:
            path = Path(folder) / name
            if path.relative_to(stage_dir).as_posix() not in files:
                path.unlink()
        if folder != str(stage_dir) and not os.listdir(folder):
            os.rmdir(folder)
    return written


def _entry(view: BriefView) -> tuple[object, ...]:
    """What a list shows of a brief: the fields of ``fragments/brief-list.html`` and its state."""
    text = view.text
    return (view.id, view.date, view.text_lang, view.is_fallback, view.state, view.draft,
            text.title, text.summary, tuple(t.slug for k in TERM_KINDS for t in view.terms(k)), view.is_updated,
            view.brief.untranslated_updates(view.lang))  # the translations page counts untranslated update notes


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _read_manifest(path: Path | None) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path else {}
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _page(template: str, meta: dict[str, str], body: str) -> bytes:
    lines = ["---", f"template: {template}", *(f"{k}: {v}" for k, v in meta.items()), "---", "", body]
    return "\n".join(lines).encode("utf-8")
