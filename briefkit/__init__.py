"""Policy briefs: load, validate and pair brief files, and shape them for the site.

Nothing in this package imports MkDocs: the hooks in ``hooks/`` are thin glue
over it, and the ``briefs`` command uses it directly.
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
