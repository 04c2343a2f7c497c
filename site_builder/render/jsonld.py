"""schema.org `NewsArticle` metadata for an article page, as JSON-LD.

Search engines and news aggregators read it from
`<script type="application/ld+json">`. Inside a script element HTML ends the
script at the first `</script`, whatever JSON thinks of it, so `<`, `>` and
`&` are written as JSON escapes (`\\u003c`…): the data stays the same JSON and
content can never close the element or open a comment.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup

from site_builder.config import Config
from site_builder.model import Actor, Article
from site_builder.render.external_links import external_links
from site_builder.render.urls import path_segment

SCHEMA_TYPES = {"person": "Person", "organization": "Organization", "place": "Place"}
_SCRIPT_SAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def news_article(article: Article, mentioned: Sequence[Actor], config: Config,
                 t: Mapping[str, str]) -> dict[str, Any]:
    """The article's metadata; `mentioned` are its actors, most mentioned first."""
    base = config.base_url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.date.isoformat(),
        "inLanguage": article.lang,
    }
    if article.summary:
        data["description"] = article.summary
    if base:
        data["url"] = base + article.url
    if article.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    elif config.author:
        data["author"] = {"@type": "Organization", "name": config.author}
    # The wire service the dispatch comes from; without one, the site publishes it.
    data["publisher"] = {"@type": "Organization", "name": article.source or config.title}
    if article.tags:
        data["keywords"] = list(dict.fromkeys(article.tags))
    if mentioned:
        data["mentions"] = [_thing(actor, base, t) for actor in mentioned]
    return data


def _thing(actor: Actor, base: str, t: Mapping[str, str]) -> dict[str, Any]:
    thing: dict[str, Any] = {"@type": SCHEMA_TYPES.get(actor.kind, "Thing"), "name": actor.name}
    if base:
        thing["url"] = f"{base}actors/{path_segment(actor.id)}/"
    same_as = [link.url for link in external_links(actor, t)]
    if same_as:
        thing["sameAs"] = same_as
    return thing


def script_json(data: object) -> Markup:
    """`data` as JSON that is safe between <script> tags."""
    # Compact: with an indent the json module falls back to its slow pure-Python encoder.
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    return Markup(text.translate(_SCRIPT_SAFE))
