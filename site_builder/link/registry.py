"""The actor registry (content/actors.yml) once loaded, and what it is used for.

The registry is the editor's word: its ids are used as given, its names and
aliases win over anything inferred, and the annotate stage looks for them
in the text (`registry_terms`). Loading and validation live in
registry_load.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from site_builder.annotate.registry_terms import RegistryTerm
from site_builder.link.names import is_full_name
from site_builder.link.normalize import lookup_keys, normalize_name
from site_builder.model import EntityKind


@dataclass(frozen=True, slots=True)
class RegistryActor:
    """One entry of actors.yml."""

    id: str
    name: str
    kind: EntityKind
    aliases: tuple[tuple[str | None, str], ...] = ()  # (language or None, alias)
    description: str | None = None
    links: tuple[tuple[str, str], ...] = ()
    line: int = 0  # where the entry starts in actors.yml

    def texts(self) -> list[tuple[str | None, str]]:
        """The name (for every language) then each alias, as (lang, text)."""
        return [(None, self.name), *self.aliases]


@dataclass(frozen=True, slots=True)
class Registry:
    actors: tuple[RegistryActor, ...] = ()
    path: str = "content/actors.yml"

    def get(self, actor_id: str) -> RegistryActor | None:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None


def registry_terms(registry: Registry) -> list[RegistryTerm]:
    """Every name and alias, per language, for the annotate stage's EntityRuler.

    Sorted and without duplicates, so that the ruler (and the annotation
    cache key built from it) does not change when nothing changed.
    """
    terms = {
        RegistryTerm(text, actor.kind, actor.id, lang)
        for actor in registry.actors
        for lang, text in actor.texts()
    }
    return sorted(terms, key=lambda t: (t.actor, t.text, t.lang or ""))


@dataclass(slots=True)
class RegistryIndex:
    """Registry names and aliases by matching key, for the link stage."""

    ids: frozenset[str] = frozenset()
    kinds: dict[str, EntityKind] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)
    texts: dict[str, list[tuple[str | None, str]]] = field(default_factory=dict)
    full_names: list[tuple[str, str]] = field(default_factory=list)  # (key, id) of persons

    @classmethod
    def build(cls, registry: Registry) -> RegistryIndex:
        index = cls(ids=frozenset(a.id for a in registry.actors))
        for actor in sorted(registry.actors, key=lambda a: a.id):
            index.texts[actor.id] = actor.texts()
            index.kinds[actor.id] = actor.kind
            for _, text in actor.texts():
                name = normalize_name(text, actor.kind)
                if name.key:
                    # Loading rejects one key for two actors; keep the first id if
                    # a hand-built Registry does it anyway.
                    index.by_key.setdefault(name.key, actor.id)
                    if actor.kind == "person" and is_full_name(name.display):
                        index.full_names.append((name.key, actor.id))
        return index

    def find(self, text: str, kind: EntityKind) -> str | None:
        """The registry actor whose name or alias `text` is, under either reading."""
        for key in lookup_keys(text, kind):
            if key in self.by_key:
                return self.by_key[key]
        return None
