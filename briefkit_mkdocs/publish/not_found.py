"""One 404 page per language.

Both language passes write ``404.html`` to the site root (static templates
ignore the language folder): each pass's page is kept when MkDocs renders it
(``on_post_template``) and written to its own language's place at the end.
"""

from __future__ import annotations

from briefkit.site import lang_root

TEMPLATE = "404.html"


def files(pages: dict[str, str]) -> dict[str, bytes]:
    return {lang_root(lang) + TEMPLATE: page.encode("utf-8") for lang, page in pages.items()}
