"""A provisional link of the articles being edited, from the last full link.

The preview server pushes the page of an edited article before it links the
whole site again (`Builder._push_first` in build.py). The article's mentions
are read as the link stage reads them (`read_article`, `Direct`); then each
takes what the last full link decided for the same name:

1. a registry match is that registry actor, as in the full link;
2. otherwise the actor the article's own last version gave the name (its
   acronyms, surnames and nicknames were settled there);
3. otherwise the actor every other mention of the site with that name got,
   when it is one actor.

A name the last link left unlinked in the article stays so. A name that
no mention had, or that several actors had, gets no answer: the full link
may well make it a new actor, so the builder does not push a page it knows
to be wrong, and waits for the full link instead. The full link always runs
right after, and its result is what is published: when it differs from
the page pushed ahead, that page is written and pushed again.
"""

from __future__ import annotations

from collections.abc import Sequence

from site_builder.link.countries import gazetteer
from site_builder.link.mentions import Mention, Reading, read_article
from site_builder.link.registry import Registry, RegistryIndex
from site_builder.link.resolve import Direct, Ref
from site_builder.model import AnnotatedArticle, EntityKind

# What a mention is looked up by: its direct match, else its matching key and kind.
_Key = tuple[str, str, str]
# What the last full link gave a mention: its actor (None: left unlinked) and kind.
_Outcome = tuple[str | None, EntityKind]


def link_provisionally(item: AnnotatedArticle, before: Reading | None,
                       site: Sequence[Reading], registry: Registry,
                       site_lang: str) -> int:
    """Set `Entity.actor` and `kind` on `item` as the last full link would have.

    `before` is the link stage's reading of the article's last version (None
    for a new article), `site` its readings of every article of the last
    build, their mentions still holding that build's actors. Returns how
    many mentions got no answer (left unlinked): the page is then not
    worth pushing ahead of the full link.
    """
    reading = read_article(item)
    index = RegistryIndex.build(registry)
    langs = {site_lang, *reading.langs}
    for other in site:
        langs |= other.langs
    direct_of = Direct.build(index, gazetteer(langs))
    for entity in item.annotations.entities:
        if entity.actor not in index.ids:  # as link_actors: only registry ids are kept
            entity.actor = None

    keys = [_key(m, direct_of.of(m)) for m in reading.mentions]
    own = _outcomes(before, None) if before is not None else {}
    wanted = {key[1] for key in keys if key not in own}
    found = _outcomes_of(site, wanted) if wanted else {}

    chosen: list[_Outcome | None] = []
    for mention, key in zip(reading.mentions, keys, strict=True):
        outcome: _Outcome | None
        if mention.nickname_of is not None:
            outcome = chosen[mention.nickname_of]
        elif key[0] == "registry":
            outcome = (key[1], index.kinds[key[1]])
        else:
            outcome = _one(own.get(key)) if key in own else _one(found.get(key), linked=True)
        chosen.append(outcome)
        if outcome is not None and outcome[0] is not None:
            mention.entity.actor, mention.entity.kind = outcome
    return chosen.count(None)


def _key(mention: Mention, direct: Ref | None) -> _Key:
    if direct is not None:
        return (direct.space, direct.value, direct.kind)
    return ("name", mention.name.key, mention.kind)


def _outcomes(reading: Reading, wanted: set[str] | None) -> dict[_Key, set[_Outcome]]:
    """What the last link gave each name of `reading` (only the `wanted` values, if given)."""
    found: dict[_Key, set[_Outcome]] = {}
    direct = reading.direct
    for n, mention in enumerate(reading.mentions):
        ref = direct[n] if direct is not None else None
        value = ref.value if ref is not None else mention.name.key
        if wanted is not None and value not in wanted:
            continue
        entity = mention.entity
        found.setdefault(_key(mention, ref), set()).add((entity.actor, entity.kind))
    return found


def _outcomes_of(readings: Sequence[Reading], wanted: set[str]) -> dict[_Key, set[_Outcome]]:
    found: dict[_Key, set[_Outcome]] = {}
    for reading in readings:
        for key, outcomes in _outcomes(reading, wanted).items():
            found.setdefault(key, set()).update(outcomes)
    return found


def _one(outcomes: set[_Outcome] | None, *, linked: bool = False) -> _Outcome | None:
    """The one outcome; with `linked`, the one actor among the linked outcomes."""
    if not outcomes:
        return None
    if linked:
        outcomes = {o for o in outcomes if o[0] is not None}
    return next(iter(outcomes)) if len(outcomes) == 1 else None
