"""SentenceSpans: the sentence around an offset, by bisection, as a scan finds it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from site_builder.render.snippets import SentenceSpans


def scan(spans: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    return next((span for span in spans if span[0] <= offset < span[1]), None)


@st.composite
def in_order(draw: st.DrawFn) -> list[tuple[int, int]]:
    """Disjoint sentences in text order, some empty, with gaps, as the annotate stage makes."""
    spans, at = [], 0
    for gap, length in draw(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 6)))):
        spans.append((at + gap, at + gap + length))
        at += gap + length
    return spans


any_spans = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)))


@given(spans=st.one_of(in_order(), any_spans), offset=st.integers(-2, 40))
def test_containing_is_the_first_sentence_a_scan_finds(spans: list[tuple[int, int]],
                                                       offset: int) -> None:
    assert SentenceSpans(spans).containing(offset) == scan(spans, offset)


def test_overlapping_sentences_keep_the_annotations_order() -> None:
    spans = SentenceSpans([(5, 20), (0, 10)])
    assert spans.containing(7) == (5, 20)
    assert spans.containing(2) == (0, 10)
    assert SentenceSpans().containing(0) is None
