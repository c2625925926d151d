"""What survives of a writer's HTML: document markup only, no script of any kind.

Ids keep to ``briefkit.markdown_ids.safe_id`` here too (raw HTML never reaches
the Markdown tree), and classes of Material's layout (``md-…``, but its
buttons) are dropped: a body may not dress itself as the page around it.
"""

from __future__ import annotations

import nh3

from .markdown_ids import safe_id

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q",
    "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "u", "ul",
}
_EVERYWHERE = {"id", "class", "lang", "title", "dir"}
_ATTRIBUTES = {
    "*": _EVERYWHERE,
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
    "abbr": {"title"},
}


_WRITER_CLASSES = {"md-button", "md-button--primary"}  # Material's classes a writer may use


def clean_html(html: str) -> str:
    """Keep document markup; drop scripts, handlers, styles and foreign URL schemes."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        attribute_filter=_attribute,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
        strip_comments=True,
    )


def clean_inline(html: str) -> str:
    """Text with its entities kept and every tag removed (a table of contents entry)."""
    return nh3.clean(html, tags=set(), attributes={}, strip_comments=True)


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id":
        return safe_id(value)
    if name == "class" and "md-" in value:
        kept = [c for c in value.split() if not c.startswith("md-") or c in _WRITER_CLASSES]
        return " ".join(kept) or None
    return value
