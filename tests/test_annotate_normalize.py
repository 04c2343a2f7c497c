"""Normalization: the text the models read, and exact offsets back to the source."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.annotate.normalize import REPLACEMENTS, normalize

# Plain letters, every replaced character, combining marks, and anything else.
SPECIAL = st.sampled_from([*sorted(REPLACEMENTS), "\u0301", "\u0327", "\u0308", "e\u0301",
                           "\u212b", "[\u2026]", "l\u2019"])
TEXT = st.lists(st.one_of(st.characters(), SPECIAL, st.sampled_from(list("ab ."))),
                max_size=40).map("".join)


def test_typography_is_normalized() -> None:
    norm = normalize("l’Homme […] a dit «\u00a0non\u202f» et “yes”\u2009!")
    assert norm.text == "l'Homme [...] a dit \" non \" et \"yes\" !"


def test_entity_span_maps_back_to_typographic_source() -> None:
    source = "Selon l’Observatoire syrien des droits de l’Homme […] (OSDH), rien"
    norm = normalize(source)
    start = norm.text.index("Observatoire")
    end = norm.text.index("Homme") + len("Homme")
    s, e = norm.to_source(start, end)
    assert source[s:e] == "Observatoire syrien des droits de l’Homme"
    osdh = norm.text.index("OSDH")
    s, e = norm.to_source(osdh, osdh + 4)
    assert source[s:e] == "OSDH"
    assert norm.to_normalized(s, e) == (osdh, osdh + 4)


def test_identity_when_nothing_changes_length() -> None:
    norm = normalize("l’ONU\u00a0»")
    assert norm.text == "l'ONU \""
    assert norm.to_source(2, 5) == (2, 5)


def test_deleted_characters_stay_outside_span_edges() -> None:
    source = "\u00adPa\u00adris\u200b"
    norm = normalize(source)
    assert norm.text == "Paris"
    s, e = norm.to_source(0, 5)
    assert source[s:e] == "Pa\u00adris"


def test_decomposed_accents_are_composed() -> None:
    source = "Ele\u0301onore"
    norm = normalize(source)
    assert norm.text == "Eléonore" == unicodedata.normalize("NFC", source)
    assert norm.to_source(0, len(norm.text)) == (0, len(source))


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_aligned_spans_round_trip_exactly(source: str, data: st.DataObject) -> None:
    """Any span of the normalized text between two replacement boundaries (which is
    where token and entity edges fall) maps to a source span that normalizes to it."""
    norm = normalize(source)
    bounds = [i for i in range(len(norm.text) + 1) if norm.is_boundary(i)]
    start = data.draw(st.sampled_from(bounds))
    end = data.draw(st.sampled_from([b for b in bounds if b >= start]))
    s, e = norm.to_source(start, end)
    assert 0 <= s <= e <= len(source)
    assert normalize(source[s:e]).text == norm.text[start:end]


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_any_span_maps_to_a_covering_source_span(source: str, data: st.DataObject) -> None:
    """Spans that cut a replacement in two ("." of "...") widen to cover it whole."""
    norm = normalize(source)
    start = data.draw(st.integers(0, len(norm.text)))
    end = data.draw(st.integers(start, len(norm.text)))
    s, e = norm.to_source(start, end)
    assert norm.text[start:end] in normalize(source[s:e]).text


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_source_spans_map_into_normalized_text(source: str, data: st.DataObject) -> None:
    norm = normalize(source)
    start = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(start, len(source)))
    a, b = norm.to_normalized(start, end)
    assert 0 <= a <= b <= len(norm.text)

    def on_cluster_boundary(i: int) -> bool:
        return i in (0, len(source)) or not unicodedata.combining(source[i])

    if on_cluster_boundary(start) and on_cluster_boundary(end):
        assert norm.text[a:b] == normalize(source[start:end]).text


@given(TEXT)
def test_normalization_is_idempotent(source: str) -> None:
    once = normalize(source).text
    assert normalize(once).text == once


def test_an_invisible_character_is_dropped_with_the_marks_it_carries() -> None:
    # Kept, the grave accent would land on "A" and compose only on a second pass.
    once = normalize("A\ufeff\u0300b")
    assert once.text == "Ab"
    assert normalize(once.text).text == once.text
    assert once.to_source(1, 2) == (3, 4)
