"""Short excerpts of block text around a mention, a figure or a quote.

Templates receive the three parts of a `Snippet` as plain strings and escape
them; only the template decides how the match is emphasized.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from site_builder.model import AnnotatedArticle

ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Snippet:
    before: str
    match: str
    after: str
    lang: str  # the block's language, for the excerpt's `lang` attribute


class SentenceSpans:
    """A block's sentences as (start, end), in the annotations' order, found by offset.

    Found by bisection when they are in order and do not overlap, as the
    annotate stage makes them: a long article has thousands of sentences
    and as many figures to place in them.
    """

    __slots__ = ("_spans", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int]] = ()) -> None:
        self._spans = tuple(spans)
        ordered = all(s <= e for s, e in self._spans) and \
            all(a[1] <= b[0] for a, b in pairwise(self._spans))
        self._starts = [s for s, _ in self._spans] if ordered else None

    def containing(self, offset: int) -> tuple[int, int] | None:
        """The first sentence with start <= offset < end, if any."""
        if self._starts is None:
            return next((span for span in self._spans if span[0] <= offset < span[1]), None)
        # In order and disjoint: only the last sentence starting at or before
        # the offset can hold it.
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._spans[i] if i >= 0 and offset < self._spans[i][1] else None


_NO_SENTENCES = SentenceSpans()


@dataclass(frozen=True, slots=True)
class BlockText:
    text: str
    lang: str
    sentences: SentenceSpans = _NO_SENTENCES


def block_texts(item: AnnotatedArticle) -> dict[str, BlockText]:
    """The text annotation offsets index, the language and the sentences of each block."""
    article = item.article
    spans: dict[str, list[tuple[int, int]]] = {}
    for sentence in item.annotations.sentences:
        spans.setdefault(sentence.block, []).append((sentence.start, sentence.end))
    texts = {b.id: BlockText(b.text, article.lang, SentenceSpans(spans.get(b.id, ())))
             for b in article.blocks}
    for block in item.annotations.blocks:
        texts[block.id] = BlockText(block.text, block.lang or article.lang,
                                    SentenceSpans(spans.get(block.id, ())))
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


def in_sentence(texts: Mapping[str, BlockText], block: str, start: int, end: int, *,
                width: int = 100) -> Snippet:
    """The sentence around [start, end) of `block` (at most `width` characters each side).

    `texts` is `block_texts` of the article: it holds the sentences.
    """
    found = texts.get(block)
    if found is None or not 0 <= start <= end <= len(found.text):
        return Snippet("", "", "", found.lang if found else "")
    lo, hi = 0, len(found.text)
    sentence = found.sentences.containing(start)
    if sentence is not None:
        lo, hi = sentence[0], max(sentence[1], end)
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
