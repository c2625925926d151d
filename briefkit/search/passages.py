"""A brief's body as short plain-text passages (about a sentence each), for excerpts.

The index records, for each term and brief, the first body passage that
holds the term; the search page shows that passage (``p/<doc>-<block>.json``,
``BLOCK`` passages a file) around the match, with the query's words marked,
and links to it with a text fragment. Markdown is reduced to the text a
reader sees: link and image text stay, addresses, tags and markers go, and
what the page never shows (scripts, styles, comments, link definitions).
"""

from __future__ import annotations

import re

BLOCK = 8  # passages per file: a hit reads one file of about 1-2 KB

# An image's alt text and its title (a bundle image's visible caption) are searchable too.
_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s+\"([^\"]*)\")?[^)]*\)")
_REFERENCE_STYLE = re.compile(r"!?\[([^\]]*)\]\[[^\]]*\]")  # [text][label], ![alt][label]
_UNSEEN = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.S | re.I)  # never on the page
_FOOTNOTE = re.compile(r"^\s*\[\^[^\]]+\]:\s*|\[\^[^\]]+\]")  # a footnote's marker and its definition's
_DEFINITION = re.compile(r"\s*\[[^\]]+\]:\s*\S+.*")  # [label]: address "title"
_TAG_OR_URL = re.compile(r"<[^>]*>|https?://\S+")
_LINE_MARKER = re.compile(r"^\s*(?:#{1,6}|[-*+]|\d+[.)]|>)\s+")
_EMPHASIS = re.compile(r"\*\*|__|[*`~]")
_RULE = re.compile(r"^[\s|:\-=*_]*$")
_SENTENCE_END = re.compile(r"(?<=[.?!。])\s+")


def passages(body: str) -> list[str]:
    """The body's sentences as plain text, in order (a table row or heading is one passage)."""
    out: list[str] = []
    body = _UNSEEN.sub(lambda m: "\n" * m.group(0).count("\n"), body)
    for line in body.splitlines():
        if _RULE.fullmatch(line):
            continue
        text = _FOOTNOTE.sub("", line)
        if text == line and _DEFINITION.fullmatch(line):
            continue
        text = _LINE_MARKER.sub("", text)
        text = _IMAGE_OR_LINK.sub(lambda m: " ".join(part for part in m.groups() if part), text)
        text = _REFERENCE_STYLE.sub(r"\1", text)
        text = _TAG_OR_URL.sub(" ", text)
        text = _EMPHASIS.sub("", text).replace("|", " ")
        for sentence in _SENTENCE_END.split(text):
            sentence = " ".join(sentence.split())
            if sentence:
                out.append(sentence)
    return out
