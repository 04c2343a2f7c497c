"""Quote detection never crashes; offsets always point at the quote's text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.annotate.quotes import find_quotes
from site_builder.model import BlockLang

_PIECES = ["«", "»", "“", "”", '"', "\u00a0", " ", "\n", "mot", "Nous", "avons", ":", ",",
           ".", "!", "a dit", "said", "’", "‘",
           # title signals: naming words, Title Case, capitals
           "l’émission", "livre", "dubbed", "titled", "Meet", "the", "Voters", "LA",
           "GUERRE"]  # fmt: skip
texts = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(_PIECES), max_size=30).map(" ".join),
    st.lists(st.sampled_from(_PIECES), max_size=30).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(paragraphs=st.lists(texts, max_size=4))
def test_quotes_never_crash_and_offsets_match(paragraphs: list[str]) -> None:
    blocks = [BlockLang(f"b{i}", "fr", t) for i, t in enumerate(paragraphs)]
    by_id = {b.id: b for b in blocks}
    for q in find_quotes(blocks):
        first = by_id[q.block].text
        assert q.text.strip()
        if q.end_block is None:
            assert 0 <= q.start < q.end <= len(first)
            assert first[q.start : q.end] == q.text
        else:
            last = by_id[q.end_block].text
            assert int(q.end_block[1:]) > int(q.block[1:])
            assert 0 <= q.start < len(first) and 0 < q.end <= len(last)
            pieces = q.text.split("\n\n")
            assert first[q.start :].startswith(pieces[0])
            assert last[: q.end].endswith(pieces[-1])
