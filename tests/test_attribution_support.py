"""Hand-built articles for the attribution tests.

Sentences and dependency parses come from the real spaCy models, through the
annotate stage's own functions; entities are an explicit list of strings with
their actor ids, so the tests pin down the attribution rules and not the
entity recognizer or the linker.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from site_builder.annotate import nlp
from site_builder.annotate.figures import find_figures
from site_builder.annotate.normalize import normalize
from site_builder.annotate.quotes import find_quotations
from site_builder.annotate.syntax import merge_wordless
from site_builder.attribute import attribute, credit
from site_builder.config import AnnotateConfig
from site_builder.model import (
    Actor,
    Annotations,
    BlockLang,
    Entity,
    EntityKind,
    Figure,
    Parse,
    Quote,
    Sentence,
    SyntaxToken,
)

MODELS = AnnotateConfig().models

# A sentence ends at . ! ? (and a closing quote after them) before a capital or an opening quote.
# A single capital before the dot is an initial or "M." (Monsieur), not a sentence end.
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])[.!?…]+[\s\u00a0\u202f]*[»”\"]?(?=\s+[«“\"A-ZÀ-Ý0-9])"
)


def split_sentences(block: BlockLang) -> list[Sentence]:
    """A naive splitter, good enough for hand-written test paragraphs."""
    sentences: list[Sentence] = []
    start = 0
    for m in _SENTENCE_END.finditer(block.text):
        sentences.append(Sentence(block.id, start, m.end()))
        start = m.end()
        while start < len(block.text) and block.text[start].isspace():
            start += 1
    if start < len(block.text):
        sentences.append(Sentence(block.id, start, len(block.text)))
    return sentences


def actor(actor_id: str, name: str, kind: EntityKind, description: str | None = None) -> Actor:
    return Actor(id=actor_id, name=name, kind=kind, description=description)


def entities_in(
    blocks: Sequence[BlockLang], names: Mapping[str, tuple[str | None, EntityKind]]
) -> list[Entity]:
    """Every occurrence of each name, longest names first, without overlaps."""
    found: list[Entity] = []
    for block in blocks:
        taken: list[tuple[int, int]] = []
        for name in sorted(names, key=len, reverse=True):
            actor_id, kind = names[name]
            for m in re.finditer(re.escape(name), block.text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                taken.append(m.span())
                found.append(
                    Entity(name, kind, kind.upper(), m.start(), m.end(), block.id, block.lang,
                           actor_id)
                )  # fmt: skip
    return found


def parsed(block: BlockLang) -> tuple[list[Sentence], list[Parse]]:
    """Sentences and parses of one block, as the annotate stage computes them."""
    norm = normalize(block.text)
    _, [(sentences, _, parses)] = nlp.analyse_texts(block.lang, MODELS[block.lang],
                                                   [norm.text], 64)
    spans = []
    for s, e in merge_wordless(norm.text, sentences):
        start, end = norm.to_source(s, e)
        spans.append(Sentence(block.id, start, end))
    trees = []
    for raw in parses:
        tokens = []
        for start, end, pos, dep, head, morph in raw:
            a, b = norm.to_source(start, end)
            tokens.append(SyntaxToken(a, b, pos, dep, head, morph))
        trees.append(Parse(block.id, block.lang, tuple(tokens)))
    return spans, trees


def annotate(
    paragraphs: Sequence[str],
    names: Mapping[str, tuple[str | None, EntityKind]] | None = None,
    actors: Sequence[Actor] = (),
    lang: str = "fr",
) -> Annotations:
    """Run figures, quotes and attribution on paragraphs, as the pipeline would."""
    blocks = [BlockLang(f"b{i}", lang, text) for i, text in enumerate(paragraphs)]
    sentences: list[Sentence] = []
    parses: list[Parse] = []
    for block in blocks:
        found, trees = parsed(block)
        sentences += found
        parses += trees
    ann = Annotations(blocks=blocks, entities=entities_in(blocks, names or {}),
                      sentences=sentences, parses=parses)
    figures = [f for b in blocks for f in find_figures(b)]
    quotes, short = find_quotations(blocks)
    result = attribute(ann, figures, quotes, {a.id: a for a in actors}, tentative=short)
    ann.figures, ann.quotes = credit(figures, quotes, short, result)
    return ann


def figure(ann: Annotations, text: str) -> Figure:
    """The figure whose text contains `text` (exactly one)."""
    matches = [f for f in ann.figures if text in f.text]
    assert len(matches) == 1, (text, [f.text for f in ann.figures])
    return matches[0]


def quote(ann: Annotations, text: str) -> Quote:
    matches = [q for q in ann.quotes if text in q.text]
    assert len(matches) == 1, (text, [q.text for q in ann.quotes])
    return matches[0]
