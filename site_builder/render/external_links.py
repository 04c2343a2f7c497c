"""An actor's links to the outside world, reduced to http(s) URLs a page may show.

The registry validates links already; the render stage checks again, since
an href is where a `javascript:` URL does harm, and actors may come from
elsewhere than the registry. Anything but an absolute http(s) URL with a
host and no spaces or control characters is dropped. A Wikidata QID
("Q7817") becomes its Wikidata page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from site_builder.model import Actor

_QID = re.compile(r"^Q[1-9][0-9]*$")
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f]")
# Wikidata first (it identifies), then the actor's own site, then the rest by name.
_ORDER = {"wikidata": 0, "website": 1}


@dataclass(frozen=True, slots=True)
class ExternalLink:
    key: str  # the registry's name for it: wikidata, website, …
    label: str
    url: str


def is_http_url(value: str) -> bool:
    if _UNSAFE.search(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in {"http", "https"} and bool(parts.hostname)


def wikidata_url(value: str) -> str | None:
    return f"https://www.wikidata.org/wiki/{value}" if _QID.match(value) else None


def external_links(actor: Actor, t: Mapping[str, str]) -> tuple[ExternalLink, ...]:
    found: list[ExternalLink] = []
    for key, raw in actor.links.items():
        value = raw.strip() if isinstance(raw, str) else ""
        url = wikidata_url(value) if key == "wikidata" else None
        if url is None and is_http_url(value):
            url = value
        if url is None:
            continue
        label = "Wikidata" if key == "wikidata" else t["website"] if key == "website" else key
        found.append(ExternalLink(key, label, url))
    return tuple(sorted(found, key=lambda link: (_ORDER.get(link.key, 2), link.key)))
