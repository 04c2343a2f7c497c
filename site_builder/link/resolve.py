"""Where one mention points: the registry, a country, or a matching key.

The rules run in a fixed order, strongest evidence first (see docs/actors.md):

1. the registry (an id set by the annotate stage's ruler, or a name or
   alias with the same key), then a country name from CLDR;
2. an acronym defined in the same article, then a surname that fits exactly
   one full name in the same article;
3. an acronym defined elsewhere with a single long form on the whole site,
   then a surname that fits exactly one full name on the whole site;
4. otherwise the mention's own key.

Steps 2 and 3 redirect one mention at a time; they never merge two keys,
which is what keeps "Haddad" in one article from joining Samir Haddad in
another just because some third article wrote "Haddad" for him.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from site_builder import wordlists
from site_builder.link.countries import Gazetteer
from site_builder.link.kinds import compatible
from site_builder.link.mentions import Mention
from site_builder.link.names import FullNameIndex, core_tokens, is_full_name, merge_key
from site_builder.link.normalize import lookup_keys, normalize_name
from site_builder.link.places import lookup_city
from site_builder.link.registry import RegistryIndex
from site_builder.model import EntityKind

Space = Literal["registry", "country", "city", "name"]


class Ref(NamedTuple):
    """What a mention points at: a registry id, an ISO code, or a matching key."""

    space: Space
    value: str
    kind: EntityKind  # decides, for keys, which kind group's node it lands in


@dataclass(slots=True)
class Direct:
    """Step 1: the registry and countries, which need no other mention."""

    registry: RegistryIndex
    places: Gazetteer
    country_owner: dict[str, str] = field(default_factory=dict)  # ISO code -> registry id
    city_owner: dict[str, str] = field(default_factory=dict)  # GeoNames id -> registry id

    @classmethod
    def build(cls, registry: RegistryIndex, places: Gazetteer) -> Direct:
        direct = cls(registry, places)
        # A registry place named like a country takes that country in every
        # language: registry "Syrie" also catches "Syria".
        for actor_id in sorted(registry.ids):
            if registry.kinds[actor_id] != "place":
                continue
            for lang, text in registry.texts[actor_id]:
                key = normalize_name(text, "place").key
                code = places.lookup(key, lang)
                if code:
                    direct.country_owner.setdefault(code, actor_id)
                elif (city := lookup_city(key)) is not None:
                    direct.city_owner.setdefault(city.geonameid, actor_id)
        return direct

    def resolve(self, text: str, kind: EntityKind, lang: str | None,
                preset: str | None = None) -> Ref | None:
        """The registry actor or country that `text` names, if any."""
        registry = self.registry
        actor_id = preset if preset in registry.ids else registry.find(text, kind)
        if actor_id is not None:
            return Ref("registry", actor_id, registry.kinds[actor_id])
        if kind == "person":
            return None  # "Jordan" the person is not Jordan the country
        key = normalize_name(text, kind).key
        code = self.places.lookup(key, lang)
        if code is None:
            return self.city(key)
        if code in self.country_owner:
            owner = self.country_owner[code]
            return Ref("registry", owner, registry.kinds[owner])
        return Ref("country", code, "place")

    def city(self, key: str) -> Ref | None:
        """The city (or the registry place that is that city) a key names."""
        city = lookup_city(key)
        if city is None:
            return None
        owner = self.city_owner.get(city.geonameid)
        if owner is not None:
            return Ref("registry", owner, self.registry.kinds[owner])
        return Ref("city", city.geonameid, "place")

    def of(self, mention: Mention) -> Ref | None:
        entity = mention.entity
        return self.resolve(entity.text, mention.kind, entity.lang, entity.actor)


def own(mention: Mention) -> Ref:
    """Step 4: the mention's own key."""
    return Ref("name", mention.name.key, mention.kind)


def is_short_form(mention: Mention) -> bool:
    """A person mention that is not a full name but has a name in it: "M. Assad"."""
    return (
        mention.kind == "person"
        and not is_full_name(mention.name.display)
        and bool(core_tokens(mention.name.key))
    )


def is_head_noun(mention: Mention) -> bool:
    """One word, no honorific, that is an organization head noun of its language
    ("Observatoire", "Observatory")."""
    display, lang = mention.name.display, mention.entity.lang
    return " " not in display and not mention.titled and lang in wordlists.LANGS \
        and display.casefold() in wordlists.words("organization_heads", lang)


def may_be_city(mention: Mention) -> bool:
    """Whether a person mention may name a town: no title, and a locative before
    it ("à [Khan Younès]") or a single name ("Latakia", not "Donald Trump")."""
    if mention.kind != "person" or mention.after_title:
        return False
    return mention.locative or not is_full_name(mention.name.display)


def is_full_person(mention: Mention) -> bool:
    return mention.kind == "person" and is_full_name(mention.name.display)


@dataclass(slots=True)
class Evidence:
    """Steps 2 and 3: what the articles say about acronyms and full names."""

    article_acronyms: dict[str, dict[str, Ref]] = field(default_factory=dict)
    site_acronyms: dict[str, Ref] = field(default_factory=dict)
    article_names: dict[str, FullNameIndex[Ref]] = field(default_factory=dict)
    # Full names the model did not tag as persons ("Leïla Haddad" as ORG):
    # never a target site-wide, but evidence in their own article.
    article_other_names: dict[str, FullNameIndex[Ref]] = field(default_factory=dict)
    site_names: FullNameIndex[Ref] = field(default_factory=FullNameIndex)
    # Every person's full name on the site, by its exact matching key.
    full_persons: dict[str, Ref] = field(default_factory=dict)
    # Per article: the organizations it names in full, by head noun
    # ("observatoire" -> the "Observatoire harzanais des droits humains").
    article_heads: dict[str, dict[str, set[Ref]]] = field(default_factory=dict)

    def back_reference(self, mention: Mention) -> Ref | None:
        """"l'[Observatoire]", "the [Observatory]": the head noun alone of the one
        organization the article names in full with that head."""
        heads = self.article_heads.get(mention.article)
        if not heads or not is_head_noun(mention):
            return None
        found = heads.get(mention.name.display.casefold(), set())
        return next(iter(found)) if len(found) == 1 else None

    def completed(self, mention: Mention) -> Ref | None:
        """"Léa [Marsan]", "[Nadia] Ferhat": a name cut short by the model that the
        capitalized word next to it makes into a person's full name known on the site."""
        if mention.entity.actor or is_full_name(mention.name.display):
            return None
        found = {ref for key in mention.joined if (ref := self.full_persons.get(key))}
        return next(iter(found)) if len(found) == 1 else None

    def spoken(self, mention: Mention) -> Ref | None:
        """"[Kolvan] said", "[Dastier] told", "[Ferhat]'s group": a surname the model
        did not tag as a person, before a reporting verb or a possessive, that fits
        exactly one person named in full in its article and nothing else there."""
        if not mention.speaker or mention.kind == "person" or mention.entity.actor \
                or is_full_name(mention.name.display) or not core_tokens(mention.name.key):
            return None
        persons, others = self._candidates(mention)
        if len(persons) == 1 and not others:
            return next(iter(persons))
        return None

    def redirect(self, mention: Mention) -> Ref | None:
        """Where steps 2 and 3 send `mention`, if anywhere."""
        slug = mention.article
        keys = lookup_keys(mention.entity.text, mention.entity.kind)
        target = _acronym(self.article_acronyms.get(slug), keys, mention.kind)
        if target is not None:
            return target
        target = self.completed(mention) or self.spoken(mention)
        if target is not None:
            return target
        short = is_short_form(mention)
        if short:
            target, decided = self._local_name(mention)
            if decided:
                return target
        target = _acronym(self.site_acronyms, keys, mention.kind)
        if target is not None:
            return target
        return self.site_names.unique(mention.name.key) if short else None

    def ambiguous(self, mention: Mention) -> bool:
        """A short person name that two full names of its own article fit.

        "Mme Haddad" next to Leïla and Ahmed Haddad: linking it to either
        could be wrong, and pooling every such mention into one "Haddad"
        would merge two people. It is left unlinked (`site-builder check`
        lists it).
        """
        if not is_short_form(mention):
            return False
        persons, others = self._candidates(mention)
        return len({ref.value for ref in persons | others}) > 1

    def _candidates(self, mention: Mention) -> tuple[set[Ref], set[Ref]]:
        """The full names of the mention's article it fits: (tagged person, tagged otherwise)."""
        empty: FullNameIndex[Ref] = FullNameIndex()
        key = mention.name.key
        return (self.article_names.get(mention.article, empty).candidates(key),
                self.article_other_names.get(mention.article, empty).candidates(key))

    def _local_name(self, mention: Mention) -> tuple[Ref | None, bool]:
        """(target, whether the article settles it) for a short person name.

        One person in the article fits: that one. None does, but the name
        came with an honorific and one full name tagged otherwise fits: that
        one, the model mislabelled it. Several fit: the article says the name
        is ambiguous, and the rest of the site must not overrule it.
        """
        persons, others = self._candidates(mention)
        if len(persons) == 1 and len({ref.value for ref in persons | others}) == 1:
            return next(iter(persons)), True
        if not persons and len(others) == 1 and mention.titled:
            return next(iter(others)), True
        return None, bool(persons or others)


def _acronym(table: dict[str, Ref] | None, keys: tuple[str, ...], kind: EntityKind) -> Ref | None:
    """The acronym's long form, unless it would join a person and a place."""
    if table:
        for key in keys:
            target = table.get(key)
            if target is not None:
                return target if compatible(kind, target.kind) else None
    return None


def full_name_targets(mentions: list[Mention], direct: list[Ref | None]) -> dict[str, str]:
    """merge key → the one key that stands for every spelling of that full name.

    "Bachar al-Assad" and "Bachar el-Assad" must count as one candidate when
    a surname is matched, or "Assad" would look ambiguous.
    """
    chosen: dict[str, str] = {}
    for mention, ref in zip(mentions, direct, strict=True):
        if ref is None and is_full_person(mention):
            key = mention.name.key
            group = merge_key(key)
            if group not in chosen or key < chosen[group]:
                chosen[group] = key
    return chosen
