"""The render stage's indexes (sentences of a block, segments of a paragraph) answer
as the scans they replaced."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from site_builder.content.blocks import Segment
from site_builder.render.marks import SegmentIndex
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


@given(lengths=st.lists(st.integers(0, 5), max_size=12), start=st.integers(0, 40),
       size=st.integers(0, 10))
def test_segments_overlapping_a_range_are_those_a_scan_finds(lengths: list[int], start: int,
                                                             size: int) -> None:
    segs, at = [], 0
    for child, length in enumerate(lengths):
        segs.append(Segment(child, at, at + length, annotatable=True))
        at += length
    end = start + size
    assert SegmentIndex(segs).overlapping(start, end) == [
        s for s in segs if s.start < end and s.end > start]
