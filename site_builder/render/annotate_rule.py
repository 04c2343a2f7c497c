"""Entity markup and block languages, inserted into markdown-it's token stream.

This core rule runs after inline parsing. For each block (b0, b1... as
`content.blocks.iter_inline` numbers them) it reads the annotations of the
page's `BodyContext` and:

- wraps each entity mention in an element of its own (`<a class="entity">`
  to the actor page when the mention is linked to a known actor, `<span
  class="entity">` otherwise and always inside link text, since links must not
  nest);
- gives the block element a `lang` attribute when the block's language is
  not the article's.

Entity offsets index `Block.text`, which `content.blocks.segments` maps back to
inline child tokens. Only `text` children are ever split, so the markup never
crosses another element: a mention that straddles `**Bachar** al-Assad` or a
link boundary becomes one piece per text token, the pieces sharing
`data-entity` and only the first carrying the `id` that actor pages link to.
Mentions that touch code or an autolink's URL text are left out, and so is
text inside raw code-like HTML (see `raw_html`). In a body that contains a
raw HTML link, mentions are <span>s: HTML re-opens an unclosed <a> in later
blocks, so an entity link could land inside it.

The rule only adds tokens: remove the entity elements from its output and
what remains is the page rendered without annotations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from site_builder.content.blocks import block_text, iter_inline, segments
from site_builder.model import ENTITY_KINDS, Actor, Entity
from site_builder.render.context import BodyContext, body_context
from site_builder.render.raw_html import RawHtmlState, has_raw_link
from site_builder.render.urls import dom_id, path_segment

_BREAKS = {"softbreak", "hardbreak"}


def annotate_plugin(md: MarkdownIt) -> None:
    """Register the rule last, after footnotes are moved and text is joined,
    so it sees exactly the tokens `content.blocks` numbered."""
    md.core.ruler.push("annotate", annotate_rule)


def annotate_rule(state: StateCore) -> None:
    ctx = body_context(state.env)
    if ctx is None or ctx.annotations is None:
        return
    annotations = ctx.annotations
    if not annotations.entities and not annotations.blocks:
        return
    langs = {b.id: b for b in annotations.blocks}
    by_block: dict[str, list[Entity]] = defaultdict(list)
    for entity in annotations.entities:
        by_block[entity.block].append(entity)
    block_ids = {id(inline): block_id for block_id, inline in iter_inline(state.tokens)}
    raw = RawHtmlState()
    links_allowed = not any(has_raw_link(html) for html in _raw_html(state.tokens))
    for index, token in enumerate(state.tokens):
        if token.type == "html_block":
            raw.feed(token.content)
            continue
        if token.type != "inline":
            continue
        block_id = block_ids[id(token)]
        block_lang = langs.get(block_id)
        entities = by_block.get(block_id, [])
        if block_lang is None and not entities:
            _follow_raw_html(token.children or [], raw)
            continue
        text, _ = block_text(token)
        line = token.map[0] if token.map else 0
        if block_lang is not None and len(block_lang.text) != len(text):
            # Offsets into another text would land on the wrong words.
            ctx.warn(line, f"annotations of block {block_id} do not match its text",
                     "clear .cache/site-builder and build again")
            _follow_raw_html(token.children or [], raw)
            continue
        _mark_entities(token, len(text), entities, ctx, block_id, raw, links_allowed)
        if block_lang is not None and block_lang.lang and block_lang.lang != ctx.article.lang:
            _set_lang(state.tokens, index, token, block_lang.lang)


# ------------------------------------------------------------------ block language


def _set_lang(tokens: list[Token], index: int, inline: Token, lang: str) -> None:
    opener = tokens[index - 1] if index else None
    if opener is not None and opener.nesting == 1 and not opener.hidden:
        opener.attrSet("lang", lang)
        return
    # Paragraphs of tight lists are not rendered: the nearest rendered parent
    # (the <li>) may hold other blocks, so wrap this block's inline content.
    children = inline.children or []
    inline.children = [
        Token("block_lang_open", "span", 1, attrs={"lang": lang}),
        *children,
        Token("block_lang_close", "span", -1),
    ]


# ------------------------------------------------------------------------- entities


@dataclass(frozen=True, slots=True)
class _Piece:
    child: int  # index of the text child it cuts
    start: int  # offsets in that child's content
    end: int
    open: Token
    close: Token


@dataclass(frozen=True, slots=True)
class _ChildContext:
    in_link: bool  # or anywhere a mention must not be a link
    protected: bool


def _mark_entities(
    inline: Token, text_length: int, entities: Sequence[Entity], ctx: BodyContext,
    block_id: str, raw: RawHtmlState, links_allowed: bool,
) -> None:
    children = inline.children or []
    where = _child_contexts(children, raw, links_allowed)
    if not entities:
        return
    segs = segments(inline)
    pieces: dict[int, list[_Piece]] = defaultdict(list)
    for entity in _non_overlapping(entities, text_length):
        covered = [s for s in segs if s.start < entity.end and s.end > entity.start]
        if any(
            where[s.child].protected
            or (not s.annotatable and children[s.child].type not in _BREAKS)
            for s in covered
        ):
            continue
        key = f"{block_id}-{entity.start}"
        first, linked = True, False
        for seg in covered:
            child = children[seg.child]
            if child.type != "text":
                continue
            start = max(entity.start, seg.start) - seg.start
            end = min(entity.end, seg.end) - seg.start
            # Spaces at a piece's edge belong to the sentence, not the name.
            while start < end and child.content[start].isspace():
                start += 1
            while end > start and child.content[end - 1].isspace():
                end -= 1
            if start == end:
                continue
            tag = _tag_for(entity, ctx, where[seg.child].in_link)
            opener = _open_token(entity, key, tag, ctx, with_id=first, focusable=not linked)
            pieces[seg.child].append(
                _Piece(seg.child, start, end, opener, Token("entity_close", tag, -1)))
            first, linked = False, linked or tag == "a"
    if pieces:
        inline.children = _split(children, pieces)


def _non_overlapping(entities: Sequence[Entity], text_length: int) -> list[Entity]:
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


def _child_contexts(
    children: Sequence[Token], raw: RawHtmlState, links_allowed: bool
) -> list[_ChildContext]:
    """For each inline child: may a mention there be a link? is it in raw code-like HTML?

    `raw` carries the raw HTML still open from earlier blocks, and is updated.
    """
    result: list[_ChildContext] = []
    links = 0
    for child in children:
        if child.type == "link_open":
            links += 1
        elif child.type == "link_close":
            links = max(0, links - 1)
        elif child.type == "html_inline":
            raw.feed(child.content)
        result.append(_ChildContext(links > 0 or not links_allowed, raw.protected))
    return result


def _raw_html(tokens: Sequence[Token]) -> Iterator[str]:
    for token in tokens:
        if token.type == "html_block":
            yield token.content
        for child in token.children or []:
            if child.type == "html_inline":
                yield child.content


def _follow_raw_html(children: Sequence[Token], raw: RawHtmlState) -> None:
    for child in children:
        if child.type == "html_inline":
            raw.feed(child.content)


def _tag_for(entity: Entity, ctx: BodyContext, in_link: bool) -> str:
    return "a" if _actor_of(entity, ctx) is not None and not in_link else "span"


def _actor_of(entity: Entity, ctx: BodyContext) -> Actor | None:
    return ctx.actors.get(entity.actor) if entity.actor else None


def _open_token(
    entity: Entity, key: str, tag: str, ctx: BodyContext, *, with_id: bool, focusable: bool
) -> Token:
    kind = entity.kind if entity.kind in ENTITY_KINDS else "other"
    label = ctx.kind_labels.get(kind, kind)
    actor = _actor_of(entity, ctx)
    attrs: dict[str, str | int | float] = {}
    if tag == "a" and actor is not None:
        attrs["href"] = f"{ctx.root}actors/{path_segment(actor.id)}/index.html"
    attrs["class"] = "entity"
    attrs["data-kind"] = kind
    attrs["data-entity"] = key
    if actor is not None:
        attrs["data-actor"] = actor.id
    if with_id:
        attrs["id"] = f"m-{key}"
    if tag == "a" and not focusable:
        # One mention is one stop for keyboard users, however many pieces it has.
        attrs["tabindex"] = "-1"
    if actor is not None:
        title = f"{actor.name} ({label})"
        attrs["title"] = f"{title} — {actor.description}" if actor.description else title
        # The same words for assistive technology, from the page's actor list.
        attrs["aria-describedby"] = dom_id("actor-", actor.id)
    else:
        attrs["title"] = label
    return Token("entity_open", tag, 1, attrs=attrs)


def _split(children: Sequence[Token], pieces: dict[int, list[_Piece]]) -> list[Token]:
    result: list[Token] = []
    for i, child in enumerate(children):
        cuts = sorted(pieces.get(i, []), key=lambda p: p.start)
        if not cuts:
            result.append(child)
            continue
        content = child.content
        pos = 0
        for piece in cuts:
            if piece.start > pos:
                result.append(_text(child, content[pos:piece.start]))
            result += [piece.open, _text(child, content[piece.start:piece.end]), piece.close]
            pos = piece.end
        if pos < len(content):
            result.append(_text(child, content[pos:]))
    return result


def _text(like: Token, content: str) -> Token:
    return Token("text", "", 0, content=content, level=like.level)
