"""Quotes with a known speaker as marks, one per block the quote runs over.

A quote becomes `<span class="quote" data-quote="q-b3-1" data-speaker="id">`
around its words in each of its blocks (the first piece has
`id="q-<block>-<start>"`, which the speaker's page links to), and after its
last words an empty `<a class="quote-speaker">` to the speaker's page, named
by `aria-label` and drawn by the stylesheet from `data-name`. The closing
quotation mark right after the words goes inside the last part, so the
speaker's tag comes after it: `« … » — Hozan Derik`, never `« … — Hozan Derik »`.

A quote over several blocks (`Quote.end_block`) starts at `start` in its first
block, takes the blocks between whole, and ends at `end` in `end_block`; the
quotation marks and spaces that re-open a continued paragraph stay outside.
Quotes without a known speaker are left as they are: nothing to link to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from site_builder.model import Actor, Quote
from site_builder.render.context import BodyContext
from site_builder.render.i18n import Words
from site_builder.render.marks import Mark
from site_builder.render.urls import path_segment

RANK = 0  # outermost: a quote holds names and figures
_PAD = " \t\n\u00a0\u202f\u2009"
_REOPENERS = "«“\"" + _PAD
_CLOSERS = "»”\""


@dataclass(frozen=True, slots=True)
class QuotePart:
    quote: Quote
    speaker: Actor
    first: bool  # the part in `quote.block`
    last: bool  # the part where the quote ends


def quote_anchor(quote: Quote) -> str:
    return f"q-{quote.block}-{quote.start}"


def block_number(block_id: str) -> int | None:
    digits = block_id[1:]
    return int(digits) if block_id.startswith("b") and digits.isdigit() else None


def quote_parts(
    quotes: Sequence[Quote], actors: Mapping[str, Actor]
) -> dict[str, list[QuotePart]]:
    """The parts of the quotes with a known speaker, by block id."""
    parts: dict[str, list[QuotePart]] = defaultdict(list)
    for quote in quotes:
        speaker = actors.get(quote.speaker) if quote.speaker else None
        first = block_number(quote.block)
        last = block_number(quote.end_block) if quote.end_block else first
        if speaker is None or first is None or last is None or last < first:
            continue
        for n in range(first, last + 1):
            parts[f"b{n}"].append(QuotePart(quote, speaker, n == first, n == last))
    return parts


def quote_mark(part: QuotePart, text: str, ctx: BodyContext, t: Words) -> Mark | None:
    """The mark of one part in a block of text `text`; None when its offsets do not fit.

    `t` holds the words of the block's language (the speaker's label is in the last part).
    """
    quote, speaker = part.quote, part.speaker
    start = quote.start if part.first else len(text) - len(text.lstrip(_REOPENERS))
    end = _after_closer(text, quote.end) if part.last else len(text.rstrip(_PAD))
    if not 0 <= start < end <= len(text):
        return None
    key = quote_anchor(quote)
    trailer = None
    if part.last:
        trailer = {
            "class": "quote-speaker",
            "href": f"{ctx.root}actors/{path_segment(speaker.id)}/index.html",
            "data-name": speaker.name,
            "title": speaker.name,
            "aria-label": t["quote_by"].format(name=speaker.name),
        }
    return Mark(
        start=start, end=end, rank=RANK, name="quote",
        attrs={"class": "quote", "data-quote": key, "data-speaker": speaker.id},
        anchor=key, trailer=trailer,
    )


def _after_closer(text: str, end: int) -> int:
    """`end`, moved past the closing quotation mark (and its spaces) if there is one."""
    i = end
    while 0 <= i < len(text) and text[i] in _PAD:
        i += 1
    return i + 1 if 0 <= i < len(text) and text[i] in _CLOSERS else end
