"""Plain text of Markdown blocks, and the map from that text back to tokens.

The annotate stage reads `Block.text`; the render stage walks the same
inline tokens with `block_segments()` to put each annotation back exactly
where its offsets point. Both sides must agree, which is why this lives in
one place. Block text is what a reader sees of the block once the page is
sanitized: raw HTML tags are not text, nor is what a `<script>` holds.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from site_builder.content.html_text import Visibility
from site_builder.model import Block

# Inline children whose text is part of the block text but must never be annotated.
_PROTECTED_TEXT = {"code_inline"}
_BREAKS = {"softbreak", "hardbreak"}
# Children that stand for a space between words: line breaks, and raw tags
# that separate words on the page. An annotation may span them.
GAPS = _BREAKS | {"html_inline"}


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of block text that comes from one inline child token."""

    child: int  # index into the inline token's children
    start: int
    end: int
    annotatable: bool


def segments(inline: Token, visibility: Visibility | None = None) -> list[Segment]:
    """Map an `inline` token's children onto the block's plain text.

    Text inside autolinks is protected: it is a URL shown as text. Images
    contribute nothing (their alt text is rendered by the figure rule).
    `visibility` carries the raw HTML of the document so far: text the
    sanitizer drops is not block text, and a raw tag that separates words is
    one space (see `content.html_text`). It is updated.
    """
    visibility = visibility if visibility is not None else Visibility()
    result: list[Segment] = []
    pos = 0
    in_autolink = 0
    for i, child in enumerate(inline.children or []):
        kind = child.type
        if kind == "link_open" and child.markup == "autolink":
            in_autolink += 1
        elif kind == "link_close" and child.markup == "autolink":
            in_autolink -= 1
        if kind == "image":
            # Alt text lives in the image's own children, never in the block text.
            continue
        if kind == "html_inline":
            if visibility.feed(child.content):
                result.append(Segment(i, pos, pos + 1, annotatable=False))
                pos += 1
            continue
        if visibility.hidden:
            continue
        if kind == "text":
            text = child.content
            result.append(Segment(i, pos, pos + len(text), annotatable=not in_autolink))
            pos += len(text)
        elif kind in _PROTECTED_TEXT:
            text = child.content
            result.append(Segment(i, pos, pos + len(text), annotatable=False))
            pos += len(text)
        elif kind in _BREAKS:
            result.append(Segment(i, pos, pos + 1, annotatable=False))
            pos += 1
    return result


def block_text(inline: Token, segs: Sequence[Segment]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The plain text of an inline token, given its `segments`, and its protected ranges."""
    parts: list[str] = []
    protected: list[tuple[int, int]] = []
    children = inline.children or []
    for seg in segs:
        child = children[seg.child]
        if child.type in GAPS:
            parts.append("\n" if child.type in _BREAKS else " ")
            continue
        parts.append(child.content)
        if not seg.annotatable:
            protected.append((seg.start, seg.end))
    return "".join(parts), tuple(protected)


def block_segments(tokens: Sequence[Token]) -> Iterator[tuple[str, Token, list[Segment]]]:
    """Yield (block id, inline token, its segments) in document order: b0, b1, ...

    The raw HTML of the whole document is followed, as a browser would.
    """
    visibility = Visibility()
    n = 0
    for token in tokens:
        if token.type == "html_block":
            visibility.feed(token.content)
        elif token.type == "inline":
            yield f"b{n}", token, segments(token, visibility)
            n += 1


def extract_blocks(tokens: Sequence[Token], first_line: int = 1) -> tuple[Block, ...]:
    """Every text-bearing block of a parsed body. `first_line` is the body's line in its file."""
    blocks: list[Block] = []
    for block_id, inline, segs in block_segments(tokens):
        text, protected = block_text(inline, segs)
        line = first_line + (inline.map[0] if inline.map else 0)
        blocks.append(Block(id=block_id, line=line, text=text, protected=protected))
    return tuple(blocks)
