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
from functools import cache, lru_cache
from typing import Literal, NamedTuple

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


# Designators, locatives and region units are read from the last few words
# before a name (and the first after it), looked up in sets: this runs for
# every mention of the site on every build.
_TAIL_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*['’]?")
_OF = frozenset({"de", "du", "des", "d'", "of"})
_OF_PAIRS = frozenset({("de", "la"), ("of", "the")})
_ARTICLES = frozenset({"le", "la", "les", "the", "l'"})
# Words that cannot be the adjective between a designator and a name.
_NOT_ADJECTIVES = _OF | _ARTICLES


def _words(text: str) -> list[str]:
    """Lower-cased words, straight apostrophes, elisions kept on their word ("d'")."""
    return [w.replace("’", "'") for w in _TAIL_WORD.findall(text)]


@cache
def _sets() -> tuple[frozenset[str], frozenset[str], frozenset[str],
                     frozenset[tuple[str, ...]], int]:
    """(place designators, organization designators, region units, locatives as
    word tuples, longest locative in words)."""
    places = frozenset(w.casefold() for w in wordlists.union("town_units")
                       | wordlists.union("region_units") | wordlists.union("place_features"))
    orgs = frozenset(wordlists.union("designators_organization"))
    regions = frozenset(w.casefold() for w in wordlists.union("region_units"))
    locatives = frozenset(tuple(w.casefold() for w in _words(phrase))
                          for phrase in wordlists.union("locatives"))
    longest = max((len(t) for t in locatives), default=1)
    return places, orgs, regions, locatives, longest


def _strip_of(words: list[str]) -> list[str] | None:
    """The words before a closing "de", "d'", "de la", "of the"…; None without one."""
    folded = [w.casefold() for w in words[-2:]]
    if len(folded) == 2 and tuple(folded) in _OF_PAIRS:
        return words[:-2]
    if folded and folded[-1] in _OF:
        return words[:-1]
    return None


def _noun_before(words: list[str], nouns: frozenset[str], case_blind: bool) -> bool:
    """The last word, or the one before a lower-case adjective, is one of `nouns`."""
    def fits(word: str) -> bool:
        return (word.casefold() if case_blind else word) in nouns

    if words and fits(words[-1]):
        return True
    return len(words) >= 2 and words[-1].islower() and words[-1] not in _NOT_ADJECTIVES \
        and fits(words[-2])


class Cues(NamedTuple):
    """What the words around a name say of its kind."""

    designated: EntityKind | None  # a designator before it: "la ville de [X]"
    locative: bool  # a locative preposition before it: "à [Hama]"
    region: bool  # a region unit frames it: "la province de [X]", "[X] state"


def read_cues(before: str, after: str) -> Cues:
    """The designator, locative and region cues of the name between `before` and
    `after`; the words are read once."""
    if before[-1:].isalnum():
        return Cues(None, False, False)  # the name does not start a word
    # Only the last few words and the next one matter: wire copy repeats
    # them ("a indiqué l'", "selon le"), so the answer is cached on them.
    m = _TAIL_WORD.match(after.lstrip()[:24]) if after[:1].isspace() else None
    return _cues(tuple(_words(before[-48:])[-6:]), m.group() if m else "")


@lru_cache(maxsize=1 << 14)
def _cues(words: tuple[str, ...], next_word: str) -> Cues:
    listed = list(words)
    return Cues(_designated(listed), _locative(listed), _region(listed, next_word))


def _designated(words: list[str]) -> EntityKind | None:
    """A place noun before "de"/"of" ("la région de [X]"), case-blind ("l'État de
    [Bolívar]"); an organization noun in apposition and in lower case only ("le
    groupe jihadiste [X]"; "le parti de [X]" names a person)."""
    places, orgs, _, _, _ = _sets()
    head = _strip_of(words)
    if head is not None and _noun_before(head, places, case_blind=True):
        return "place"
    if head is None and _noun_before(words, orgs, case_blind=False):
        return "organization"
    return None


def _locative(words: list[str]) -> bool:
    _, _, _, locatives, longest = _sets()
    folded = [w.casefold() for w in words[-(longest + 1):]]
    if folded and folded[-1] in _ARTICLES:
        folded = folded[:-1]  # "vers le [Mali]", "into the [Gaza] Strip"
    return any(tuple(folded[-size:]) in locatives
               for size in range(1, min(longest, len(folded)) + 1))


def _region(words: list[str], next_word: str) -> bool:
    _, _, regions, _, _ = _sets()
    head = _strip_of(words)
    if head and head[-1].casefold() in regions:
        return True
    return next_word in regions


@wordlists.on_change
def _reset() -> None:
    _sets.cache_clear()
    _cues.cache_clear()
