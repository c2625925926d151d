"""Rendered Markdown, kept by content: a rebuild converts only what changed.

Converting brief bodies with Python-Markdown is the largest part of a
build. The result depends only on the Markdown text,
the page's place (file and URL, for relative links), and the Markdown
configuration, code and versions; so it is kept in the ``markdown`` store
(``briefkit/cache.py``: its fingerprint covers ``mkdocs.yml``, this module,
the ids extension and the versions of MkDocs and Python-Markdown) under a
digest of all that, with what MkDocs takes from a render besides the HTML:
the table of contents, the anchor ids and the title.

Only Markdown that cannot depend on other files is kept: no link or image
(``](``, a reference definition), no raw HTML (``<``). MkDocs checks links
while rendering, and a kept page would skip that check; a page whose render
found links to anchors of other pages is not kept either. Links to its own
anchors (headings' permalinks, footnotes) are kept and given back, so MkDocs
checks them after a kept render as after a fresh one.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import cache
from .atomic_write import write_atomic

# A reference definition (not a footnote's); it holds "]:", looked for first.
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]]*\]:", re.M)
# A bundle file by its plain name, with an optional title (briefkit/media_refs.py judges each one).
BUNDLE_FILE = re.compile(
    r'\]\([^\s()<>/\\:#?&"\']+\.(?:jpe?g|png|webp|pdf|hwpx?|docx|xlsx|pptx|csv|txt|zip)(?:\s+"[^"\n<]*")?\)',
    re.IGNORECASE)


def cacheable(markdown: str) -> bool:
    """No link or image (``](``), raw HTML or autolink (``<``), reference definition.

    Substring tests first, the expression only where ``]:`` occurs: one
    expression with the three alternatives was several times slower, on
    every page of every pass. A reference to one of a bundle's files
    (``photo.jpg``) does not count: it was checked before the build and names
    no page, so its render depends on nothing else."""
    if "](" in markdown:
        markdown = BUNDLE_FILE.sub("", markdown)
    return (bool(markdown.strip()) and "](" not in markdown and "<" not in markdown
            and ("]:" not in markdown or REFERENCE_DEFINITION.search(markdown) is None))


@dataclass(frozen=True)
class Rendered:
    html: str
    toc: list[dict[str, Any]]  # tokens as Python-Markdown's toc extension gives them: level, id, name, children
    anchors: list[str]
    title: str | None
    own_links: dict[str, str]  # links to anchors of the page itself (headings' permalinks, footnotes)


@dataclass
class RenderCache:
    folder: Path
    settings: str  # the store's fingerprint: the Markdown configuration (mkdocs.yml), code and versions
    hits: int = 0
    misses: int = 0
    # The key (and what was found) of each page between its two events, by source path.
    pending: dict[str, tuple[str, Rendered | None]] = field(default_factory=dict)

    @classmethod
    def create(cls, root: Path) -> RenderCache:
        return cls(cache.path(root, "markdown"), cache.fingerprint("markdown", root))

    def key(self, markdown: str, src_uri: str, url: str) -> str:
        data = "\0".join((self.settings, src_uri, url, markdown))
        return hashlib.sha256(data.encode("utf-8")).hexdigest()

    def get(self, key: str) -> Rendered | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            found = Rendered(data["html"], data["toc"], data["anchors"], data["title"], data["own_links"])
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return found

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def put(self, key: str, rendered: Rendered) -> None:
        data = {"html": rendered.html, "toc": rendered.toc, "anchors": rendered.anchors, "title": rendered.title,
                "own_links": rendered.own_links}
        write_atomic(self._path(key), json.dumps(data, ensure_ascii=False))  # a parallel build reads it whole

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"


def rendered(page: Any) -> Rendered | None:
    """What to keep of a page MkDocs just rendered, or None when it links to another page's anchors."""
    links = page.links_to_anchors or {}
    if not all(target is page.file for target in links):
        return None
    anchors = sorted(page.present_anchor_ids or ())
    own = dict(sorted(links.get(page.file, {}).items()))
    return Rendered(page.content, toc_tokens(page.toc), anchors, page._title_from_render, own)


def toc_tokens(links: Any) -> list[dict[str, Any]]:
    """A table of contents (MkDocs' AnchorLinks) back as the tokens ``get_toc`` takes."""
    return [{"level": link.level, "id": link.id, "name": link.title, "children": toc_tokens(link.children)}
            for link in links]
