"""Which ids an article's body has, without rendering it again.

Actor pages link to mentions (`#m-b2-45`) and quotes (`#q-b3-1`), but the
annotate rule leaves some out (a block whose text changed, a mention in
code or crossing another). The ids are a function of the body and the
annotations' spans only, captured by `anchor_fingerprint`; `AnchorMemo`
keeps the last set seen per article, from a render or from a parse alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from site_builder.model import Actor, AnnotatedArticle


def anchor_fingerprint(item: AnnotatedArticle, actors: Mapping[str, Actor]) -> tuple[object, ...]:
    """Everything the body's ids depend on."""
    ann = item.annotations
    return (
        item.article.body,
        tuple((b.id, len(b.text)) for b in ann.blocks),
        tuple((e.block, e.start, e.end) for e in ann.entities),
        tuple((f.block, f.start, f.end) for f in ann.figures),
        # Only quotes with a known speaker are marked.
        tuple((q.block, q.start, q.end, q.end_block, q.speaker in actors) for q in ann.quotes),
    )


class AnchorMemo:
    """The ids of each article's body, by slug, valid while its fingerprint holds."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[tuple[object, ...], frozenset[str]]] = {}

    def put(self, item: AnnotatedArticle, actors: Mapping[str, Actor],
            anchors: frozenset[str]) -> None:
        self._known[item.article.slug] = (anchor_fingerprint(item, actors), anchors)

    def get(self, item: AnnotatedArticle, actors: Mapping[str, Actor],
            compute: Callable[[], frozenset[str]]) -> frozenset[str]:
        fingerprint = anchor_fingerprint(item, actors)
        known = self._known.get(item.article.slug)
        if known is not None and known[0] == fingerprint:
            return known[1]
        anchors = compute()
        self._known[item.article.slug] = (fingerprint, anchors)
        return anchors
