"""Entity mentions as marks: a link to the actor page, or a span.

A mention linked to a known actor is an `<a class="entity">` to its page
(a `<span>` inside link text, or in a body where links are unsafe, see
`annotate_rule`); any other mention is a `<span class="entity">`. The first
piece carries `id="m-<block>-<start>"`, the target of actor pages' links.

Only the first mention of each actor (or, without an actor, of each name of
a kind) in an article is highlighted and linked, and named by `aria-label`
with its kind in words; a later one is a `<span class="entity" data-repeat>`,
no link and no Tab stop, drawn faintly until the reader asks for every
mention (the legend's toggle, `site.js`). Its `id` stays: actor pages link to
every mention. A first mention names its actor's card (`data-card`), which
`site.js` opens on hover, focus and tap.
"""

from __future__ import annotations

from collections.abc import Sequence

from site_builder.model import ENTITY_KINDS, Actor, Entity
from site_builder.render.context import BodyContext
from site_builder.render.i18n import Words
from site_builder.render.marks import Mark
from site_builder.render.urls import dom_id, path_segment

RANK = 2  # innermost: a figure or a quote may enclose a name, never the reverse


def card_id(actor_id: str) -> str:
    """The id of the actor's card on an article page (site.js opens it over a mention)."""
    return dom_id("card-actor-", actor_id)


def mention_anchor(block: str, start: int) -> str:
    """The id of a mention's first piece (actor pages link to it)."""
    return f"m-{block}-{start}"


def non_overlapping(entities: Sequence[Entity], text_length: int) -> list[Entity]:
    """Valid spans in text order; of two overlapping mentions the earlier, then longer, wins."""
    valid = [e for e in entities if 0 <= e.start < e.end <= text_length]
    valid.sort(key=lambda e: (e.start, -e.end, e.kind, e.text))
    kept: list[Entity] = []
    last_end = 0
    for entity in valid:
        if entity.start >= last_end:
            kept.append(entity)
            last_end = entity.end
    return kept


def mention_key(entity: Entity, ctx: BodyContext) -> str:
    """What makes two mentions "the same": the actor, else the kind and the words."""
    actor = _actor_of(entity, ctx)
    if actor is not None:
        return f"actor:{actor.id}"
    return f"{_kind(entity)}:{' '.join(entity.text.casefold().split())}"


def entity_mark(
    entity: Entity, block_id: str, ctx: BodyContext, t: Words, *, repeat: bool = False
) -> Mark:
    """The mark of one mention; `t` holds the words of its block's language.

    `repeat`: an earlier mention of the same actor (`mention_key`) was marked.
    """
    kind = _kind(entity)
    label = t[kind]
    actor = _actor_of(entity, ctx)
    key = f"{block_id}-{entity.start}"
    attrs = {"class": "entity", "data-kind": kind, "data-entity": key}
    if repeat:
        attrs["data-repeat"] = ""
    late: dict[str, str] = {}
    if actor is not None:
        attrs["data-actor"] = actor.id
        title = f"{actor.name} ({label})"
        late["title"] = f"{title} — {actor.description}" if actor.description else title
        # The same words for assistive technology, from the page's actor list.
        late["aria-describedby"] = dom_id("actor-", actor.id)
    else:
        late["title"] = label
    linked = actor is not None and not repeat
    if linked:
        # The kind in words, not only in colour; the name stays the visible words.
        late["aria-label"] = t["entity_named"].format(name=entity.text, kind=label)
        late["data-card"] = card_id(actor.id)
    return Mark(
        start=entity.start, end=entity.end, rank=RANK, name="entity", attrs=attrs,
        anchor=mention_anchor(block_id, entity.start), late_attrs=late,
        href=f"{ctx.root}actors/{path_segment(actor.id)}/index.html"
        if actor is not None and linked else None,
    )


def _kind(entity: Entity) -> str:
    return entity.kind if entity.kind in ENTITY_KINDS else "other"


def _actor_of(entity: Entity, ctx: BodyContext) -> Actor | None:
    return ctx.actors.get(entity.actor) if entity.actor else None
