"""The JSON export: api/articles.json, one api/articles/<slug>.json per article, api/actors.json,
and the figures explorer's pages (api/figures/…/<n>.json).

It is a public interface for other programs, so its shape is fixed by the
JSON Schemas in render/schemas/ and described in docs/json-export.md; a test
validates real output against them. Keys are sorted and the text is UTF-8,
so the bytes are reproducible.
"""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Mapping, Sequence
from typing import Any

from site_builder.config import Config
from site_builder.link import ActorIndex
from site_builder.model import Actor, AnnotatedArticle, Site
from site_builder.render.external_links import external_links
from site_builder.render.figure_rows import FigureRow
from site_builder.render.i18n import messages
from site_builder.render.pages import article_actors
from site_builder.render.urls import article_slug, path_segment, public_url


def schema(name: str) -> dict[str, Any]:
    """A shipped JSON Schema: "articles" (the index), "article" (one annotation file), "actors",
    "actor-counts", "figure-shard" (a page of the figures explorer)."""
    resource = importlib.resources.files("site_builder.render") / "schemas" / f"{name}.schema.json"
    loaded: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return loaded


def annotations_path(slug: str) -> str:
    """Output-relative path of one article's annotation file."""
    return f"api/articles/{slug}.json"


def dumps(data: object) -> bytes:
    # allow_nan=False: NaN is not JSON, and a consumer's parser would choke on it.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


def index_document(site: Site, config: Config) -> dict[str, Any]:
    """api/articles.json: every article, newest first."""
    articles = []
    for item in site.articles:
        article = item.article
        slug = article_slug(article)
        articles.append({
            "slug": slug,
            "title": article.title,
            "url": public_url(config.base_url, article.url),
            "lang": article.lang,
            "date": article.date.isoformat(),
            "annotations": annotations_path(slug),
        })
    return {"articles": articles}


# 2: figures say where the words naming their source are (source_block/start/end),
# and short quotations in reported speech appear as quotes.
ARTICLE_SCHEMA_VERSION = 2


def article_document(
    item: AnnotatedArticle, actors: Mapping[str, Actor], config: Config
) -> dict[str, Any]:
    """api/articles/<slug>.json: one article's annotations, offsets into `blocks[].text`."""
    article, annotations = item.article, item.annotations
    return {
        "schema_version": ARTICLE_SCHEMA_VERSION,
        "slug": article_slug(article),
        "title": article.title,
        "lang": article.lang,
        "url": public_url(config.base_url, article.url),
        "blocks": [{"id": b.id, "lang": b.lang, "text": b.text} for b in annotations.blocks],
        "entities": [
            {"text": e.text, "kind": e.kind, "label": e.label, "start": e.start, "end": e.end,
             "block": e.block, "lang": e.lang, "actor": e.actor}
            for e in annotations.entities
        ],
        "figures": [
            {"text": f.text, "value": f.value, "qualifier": f.qualifier, "unit": f.unit,
             "block": f.block, "start": f.start, "end": f.end, "source": f.source,
             "source_text": f.source_text, "source_block": f.source_block,
             "source_start": f.source_start, "source_end": f.source_end}
            for f in annotations.figures
        ],
        "quotes": [
            # end_block: without it, `end` of a quote over several blocks is ambiguous.
            {"text": q.text, "speaker": q.speaker, "speaker_text": q.speaker_text,
             "block": q.block, "start": q.start, "end": q.end, "end_block": q.end_block}
            for q in annotations.quotes
        ],
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind, "aliases": list(a.aliases),
             "url": public_url(config.base_url, f"actors/{path_segment(a.id)}/")}
            for a in article_actors(item, actors)
        ],
    }


ACTORS_PATH = "api/actors.json"
COUNTS_PATH = "api/actor-counts.json"


def actor_counts_document(site: Site, index: ActorIndex) -> dict[str, Any]:
    """api/actor-counts.json: how many articles and mentions each actor has.

    The cards of article pages read it (site.js), so that an article page
    does not change each time another article names one of its actors.
    """
    actors = {}
    for actor_id in sorted(site.actors):
        counts = index.counts.get(actor_id, {})
        actors[actor_id] = {"articles": len(counts), "mentions": sum(counts.values())}
    return {"actors": actors}


def actors_document(site: Site, index: ActorIndex, config: Config) -> dict[str, Any]:
    """api/actors.json: every actor, by id, with the articles that mention it."""
    # Link labels are not exported, only keys and URLs: any language's words do.
    words = messages("en")
    actors = []
    for actor_id in sorted(site.actors):
        actor = site.actors[actor_id]
        counts = index.counts.get(actor_id, {})
        actors.append({
            "id": actor.id,
            "name": actor.name,
            "kind": actor.kind,
            "aliases": list(actor.aliases),
            "url": public_url(config.base_url, f"actors/{path_segment(actor.id)}/"),
            "description": actor.description,
            "links": {link.key: link.url for link in external_links(actor, words)},
            "articles": [
                {"slug": slug, "url": public_url(config.base_url, f"articles/{slug}/"),
                 "mentions": n}
                for slug, n in counts.items()
            ],
        })
    return {"actors": actors}


def figure_shard_path(directory: str, number: int) -> str:
    """The JSON of page `number` of a figures group whose pages live under `directory`."""
    return f"api/{directory}{number}.json"


def figure_shard(rows: Sequence[FigureRow]) -> dict[str, Any]:
    """One page of a figures group as data, for the explorer of site.js.

    `rows` are figure rows made for the output root (`root=""`), so every
    `href` is relative to it.
    """
    figures = []
    for row in rows:
        article = row.article
        figures.append({
            "article": article.article.title if article else None,
            "article_href": row.href,
            "lang": row.sentence.lang,
            "date": article.date_iso if article else None,
            "date_text": article.date_text if article else None,
            "value": row.amount,
            "value_text": row.value,
            "qualifier": row.qualifier_key,
            "qualifier_text": row.qualifier,
            "unit": row.unit,
            "source": row.source_name,
            "source_href": row.source_href,
            "unsourced": row.unsourced,
            "sentence": row.sentence.before + row.sentence.match + row.sentence.after,
        })
    return {"figures": figures}
