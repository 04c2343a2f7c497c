"""Hand-built annotated articles for the link tests (no spaCy needed).

Entities are marked inline, `[text|kind]` with kind per/org/loc/misc, so a
test reads like the dispatch it stands for:

    art("a", "Selon l’[Observatoire syrien des droits de l’Homme|org] ([OSDH|org]), …")
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath

from site_builder.model import (
    AnnotatedArticle,
    Annotations,
    Article,
    Block,
    BlockLang,
    Entity,
    EntityKind,
)

_MARK = re.compile(r"\[([^\[\]|]+)\|(per|org|loc|misc)\]")
_KINDS: dict[str, tuple[EntityKind, str]] = {
    "per": ("person", "PER"),
    "org": ("organization", "ORG"),
    "loc": ("place", "LOC"),
    "misc": ("other", "MISC"),
}


def parse_block(marked: str, block_id: str, lang: str) -> tuple[str, list[Entity]]:
    """Strip `[text|kind]` marks; return the plain text and its entities."""
    text, entities, pos = [], [], 0
    length = 0
    for match in _MARK.finditer(marked):
        before = marked[pos:match.start()]
        text.append(before)
        length += len(before)
        surface, code = match.group(1), match.group(2)
        kind, label = _KINDS[code]
        entities.append(Entity(surface, kind, label, length, length + len(surface), block_id,
                               lang))
        text.append(surface)
        length += len(surface)
        pos = match.end()
    text.append(marked[pos:])
    return "".join(text), entities


def art(slug: str, *paragraphs: str, lang: str = "fr") -> AnnotatedArticle:
    """An annotated article whose blocks are `paragraphs` (with inline entity marks)."""
    blocks, langs, entities = [], [], []
    for i, marked in enumerate(paragraphs):
        block_id = f"b{i}"
        text, found = parse_block(marked, block_id, lang)
        blocks.append(Block(block_id, i + 1, text))
        langs.append(BlockLang(block_id, lang, text))
        entities += found
    article = Article(
        path=PurePosixPath(f"{slug}.md"), slug=slug, title=slug,
        date=dt.datetime(2026, 3, 12, tzinfo=dt.UTC), lang=lang,
        body="\n\n".join(b.text for b in blocks), body_line=1, blocks=tuple(blocks),
    )
    return AnnotatedArticle(article, Annotations(blocks=langs, entities=entities))


def actor_of(article: AnnotatedArticle, surface: str, nth: int = 0) -> str | None:
    """The actor id linked to the nth entity written `surface`."""
    found = [e for e in article.annotations.entities if e.text == surface]
    return found[nth].actor


def test_parse_block_offsets():
    text, entities = parse_block("M. [Assad|per] et l’[OSDH|org].", "b0", "fr")
    assert text == "M. Assad et l’OSDH."
    assert [(e.text, text[e.start:e.end], e.kind) for e in entities] == [
        ("Assad", "Assad", "person"), ("OSDH", "OSDH", "organization")]
