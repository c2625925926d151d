"""What a writer may type: characters that XML and HTML carry, and text a reader can see.

Every string from a brief (front matter and body) and from a vocabulary ends up
in HTML pages and in XML feeds and sitemaps. XML 1.0 forbids most control
characters outright and a feed holding one is not a feed at all, so they are
refused with the writer's file and line rather than removed: the writer
learns that the text they pasted carried something invisible.

Titles are also checked for what makes them unreadable or deceptive: no
visible character (only zero-width ones), bidirectional controls that reverse
the text around them, and a length no title needs.
"""

from __future__ import annotations

import re
import unicodedata

TITLE_MAX = 200  # characters; a roundtable's title is a line, not a paragraph
LINE_MAX = 300  # venue, an organizer, a speaker's name, role or affiliation

# C0 controls but tab and line feed (carriage returns were turned into line feeds on reading),
# DEL and the C1 controls (HTML reports them as parse errors), lone surrogates, and the 66
# noncharacters (U+FDD0-U+FDEF and the last two code points of every plane), which XML excludes.
_NONCHARACTERS = "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]")
# The same without the other planes' noncharacters: a class with them is much slower to search,
# and most text has no character beyond U+FFFF at all.
_FORBIDDEN_BMP = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Embeddings, overrides and isolates: they reorder the characters around them (a title that reads
# differently from what it holds). The marks U+200E/U+200F only nudge neutral characters and stay.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Unicode's Default_Ignorable_Code_Point (nothing is drawn for them) and the braille blank.
_INVISIBLE = re.compile(
    "[\\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff]"
)


def character_name(char: str) -> str:
    """``U+000B`` with the character's name when it has one: ``U+202E (RIGHT-TO-LEFT OVERRIDE)``."""
    name = unicodedata.name(char, "")
    if not name and unicodedata.category(char) == "Cc":
        name = "a control character"
    elif not name and unicodedata.category(char) == "Cs":
        name = "half of a broken character pair"
    elif not name:
        name = "not a character"
    return f"U+{ord(char):04X} ({name})"


def forbidden_character(text: str) -> str | None:
    """The first character of ``text`` that pages and feeds cannot carry, or None."""
    match = _forbidden(text).search(text)
    return match.group() if match else None


def _forbidden(text: str) -> re.Pattern[str]:
    return FORBIDDEN if _ASTRAL.search(text) else _FORBIDDEN_BMP


def forbidden_message(char: str) -> str:
    return f"contains {character_name(char)}, which web pages and feeds cannot carry (delete it; it is invisible)"


def title_problem(title: str) -> str | None:
    """What makes ``title`` unfit to be shown as a title (besides forbidden characters), or None."""
    return shown_problem(title, TITLE_MAX, "write the title")


def line_problem(text: str) -> str | None:
    """What is wrong with a one-line field (venue, a name), besides forbidden characters, or None."""
    return shown_problem(text, LINE_MAX, "write it or remove it")


def shown_problem(text: str, most: int | None, todo: str) -> str | None:
    """Text with no visible character, with a bidirectional control, or over ``most`` characters."""
    if text and not _INVISIBLE.sub("", text):
        return f"has no visible character, only invisible ones such as zero-width spaces ({todo})"
    bidi = BIDI_CONTROLS.search(text)
    if bidi:
        return (f"contains {character_name(bidi.group())}, which reverses the order in which the text"
                " around it is shown (delete it)")
    if most is not None and len(text) > most:
        return f"is {len(text)} characters long (shorten it to at most {most})"
    return None


def forbidden_lines(text: str, first_line: int, most: int = 10) -> list[tuple[int, str]]:
    """``(line, character)`` for the first ``most`` lines of ``text`` holding a forbidden character."""
    found: list[tuple[int, str]] = []
    line, counted = first_line, 0
    for match in _forbidden(text).finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        if not found or found[-1][0] != line:
            found.append((line, match.group()))
            if len(found) == most:
                break
    return found
