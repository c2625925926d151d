"""The site's open data files (briefkit/opendata.py), written once for both languages."""

from __future__ import annotations

from briefkit.build import BuildState
from briefkit.media_site import MediaSite
from briefkit.opendata import data_files


def files(state: BuildState, site_url: str, media: MediaSite | None) -> dict[str, bytes]:
    return data_files(state.site, site_url, media)
