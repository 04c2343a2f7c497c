"""Entity mentions as the link stage sees them: normalized once, with their article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from site_builder import wordlists
from site_builder.link.acronyms import AcronymPair, Span, find_pairs
from site_builder.link.kinds import read_cues
from site_builder.link.names import is_full_name
from site_builder.link.normalize import (
    Name,
    honorific_before,
    normalize_name,
    title_after,
    title_apposition_before,
    title_before,
)
from site_builder.link.places import is_known_place
from site_builder.model import AnnotatedArticle, Annotations, Entity, EntityKind

if TYPE_CHECKING:  # resolve.py imports this module
    from site_builder.link.registry import Registry
    from site_builder.link.resolve import Ref


def _described_person(entity: Entity, name: Name, text: str) -> bool:
    """A full name that an apposition gives a person's title ("[Fadi Haddad], le
    maire de la localité", "Porte-parole du Bureau…, [Leïla Haddad]"), and that
    is not a country or a city ("Damas, le président…" describes whoever comes
    next)."""
    if entity.kind == "person" or entity.actor or not is_full_name(name.display):
        return False
    if not (title_after(text, entity.end) or title_apposition_before(text, entity.start)):
        return False
    return not is_known_place(name.display, entity.lang)


_NICKNAME = re.compile(
    r"\s*,?\s*\(?\s*(?:dite?|surnommée?|alias|connue? sous le nom de|"
    r"(?:(?:widely|better|also|commonly)\s+)?known\s+as|nicknamed|dubbed|a\.k\.a\.?)"
    r"\s*[«\"“‘']?\s*$", re.IGNORECASE)
_COORDINATION = re.compile(r"\s*(?:,|and|et|ou|or|,\s*and|,\s*et)\s*$")
# An age in apposition says person: "[Leïla], 34 ans", "[Leyla], âgée de 47 ans",
# "[Omar], 12, said", "[Sara] (34 ans)".
_AGE_AFTER = re.compile(
    r"\s*(?:,\s*(?:(?:âgée?s?\s+de|aged)\s+)?\d{1,3}\s*(?:ans\b|,|\)|years?\s+old\b)"
    r"|\(\s*\d{1,3}\s*(?:ans)?\s*\))")
# A possessive: "[Kolvan]'s team".
_POSSESSIVE = re.compile(r"['’]s\b")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")
# One capitalized word right next to a name, one space apart: "Léa [Marsan]",
# "[Nadia] Ferhat". The name run that makes may be a person known in full.
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(«\"“]))([^\W\d_][\w’'-]*) $")
_WORD_AFTER = re.compile(r" ([^\W\d_][\w’'-]*)")


@dataclass(slots=True)
class Mention:
    """One entity, normalized, in one article."""

    article: str  # slug
    entity: Entity
    name: Name
    kind: EntityKind  # the model's kind, or person when an honorific says so
    titled: bool = False  # an honorific or title came with the name ("M. Assad")
    designated: bool = False  # a designator said the kind ("la ville de [X]")
    after_title: bool = False  # a title or honorific comes first ("le général [X]")
    locative: bool = False  # a locative preposition comes first ("à [Hama]", "in [X]")
    nickname_of: int | None = None  # index of the person this is a nickname of
    region: bool = False  # a region unit frames it ("la province de [X]", "[X] state")
    speaker: bool = False  # a reporting verb or a possessive follows ("[Kolvan] said")
    aged: bool = False  # an age follows in apposition ("[Leïla], 34 ans")
    # Matching keys of the name with the capitalized word right before or after
    # it ("Léa [Marsan]"): a person's full name the model cut short.
    joined: tuple[str, ...] = ()


def _speaker(after: str, lang: str) -> bool:
    """A reporting verb or an auxiliary right after the name, or a possessive."""
    if _POSSESSIVE.match(after):
        return True
    m = _NEXT_WORD.match(after)
    return m is not None and lang in wordlists.LANGS \
        and m.group(1).casefold() in wordlists.words("verb_forms", lang)


def _joined(text: str, entity: Entity, name: Name,
            others: list[tuple[int, int]]) -> tuple[str, ...]:
    """Keys of the one-word name completed by a capitalized neighbour word that no
    other mention holds."""
    if len(name.display.split()) != 1:
        return ()
    keys = []
    before = _WORD_BEFORE.search(text, max(0, entity.start - 40), entity.start)
    if before is not None and before.group(1)[:1].isupper() and not any(
            s < entity.start and e > before.start(1) for s, e in others):
        keys.append(normalize_name(f"{before.group(1)} {entity.text}", "person").key)
    after = _WORD_AFTER.match(text, entity.end)
    if after is not None and after.group(1)[:1].isupper() and not any(
            s < after.end() and e > entity.end for s, e in others):
        keys.append(normalize_name(f"{entity.text} {after.group(1)}", "person").key)
    return tuple(k for k in keys if k)


def article_mentions(item: AnnotatedArticle) -> list[Mention]:
    """The article's entities that have something to match on, in document order."""
    slug = item.article.slug
    texts = block_texts(item)
    mentions: list[Mention] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for entity in item.annotations.entities:
        spans.setdefault(entity.block, []).append((entity.start, entity.end))
    for entity in item.annotations.entities:
        name = normalize_name(entity.text, entity.kind)
        if name.key:
            text = texts.get(entity.block, "")
            before = text[max(0, entity.start - 48):entity.start]
            cues = read_cues(before, text[entity.end:entity.end + 24])
            designated = None if entity.actor else cues.designated
            if designated == "place":
                # "le village de Cheikh Issa": the title is part of the place's name.
                name = normalize_name(entity.text, "place")
            titled = designated != "place" and (
                name.titled or honorific_before(text, entity.start))
            if titled and designated == "organization":
                designated = None
            after = text[entity.end:entity.end + 24]
            aged = designated is None and entity.actor is None \
                and _AGE_AFTER.match(after) is not None
            kind: EntityKind = "person" if titled or aged or (
                designated is None and _described_person(entity, name, text)) else entity.kind
            previous = mentions[-1] if mentions else None
            # "Mohamed Hamdane Daglo, dit « [Hemedti] »": a nickname is the person.
            if previous is not None and previous.kind == "person" \
                    and previous.entity.block == entity.block \
                    and _NICKNAME.match(text, previous.entity.end, entity.start) is not None:
                mentions.append(Mention(slug, entity, name, "person", False,
                                        nickname_of=len(mentions) - 1))
                continue
            # "in Aleppo and [Hama]": a name coordinated with a place shares its cue.
            coordinated = (previous is not None and previous.entity.block == entity.block
                           and previous.kind == "place"
                           and _COORDINATION.match(text, previous.entity.end, entity.start)
                           is not None)
            mentions.append(Mention(slug, entity, name, designated or kind, titled,
                                    designated is not None,
                                    titled or title_before(text, entity.start),
                                    cues.locative or coordinated,
                                    region=cues.region,
                                    speaker=_speaker(after, entity.lang),
                                    aged=aged,
                                    joined=_joined(text, entity, name,
                                                   spans.get(entity.block, []))))
    return mentions


def block_texts(item: AnnotatedArticle) -> dict[str, str]:
    """Block id → the text entity offsets point into.

    The annotate stage records that text per block; the article's own block
    text is the fallback for blocks it did not record.
    """
    texts = {block.id: block.text for block in item.article.blocks}
    texts.update({block.id: block.text for block in item.annotations.blocks if block.text})
    return texts


def article_acronyms(
    item: AnnotatedArticle, mentions: list[Mention]
) -> list[tuple[AcronymPair, Mention | None]]:
    """Acronym definitions in the article, each with the mention that is its long form."""
    texts = {k: v for k, v in block_texts(item).items() if "(" in v}
    if not texts:
        return []
    spans: dict[str, list[Span]] = {}
    for index, mention in enumerate(mentions):
        entity = mention.entity
        text = texts.get(entity.block)
        if text is None:
            continue
        # Offsets that do not point at the entity's own text (a stale cache,
        # another normalization) would mislead the parenthesis test: skip them.
        if text[entity.start:entity.end] == entity.text:
            spans.setdefault(entity.block, []).append(
                Span(entity.start, entity.end, mention.kind, index))
    found: list[tuple[AcronymPair, Mention | None]] = []
    for block_id, text in texts.items():
        for pair in find_pairs(text, spans.get(block_id, [])):
            long = mentions[pair.long_entity] if pair.long_entity is not None else None
            found.append((pair, long))
    return found


@dataclass(slots=True)
class Reading:
    """What the link stage reads of one article before looking at the others."""

    mentions: list[Mention]
    acronyms: list[tuple[AcronymPair, Mention | None]] = field(default_factory=list)
    langs: frozenset[str] = frozenset()  # the article's, its blocks' and its entities'
    # What the registry and the country names alone say of each mention;
    # valid for the registry and languages `Readings.keep_direct_for` was given.
    direct: list[Ref | None] | None = None


def read_article(item: AnnotatedArticle) -> Reading:
    mentions = article_mentions(item)
    ann = item.annotations
    langs = frozenset({item.article.lang, *(b.lang for b in ann.blocks),
                       *(e.lang for e in ann.entities)})
    return Reading(mentions, article_acronyms(item, mentions), langs)


class Readings:
    """Each article's `Reading`, kept across builds while its annotations are the same.

    An article is recognized by its annotations *object* and its digest: the
    builder hands the same object back for an unchanged file. The mentions
    hold that object's entities, so linking again sets their actors.
    """

    def __init__(self) -> None:
        self._known: dict[str, tuple[Annotations, str, Reading]] = {}
        self._direct_for: tuple[Registry, frozenset[str]] | None = None

    def keep_direct_for(self, registry: Registry, langs: frozenset[str]) -> None:
        """Forget the readings' `direct` unless made with this registry and these languages."""
        known = self._direct_for
        if known is not None and known[0] is registry and known[1] == langs:
            return
        for _, _, reading in self._known.values():
            reading.direct = None
        self._direct_for = (registry, langs)

    def of(self, items: list[AnnotatedArticle]) -> list[Reading]:
        known: dict[str, tuple[Annotations, str, Reading]] = {}
        readings = []
        for item in items:
            slug, digest = item.article.slug, item.article.digest
            hit = self._known.get(slug)
            if hit is None or hit[0] is not item.annotations or hit[1] != digest:
                hit = (item.annotations, digest, read_article(item))
            known[slug] = hit
            readings.append(hit[2])
        self._known = known
        return readings
