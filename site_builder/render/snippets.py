"""Short excerpts of block text around a mention, a figure or a quote.

Templates receive the three parts of a `Snippet` as plain strings and escape
them; only the template decides how the match is emphasized.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from site_builder.model import AnnotatedArticle, Annotations

ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Snippet:
    before: str
    match: str
    after: str
    lang: str  # the block's language, for the excerpt's `lang` attribute


@dataclass(frozen=True, slots=True)
class BlockText:
    text: str
    lang: str


def block_texts(item: AnnotatedArticle) -> dict[str, BlockText]:
    """The text annotation offsets index, and the language of each block."""
    article = item.article
    texts = {b.id: BlockText(b.text, article.lang) for b in article.blocks}
    for block in item.annotations.blocks:
        texts[block.id] = BlockText(block.text, block.lang or article.lang)
    return texts


def window(block: BlockText, start: int, end: int, *, width: int = 60,
           lo: int = 0, hi: int | None = None) -> Snippet:
    """`block.text[start:end]` with up to `width` characters of [lo, hi) on either side.

    Cuts fall between words and are shown by "…"; a bound of the range (a
    sentence's) is shown as it is.
    """
    text = block.text
    hi = len(text) if hi is None else hi
    left, right = max(lo, start - width), min(hi, end + width)
    prefix = suffix = ""
    if left > lo:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
        prefix = ELLIPSIS
    if right < hi:
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
        suffix = ELLIPSIS
    return Snippet(
        before=prefix + _flat(text[left:start]).lstrip(),
        match=_flat(text[start:end]),
        after=_flat(text[end:right]).rstrip() + suffix,
        lang=block.lang,
    )


def in_sentence(annotations: Annotations, texts: Mapping[str, BlockText], block: str,
                start: int, end: int, *, width: int = 100) -> Snippet:
    """The sentence around [start, end) of `block` (at most `width` characters each side)."""
    found = texts.get(block)
    if found is None or not 0 <= start <= end <= len(found.text):
        return Snippet("", "", "", found.lang if found else "")
    lo, hi = 0, len(found.text)
    for sentence in annotations.sentences:
        if sentence.block == block and sentence.start <= start < sentence.end:
            lo, hi = sentence.start, max(sentence.end, end)
            break
    return window(found, start, end, width=width, lo=lo, hi=hi)


def shorten(text: str, limit: int = 280) -> str:
    """`text` on one line, cut between words to at most `limit` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > 0 else limit].rstrip(",;:") + " " + ELLIPSIS


def _flat(text: str) -> str:
    # Line breaks in a block are soft: in an excerpt they are spaces.
    return text.replace("\n", " ")
