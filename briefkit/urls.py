"""Absolute addresses of the published site, for feeds, the sitemap and open data.

Pages link to each other with relative URLs; everything read outside the site
(feed readers, search engines, data users) needs absolute ones, built from
``site_url`` (set per deployment with the ``SITE_URL`` environment variable).
"""

from __future__ import annotations

import datetime as dt

# Roundtables are held in Korea: a brief's date is a Korean calendar day.
KOREA = dt.timezone(dt.timedelta(hours=9))


def absolute_url(site_url: str, path: str) -> str:
    """``path`` (relative to the site root, as ``brief_path`` gives it) made absolute."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def day_start(date: dt.date) -> str:
    """The RFC 3339 timestamp of the start of ``date`` in Korea (no clock involved)."""
    return dt.datetime.combine(date, dt.time(), KOREA).isoformat()
