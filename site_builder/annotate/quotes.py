"""Quotations: « … », “ … ” and "…", including quotes that run over paragraphs.

A quote's offsets are those of its words, without the quotation marks and the
(non-breaking) spaces that pad them. Quotes nested inside a quote belong to
it and are not reported on their own.

Paragraph conventions: a French quote that goes on in the next paragraph
opens that paragraph again with « and closes only at its very end; English
does the same with “ and ”. Such a quote is ONE `Quote`: it starts in
`block` at `start`, ends in `end_block` at `end` (an offset into that last
block's text), and its `text` is the text of each paragraph joined with a
blank line.

Short quotations are usually scare quotes (« terroristes »): a quote is kept
when it has at least `MIN_WORDS` words, or when it is clearly an utterance,
ending with . ! ? … inside the marks or introduced by a colon.

Titles are not quotes: a show, book, film, operation or headline in quotation
marks. A short quoted text (at most `MAX_TITLE_WORDS` words) that starts with a
capital is a title when a naming word comes right before it (`cues.TITLE_CUES`:
"l'émission « … »", "the operation dubbed “…”"), or, with no such word, when
it is written in Title Case or in capitals ("“Meet the Voters”", "« LA GUERRE
EST FINIE »").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from site_builder.annotate import cues
from site_builder.model import BlockLang, Quote

MIN_WORDS = 4
MAX_TITLE_WORDS = 12
_CLOSERS = {"«": "»", "“": "”", '"': '"'}
_PAD = " \t\n\u00a0\u202f\u2009"
_WORD_RE = re.compile(r"[^\W_]+")
_UTTERANCE_END = tuple(".!?…")
# How far back a naming word is looked for; the longest cue is a few words.
_CUE_WINDOW = 60


@dataclass(frozen=True, slots=True)
class _Span:
    """A quotation in one block: inner text [start, end), and how it ends."""

    opener: str
    start: int
    end: int
    closed: bool  # False: still open at the end of the block
    after_colon: bool
    named: bool  # right after a naming word: "l'émission « … »"


def quote_spans(
    text: str, protected: Sequence[tuple[int, int]] = (), *, continued: str | None = None
) -> list[tuple[int, int]]:
    """Character ranges of the quoted text in one block (open quotes run to its end)."""
    return [(s.start, s.end) for s in _scan(text, protected, continued)]


def find_quotes(
    blocks: Sequence[BlockLang],
    protected: Mapping[str, Sequence[tuple[int, int]]] | None = None,
    *,
    short: bool = False,
) -> list[Quote]:
    """Every quotation of an article's blocks, in document order.

    `protected` maps a block id to the ranges of its text that are code:
    quotation marks there are ignored. With `short`, only the quotations
    dropped for being short (« cibles militaires »): words in reported speech
    or scare quotes, which only attribution can tell apart.
    """
    protected = protected or {}
    quotes: list[Quote] = []
    # A quote left open at the end of a block: (parts so far, its opener).
    pending: tuple[list[tuple[BlockLang, _Span]], str] | None = None
    for block in blocks:
        if pending and block.text.lstrip(_PAD)[:1] != pending[1]:
            pending = None  # the next paragraph does not go on quoting: drop the open quote
        carried = pending[1] if pending else None
        spans = _scan(block.text, protected.get(block.id, ()), carried)
        if pending and not (spans and spans[0].start == _continuation_start(block.text)):
            pending = None
        for span in spans:
            if pending and span is spans[0]:
                parts = [*pending[0], (block, span)]
                pending = None
            else:
                parts = [(block, span)]
            if span.closed:
                quote, is_short = _build(parts)
                if quote is not None and is_short == short:
                    quotes.append(quote)
            else:
                pending = (parts, span.opener)
    return quotes


def find_quotations(
    blocks: Sequence[BlockLang],
    protected: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> tuple[list[Quote], frozenset[int]]:
    """Every quotation, short ones included, in document order, and the indices of
    the short ones: attribution keeps those only when their sentence credits them."""
    order = {b.id: i for i, b in enumerate(blocks)}
    short = find_quotes(blocks, protected, short=True)
    quotes = sorted(find_quotes(blocks, protected) + short,
                    key=lambda q: (order[q.block], q.start))
    ids = {id(q) for q in short}
    return quotes, frozenset(i for i, q in enumerate(quotes) if id(q) in ids)


def _continuation_start(text: str) -> int:
    """Where a paragraph's words start after a leading opening mark, or -1."""
    stripped = len(text) - len(text.lstrip(_PAD))
    if stripped < len(text) and text[stripped] in _CLOSERS:
        return _skip_pad(text, stripped + 1)
    return -1


def _skip_pad(text: str, i: int) -> int:
    while i < len(text) and text[i] in _PAD:
        i += 1
    return i


def _scan(
    text: str, protected: Sequence[tuple[int, int]], continued: str | None
) -> list[_Span]:
    """Outermost quotations in one block.

    `continued` is the opener of a quote left open by the previous block: if
    this block opens with that mark, the quote goes on from there.
    """
    spans: list[_Span] = []
    stack: list[str] = []  # expected closing marks, innermost last
    opener, inner_start, after_colon, named = "", 0, False, False
    i = 0
    if continued is not None and text.lstrip(_PAD)[:1] == continued:
        lead = _continuation_start(text)
        stack, opener, inner_start, i = [_CLOSERS[continued]], continued, lead, lead
    in_code = _mask(len(text), protected)
    while i < len(text):
        ch = text[i]
        if in_code[i] or (ch not in _CLOSERS and ch not in _CLOSERS.values()):
            i += 1
            continue
        if (stack and ch == stack[-1]) or (ch != '"' and ch in stack):
            while stack.pop() != ch:
                pass  # an inner quote left open is closed by its parent
            if not stack:
                spans.append(_trimmed(text, opener, inner_start, i, True, after_colon, named))
        elif ch in _CLOSERS and (ch != '"' or _opens(text, i)):
            if not stack:
                opener, inner_start = ch, i + 1
                after_colon = text[:i].rstrip(_PAD).endswith(":")
                named = _after_title_cue(text, i)
            stack.append(_CLOSERS[ch])
        i += 1
    if stack:
        spans.append(
            _trimmed(text, opener, inner_start, len(text), False, after_colon, named)
        )
    return [s for s in spans if s.start < s.end]


def _opens(text: str, i: int) -> bool:
    """A straight quote opens when followed by a word character."""
    return i + 1 < len(text) and not text[i + 1].isspace()


def _mask(n: int, ranges: Sequence[tuple[int, int]]) -> list[bool]:
    mask = [False] * n
    for start, end in ranges:
        for k in range(max(0, start), min(n, end)):
            mask[k] = True
    return mask


def _trimmed(
    text: str, opener: str, start: int, end: int, closed: bool, after_colon: bool, named: bool
) -> _Span:
    while start < end and text[start] in _PAD:
        start += 1
    # "“We will win,” he said": the comma belongs to the sentence, not the quote.
    while end > start and (text[end - 1] in _PAD or text[end - 1] in ",;"):
        end -= 1
    return _Span(opener, start, end, closed, after_colon, named)


def _build(parts: list[tuple[BlockLang, _Span]]) -> tuple[Quote | None, bool]:
    """The quote these parts make (None for a title or no words), and whether it is short."""
    pieces = [block.text[span.start : span.end] for block, span in parts]
    text = "\n\n".join(pieces)
    first_block, first = parts[0]
    last_block, last = parts[-1]
    words = _WORD_RE.findall(text)
    utterance = text.endswith(_UTTERANCE_END) or first.after_colon
    if not words or (len(parts) == 1 and _is_title(words, first.named)):
        return None, False
    return Quote(
        text=text,
        block=first_block.id,
        start=first.start,
        end=last.end,
        end_block=last_block.id if len(parts) > 1 else None,
    ), len(words) < MIN_WORDS and not utterance


# ------------------------------------------------------------------- titles


def _after_title_cue(text: str, i: int) -> bool:
    """Is the mark at `i` right after a naming word, maybe with "," or ":" between?"""
    tokens = cues.tokenize(text[max(0, i - _CUE_WINDOW) : i])
    end = len(tokens)
    while end > 0 and tokens[end - 1].norm in {",", ":"}:
        end -= 1
    return cues.TITLE_CUES.match_before(tokens, end) is not None


def _is_title(words: Sequence[str], named: bool) -> bool:
    """A short name in quotation marks (show, book, operation, headline), not speech.

    A title starts with a capital; speech quoted after a naming word usually
    does not ("the show “was a disgrace”").
    """
    if len(words) > MAX_TITLE_WORDS or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    if named:
        return True
    letters = [w for w in words if w.isalpha()]
    if len(letters) < 2:
        return False
    if all(w.isupper() for w in letters):
        return True  # a headline in capitals: "« LA GUERRE EST FINIE »"
    # Title Case: every word but the small function words is capitalized.
    # Two of them at least, so that "« Paris »"-like names alone do not count.
    content = [w for w in letters if w.lower() not in cues.TITLE_MINOR_WORDS]
    return len(content) >= 2 and all(w[0].isupper() for w in content)
