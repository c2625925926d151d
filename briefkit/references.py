"""Every link and image in every brief body, checked before anything is built.

``briefs check`` and the build (``briefkit.build.prepare``, from the hook's
``on_config``) run the same ``check_references``, so a broken reference stops
both with the same ``path:line: body: …`` at the line of the writer's own file,
and MkDocs renders nothing.

How the build resolves a body's reference, and so how this module does:

- Each language has its own pass (mkdocs-static-i18n). A brief's page in a
  language is staged as ``briefs/<id>.<lang>.md`` (briefkit/staging.py) and
  shows that language's text, or the source's when there is no translation:
  a source body is then checked on both pages.
- MkDocs resolves a Markdown link or image relative to the staged file, and
  static-i18n finds ``x.md`` as this pass's ``x.<lang>.md``. So another
  brief is ``<id>.md`` (``#anchor`` optional), a topic ``../topics/<slug>.md``,
  a hand-written page ``../guides/publish.md``. An anchor must be an id of the
  target page in the same language (briefkit/body_scan.py reads them).
- ``http``, ``https`` and ``mailto`` links to other sites pass as they are;
  the sanitiser (briefkit/sanitize.py) removes any other scheme, so another
  scheme, ``javascript:`` too, however it is written, is an error here.

Where MkDocs would publish a broken or unsafe page without a warning, or
where a link works on one language's page only, this check is stricter and
says what to write instead: a link from the site root (``/briefs/<id>/``,
broken when the site lives in a sub-folder, as on GitHub Pages), a link to one
language's file (``<id>.ko.md``), a link to a draft from a published brief,
an image from another site (the site loads nothing from other servers), and
a relative address in raw HTML (the build neither checks nor rewrites it).

A relative name that is no page (``photo.jpg``) is one of the brief's own
files: ``SitePages.resolve_file`` is where bundles (a folder ``<id>/`` holding
the brief's files) resolve it.
"""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from . import cache
from .body_scan import Reference, footnote_line
from .catalog import FILE_NAME, Catalog, ReadCache, load_catalog
from .media_refs import MediaRefs
from .model import DEFAULT_LANGUAGE, LANGUAGES, Brief, Text
from .problems import Problem, advice
from .scan_store import ScanStore
from .staging import TERM_KINDS, brief_page, term_page

BRIEFS = "briefs"  # the staged folder of brief pages: relative links start from here
LINK_SCHEMES = ("http", "https", "mailto")  # what the sanitiser keeps
LANGUAGE_NAMES = {"ko": "Korean", "en": "English"}
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_LANGUAGE_FILE = re.compile(r"(?P<page>.+)\.(?P<lang>[a-z]{2})\.md\Z")
# How MkDocs finds front matter (mkdocs.utils.meta): a docs page's ids come from what follows it.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
_LOCALE = re.compile(r"[a-z]{2}(?:-[A-Za-z]{4})?(?:-[A-Z]{2})?\Z|[a-z]{2}_[A-Z]{2}\Z")  # static-i18n's RE_LOCALE
_SHOWN_MAX = 80


def check_folder(briefs_dir: Path, shown_as: str = "briefs", reads: ReadCache | None = None,
                 docs_dir: Path | None = None) -> Catalog:
    """``load_catalog`` plus every body reference: the problems of both, sorted, at once.

    ``docs_dir``: the hand-written pages (default: ``docs`` beside the briefs folder). Scans are
    kept in the project's ``body-scans`` store (none is made beside a folder that is not in a project).
    """
    catalog = load_catalog(briefs_dir, shown_as, reads)
    if briefs_dir.is_dir():
        root = briefs_dir.parent
        store = ScanStore(cache.path(root, "body-scans") if (root / "mkdocs.yml").is_file() else None)
        found = check_references(catalog, docs_dir or root / "docs", store)
        store.save()
        catalog.problems = sorted(catalog.problems + found)
    return catalog


def check_references(catalog: Catalog, docs_dir: Path | None, store: ScanStore | None = None) -> list[Problem]:
    """A problem for each reference the build could not resolve, or would publish broken or unsafe."""
    site = SitePages.of(catalog, docs_dir, store or ScanStore(None))
    found: set[Problem] = set()
    for brief in [*catalog.briefs, *catalog.held]:  # all problems at once: a held brief's body as well
        for lang in (brief.source.lang, *(lang for lang in LANGUAGES if lang != brief.source.lang)):
            text = brief.shown_text(lang)
            try:
                refs = site.store.references(text.body, external=False)
            except RecursionError:
                found.add(Problem(text.path, text.body_line, "body", "is nested too deeply to read"
                                  " (use fewer levels of lists, quotes or emphasis)"))
                continue
            page = _Page(site, brief, text, lang)
            for ref in refs:
                judged = page.judge(ref)
                if judged is not None:
                    line, message = judged
                    found.add(Problem(text.path, text.body_line + line - 1, "body", message))
    found.update(site.media.judge_cover(catalog))
    catalog.media = site.media.media
    catalog.notices = site.media.notices()
    return sorted(found)


@dataclass
class SitePages:
    """The pages MkDocs finds in each language pass, and the ids links may point at."""

    store: ScanStore
    briefs: dict[str, Brief]  # drafts too: a draft may link to a draft
    pages: dict[str, Path | None]  # every other staged page: its hand-written file, or None (generated, no body)
    unjudged: frozenset[str] = frozenset()  # ids of briefs that did not load: links to them wait for their fix
    docs_known: bool = True  # False: no hand-written pages to judge links to (a briefs folder outside a project)
    media: MediaRefs = field(default_factory=lambda: MediaRefs({}))  # the briefs' bundle files
    _ids: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    held: dict[str, Brief] = field(default_factory=dict)  # briefs with problems of their own: their own ids only

    @classmethod
    def of(cls, catalog: Catalog, docs_dir: Path | None, store: ScanStore) -> SitePages:
        pages: dict[str, Path | None] = {}
        if docs_dir is not None and docs_dir.is_dir():
            pages |= {p.relative_to(docs_dir).as_posix(): p for p in sorted(docs_dir.rglob("*.md")) if p.is_file()}
        for kind in TERM_KINDS:
            vocabulary = catalog.topics if kind == "topics" else catalog.regions
            pages |= {term_page(kind, t.slug, lang): None for t in vocabulary.terms for lang in LANGUAGES}
        unjudged = {m["id"] for p in catalog.problems if (m := FILE_NAME.match(PurePosixPath(p.path).name))}
        docs_known = docs_dir is not None and docs_dir.is_dir()
        return cls(store, {b.id: b for b in catalog.briefs}, pages, frozenset(unjudged), docs_known,
                   MediaRefs(catalog.bundles), held={b.id: b for b in catalog.held})

    def find(self, target: str, lang: str) -> str | None:
        """The staged page MkDocs finds for ``target`` in ``lang``'s pass (static-i18n's lookup)."""
        path = PurePosixPath("index.md" if target == "." else target)
        try:
            candidates = [path.with_suffix(f".{code}{path.suffix}") for code in (lang, DEFAULT_LANGUAGE)] + [path]
        except ValueError:
            return None
        for candidate in (c.as_posix() for c in candidates):
            if self._exists(candidate, lang):
                return candidate
        return None

    def brief_of(self, staged: str) -> str | None:
        folder, name = posixpath.split(staged)
        match = FILE_NAME.match(name)
        return match["id"] if folder == BRIEFS and match and match["id"] in self.briefs else None

    def ids(self, staged: str, lang: str) -> frozenset[str]:
        """The ids of a staged page's Markdown."""
        key = (staged, lang)
        if key not in self._ids:
            folder, name = posixpath.split(staged)
            match = FILE_NAME.match(name) if folder == BRIEFS else None
            brief = (self.briefs.get(match["id"]) or self.held.get(match["id"])) if match else None
            source = self.pages.get(staged)
            body = brief.shown_text(lang).body if brief else _markdown(source) if source else ""
            try:
                self._ids[key] = self.store.anchors(body)
            except RecursionError:  # reported at that brief
                self._ids[key] = frozenset()
        return self._ids[key]

    def page_names(self, lang: str) -> list[str]:
        """Every page of ``lang``'s pass as a brief's body links to it."""
        names = [f"{i}.md" for i in self.briefs]
        names += [posixpath.relpath(_without_language(p), BRIEFS) for p in self.pages if _locale(p) == lang]
        return names

    def resolve_file(self, text: Text, ref: Reference, name: str) -> str | None:
        """A relative name that is no page: one of the brief's bundle files (``briefkit/media_refs.py``)."""
        return self.media.judge(text.path, ref.kind, name, ref.alt)

    def _exists(self, staged: str, lang: str) -> bool:
        folder, name = posixpath.split(staged)
        if folder == BRIEFS and (match := FILE_NAME.match(name)):
            return match["lang"] == lang and match["id"] in self.briefs
        return staged in self.pages and staged.endswith(".md") and _locale(staged) == lang


@dataclass
class _Page:
    """One brief page in one language pass: the references of the text it shows, judged."""

    site: SitePages
    brief: Brief
    text: Text
    lang: str

    def judge(self, ref: Reference) -> tuple[int, str] | None:
        """The line and message of ``ref``'s problem, or None."""
        if ref.mail:
            return None
        if ref.url.startswith("#fnref:") and not ref.html:  # the back link of a footnote
            name = ref.url[len("#fnref:"):]
            if ref.url[1:] in self.site.ids(brief_page(self.brief.id, self.lang), self.lang):
                return None
            return footnote_line(self.text.body, name), (
                f"footnote '[^{name}]' is never referred to" + advice(f"refer to it with [^{name}] or remove it"))
        what = ("HTML " if ref.html else "") + ref.kind + f" '{_shown(ref.url)}'"
        message = self._judge(ref, what)
        return None if message is None else (ref.line, f"{what}: {message}")

    def _judge(self, ref: Reference, what: str) -> str | None:
        scheme = _browser_scheme(ref.url if ref.html else html.unescape(ref.url))
        if scheme is not None and scheme.lower() not in LINK_SCHEMES:
            return f"'{scheme.lower()}:' addresses are not allowed" + advice(
                "a link goes to a web page (https://…) or an e-mail address (mailto:…): remove this one")
        parts = urlsplit(ref.url)
        if parts.scheme or parts.netloc:
            if ref.kind == "image":
                return "images from other sites are not shown" + advice(
                    "the site loads nothing from other servers: link to the image instead, [text](address)")
            return None
        if not parts.path:
            return self._anchor(parts.fragment, own=True) if parts.fragment else None
        if ref.html:
            form = "![alt text](…)" if ref.kind == "image" else "[text](…)"
            return "the build neither checks nor rewrites an address in HTML" + advice(f"write it in Markdown: {form}")
        if ref.url.startswith(("/", "\\")):
            target = parts.path.lstrip("/\\")
            meant = self._page_name(target.removeprefix("en/") if target.startswith("en/") else target)
            return "an address from the site root breaks when the site is published in a folder" + advice(
                f"write the page's Markdown file instead: '{meant}'" if meant else
                "link to another brief as '<id>.md'")
        return self._relative(ref, parts.path, parts.fragment)

    def _relative(self, ref: Reference, path: str, fragment: str) -> str | None:
        path = unquote(path)
        target = posixpath.normpath(posixpath.join(BRIEFS, path)).lstrip("/")
        language_file = _LANGUAGE_FILE.match(path)
        if language_file and language_file["lang"] in LANGUAGES:
            return "links to one language's file" + advice(
                f"write '{language_file['page']}.md': each language's page then links to its own language")
        staged = self.site.find(target, self.lang)
        if staged is None:
            return self._missing(ref, path, target)
        if ref.kind == "image":
            return "is a page, not an image" + advice("show an image file, or make this a link: [text](…)")
        brief_id = self.site.brief_of(staged)
        if brief_id is not None and self.site.briefs[brief_id].draft and not self.brief.draft:
            return f"brief {brief_id} is a draft, which is not published" + advice(
                "publish it first, or link to it later")
        return self._anchor(fragment, own=False, staged=staged) if fragment else None

    def _missing(self, ref: Reference, path: str, target: str) -> str | None:
        name = posixpath.basename(target)
        if FILE_NAME.match(name.removesuffix(".md") + ".ko.md") and name.removesuffix(".md") in self.site.unjudged:
            return None  # a brief with problems of its own: reported there
        if posixpath.splitext(path)[1] and not path.endswith(".md"):
            return self.site.resolve_file(self.text, ref, path)
        if not self.site.docs_known and not target.startswith((f"{BRIEFS}/", *(f"{k}/" for k in TERM_KINDS))):
            return None  # a hand-written page, and none are known here
        if not posixpath.splitext(path)[1]:
            meant = self._page_name(target)
            return "is not a page of the site" + advice(
                f"write '{meant}'" if meant else "link to another brief as '<id>.md', to a page of the site by its"
                " Markdown file, e.g. '../guides/publish.md'")
        other = [lang for lang in LANGUAGES if lang != self.lang and self.site.find(target, lang)]
        if other:
            return f"has no {LANGUAGE_NAMES[self.lang]} page" + advice(
                f"add one, or link to a page that has: the {LANGUAGE_NAMES[self.lang]} page shows this text")
        names = {_key(name): name for name in self.site.page_names(self.lang)}
        matches = difflib.get_close_matches(_key(path), list(names), n=1, cutoff=0.75)
        return "no brief or page of the site has this name" + advice(
            f"did you mean '{names[matches[0]]}'?" if matches else "link to another brief as '<id>.md'")

    def _anchor(self, anchor: str, own: bool, staged: str | None = None) -> str | None:
        page = brief_page(self.brief.id, self.lang) if own else staged
        assert page is not None
        ids = self.site.ids(page, self.lang)
        if anchor in ids:
            return None
        where = "this text" if own else self._page_label(page)
        meant = difflib.get_close_matches(anchor, sorted(ids), n=1, cutoff=0.6)
        shown_as = (f"this text is the {LANGUAGE_NAMES[self.lang]} page too until it is translated"
                    if self.lang != self.text.lang and not own else "")
        return f"{where} has no heading or id '{anchor}'" + advice(
            shown_as, f"did you mean '#{meant[0]}'?" if meant else "",
            "a heading's id is its text in lower case, spaces as '-'; or set one: ## Heading {#id}")

    def _page_label(self, staged: str) -> str:
        language = LANGUAGE_NAMES[self.lang]
        brief_id = self.site.brief_of(staged)
        shown = f"brief {brief_id}" if brief_id else f"'{posixpath.relpath(_without_language(staged), BRIEFS)}'"
        return f"the {language} page of {shown}"

    def _page_name(self, target: str) -> str | None:
        """How a body links to the page at ``target`` (a path from the site root, folders as URLs have them)."""
        target = target.strip("/")
        if target.startswith(BRIEFS + "/") and target[len(BRIEFS) + 1:] in self.site.briefs:
            return target[len(BRIEFS) + 1:] + ".md"
        for candidate in (f"{target}.md", f"{target}/index.md" if target else "index.md"):
            if self.site.find(candidate, self.lang) is not None:
                return posixpath.relpath(candidate, BRIEFS)
        return None


def _browser_scheme(url: str) -> str | None:
    """The scheme a browser reads in ``url``: leading controls and spaces skipped, tabs and line breaks dropped."""
    url = re.sub(r"[\t\n\r]", "", url.lstrip("".join(map(chr, range(0x21)))))
    match = _SCHEME.match(url)
    return match[1] if match else None


def _key(name: str) -> str:
    """What tells page names apart, for suggestions: not the '../' and '.md' they share."""
    return posixpath.normpath(name).lstrip("./").removesuffix(".md")


def _locale(staged: str) -> str:
    """The language static-i18n gives a staged page: ``x.<lang>.md``'s, else the default."""
    suffix = PurePosixPath(PurePosixPath(staged).stem).suffix[1:]
    return suffix if _LOCALE.match(suffix) else DEFAULT_LANGUAGE


def _without_language(staged: str) -> str:
    match = _LANGUAGE_FILE.match(staged)
    return f"{match['page']}.md" if match else staged


def _markdown(path: Path) -> str:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""
    match = _FRONT_MATTER.match(text)
    return text[match.end():] if match else text


def _shown(url: str) -> str:
    return url if len(url) <= _SHOWN_MAX else url[: _SHOWN_MAX - 1] + "…"

