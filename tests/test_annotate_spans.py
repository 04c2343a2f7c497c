"""Overlaps: the bisection gives the answers of a scan over every span."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from site_builder.annotate.acronyms import _WORD_BEFORE, _word_before
from site_builder.annotate.spans import Overlaps

bound = st.integers(0, 40)
spans = st.lists(st.tuples(bound, bound).map(lambda p: (min(p), max(p))), max_size=12)


@given(spans=spans, start=bound, end=bound)
def test_any_is_the_scan(spans: list[tuple[int, int]], start: int, end: int) -> None:
    start, end = min(start, end), max(start, end)
    assert Overlaps(spans).any(start, end) == any(s < end and e > start for s, e in spans)
    assert bool(Overlaps(spans)) == bool(spans)


def test_an_offset_inside_a_span() -> None:
    persons = Overlaps([(10, 20), (0, 3)])
    assert persons.any(12, 12) and persons.any(1, 1)
    assert not persons.any(10, 10) and not persons.any(20, 20) and not persons.any(5, 5)


@given(text=st.text(alphabet="ab1-’ \n\u00a0.(", max_size=40), data=st.data())
def test_the_word_before_is_the_search_from_the_start(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    found = _word_before(text, end)
    expected = _WORD_BEFORE.search(text, 0, end)
    assert (found and found.span(1)) == (expected and expected.span(1))
