"""Attribute stage: who said each quote and who reported each figure.

Runs after linking, on one article at a time:

    attribute(annotations, figures, quotes, actors) -> Attribution

It reads the dependency parses the annotate stage kept for the sentences
that can hold an attribution (see annotate/syntax.py), the article's linked
entities and the actors they belong to. It is pure: it returns who is
credited (model.Naming, by figure and quote index) and changes nothing it is
given, so a caller can memoize it under `attribution_key`.

The rules, their reasons and their limits are in docs/figures.md; the words
they read are data, one file per language, in `data/`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping, Sequence

from site_builder.attribute.assign import assign
from site_builder.model import Actor, Annotations, Attribution, Figure, Quote

__all__ = ["attribute", "attribution_key", "credit"]


def attribute(ann: Annotations, figures: Sequence[Figure], quotes: Sequence[Quote],
              actors: Mapping[str, Actor], tentative: Collection[int] = ()) -> Attribution:
    """Sources of `figures` and speakers of `quotes`, found in one article.

    The quotes at indices in `tentative` (short quotations: « cibles
    militaires ») get a speaker only from a report of their own sentence.
    """
    return assign(ann, figures, quotes, actors, tentative)


def attribution_key(ann: Annotations, actors: Mapping[str, Actor]) -> tuple[object, ...]:
    """Everything `attribute` reads besides the article's own text and parses.

    Two calls on the same text with equal keys give the same result, so a
    caller may reuse the earlier one: the preview server then attributes again
    only the articles whose linked actors changed.
    """
    ids = sorted({e.actor for e in ann.entities if e.actor is not None})
    known = (actors.get(i) for i in ids)
    return (
        tuple((e.actor, e.kind) for e in ann.entities),
        tuple((a.id, a.kind, a.name, tuple(a.aliases), a.description)
              for a in known if a is not None),
    )


def credit(figures: Sequence[Figure], quotes: Sequence[Quote], tentative: Collection[int],
           result: Attribution) -> tuple[list[Figure], list[Quote]]:
    """New figures and quotes with the stage's answers filled in.

    A tentative (short) quotation nobody is credited with is a scare quote,
    not a quote: it is left out.
    """
    sourced = [
        dataclasses.replace(f, source=n.actor, source_text=n.text, source_start=n.start,
                            source_end=n.end, source_block=n.block) if n else f
        for f, n in zip(figures, result.figures, strict=True)
    ]
    spoken = [dataclasses.replace(q, speaker=n.actor, speaker_text=n.text) if n else q
              for i, (q, n) in enumerate(zip(quotes, result.quotes, strict=True))
              if n is not None or i not in tentative]
    return sourced, spoken
