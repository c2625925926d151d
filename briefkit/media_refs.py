"""A body's references to its bundle's files: judged, and recorded for the build.

``briefkit/references.py`` checks every link and image of every body; a
relative name that is no page of the site reaches ``MediaRefs.judge`` (through
``SitePages.resolve_file``). Here it must name a file directly in the brief's
own bundle (``briefkit/bundles.py``), of an accepted type for how it is used
(an image: ``.jpg``, ``.jpeg``, ``.png``, ``.webp``, with alt text; a link:
an attachment, ``briefkit/attachments.py``, or an image), whose content matches its
extension and which is not too large. Each file's content is judged once per
run, whichever body or language refers to it.

What passed is recorded as each brief's ``BriefMedia``: the build publishes
exactly those files (``briefkit/media_site.py``); a bundle file no body and no
``cover`` names is a *notice* for ``briefs check``, and is not published.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .attachments import ATTACHMENT_TYPES, attachment_problem
from .bundles import Bundle
from .cache import memo
from .catalog import FILE_NAME, Catalog
from .media.images import MediaProblem, inspect_image
from .problems import Problem, advice

IMAGE_TYPES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}  # extension -> format
IMAGE_MAX_BYTES = 20_000_000
IMAGE_MAX_PIXELS = 40_000_000
_IMAGES = ", ".join(IMAGE_TYPES)
_ATTACHMENTS = ", ".join(ATTACHMENT_TYPES)


@dataclass
class BriefMedia:
    """The bundle files a brief publishes, in the order its source body first shows them."""

    bundle: Bundle
    images: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    cover: str = ""  # front matter ``cover``, checked
    linked: list[str] = field(default_factory=list)  # images a body links to ([text](photo.jpg)) without showing

    @property
    def all_images(self) -> list[str]:
        """Every image the build publishes: shown, then the cover, then those only linked to."""
        names = list(self.images)
        for name in ([self.cover] if self.cover else []) + self.linked:
            if name not in names:
                names.append(name)
        return names

    @property
    def picture(self) -> str | None:
        """The brief's picture in lists and link previews: ``cover``, else the first image."""
        return self.cover or (self.images[0] if self.images else None)

    def is_published(self, name: str) -> bool:
        return name in self.attachments or name in self.all_images

    def stamp(self) -> tuple[tuple[str, int, int] | None, tuple[tuple[str, int, int], ...]]:
        """The picture and every published file by name, size and modification time: what the pages show.

        A preview renders a page again when its media changed (``briefkit/staging.py``).
        """
        def of(name: str) -> tuple[str, int, int]:
            try:
                stat = self.bundle.path(name).stat()
            except OSError:
                return (name, -1, -1)
            return (name, stat.st_size, stat.st_mtime_ns)

        names = [*self.all_images, *self.attachments]
        return (of(self.picture) if self.picture else None, tuple(of(name) for name in names))


@dataclass
class MediaRefs:
    """Judges bundle references for one run and records what they name."""

    bundles: dict[str, Bundle]
    media: dict[str, BriefMedia] = field(default_factory=dict)
    named: set[tuple[str, str]] = field(default_factory=set)  # (id, file): every bundle file a body or cover names

    def judge(self, text_path: str, kind: str, name: str, alt: str) -> str | None:
        """The problem with ``name`` (an ``image`` or ``link`` in the body of ``text_path``), or None."""
        match = FILE_NAME.match(PurePosixPath(text_path).name)
        bundle = self.bundles.get(match["id"]) if match else None
        if bundle is None:
            return f"no file '{_shown(name)}' for this brief" + advice(
                "a brief can link to other briefs as '<id>.md' and to pages of the site;"
                " to show a photo or attach a file, keep the brief in a folder of its own:"
                f" briefs bundle {match['id'] if match else '<id>'}")
        name = plain_name(name)
        if "/" in name or "\\" in name:
            if posixpath.normpath(name.replace("\\", "/")).startswith(".."):
                return f"'../' leaves the brief's bundle {bundle.shown}/" + advice(
                    "put the file in the bundle folder and write its plain name")
            return "names a file in a sub-folder" + advice(
                f"put the file directly in {bundle.shown}/ and write its plain name")
        name = unicodedata.normalize("NFC", name)
        if name not in bundle.names:
            meant = difflib.get_close_matches(name, bundle.files, n=1, cutoff=0.6)
            return f"no file '{_shown(name)}' in the bundle {bundle.shown}/" + advice(
                f"did you mean '{meant[0]}'?" if meant else "add the file to the folder, or check the name")
        self.named.add((bundle.id, name))  # named, even when wrongly: no "nothing refers to it" notice
        problem = self._type(kind, name, alt) or _content(bundle.path(name), _ext(name))
        if problem is None:  # the source body is judged first: its first image comes first
            media = self.media.setdefault(bundle.id, BriefMedia(bundle))
            found = media.images if kind == "image" else media.linked if _ext(name) in IMAGE_TYPES \
                else media.attachments
            if name not in found:
                found.append(name)
        return problem

    def judge_cover(self, catalog: Catalog) -> list[Problem]:
        """Each brief's ``cover``: an image of its bundle, judged like a body's image."""
        problems = []
        for brief in [*catalog.briefs, *catalog.held]:
            if not brief.cover:
                continue
            bundle = self.bundles.get(brief.id)
            where = (brief.source.path, brief.cover_line, "cover")
            if bundle is None:
                problems.append(Problem(*where, "names a picture, but this brief has no bundle" + advice(
                    f"keep the brief in a folder of its own with the image: briefs bundle {brief.id}")))
                continue
            found = self.judge(brief.source.path, "image", brief.cover, "cover")
            if found is not None:
                problems.append(Problem(*where, found.replace("no file", "no image", 1)))
            else:
                self.media.setdefault(brief.id, BriefMedia(bundle)).cover = unicodedata.normalize("NFC", brief.cover)
        return problems

    def notices(self) -> list[Problem]:
        """Bundle files nothing refers to: not published, worth a word."""
        found = []
        for brief_id, bundle in sorted(self.bundles.items()):
            used = self.media.get(brief_id)
            for name in bundle.files:
                if (brief_id, name) in self.named:
                    continue  # referred to: published, or its reference is a problem of its own
                if used is None or not used.is_published(name):
                    found.append(Problem(bundle.shown_path(name), 1, "file",
                                         "nothing refers to it, so it is not published" + advice(
                                             "show or link it in the brief's body, or delete it")))
        return found

    def _type(self, kind: str, name: str, alt: str) -> str | None:
        ext = _ext(name)
        if ext == ".svg":
            return "SVG is not accepted (it can carry scripts)" + advice(
                "export the picture or chart as PNG and show that")
        if kind == "image":
            if ext in ATTACHMENT_TYPES:
                return "is not an image" + advice(f"link to it instead: [what it is]({name})")
            if ext not in IMAGE_TYPES:
                return f"'{ext or name}' images are not accepted" + advice(f"save it as one of {_IMAGES}")
            if not alt.strip():
                return "has no alt text" + advice(
                    f"say what the image shows for people who cannot see it: ![what it shows]({name})")
            return None
        if ext in IMAGE_TYPES:
            return None  # a link to the published image, upright and without metadata
        if ext not in ATTACHMENT_TYPES:
            return f"'{ext or name}' files are not accepted as attachments" + advice(f"attach one of {_ATTACHMENTS}")
        return None


def plain_name(name: str) -> str:
    """A bundle file's name as a body writes it, without the ``./`` some editors put before it."""
    while name.startswith("./"):
        name = name[2:]
    return name


def _ext(name: str) -> str:
    return posixpath.splitext(name)[1].lower()


def _shown(name: str) -> str:
    return name if len(name) <= 80 else name[:79] + "…"


def _content(path: Path, ext: str) -> str | None:
    try:
        found = os.lstat(path)  # one call: a preview asks again for every file on every save
    except OSError as err:
        return f"cannot be read: {err.strerror or type(err).__name__}"
    if not stat.S_ISREG(found.st_mode):
        return "is a link or not a plain file" + advice("put the file itself in the bundle")
    return _judged(str(path), ext, found.st_size, found.st_mtime_ns)


@memo("attachment judgements", 4096)  # by size and time: a preview judges again only a changed file
def _judged(path: str, ext: str, size: int, mtime_ns: int) -> str | None:
    try:
        if ext in ATTACHMENT_TYPES:
            return attachment_problem(Path(path), ext)
        inspect_image(Path(path), max_bytes=IMAGE_MAX_BYTES, max_pixels=IMAGE_MAX_PIXELS)  # content and size
    except MediaProblem as problem:
        return str(problem)
    except OSError as err:
        return f"cannot be read: {err.strerror or type(err).__name__}"
    return None
