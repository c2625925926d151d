"""Search for the briefs site: a sharded per-language index built at build time.

``analysis`` turns text into index terms (Korean nouns and noun compounds from
Kiwi, stemmed English words), ``cache`` keeps analysis results by content
digest, ``records`` says what of a brief is searchable, ``writer`` lays the
index out as small JSON files, and ``query`` answers queries over those files
the way ``overrides/assets/search-core.js`` (the engine) does in the browser. Nothing here
imports MkDocs; ``briefkit_mkdocs/site_build.py`` is the glue.
"""
