"""What an article names before a given point, and who a description can refer to.

`Antecedents` keeps an article's linked entities in reading order, each
actor's roles (the words next to its names: a title before, an apposition
between commas after, the registry description) and the actors that were the
subject of a parsed sentence. It answers: which actors of a kind were named
before a position, which one a description with these keywords and
qualifiers refers to, which person is salient for a bare role.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from functools import cache, lru_cache

from site_builder import wordlists
from site_builder.annotate import lexicon as lx
from site_builder.attribute.lexicon import (
    Designator,
    Gender,
    demonym_groups,
    designator,
    genders,
)
from site_builder.attribute.tree import Tree
from site_builder.model import Actor, Annotations, Entity

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|[,.;:!?()«»“”\"]")
STOP = frozenset(",.;:!?()«»“”\"")
# Words that open a clause or a complement after a comma, not an apposition.
_NOT_APPOSITION = frozenset({"selon", "d'après", "dans", "à", "au", "en", "de", "pour", "sur",
                             "avec", "et", "mais", "qui", "que", "où", "according", "in", "at",
                             "on", "with", "and", "but", "who", "which", "where", "after",
                             "before", "après", "avant", "lors", "a", "has", "have", "said"})
# How many names back a description, a pronoun or a surname looks.
REACH = 400
_LISTENER_MARKS = frozenset({"à", "au", "aux", "to"})
_TOLD = frozenset({"told", "tells", "tell", "telling"})


@cache
def honorifics() -> frozenset[str]:
    """Honorifics and abbreviated ranks of every language, without their dot ("mme",
    "brig"): the ones the entity stage strips from names."""
    return frozenset(h.rstrip(".") for h in lx.honorifics() | lx.weak_honorifics())


@wordlists.on_change
def _reset() -> None:
    honorifics.cache_clear()


def key(word: str) -> str:
    """Compare words loosely: inflection folds, nationality and country fold together."""
    low = word.lower().replace("’", "'")
    if "'" in low[:3]:
        low = low.split("'", 1)[1]  # "l'armée" is "armée"
    for index, group in enumerate(demonym_groups()):
        if low in group:
            return f"demonym:{index}"
    return low.removesuffix("s")[:6]


@lru_cache(maxsize=4096)
def keys(text: str) -> frozenset[str]:
    return frozenset(key(w) for w in WORD.findall(text) if w not in STOP)


_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:de|du|des|à|au|aux|en|dans|sur|vers|of|from|in|at|on|to|near)\s+"
    r"(?:(?:le|la|les|the)\s+|l['’])?|\bd['’])"
    # An honorific may stand between, outside the name: "l'avocat de M. [Djimet]".
    r"(?:(?-i:[A-Z][a-z]{0,3})\.?\s+)?$", re.IGNORECASE)


def after_preposition(text: str, start: int) -> bool:
    """Is the name at `start` introduced by a preposition ("du Sind", "de l'OSDH")?"""
    return bool(_PREPOSITION_BEFORE.search(text[max(0, start - 18) : start]))


class Antecedents:
    """An article's names in reading order, their roles, and the lookups on them."""

    def __init__(self, ann: Annotations, actors: Mapping[str, Actor]) -> None:
        self.actors = actors
        self.texts = {b.id: b.text for b in ann.blocks}
        self.order = {b.id: i for i, b in enumerate(ann.blocks)}
        self.entities = sorted((e for e in ann.entities if e.block in self.order),
                               key=lambda e: (self.order[e.block], e.start))
        self.positions = [(self.order[e.block], e.start) for e in self.entities]
        self.subjects: set[str] = set()  # actors that are the subject of a parsed sentence
        self.speakers: set[str] = set()  # actors that have spoken so far, in reading order
        self.body_speakers = False  # has an organization with an actor spoken so far?
        # Who parsed sentences are about, in reading order (refer.Spoken): the
        # subjects of main clauses, for the pronouns after them.
        self.topics: list = []
        self.roles: dict[str, set[str]] = {}
        said: dict[str, set[Gender | None]] = {}
        for e in self.entities:
            if e.actor is not None:
                spans = self._context_spans(e)
                self.roles.setdefault(e.actor, set()).update(
                    {key(w) for span in spans for w in span} - {""})
                said.setdefault(e.actor, set()).update(self._gender_said(e, spans))
        # A person's gender, when the words next to their names say it and never
        # say the other: "la cheffe de la diplomatie, X", "X, chercheuse à …", "Mme X".
        self.genders: dict[str, Gender] = {
            a: next(iter(g)) for a, g in ((a, g - {None}) for a, g in said.items())
            if len(g) == 1}
        self.people = {e.actor for e in self.entities if e.actor and self._titled_person(e)}

    def kind(self, entity: Entity) -> str:
        actor = self.actors.get(entity.actor) if entity.actor else None
        kind = actor.kind if actor else entity.kind
        # The recognizer often calls a person an organization or a place; a
        # person's title right before the name says otherwise.
        return "person" if entity.actor in self.people else kind

    def _titled_person(self, e: Entity) -> bool:
        """Is the name right after a person's title or honorific ("Opposition leader X",
        "M. X", "la porte-parole de …, X")?"""
        before = [w for w in WORD.findall(self.texts[e.block][max(0, e.start - 40) : e.start])]
        if before and before[-1] == ",":
            before = before[:-1]
        if not before:
            return False
        word = before[-1].lower().rstrip(".")
        title = designator(word)
        return word in honorifics() or (title is not None and title.kind == "person")

    def entity_at(self, block: str, offset: int) -> Entity | None:
        k = bisect_left(self.positions, (self.order[block], offset + 1)) - 1
        while k >= 0 and self.entities[k].block == block:
            e = self.entities[k]
            if e.start <= offset < e.end:
                return e
            if e.end <= offset:
                break
            k -= 1
        return None

    def _name_with_word(self, word: str, block: str, offset: int) -> tuple[str, str] | None:
        """The one person or organization named before whose names hold `word`."""
        wanted = key(word)
        found: dict[str, str] = {}
        for e in self._before(block, offset):
            kind = self.kind(e)
            if e.actor and kind in ("person", "organization") and \
                    wanted in keys(self._names(e.actor)):
                found[e.actor] = kind
        return next(iter(found.items())) if len(found) == 1 else None

    def _before(self, block: str, offset: int) -> list[Entity]:
        """The names before a position, the latest `REACH` of them: a description or a
        pronoun refers to something recent, and a long text stays linear."""
        cut = bisect_left(self.positions, (self.order[block], offset))
        return self.entities[max(0, cut - REACH) : cut]

    def _nearby(self, tree: Tree) -> list[Entity]:
        """Entities from the start of the block before the tree's block up to its start."""
        low = bisect_left(self.positions, (max(tree.order - 1, 0), 0))
        high = bisect_left(self.positions, (tree.order, tree.start))
        return self.entities[low:high]

    def _resolve(self, designator: Designator, qualifiers: set[str], block: str,
                 offset: int, speakers: set[str], plural: bool = False,
                 gender: Gender | None = None) -> str | None:
        """The actor a definite description refers back to, or None when unsure.

        Among actors whose names or roles hold the designator's keywords (and
        its qualifiers), the latest that already spoke wins, then the latest. For a
        body, a name of no known kind counts when its names or roles hold a keyword. With no
        keyword match, a description that is not strict falls back on the only
        actor of its kind named before, never on one of several. A person of
        another gender is never a candidate ("la ministre" is not "le ministre X").
        """
        earlier = [a for a in self._earlier(block, offset, designator.kind)
                   if designator.kind != "person" or self.agrees(a, gender)]
        wanted = {key(w) for w in designator.keywords}
        if designator.kind == "person":
            found = [(a, self.roles.get(a, set()) | keys(self._description(a))) for a in earlier]
        else:
            # The recognizer often calls an organization's name "other" (MISC): such a
            # name is a candidate when its names or roles hold the keyword ("l'ONG X").
            bodies = self._earlier(block, offset, designator.kind, also_other=True)
            found = [(a, keys(self._names(a)) | self.roles.get(a, set())) for a in bodies]
        for test in (lambda f: f & wanted and qualifiers <= f, lambda f: f & wanted):
            matching = [a for a, f in found if test(f)]
            if matching:
                spoken = [a for a in matching if a in speakers]
                return (spoken or matching)[0]
            if designator.kind == "person":
                break  # a role with qualifiers that no one has: not the latest person
        if designator.strict:
            return None  # a title only the word lists know: someone named with it, or no one
        if designator.kind == "person":
            return self._salient(block, offset, qualifiers, speakers, gender)
        if plural:
            return None  # "les services de secours": a kind of body, not one named before
        spoke = [a for a in earlier if a in speakers]
        if len(spoke) == 1:
            return spoke[0]  # "the Geneva-based group": the one organization quoted so far
        return earlier[0] if len(earlier) == 1 else None

    def _salient(self, block: str, offset: int, qualifiers: set[str],
                 speakers: set[str], gender: Gender | None = None) -> str | None:
        """The person a role with no matching name refers to: "le diplomate norvégien".

        Among the people named since the previous paragraph, the latest one
        who spoke or was a sentence's subject, else the only one; never one
        whose roles name another nationality than the description.
        """
        low, high = (max(self.order[block] - 1, 0), 0), (self.order[block], offset)
        people: list[str] = []
        for e, position in zip(reversed(self.entities), reversed(self.positions), strict=True):
            if low <= position < high and e.actor and self.kind(e) == "person" \
                    and e.actor not in people and not self._listener(e):
                people.append(e.actor)
        wanted = {q for q in qualifiers if q.startswith("demonym:")}
        people = [a for a in people if not self._other_nationality(a, wanted)
                  and self.agrees(a, gender)]
        salient = [a for a in people if a in speakers or a in self.subjects]
        if salient:
            return salient[0]
        return people[0] if len(people) == 1 else None

    def _other_nationality(self, actor_id: str, wanted: set[str]) -> bool:
        roles = self.roles.get(actor_id, set()) | keys(self._description(actor_id))
        known = {r for r in roles if r.startswith("demonym:")}
        return bool(wanted and known and not wanted & known)

    def _earlier(self, block: str, offset: int, kind: str,
                 also_other: bool = False) -> list[str]:
        """Actors of `kind` (and of no known kind, with `also_other`) named before a
        position, latest first, once each."""
        seen: set[str] = set()
        found: list[str] = []
        kinds = {kind, "other"} if also_other else {kind}
        for e in reversed(self._before(block, offset)):
            if e.actor is None or e.actor in seen or self.kind(e) not in kinds or \
                    self._listener(e):
                continue
            seen.add(e.actor)
            found.append(e.actor)
        return found

    def _listener(self, e: Entity) -> bool:
        """ "a déclaré à l'AFP", "told Reuters": the one spoken to is not referred back to."""
        before = WORD.findall(self.texts[e.block][max(0, e.start - 40) : e.start])
        words = [w.lower().replace("’", "'") for w in before]
        while words and words[-1] in ("l'", "la", "le", "les", "the", "l"):
            words.pop()
        if words and words[-1] in _TOLD:
            return True
        return len(words) >= 2 and words[-1] in _LISTENER_MARKS and (
            words[-2].endswith(("é", "ée", "és", "ait", "ed", "aid")))

    def _description(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.description or "" if actor else ""

    def _names(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return " ".join([actor.name, *actor.aliases]) if actor else ""

    def _context_spans(self, e: Entity) -> list[list[str]]:
        """The words next to a name, each run in reading order: a title right before it
        ("le président américain [X]"), a title before a comma ("le ministre de la
        Justice, [X]"), an apposition after it ("[X], porte-parole de…")."""
        text = self.texts[e.block]
        before = [m.group() for m in WORD.finditer(text[max(0, e.start - 60) : e.start])]
        spans: list[list[str]] = []
        near: list[str] = []
        for w in reversed(before[-6:]):
            if w in STOP:
                break
            near.append(w)
        spans.append(near[::-1])
        if before and before[-1] == ",":
            title: list[str] = []
            for w in reversed(before[-9:-1]):
                if w in STOP:
                    break
                title.append(w)
            spans.append(title[::-1])
        after = text[e.end : e.end + 80]
        words = WORD.findall(after.lstrip()[1:])
        if after.lstrip().startswith(",") and words and words[0].lower() not in _NOT_APPOSITION:
            apposition: list[str] = []
            for w in words[:7]:
                if w in STOP:
                    break
                apposition.append(w)
            spans.append(apposition)
        return spans

    def _gender_said(self, e: Entity, spans: list[list[str]]) -> set[Gender | None]:
        """What the words next to one mention say of the person's gender."""
        table = genders()
        found = {table.of_phrase([w.lower().replace("’", "'") for w in span]) for span in spans}
        # "M. X", "Mme X", "Mrs. X": the full stop ends the span above.
        honorific = re.search(r"(\w+)\.?\s*$", self.texts[e.block][max(0, e.start - 12) : e.start])
        if honorific is not None and honorific.group(1).lower() in honorifics():
            found.add(table.words.get(honorific.group(1).lower()))
        return found

    def gender(self, actor_id: str | None) -> Gender | None:
        return self.genders.get(actor_id) if actor_id else None

    def agrees(self, actor_id: str | None, gender: Gender | None) -> bool:
        """Can a description or a pronoun of `gender` refer to this actor?"""
        known = self.gender(actor_id)
        return gender is None or known is None or known == gender
