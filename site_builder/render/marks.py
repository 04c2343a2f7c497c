"""Annotation elements cut into a block's inline text tokens.

A `Mark` is one annotation of one block: a [start, end) range of the block
text (`content.blocks.segments` maps it onto inline children) and the element
that wraps it. `plan` cuts each mark into one piece per `text` child it
covers; `split` rewrites the children with the pieces' tokens. Only text
children are ever cut, so an element never crosses other markup.

The marks of a block must be laminar: any two are nested or disjoint (the
annotate rule drops whatever crosses before calling here). Pieces then nest
too, even after their edge spaces are trimmed: trimming only moves an edge
inwards to a non-space character, which an enclosed piece also starts at or
after. Of two marks with equal ranges the lower `rank` encloses the other.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from site_builder.content.blocks import GAPS, Segment


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    rank: int  # 0 (quotes) encloses 1 (figures) encloses 2 (entities)
    name: str  # token type prefix: "entity", "figure", "quote"
    attrs: Mapping[str, str]  # every piece: class, data-…
    anchor: str | None = None  # the `id` of the first piece
    late_attrs: Mapping[str, str] = field(default_factory=dict)  # after the id: title, aria-…
    href: str | None = None  # the pieces are links where a link is allowed
    trailer: Mapping[str, str] | None = None  # an empty <a> after the last piece, same rule


@dataclass(frozen=True, slots=True)
class ChildContext:
    """What surrounds one inline child."""

    no_links: bool  # inside link text, or in a body where entity links are unsafe
    protected: bool  # inside raw code-like HTML: never annotated


@dataclass(frozen=True, slots=True)
class Piece:
    start: int  # offsets in the text child's content
    end: int
    rank: int
    open: Token
    close: tuple[Token, ...]  # the closing tag, then the mark's trailer if it goes here
    anchor: str | None


class SegmentIndex:
    """A block's segments (`content.blocks.segments`: contiguous, in text
    order), to find those a range overlaps by bisection: a paragraph with
    thousands of inline children and as many marks would cost their product."""

    __slots__ = ("_ends", "segs")

    def __init__(self, segs: Sequence[Segment]) -> None:
        self.segs = segs
        self._ends = [seg.end for seg in segs]

    def overlapping(self, start: int, end: int) -> list[Segment]:
        """The segments with seg.start < end and seg.end > start, in order."""
        segs = self.segs
        i = bisect.bisect_right(self._ends, start)  # ends never decrease
        found = []
        while i < len(segs) and segs[i].start < end:
            found.append(segs[i])
            i += 1
        return found


def contains(outer: Mark, inner: Mark) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def disjoint(a: Mark, b: Mark) -> bool:
    return a.end <= b.start or b.end <= a.start


_TABLE_TAG = re.compile(r"<\s*/?\s*(?:table|thead|tbody|tfoot|tr|td|th|caption|colgroup|col)\b",
                        re.IGNORECASE)


def wholly_annotatable(
    start: int, end: int, segs: SegmentIndex, children: Sequence[Token],
    where: Sequence[ChildContext],
) -> bool:
    """Whether [start, end) touches no code, autolink URL or protected raw HTML.

    Names and figures are marked whole or not at all; line breaks, and raw
    tags that stand for a space, inside them are fine.
    """
    inside = segs.overlapping(start, end)
    if any(where[s.child].protected
           or (not s.annotatable and children[s.child].type not in GAPS) for s in inside):
        return False
    # Raw table tags between its pieces: an HTML parser moves text out of a
    # table it is misplaced in, but leaves a piece of bare spaces inside, so
    # a split annotation would move the text around it.
    return not inside or not any(
        children[i].type == "html_inline" and _TABLE_TAG.match(children[i].content)
        for i in range(inside[0].child, inside[-1].child + 1))


def plan(
    marks: Sequence[Mark], segs: SegmentIndex, children: Sequence[Token],
    where: Sequence[ChildContext], emitted: set[str],
) -> dict[int, list[Piece]]:
    """The pieces of `marks`, by child index.

    A mark's first piece takes its anchor unless a piece of the same anchor
    was emitted before (a quote continued from an earlier block). Protected
    and non-text children get no piece.
    """
    pieces: dict[int, list[Piece]] = defaultdict(list)
    for mark in marks:
        first = mark.anchor is not None and mark.anchor not in emitted
        linked = False
        placed: list[tuple[int, Piece]] = []
        for seg in segs.overlapping(mark.start, mark.end):
            child = children[seg.child]
            if child.type != "text" or not seg.annotatable or where[seg.child].protected:
                continue
            start = max(mark.start, seg.start) - seg.start
            end = min(mark.end, seg.end) - seg.start
            # Spaces at a piece's edge belong to the sentence, not the annotation.
            while start < end and child.content[start].isspace():
                start += 1
            while end > start and child.content[end - 1].isspace():
                end -= 1
            if start == end:
                continue
            link = mark.href is not None and not where[seg.child].no_links
            tag = "a" if link else "span"
            attrs: dict[str, str | int | float] = {"href": mark.href} if link and mark.href else {}
            attrs.update(mark.attrs)
            anchor = mark.anchor if first else None
            if anchor:
                attrs["id"] = anchor
            if link and linked:
                # One annotation is one stop for keyboard users, however many pieces it has.
                attrs["tabindex"] = "-1"
            attrs.update(mark.late_attrs)
            if not link:
                # ARIA prohibits naming a generic element: only a link takes the label.
                attrs.pop("aria-label", None)
            opener = Token(f"{mark.name}_open", tag, 1, attrs=attrs)
            closer = Token(f"{mark.name}_close", tag, -1)
            placed.append((seg.child, Piece(start, end, mark.rank, opener, (closer,), anchor)))
            first, linked = False, linked or link
        if placed and mark.trailer is not None:
            child_index, last = placed[-1]
            if not where[child_index].no_links:
                trailer = (Token(f"{mark.name}_ref_open", "a", 1, attrs=dict(mark.trailer)),
                           Token(f"{mark.name}_ref_close", "a", -1))
                placed[-1] = (child_index, Piece(last.start, last.end, last.rank, last.open,
                                                 last.close + trailer, last.anchor))
        for child_index, piece in placed:
            pieces[child_index].append(piece)
    return pieces


def split(
    children: Sequence[Token], pieces: Mapping[int, Sequence[Piece]], emitted: set[str]
) -> list[Token]:
    """`children` with each cut text child replaced by its text and pieces' tokens.

    The anchors of the pieces placed are added to `emitted`.
    """
    result: list[Token] = []
    for i, child in enumerate(children):
        cuts = sorted(pieces.get(i, ()), key=lambda p: (p.start, -p.end, p.rank))
        if not cuts:
            result.append(child)
            continue
        content = child.content
        pos = 0
        stack: list[Piece] = []

        def text_to(end: int, child: Token = child, content: str = content) -> None:
            nonlocal pos
            if end > pos:
                result.append(Token("text", "", 0, content=content[pos:end], level=child.level))
                pos = end

        for piece in cuts:
            while stack and stack[-1].end <= piece.start:
                done = stack.pop()
                text_to(done.end)
                result.extend(done.close)
            if stack and piece.end > stack[-1].end:
                continue  # would cross its parent: marks were not laminar, leave it out
            text_to(piece.start)
            result.append(piece.open)
            if piece.anchor:
                emitted.add(piece.anchor)
            stack.append(piece)
        while stack:
            done = stack.pop()
            text_to(done.end)
            result.extend(done.close)
        text_to(len(content))
    return result
