"""Structured data (schema.org JSON-LD) for search engines: a brief's page and the home pages.

A brief's page describes its text as a ``Report``: headline, description, the
roundtable's date as ``datePublished``, the latest update's as
``dateModified``, the ministry as author and publisher
(``GovernmentOrganization``), the licence's terms, topics (``about``) and
regions (``spatialCoverage``, ``Place``), and the other language's version
(``translationOfWork`` / ``workTranslation``). A page that shows another
language's text (no translation yet) describes that text, at its own address.
The home pages describe the ``WebSite`` with its search (``SearchAction``).

The JSON is written by ``json.dumps`` and made safe to sit inside
``<script type="application/ld+json">``: ``<``, ``>`` and ``&`` become
``\\u003c``, ``\\u003e`` and ``\\u0026`` (still the same JSON), so no text of a
writer's can close the element. Such a script is data, not code: the page's
Content-Security-Policy does not apply to it (``csp.DATA_TYPES``).
"""

from __future__ import annotations

import json
from typing import Any

from .licenses import LICENSES
from .model import LANGUAGES, Brief
from .publishing import Ministry
from .site import BriefView, SiteView, brief_path, lang_root, term_path
from .urls import absolute_url

CONTEXT = "https://schema.org"
_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(data: dict[str, Any]) -> str:
    """``data`` as JSON that cannot end or confuse the ``<script>`` element holding it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    for char, escaped in _UNSAFE.items():
        text = text.replace(char, escaped)
    return text


def brief_data(brief: Brief, lang: str, site_url: str, ministry: Ministry, image: str | None = None) -> dict[str, Any]:
    """The ``Report`` of ``brief``'s text shown to a reader of ``lang``.

    ``image``: the absolute address of the brief's picture, when it has one (a bundle's cover).
    """
    text = brief.shown_text(lang)
    shown = text.lang
    organization = _organization(ministry, shown)
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Report",
        "@id": absolute_url(site_url, brief_path(brief.id, shown)) + "#report",
        "url": absolute_url(site_url, brief_path(brief.id, shown)),
        "headline": text.title,
        "name": text.title,
        "description": text.summary,
        "inLanguage": shown,
        "datePublished": brief.date.isoformat(),
        "dateModified": brief.modified.isoformat(),
        "author": organization,
        "publisher": organization,
        "copyrightHolder": organization,
        "license": LICENSES[brief.license].terms_url,
        "isAccessibleForFree": True,
        "about": [_thing(term.label(shown), absolute_url(site_url, term_path("topics", term.slug, shown)))
                  for term in brief.topics],
        "spatialCoverage": [_place(term.label(shown), term.code) for term in brief.regions],
    }
    if image:
        data["image"] = image
    if shown == brief.source.lang:
        others = [other for other in LANGUAGES if other != shown and brief.text(other) is not None]
        if others:
            data["workTranslation"] = [_version(brief, other, site_url) for other in others]
    else:
        data["translationOfWork"] = _version(brief, brief.source.lang, site_url)
    return data


def home_data(lang: str, site_url: str, site_name: str, ministry: Ministry) -> dict[str, Any]:
    """The ``WebSite`` of one language's home page, with its search."""
    home = absolute_url(site_url, lang_root(lang))
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "@id": home + "#website",
        "url": home,
        "name": site_name,
        "inLanguage": lang,
        "publisher": _organization(ministry, lang),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute_url(site_url, lang_root(lang) + "search/") + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def _organization(ministry: Ministry, lang: str) -> dict[str, Any]:
    return {"@type": "GovernmentOrganization", "name": ministry.name(lang), "url": ministry.url}


def _thing(name: str, url: str) -> dict[str, Any]:
    return {"@type": "Thing", "name": name, "url": url}


def _place(name: str, code: str) -> dict[str, Any]:
    place: dict[str, Any] = {"@type": "Place", "name": name}
    if code:
        place["identifier"] = code
    return place


def _version(brief: Brief, lang: str, site_url: str) -> dict[str, Any]:
    url = absolute_url(site_url, brief_path(brief.id, lang))
    text = brief.text(lang)
    version: dict[str, Any] = {"@type": "Report", "@id": url + "#report", "url": url, "inLanguage": lang}
    if text is not None:
        version["name"] = text.title
    return version


def template_helpers(site: SiteView) -> dict[str, Any]:
    """What the head and brief templates use for licence, updates and structured data (``build.page_context``)."""
    ministry = site.catalog.publishing.ministry

    def brief_jsonld(view: BriefView, site_url: str, image: str | None = None) -> str:
        return script_json(brief_data(view.brief, view.lang, site_url, ministry, image))

    def home_jsonld(lang: str, site_url: str, site_name: str) -> str:
        return script_json(home_data(lang, site_url, site_name, ministry))

    return {"ministry": ministry, "absolute_url": absolute_url, "brief_jsonld": brief_jsonld,
            "home_jsonld": home_jsonld}
