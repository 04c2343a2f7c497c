"""Annotations inserted into markdown-it's token stream: names, figures, quotes, languages.

This core rule runs after inline parsing. For each block (b0, b1... as
`content.blocks.block_segments` numbers them) it reads the annotations of the
page's `BodyContext` and:

- wraps each entity mention in an element of its own (`entity_marks`), the
  first mention of each actor in the article apart from its repeats;
- wraps each reported figure, with a marker linking to the figures table
  (`figure_marks`);
- wraps each part of a quote whose speaker is known, with a link to the
  speaker (`quote_marks`);
- gives the block element a `lang` attribute when the block's language is
  not the article's; the words the marks add (tooltips, aria-labels) are in
  the block's language too.

Offsets index `Block.text`, which `content.blocks.segments` maps back to
inline child tokens; `marks` cuts only `text` children, so the markup never
crosses another element: a mention that straddles `**Bachar** al-Assad` or a
link boundary becomes one piece per text token, the pieces sharing
`data-entity` and only the first carrying the `id` that actor pages link to.
Mentions and figures that touch code or an autolink's URL text are left out,
and so is text inside raw code-like HTML (see `raw_html`). In a body that
contains a raw HTML link, no annotation is a link: HTML re-opens an unclosed
<a> in later blocks, so an entity link could land inside it.

Precedence, so that elements always nest: quotes enclose figures, which
enclose names. Mentions are kept first (of two overlapping ones, the earlier
then longer); a quote part that crosses a kept mention is left unmarked in
that block; a figure is marked only if it encloses or avoids every kept
mention and lies inside or outside every kept quote part. A figure left
unmarked keeps its row in the figures table.

The rule only adds tokens: remove the annotation elements from its output
and what remains is the page rendered without annotations. Every id it gives
is added to `BodyContext.anchors`.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from site_builder.content.blocks import Segment, block_segments, block_text
from site_builder.model import Entity, Figure
from site_builder.render.context import BodyContext, body_context
from site_builder.render.entity_marks import entity_mark, mention_key, non_overlapping
from site_builder.render.figure_marks import figure_mark
from site_builder.render.i18n import Words
from site_builder.render.marks import (
    ChildContext,
    Mark,
    SegmentIndex,
    contains,
    disjoint,
    plan,
    split,
    wholly_annotatable,
)
from site_builder.render.quote_marks import QuotePart, quote_mark, quote_parts
from site_builder.render.raw_html import RawHtmlState, has_raw_link


def annotate_plugin(md: MarkdownIt) -> None:
    """Register the rule last, after footnotes are moved and text is joined,
    so it sees exactly the tokens `content.blocks` numbered."""
    md.core.ruler.push("annotate", annotate_rule)


def annotate_rule(state: StateCore) -> None:
    ctx = body_context(state.env)
    if ctx is None or ctx.annotations is None:
        return
    annotations = ctx.annotations
    if not (annotations.entities or annotations.blocks or annotations.figures
            or annotations.quotes):
        return
    langs = {b.id: b for b in annotations.blocks}
    entities: dict[str, list[Entity]] = defaultdict(list)
    for entity in annotations.entities:
        entities[entity.block].append(entity)
    figures: dict[str, list[tuple[int, Figure]]] = defaultdict(list)
    for number, figure in enumerate(annotations.figures, start=1):
        figures[figure.block].append((number, figure))
    quotes = quote_parts(annotations.quotes, ctx.actors)
    blocks = {id(inline): (block_id, segs)
              for block_id, inline, segs in block_segments(state.tokens)}
    raw = RawHtmlState()
    links_allowed = not any(has_raw_link(html) for html in _raw_html(state.tokens))
    seen: set[str] = set()  # `mention_key`s marked so far: later ones are repeats
    for index, token in enumerate(state.tokens):
        if token.type == "html_block":
            raw.feed(token.content)
            continue
        if token.type != "inline":
            continue
        block_id, segs = blocks[id(token)]
        block_lang = langs.get(block_id)
        wanted = _BlockAnnotations(entities.get(block_id, []), figures.get(block_id, []),
                                   quotes.get(block_id, []))
        if block_lang is None and wanted.empty:
            _follow_raw_html(token.children or [], raw)
            continue
        text, _ = block_text(token, segs)
        line = token.map[0] if token.map else 0
        if block_lang is not None and len(block_lang.text) != len(text):
            # Offsets into another text would land on the wrong words.
            ctx.warn(line, f"annotations of block {block_id} do not match its text",
                     "clear .cache/site-builder and build again")
            _follow_raw_html(token.children or [], raw)
            continue
        words = ctx.words(block_lang.lang if block_lang is not None else None)
        _mark_block(token, segs, text, wanted, ctx, words, block_id, raw, links_allowed, seen)
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


# ----------------------------------------------------------------------- annotations


class _BlockAnnotations(NamedTuple):
    entities: Sequence[Entity]
    figures: Sequence[tuple[int, Figure]]  # with their 1-based numbers
    quotes: Sequence[QuotePart]

    @property
    def empty(self) -> bool:
        return not (self.entities or self.figures or self.quotes)


def _mark_block(
    inline: Token, segs: Sequence[Segment], text: str, wanted: _BlockAnnotations,
    ctx: BodyContext, words: Words, block_id: str, raw: RawHtmlState, links_allowed: bool,
    seen: set[str],
) -> None:
    children = inline.children or []
    where = _child_contexts(children, raw, links_allowed)
    if wanted.empty:
        return
    index = SegmentIndex(segs)

    def whole(start: int, end: int) -> bool:
        return wholly_annotatable(start, end, index, children, where)

    names: list[Mark] = []
    for entity in non_overlapping(wanted.entities, len(text)):
        if whole(entity.start, entity.end):
            key = mention_key(entity, ctx)
            names.append(entity_mark(entity, block_id, ctx, words, repeat=key in seen))
            # A first mention inside link text cannot link to its actor: the
            # next one, where links are allowed, is a first mention too.
            if (not key.startswith("actor:") or not links_allowed
                    or not all(where[s.child].no_links
                               for s in index.overlapping(entity.start, entity.end))):
                seen.add(key)
    # Names, then quotes, do not overlap one another: each mark is checked
    # against the few it overlaps, found by bisection, so a paragraph with
    # thousands of marks costs n log n, not n².
    name_index = _Disjoint(names)
    quotes = [m for m in (quote_mark(p, text, ctx, words) for p in wanted.quotes)
              if m is not None and all(contains(m, n) for n in name_index.overlapping(m))]
    quotes = _non_overlapping_marks(quotes)
    quote_index = _Disjoint(quotes)
    figures: list[Mark] = []
    for number, figure in sorted(wanted.figures, key=lambda f: (f[1].start, -f[1].end)):
        if not (0 <= figure.start < figure.end <= len(text)) or not whole(figure.start,
                                                                            figure.end):
            continue
        mark = figure_mark(figure, number, ctx, words)
        # Figures come in order of start: only the last one kept can overlap.
        if (all(contains(mark, n) for n in name_index.overlapping(mark))
                and all(contains(q, mark) for q in quote_index.overlapping(mark))
                and (not figures or disjoint(mark, figures[-1]))):
            figures.append(mark)
    pieces = plan([*quotes, *figures, *names], index, children, where, ctx.anchors)
    if pieces:
        inline.children = split(children, pieces, ctx.anchors)


class _Disjoint:
    """Marks that do not overlap one another, to find those a span overlaps."""

    def __init__(self, marks: Sequence[Mark]) -> None:
        self._marks = sorted(marks, key=lambda m: m.start)
        self._ends = [m.end for m in self._marks]  # sorted too: no overlaps

    def overlapping(self, span: Mark) -> Iterator[Mark]:
        i = bisect.bisect_right(self._ends, span.start)  # the first ending after its start
        while i < len(self._marks) and self._marks[i].start < span.end:
            yield self._marks[i]
            i += 1


def _non_overlapping_marks(marks: Sequence[Mark]) -> list[Mark]:
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        # Kept marks are disjoint and in order: only the last can reach this one.
        if not kept or disjoint(mark, kept[-1]):
            kept.append(mark)
    return kept


def _child_contexts(
    children: Sequence[Token], raw: RawHtmlState, links_allowed: bool
) -> list[ChildContext]:
    """For each inline child: may an annotation there be a link? is it in raw code-like HTML?

    `raw` carries the raw HTML still open from earlier blocks, and is updated.
    """
    result: list[ChildContext] = []
    links = 0
    for child in children:
        if child.type == "link_open":
            links += 1
        elif child.type == "link_close":
            links = max(0, links - 1)
        elif child.type == "html_inline":
            raw.feed(child.content)
        result.append(ChildContext(links > 0 or not links_allowed, raw.protected))
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
