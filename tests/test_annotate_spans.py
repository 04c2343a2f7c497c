"""The annotate stage's indexes (Overlaps, the word before a long form, the words
after a person's name) give the answers of the scans they replaced."""

from __future__ import annotations

import copy

from hypothesis import given
from hypothesis import strategies as st

from site_builder.annotate import lexicon as lx
from site_builder.annotate.acronyms import _WORD_BEFORE, word_before
from site_builder.annotate.assemble import (
    _NEXT_NAME_WORD,
    MAX_NAME_WORDS_ADDED,
    _Mention,
    _whole_person_names,
)
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
    found = word_before(text, end)
    expected = _WORD_BEFORE.search(text, 0, end)
    assert (found and found.span(1)) == (expected and expected.span(1))


def whole_person_names_scan(text: str, found: list[_Mention], lang: str) -> list[_Mention]:
    """_whole_person_names as it was, asking every later mention at each word."""
    calendar = lx.any_calendar_word(lang)
    result: list[_Mention] = []
    skip_until = -1
    for n, m in enumerate(found):
        if m.start < skip_until:
            continue
        if m.kind == "person" and m.actor is None:
            end, added = m.end, 0
            while added < MAX_NAME_WORDS_ADDED and (
                    nxt := _NEXT_NAME_WORD.match(text, end)) is not None:
                word = nxt.group(1)
                if not any(c.isupper() for c in word[:4]) or word.casefold() in calendar:
                    break
                if any(o.start < nxt.end() and o.end > nxt.start(1) and o.actor is not None
                       for o in found[n + 1:]):
                    break
                end, added = nxt.end(), added + 1
            if end != m.end:
                m.end = end
                skip_until = end
        result.append(m)
    return [m for m in result if not any(
        p.kind == "person" and p.start < m.start < p.end for p in result)]


WORDS = ["Alix", "Didier", "Fils-Aimé", "mardi", "Mardi", "et", "Aung", "San", "ONU", "de"]


@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), data=st.data())
def test_whole_person_names_as_the_scan_found_them(words: list[str],
                                                   data: st.DataObject) -> None:
    text = " ".join(words)
    starts = [text.index(w, sum(len(x) + 1 for x in words[:i])) for i, w in enumerate(words)]
    found, at = [], 0
    while at < len(words):
        size = data.draw(st.integers(0, 3))
        if size and at + size <= len(words):
            kind = data.draw(st.sampled_from(["person", "place", "registry"]))
            end = starts[at + size - 1] + len(words[at + size - 1])
            found.append(_Mention(starts[at], end, "X", "place" if kind == "registry" else kind,
                                  "fr", "onu" if kind == "registry" else None))
        at += max(size, 1)
    expected = whole_person_names_scan(text, copy.deepcopy(found), "fr")
    assert _whole_person_names(text, copy.deepcopy(found), "fr") == expected
