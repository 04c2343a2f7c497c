"""Long texts are analysed in pieces cut between sentences (annotate/nlp.py)."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from site_builder.annotate.nlp import CHUNK_CHARS, analyse_texts, chunk_bounds


@given(st.text(alphabet=st.sampled_from("ab. \n«ÉA"), max_size=400),
       st.integers(min_value=5, max_value=60))
def test_pieces_cover_the_text_in_order_within_the_size(text: str, size: int) -> None:
    bounds = chunk_bounds(text, size)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(bounds):
        assert end == start
    assert all(0 < e - s <= size for s, e in bounds if len(text) > size)


def test_a_cut_falls_after_a_sentence_end() -> None:
    sentence = "Le convoi est arrivé à Alep dans la soirée. "
    text = sentence * 40
    bounds = chunk_bounds(text, 500)
    assert len(bounds) > 1
    for start, _ in bounds[1:]:
        assert text[start - 2:start] == ". " and text[start] == "L"


def test_a_long_paragraph_gives_what_its_pieces_give() -> None:
    """Blank pipeline: offsets of sentences and mentions come back in the whole text's."""
    sentence = "Le Programme alimentaire mondial a livré 300 tonnes à Alep. "
    text = sentence * (CHUNK_CHARS // len(sentence) + 50)
    _, [whole] = analyse_texts("fr", "blank", [text], 8)
    sentences = whole[0]
    assert sentences[0][0] == 0 and sentences[-1][1] <= len(text)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(sentences))
    assert sum(e - s for s, e in sentences) >= len(text.strip()) - len(sentences)
