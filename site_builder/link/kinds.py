"""What kind an actor is, and which mentions may never share an actor.

The model's labels are noisy between person, organization and "other", so
an actor's kind is a majority vote of its mentions. But a person and a place
that happen to share a name ("Washington", "Jordan" the player) are never
the same thing: mentions are split into groups first, and person and place
never share a group.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

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
