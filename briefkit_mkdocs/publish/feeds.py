"""The Atom feeds: the site's, and each topic's and region's, in every language (briefkit/feeds.py)."""

from __future__ import annotations

from briefkit.build import BuildState
from briefkit.feeds import site_feeds
from briefkit.media_site import MediaSite


def files(state: BuildState, lang: str, site_name: str, site_url: str, media: MediaSite | None) -> dict[str, bytes]:
    return site_feeds(state.site, lang, site_name, site_url, state.settings.feed_max, media)
