"""Plain text of Markdown blocks, and the map from that text back to tokens.

The annotate stage reads `Block.text`; the render stage walks the same
inline tokens with `segments()` to put each annotation back exactly where its
offsets point. Both sides must agree, which is why this lives in one place.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from site_builder.model import Block

# Inline children whose text is part of the block text but must never be annotated.
_PROTECTED_TEXT = {"code_inline"}
_BREAKS = {"softbreak", "hardbreak"}


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of block text that comes from one inline child token."""

    child: int  # index into the inline token's children
    start: int
    end: int
    annotatable: bool


def segments(inline: Token) -> list[Segment]:
    """Map an `inline` token's children onto the block's plain text.

    Text inside autolinks is protected: it is a URL shown as text. Images
    contribute nothing (their alt text is rendered by the figure rule).
    """
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


def block_text(inline: Token) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The plain text of an inline token and its protected ranges."""
    parts: list[str] = []
    protected: list[tuple[int, int]] = []
    children = inline.children or []
    for seg in segments(inline):
        child = children[seg.child]
        parts.append("\n" if child.type in _BREAKS else child.content)
        if not seg.annotatable and child.type not in _BREAKS:
            protected.append((seg.start, seg.end))
    return "".join(parts), tuple(protected)


def iter_inline(tokens: Sequence[Token]) -> Iterator[tuple[str, Token]]:
    """Yield (block id, inline token) in document order: b0, b1, ..."""
    n = 0
    for token in tokens:
        if token.type == "inline":
            yield f"b{n}", token
            n += 1


def extract_blocks(tokens: Sequence[Token], first_line: int = 1) -> tuple[Block, ...]:
    """Every text-bearing block of a parsed body. `first_line` is the body's line in its file."""
    blocks: list[Block] = []
    for block_id, inline in iter_inline(tokens):
        text, protected = block_text(inline)
        line = first_line + (inline.map[0] if inline.map else 0)
        blocks.append(Block(id=block_id, line=line, text=text, protected=protected))
    return tuple(blocks)
