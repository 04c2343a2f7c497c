"""link_actors: every entity of the site → one actor, merged across articles.

This stage needs the whole site at once (a surname in one article may only
be resolved by a full name in another), so it takes every article and
returns every actor. It is pure: it reads the annotations, sets
`Entity.actor` on each mention it links, and builds the actors.

Order never matters: articles are read in the order given but every
decision is either per article or a function of site-wide sets, and the
ids come from the actors' own signatures (see slugs.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from site_builder.annotate.labels import head_word, refine_kind
from site_builder.link.clusters import Node, cluster, group_table
from site_builder.link.countries import gazetteer
from site_builder.link.display import aliases, best_display, ordinary_case
from site_builder.link.gcpause import without_cyclic_gc
from site_builder.link.kinds import majority_kind
from site_builder.link.mentions import Mention, Reading, Readings, read_article
from site_builder.link.names import FullNameIndex, is_full_name, merge_key
from site_builder.link.normalize import normalize_name
from site_builder.link.places import city_candidates, lookup_city
from site_builder.link.registry import Registry, RegistryIndex
from site_builder.link.resolve import (
    Direct,
    Evidence,
    Ref,
    full_name_targets,
    is_full_person,
    is_short_form,
    may_be_city,
    own,
)
from site_builder.link.slugs import IdRequest, assign_ids
from site_builder.model import Actor, AnnotatedArticle, EntityKind

# Who keeps a bare slug two actors want: countries, then places, then
# organizations, then persons. A name shared by a person and a place
# ("Washington") is read as the place far more often; and the order depends
# only on what each actor is, so adding an article never flips it.
_RANK = {"place": 1, "thing": 2, "person": 3}


@dataclass(slots=True)
class _Pending:
    """What one future actor has collected before it gets an id."""

    name: str = ""
    kind: EntityKind = "other"
    forms: list[str] = field(default_factory=list)  # display forms, once per mention
    surfaces: list[str] = field(default_factory=list)  # as written
    kinds: Counter[EntityKind] = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)


def _languages(readings: Sequence[Reading], site_lang: str) -> set[str]:
    langs = {site_lang}
    for reading in readings:
        langs |= reading.langs
    return langs


def _index(names: set[tuple[str, Ref]]) -> FullNameIndex[Ref]:
    index: FullNameIndex[Ref] = FullNameIndex()
    for key, ref in names:
        index.add(key, ref)
    return index


def _gather_evidence(
    articles: Sequence[AnnotatedArticle],
    readings: list[Reading],
    direct_of: Direct,
    direct: dict[int, Ref | None],
    registry: RegistryIndex,
) -> tuple[Evidence, dict[Ref, list[str]]]:
    """Acronym definitions and full names, per article and site-wide.

    Also returns, for each acronym long form that is not itself an entity,
    how it was written: if mentions end up pointing at it, that is the best
    name their actor has.
    """
    evidence = Evidence()
    long_texts: dict[Ref, list[str]] = {}
    site_acronyms: dict[str, set[Ref]] = {}
    all_mentions = [m for reading in readings for m in reading.mentions]
    canonical = full_name_targets(all_mentions, [direct[id(m)] for m in all_mentions])
    site_persons = {(key, Ref("registry", actor_id, "person"))
                    for key, actor_id in registry.full_names}

    for item, reading in zip(articles, readings, strict=True):
        slug = item.article.slug
        mentions = reading.mentions
        local: dict[str, set[Ref]] = {}
        heads: dict[str, set[Ref]] = {}
        for pair, long in reading.acronyms:
            if long is not None:
                target = direct[id(long)] or own(long)
            else:
                target = direct_of.resolve(pair.long, "organization", item.article.lang)
                if target is None:
                    target = Ref("name", normalize_name(pair.long, "organization").key,
                                 "organization")
                    long_texts.setdefault(target, []).append(pair.long)
            # "l'Observatoire" after "Observatoire harzanais des droits humains (OHDH)".
            heads.setdefault(head_word(pair.long, item.article.lang), set()).add(target)
            short = normalize_name(pair.short, "organization").key
            # A key equal to the long form's own key says nothing; a registry id
            # that happens to equal the acronym ("odl") is no such key.
            if short and (target.space != "name" or short != target.value):
                local.setdefault(short, set()).add(target)
        # An acronym two long forms claim in one article means nothing there.
        evidence.article_acronyms[slug] = {
            k: next(iter(found)) for k, found in local.items() if len(found) == 1
        }
        for short, found in local.items():
            site_acronyms.setdefault(short, set()).update(found)

        persons: set[tuple[str, Ref]] = set()
        others: set[tuple[str, Ref]] = set()
        has_short = False
        for mention in mentions:
            if is_full_person(mention):
                ref = direct[id(mention)]
                if ref is None:
                    ref = Ref("name", canonical[merge_key(mention.name.key)], "person")
                persons.add((mention.name.key, ref))
                evidence.full_persons.setdefault(mention.name.key, ref)
            elif mention.kind != "place" and is_full_name(mention.name.display):
                ref = direct[id(mention)] or own(mention)
                others.add((mention.name.key, ref))
                display, lang = mention.name.display, mention.entity.lang
                if refine_kind(mention.kind, display, lang) == "organization":
                    heads.setdefault(head_word(display, lang), set()).add(ref)
            else:
                has_short = has_short or is_short_form(mention) or mention.speaker
        site_persons |= persons
        if heads:
            evidence.article_heads[slug] = heads
        if has_short:  # only articles with a short form ever ask
            evidence.article_names[slug] = _index(persons)
            evidence.article_other_names[slug] = _index(others)

    for key, ref in sorted(site_persons):
        evidence.site_names.add(key, ref)
        evidence.full_persons.setdefault(key, ref)
    # An acronym is a strong identifier: one long form site-wide makes it an
    # alias everywhere; two make it per-article only.
    evidence.site_acronyms = {
        k: next(iter(found)) for k, found in site_acronyms.items() if len(found) == 1
    }
    return evidence, long_texts


def link_actors(
    articles: Sequence[AnnotatedArticle], registry: Registry, site_lang: str = "fr",
    readings: Readings | None = None,
) -> dict[str, Actor]:
    """Link every entity to an actor (sets `Entity.actor`); return all actors by id.

    `readings` keeps what was read of each article for the next call: the
    preview server passes the same one to every rebuild.
    """
    with without_cyclic_gc():
        return _link(articles, registry, site_lang, readings)


def _link(
    articles: Sequence[AnnotatedArticle], registry: Registry, site_lang: str,
    readings: Readings | None,
) -> dict[str, Actor]:
    index = RegistryIndex.build(registry)
    read = readings.of(list(articles)) if readings is not None else \
        [read_article(item) for item in articles]
    langs = _languages(read, site_lang)
    places = gazetteer(langs)
    direct_of = Direct.build(index, places)
    if readings is not None:
        # Direct matches depend on the registry and the languages only.
        readings.keep_direct_for(registry, frozenset(langs))

    for item in articles:
        for entity in item.annotations.entities:
            # Ids from an earlier run (a cached annotation) are recomputed;
            # only the annotate stage's registry matches are kept, by `Direct`.
            if entity.actor not in index.ids:
                entity.actor = None
    mentions = [m for reading in read for m in reading.mentions]
    direct: dict[int, Ref | None] = {}
    for reading in read:
        if reading.direct is None:
            reading.direct = [direct_of.of(m) for m in reading.mentions]
        for mention, ref in zip(reading.mentions, reading.direct, strict=True):
            direct[id(mention)] = ref
    evidence, long_texts = _gather_evidence(articles, read, direct_of, direct, index)

    # A "person" that names a city, after "à"/"in", or that the site also
    # writes as a place (in any spelling: "Latakia" tagged PER, "Lattaquié"
    # LOC elsewhere), or one name that no person of the site bears, is that city.
    places_written: set[Ref] = set()
    # The countries each article names, to tell "Tripoli" (LB) from "Tripoli" (LY).
    countries_of: dict[str, set[str]] = {}
    for m in mentions:
        ref = direct[id(m)]
        if ref is None:
            continue
        if m.kind != "person" and ref.kind == "place":
            places_written.add(ref)
        if ref.space == "country":
            countries_of.setdefault(m.article, set()).add(ref.value)
    final: list[Ref | None] = []  # None: left unlinked, as ambiguous
    article_start = 0  # index in `mentions` of the current article's first mention
    for n, mention in enumerate(mentions):
        if n and mention.article != mentions[n - 1].article:
            article_start = n
        if mention.nickname_of is not None:
            # Same person as the name the nickname follows ("Daglo, dit « Hemedti »").
            final.append(final[article_start + mention.nickname_of])
            continue
        ref = direct[id(mention)]
        part_of_city = _region_of_part(mention)
        if ref is not None and ref.space == "city" and part_of_city:
            ref = None  # "Bolívar state" is not Ciudad Bolívar
        if ref is None or ref.space == "city":
            # The article's own organization beats a gazetteer's alternate name:
            # "l'[Observatoire]" is not the Paris district "Paris 14 Observatoire".
            ref = evidence.back_reference(mention) or ref
        ref = ref or evidence.redirect(mention)
        if ref is None and may_be_city(mention) and not part_of_city:
            # A country or a city, whatever the model thought ("[Mali]", "[Hama]").
            place = direct_of.resolve(mention.entity.text, "place", mention.entity.lang)
            # Nobody on the site has that name ("la route de [Gaziantep]").
            nobody = is_short_form(mention) and not evidence.site_names.candidates(
                mention.name.key)
            # A country needs the locative: "Jordan" the player is written elsewhere
            # as the country too, and nobody else is called Jordan.
            if place is not None and (mention.locative or (
                    place.space != "country" and (place in places_written or nobody))):
                ref = place
        if ref is None and evidence.ambiguous(mention):
            final.append(None)
            continue
        if ref is not None and ref.space == "city":
            ref = _city_in_article(ref, mention, countries_of)
        final.append(ref or own(mention))

    final = _settle_person_or_place(mentions, final)

    # Auto actors: keys → nodes (split by kind group) → clusters. An auto
    # actor's slot is its signature: its kind group and smallest key, which
    # only evidence about this very actor can change (see slugs.py).
    groups = group_table((ref.value, ref.kind) for ref in final
                         if ref is not None and ref.space == "name")

    def node_of(ref: Ref) -> Node | None:
        group = groups.get(ref.value, {}).get(ref.kind)
        return None if group is None else (group, ref.value)

    roots = cluster(node for ref in final
                    if ref is not None and (node := node_of(ref)) is not None)

    def slot_of(ref: Ref) -> tuple[str, str] | None:
        """The actor a reference lands in; None only for a long form no mention uses."""
        if ref.space != "name":
            return (ref.space, ref.value)
        node = node_of(ref)
        if node is None or node not in roots:
            return None
        group, key = roots[node]
        return ("name", f"{group}:{key}")

    pending: dict[tuple[str, str], _Pending] = {
        ("registry", entry.id): _Pending() for entry in registry.actors
    }
    for mention, ref in zip(mentions, final, strict=True):
        if ref is None:
            continue
        slot = slot_of(ref)
        assert slot is not None  # every mention's own reference made a node above
        actor = pending.get(slot) or pending.setdefault(slot, _Pending())
        actor.mentions.append(mention)
        actor.forms.append(mention.name.display)
        actor.surfaces.append(mention.entity.text)
        # A mention sent to another person's key (a surname, a name completed
        # from its neighbour word) counts as a person.
        sent = ref.kind == "person" and ref.value != mention.name.key
        vote = "person" if sent else mention.kind
        if vote != ref.kind and {vote, ref.kind} <= {"person", "place"}:
            vote = ref.kind  # settled by the side with evidence (_settle_person_or_place)
        # Words that say the kind ("le mouvement [Ansar Allah]", "M. [X]", "[Leïla], 34
        # ans") outweigh the model's label elsewhere on the site.
        evident = mention.designated or mention.titled or mention.aged
        actor.kinds[vote] += EVIDENCE_VOTES if evident and vote == mention.kind else 1
    for ref, texts in long_texts.items():
        slot = slot_of(ref)
        if slot in pending:  # only long forms that some mention points at
            pending[slot].forms += [normalize_name(t, "organization").display for t in texts]
            pending[slot].surfaces += texts
    return _build_actors(pending, registry, places.name, site_lang)


def _region_of_part(mention: Mention) -> bool:
    """A region named by part of a city's name: "[Bolívar] state" is not Ciudad
    Bolívar. A region named like its city ("la province d'Alep") is linked to it:
    readers know them by one name."""
    if not mention.region:
        return False
    city = lookup_city(mention.name.key)
    return city is not None and len(city.name.split()) > len(mention.name.display.split())


def _city_in_article(ref: Ref, mention: Mention, countries_of: dict[str, set[str]]) -> Ref:
    """Of the cities a name may be, the one in a country the article names."""
    candidates = city_candidates(mention.name.key)
    if len(candidates) < 2:
        return ref
    named = countries_of.get(mention.article, set())
    for city in candidates:
        if city.country in named:
            return ref._replace(value=city.geonameid)
    return ref


# How many model labels one mention whose own words say its kind outweighs.
EVIDENCE_VOTES = 3


def _settle_person_or_place(mentions: Sequence[Mention],
                            final: list[Ref | None]) -> list[Ref | None]:
    """One name read as a person here and a place there: the side with evidence wins.

    Persons and places never share an actor ("Washington" the general and the
    city). But when only one side has evidence (a title or a full name for
    the person; a designator or a locative for the place), the other side is
    the model's mistake: "Mme [Ferreira]" and "à Genève [Ferreira]" tagged
    LOC are one person. With evidence on both sides, or none, they stay apart.
    """
    persons: dict[str, list[Mention]] = {}  # key -> its mentions read as a person
    place: dict[str, bool] = {}  # key -> some mention has place evidence
    for mention, ref in zip(mentions, final, strict=True):
        if ref is None or ref.space != "name":
            continue
        if ref.kind == "person":
            persons.setdefault(ref.value, []).append(mention)
        elif ref.kind == "place":
            place[ref.value] = place.get(ref.value, False) or mention.designated \
                or mention.locative
    winner: dict[str, EntityKind] = {}
    for key, found in persons.items():
        if key not in place:
            if _town_read_as_person(found):
                winner[key] = "place"
            continue
        person = any(m.after_title or is_full_name(m.name.display) for m in found)
        if person and not place[key]:
            winner[key] = "person"
        elif place[key] and not person:
            winner[key] = "place"
    if not winner:
        return final
    return [ref._replace(kind=winner[ref.value])
            if ref is not None and ref.space == "name" and ref.value in winner
            and ref.kind in ("person", "place") else ref
            for ref in final]


def _town_read_as_person(found: Sequence[Mention]) -> bool:
    """A name the model only ever read as a person, yet always written after a locative
    or next to a place ("près de [Tal Abyad]", "Ras al-Aïn et [Tal Abyad]"), never
    after a title: a town the gazetteer does not know. Twice at least, or a single
    word: "a remis le prix à [Marie Dupont]" once is a person spoken to."""
    return all(m.locative and not m.after_title for m in found) \
        and (len(found) >= 2 or not is_full_name(found[0].name.display))


def _build_actors(
    pending: dict[tuple[str, str], _Pending],
    registry: Registry,
    country_name: Callable[[str, str], str],
    site_lang: str,
) -> dict[str, Actor]:
    """Name, kind, aliases and id of every actor; sets each mention's `actor`."""
    entries = {entry.id: entry for entry in registry.actors}
    requests: dict[tuple[str, str], IdRequest] = {}
    for slot, actor in pending.items():
        space, value = slot
        if space == "registry":
            entry = entries.get(value)
            if entry is not None:
                actor.name, actor.kind = entry.name, entry.kind
            requests[slot] = IdRequest(f"registry:{value}", actor.name, actor.kind, fixed=value)
        elif space == "country":
            # A country is named in the site's language: "Syria" → "Syrie", id "syrie".
            actor.name, actor.kind = country_name(value, site_lang), "place"
            requests[slot] = IdRequest(f"country:{value}", actor.name, "place", rank=0)
        elif space == "city":
            # GeoNames' own name is English usage; the site's writers decide, in
            # the site's language when they wrote it so ("Alep", not "Aleppo").
            local = [m.name.display for m in actor.mentions if m.entity.lang == site_lang]
            actor.name, actor.kind = ordinary_case(best_display(local or actor.forms)), "place"
            requests[slot] = IdRequest(f"city:{value}", actor.name, "place", rank=1)
        else:
            actor.name = best_display(actor.forms)
            # The name's head noun, as in the annotate stage: an acronym's long
            # form read from the text ("Force intérimaire… (Finul)") names an
            # organization even when the model tagged the acronym as a place.
            actor.kind = refine_kind(majority_kind(actor.kinds), actor.name, site_lang)
            group = value.split(":", 1)[0]
            requests[slot] = IdRequest(value, actor.name, actor.kind, rank=_RANK[group])
    ids = assign_ids(requests.values())

    actors: dict[str, Actor] = {}
    for slot, actor in pending.items():
        actor_id = ids[requests[slot].signature]
        for mention in actor.mentions:
            # Readers see one kind per actor: the mentions follow it.
            mention.entity.actor, mention.entity.kind = actor_id, actor.kind
        entry = entries.get(slot[1]) if slot[0] == "registry" else None
        if entry is not None:
            declared = [text for _, text in entry.aliases]
            actors[actor_id] = Actor(
                actor_id, entry.name, entry.kind, aliases(declared + actor.surfaces, entry.name),
                entry.description, dict(entry.links), from_registry=True)
        else:
            actors[actor_id] = Actor(actor_id, actor.name, actor.kind,
                                     aliases(actor.surfaces, actor.name))
    return {actor_id: actors[actor_id] for actor_id in sorted(actors)}
