"""Attribution never crashes, and what it records always points at real text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.annotate.attribution import attribute
from site_builder.annotate.figures import find_figures
from site_builder.annotate.quotes import find_quotes
from site_builder.model import Actor, Annotations, BlockLang, Entity, Sentence
from tests.test_attribution_support import split_sentences

_PIECES = [
    "Selon", "selon", "l'OSDH", "l’ONG", "le ministère", "Le président américain", "a", "affirmé",
    "a-t-il", "ajouté", "said", "according to", "the group", "he", "il", "200", "civils",
    "plus de", "seraient", "également", ",", ".", "«", "»", "“", "”", ":", "(", ")", "de source",
    "militaire", "X", "Donald Trump", "told", "à", "l'AFP", "qui", "who", "\n",
]  # fmt: skip
paragraph = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=20).map(" ".join)
ACTORS = {
    "a": Actor("a", "Observatoire", "organization", description="ONG"),
    "b": Actor("b", "Donald Trump", "person", description="Président des États-Unis"),
    "c": Actor("c", "Ministère", "organization"),
}


@st.composite
def articles(draw: st.DrawFn) -> Annotations:
    lang = draw(st.sampled_from(["fr", "en"]))
    texts = draw(st.lists(st.one_of(paragraph, st.text(max_size=40)), min_size=1, max_size=4))
    blocks = [BlockLang(f"b{i}", lang, t) for i, t in enumerate(texts)]
    entities: list[Entity] = []
    for b in blocks:
        for _ in range(draw(st.integers(0, 3))):
            if not b.text:
                break
            start = draw(st.integers(0, len(b.text) - 1))
            end = draw(st.integers(start + 1, len(b.text)))
            kind = draw(st.sampled_from(["person", "organization", "place", "other"]))
            actor = draw(st.sampled_from([None, "a", "b", "c", "unknown"]))
            entities.append(Entity(b.text[start:end], kind, "X", start, end, b.id, lang, actor))
    sentences: list[Sentence] = []
    for b in blocks:
        if draw(st.booleans()):
            sentences += split_sentences(b)
    return Annotations(
        blocks=blocks,
        entities=entities,
        sentences=sentences,
        figures=[f for b in blocks for f in find_figures(b)],
        quotes=find_quotes(blocks),
    )


@settings(max_examples=300, deadline=None)
@given(ann=articles())
def test_attribute_never_crashes_and_points_at_text(ann: Annotations) -> None:
    attribute(ann, ACTORS)
    texts = {b.id: b.text for b in ann.blocks}
    ids = {e.actor for e in ann.entities} | {None}
    for f in ann.figures:
        assert f.source in ids
        if f.source_text is None:
            assert f.source is None and f.source_block is None
        else:
            assert f.source_block in texts and f.source_start is not None
            assert texts[f.source_block][f.source_start : f.source_end] == f.source_text
    for q in ann.quotes:
        assert q.speaker in ids
        assert (q.speaker_text is None) <= (q.speaker is None)
