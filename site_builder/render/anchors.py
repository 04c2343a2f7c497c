"""Which ids an article's body has, without rendering it again.

Actor pages link to mentions (`#m-b2-45`) and quotes (`#q-b3-1`), but the
annotate rule leaves some out (a block whose text changed, a mention in
code or crossing another). The ids are a function of the body and the
annotations' spans only, captured by `anchor_fingerprint`; `AnchorMemo`
keeps each set seen, from a render or from a parse alone, in the build
memo (site_builder/memo.py), so a new process need not parse bodies again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from site_builder.memo import Memo
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
    """The ids of each article's body, by fingerprint, kept in the build memo.

    Without a `Memo`, a private in-memory one holds them for this renderer.
    `salt` names what else the ids depend on (the code, the dev mode).
    """

    STAGE = "anchors"

    def __init__(self, memo: Memo | None = None, salt: str = "") -> None:
        self._memo = memo if memo is not None else Memo(None)
        self._salt = salt
        # slug -> (the item and actors last seen, their key): see _key
        self._items: dict[str, tuple[AnnotatedArticle, Mapping[str, Actor], str]] = {}

    def _key(self, item: AnnotatedArticle, actors: Mapping[str, Actor]) -> str:
        # Within a build an item is not changed once linked and attributed:
        # its fingerprint (linear in its mentions) is taken once, not once
        # per actor page that links into it.
        seen = self._items.get(item.article.slug)
        if seen is not None and seen[0] is item and seen[1] is actors:
            return seen[2]
        # A new build's item of the same text is digested again only if its
        # fingerprint changed (Memo.key_in compares it with the last one).
        key = self._memo.key_in((self.STAGE, item.article.slug), self.STAGE, self._salt,
                                anchor_fingerprint(item, actors))
        self._items[item.article.slug] = (item, actors, key)
        return key

    def put(self, item: AnnotatedArticle, actors: Mapping[str, Actor],
            anchors: frozenset[str]) -> None:
        self._memo.put(self.STAGE, self._key(item, actors), anchors)

    def get(self, item: AnnotatedArticle, actors: Mapping[str, Actor],
            compute: Callable[[], frozenset[str]]) -> frozenset[str]:
        return self._memo.cached(self.STAGE, self._key(item, actors), compute)
