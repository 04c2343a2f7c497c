"""What kind an actor is, and which mentions may never share an actor.

The model's labels are noisy between person, organization and "other", so
an actor's kind is a majority vote of its mentions. But a person and a place
that happen to share a name ("Washington", "Jordan" the player) are never
the same thing: mentions are split into groups first, and person and place
never share a group.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Literal

from site_builder import wordlists
from site_builder.model import ENTITY_KINDS, EntityKind

Group = Literal["person", "place", "thing"]


def kind_group(kind: EntityKind) -> Group:
    """person → person, place → place, organization/other → thing."""
    if kind == "person":
        return "person"
    return "place" if kind == "place" else "thing"


def compatible(a: EntityKind, b: EntityKind) -> bool:
    """False only for a person and a place: everything else may be one actor."""
    return (a, b) not in _APART


_APART = frozenset({("person", "place"), ("place", "person")})


def assign_groups(counts: Mapping[EntityKind, int]) -> dict[EntityKind, Group]:
    """Which group each kind of mention of one name joins.

    Persons go with persons and places with places. Organizations and
    "other" join whichever of the two has more mentions (persons on a tie,
    as the model tags people far more reliably than places), or stay
    "thing" when the name has neither.
    """
    persons, places = counts.get("person", 0), counts.get("place", 0)
    if persons and (persons >= places):
        neutral: Group = "person"
    elif places:
        neutral = "place"
    else:
        neutral = "thing"
    return {kind: (kind_group(kind) if kind in ("person", "place") else neutral)
            for kind in ENTITY_KINDS}


def majority_kind(counts: Mapping[EntityKind, int]) -> EntityKind:
    """The most frequent kind; ties go to the first in ENTITY_KINDS order."""
    return max(ENTITY_KINDS, key=lambda kind: (counts.get(kind, 0), -ENTITY_KINDS.index(kind)))


@cache
def _locative() -> re.Pattern[str]:
    words = wordlists.union("locatives")
    alternatives = "|".join(re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+")
                            for w in sorted(words, key=len, reverse=True))
    # An article may follow: "vers le [Mali]", "into the [Gaza] Strip".
    article = r"(?:\s+(?:le|la|les|the)\s+|\s+l['’]|\s+|(?<=['’]))"
    return re.compile(rf"(?<![\w-])(?:{alternatives}){article}$", re.IGNORECASE)


def after_locative(before: str) -> bool:
    """Whether the text before a name ends with a locative preposition: "à [Hama]"."""
    return _locative().search(before[-32:]) is not None


@cache
def _designator_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(place, organization) patterns matching a designator just before a name."""
    places = (wordlists.union("town_units") | wordlists.union("region_units")
              | wordlists.union("place_features"))
    orgs = wordlists.union("designators_organization")

    def alternatives(words: frozenset[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    adjective = r"(?:\s+(?!(?:de|des|du|of|the|la|le|les)\b)[a-zà-ÿ][a-zà-ÿ\-]*)?"
    # Case-blind: French writes "l'État de [Bolívar]", "la Ville de [Paris]".
    place = re.compile(rf"(?<![\w-])(?i:{alternatives(places)}){adjective}"
                       r"\s+(?:de(?:s|\s+la)?|du|of(?:\s+the)?|d['’])\s*$")
    org = re.compile(rf"(?<![\w-])(?:{alternatives(orgs)}){adjective}\s+$")
    return place, org


def designated_kind(before: str) -> EntityKind | None:
    """The kind a designator right before a name gives it: "la ville de [X]" → place.

    `before` is the text just before the mention; only its last few words count.
    """
    tail = before[-48:]
    place, org = _designator_patterns()
    if place.search(tail):
        return "place"
    if org.search(tail):
        return "organization"
    return None


@wordlists.on_change
def _reset() -> None:
    _locative.cache_clear()
    _designator_patterns.cache_clear()
    _region_patterns.cache_clear()


@cache
def _region_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    units = "|".join(re.escape(w) for w in sorted(wordlists.union("region_units"), key=len,
                                                  reverse=True))
    before = re.compile(rf"(?<![\w-])(?i:{units})\s+(?:de(?:\s+la)?|du|of(?:\s+the)?|d['’])"
                        r"\s*$")
    after = re.compile(rf"\s+(?:{units})\b")
    return before, after


def names_region(before: str, after: str) -> bool:
    """Whether a region unit frames the name: "la province de [X]", "[X] state".

    The link stage reads it to keep "Bolívar state" from Ciudad Bolívar.
    """
    pattern_before, pattern_after = _region_patterns()
    return pattern_before.search(before[-40:]) is not None or \
        pattern_after.match(after[:24]) is not None
