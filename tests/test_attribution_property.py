"""Attribution never crashes, changes nothing it is given, and what it credits
always points at real text. Sentences and parses come from the real models."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.annotate.figures import find_figures
from site_builder.annotate.quotes import find_quotes
from site_builder.attribute import attribute
from site_builder.model import Actor, Annotations, BlockLang, Entity, Parse, Sentence
from tests.test_attribution_support import parsed

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
def articles(draw: st.DrawFn) -> tuple[Annotations, tuple[bool, ...]]:
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
    # Which blocks keep their parse; the parse itself is computed in the test, as
    # the model must not run while hypothesis draws.
    keep = tuple(draw(st.booleans()) for _ in blocks)
    return Annotations(
        blocks=blocks,
        entities=entities,
        figures=[f for b in blocks for f in find_figures(b)],
        quotes=find_quotes(blocks),
    ), keep


def with_syntax(ann: Annotations, keep: tuple[bool, ...]) -> Annotations:
    sentences: list[Sentence] = []
    parses: list[Parse] = []
    for block, kept in zip(ann.blocks, keep, strict=True):
        found, trees = parsed(block)
        sentences += found
        if kept:
            parses += trees
    ann.sentences, ann.parses = sentences, parses
    return ann


@settings(max_examples=150, deadline=None)
@given(drawn=articles())
def test_attribute_never_crashes_and_points_at_text(
        drawn: tuple[Annotations, tuple[bool, ...]]) -> None:
    ann = with_syntax(*drawn)
    before = copy.deepcopy(ann)
    result = attribute(ann, ann.figures, ann.quotes, ACTORS)
    assert ann == before  # a pure stage: nothing it was given is changed
    assert len(result.figures) == len(ann.figures)
    assert len(result.quotes) == len(ann.quotes)
    texts = {b.id: b.text for b in ann.blocks}
    ids = {e.actor for e in ann.entities} | {None}
    for naming in (*result.figures, *result.quotes):
        if naming is None:
            continue
        assert naming.actor in ids
        assert naming.block in texts
        assert texts[naming.block][naming.start : naming.end] == naming.text
