"""The MkDocs adapter: everything that touches MkDocs or mkdocs-static-i18n, over the plain ``briefkit`` core.

``hooks/briefs.py`` (the hook file mkdocs.yml names) calls a ``SiteBuild``
(``site_build.py``) for every event; a ``Run`` (``run.py``) is one MkDocs
command, a preview session included. ``briefkit`` imports nothing from here,
nor MkDocs (tests/test_adapter_boundary.py).
"""
