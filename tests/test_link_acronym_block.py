"""The per-block index of link/acronyms.py answers as the scans it replaced."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from site_builder.link.acronyms import Span, _Block, _window, content_words, word_limit

_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?]\s+")


def sentence_start_scan(text: str, position: int) -> int:
    return max((m.end() for m in _SENTENCE_END.finditer(text, 0, position)), default=0)


def entity_before_scan(spans: list[Span], text: str, position: int, floor: int) -> Span | None:
    touching = [span for span in spans
                if floor <= span.start and span.end <= position
                and not text[span.end:position].strip()]
    return max(touching, key=lambda s: (s.end, s.end - s.start), default=None)


def window_scan(before: str, short: str) -> str:
    words = before.split()
    limit, taken, kept = word_limit(short), 0, 0
    for word in reversed(words):
        if taken == limit:
            break
        kept += 1
        if content_words(word):
            taken += 1
    return " ".join(words[len(words) - kept:])


texts = st.text(alphabet="ab OSDH.!?\n\u00a0(", max_size=60)


@st.composite
def blocks(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(texts)
    bounds = st.integers(0, len(text))
    spans = [Span(min(a, b), max(a, b), draw(st.sampled_from(["person", "organization"])), n)
             for n, (a, b) in enumerate(draw(st.lists(st.tuples(bounds, bounds), max_size=8)))]
    return text, spans


@given(block=blocks(), data=st.data())
def test_block_questions_match_the_scans(block: tuple[str, list[Span]],
                                         data: st.DataObject) -> None:
    text, spans = block
    index = _Block(text, spans)
    for position in [i for i, c in enumerate(text) if c == "("]:
        assert index.sentence_start(position) == sentence_start_scan(text, position)
        floor = data.draw(st.integers(0, position))
        assert index.entity_before(position, floor) == \
            entity_before_scan(spans, text, position, floor)
    for span in spans:
        assert index.span_at(span.start, span.end) == next(
            s for s in spans if (s.start, s.end) == (span.start, span.end))


@given(words=st.lists(st.sampled_from(["de", "la", "Haut", "Commissariat", "x-y", "des"]),
                      max_size=400),
       short=st.sampled_from(["HCR", "OSDH", "AB", "ONUDC"]), cut=st.integers(0, 3))
def test_window_read_from_the_end_matches_the_whole_split(words: list[str], short: str,
                                                          cut: int) -> None:
    text = "Un début. " + "  ".join(words) + " " * cut
    start = text.index(".") + 2
    assert _window(text, start, len(text), short) == window_scan(text[start:], short)
