"""A cold build's second process, when it renders too: ``python -m briefkit_mkdocs.ahead JOB``.

``briefkit.search.ahead`` analyses the search texts and imports no MkDocs;
this entry gives it the English pass's Markdown to render first
(``briefkit_mkdocs.render_ahead``), which needs MkDocs.
"""

from __future__ import annotations

import sys

from briefkit.search.ahead import main

from .render_ahead import render

COMMAND = [sys.executable, "-m", "briefkit_mkdocs.ahead"]

if __name__ == "__main__":
    main(sys.argv[1], render)
