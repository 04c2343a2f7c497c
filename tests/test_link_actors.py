"""link_actors end to end: names, kinds, aliases, determinism, speed; and actor_index."""

from __future__ import annotations

import copy
import random

from site_builder.link import Registry, actor_index, link_actors
from site_builder.link.display import aliases, best_display
from site_builder.link.kinds import assign_groups, compatible, majority_kind
from tests.test_link_support import actor_of, art

# --------------------------------------------------------------- small rules


def test_display_is_the_longest_form_in_its_most_frequent_casing():
    assert best_display(["Trump", "Donald Trump", "Trump"]) == "Donald Trump"
    assert best_display(["OSDH", "Observatoire syrien des droits de l’Homme"]) == (
        "Observatoire syrien des droits de l’Homme")
    assert best_display(["HAYAT TAHRIR AL-CHAM", "Hayat Tahrir al-Cham",
                         "Hayat Tahrir al-Cham"]) == "Hayat Tahrir al-Cham"
    # One each: the accented spelling wins over the stripped one.
    assert best_display(["Etats-Unis", "États-Unis"]) == "États-Unis"


def test_aliases_are_distinct_sorted_and_without_the_name():
    assert aliases(["M. Assad", "Assad", "Bachar al-Assad", "Assad", "al-Assad"],
                   "Bachar al-Assad") == ["Assad", "M. Assad", "al-Assad"]


def test_kind_groups_keep_persons_and_places_apart():
    assert not compatible("person", "place")
    assert compatible("person", "organization") and compatible("place", "other")
    groups = assign_groups({"person": 2, "place": 1, "organization": 3})
    assert groups["person"] == "person" and groups["place"] == "place"
    assert groups["organization"] == "person"  # joins the larger side
    assert assign_groups({"organization": 1, "other": 1})["other"] == "thing"


def test_majority_kind_with_deterministic_ties():
    assert majority_kind({"organization": 3, "person": 2}) == "organization"
    assert majority_kind({"organization": 2, "person": 2}) == "person"
    assert majority_kind({"other": 1, "place": 1}) == "place"


# ----------------------------------------------------------------- linking


def test_kind_is_the_majority_of_mentions():
    a = art("a", "[Hayat Tahrir al-Cham|org] avance.", "[Hayat Tahrir al-Cham|misc] recule.",
            "[Hayat Tahrir al-Cham|org] tient Idleb.")
    actors = link_actors([a], Registry())
    assert actors[actor_of(a, "Hayat Tahrir al-Cham")].kind == "organization"


def test_honorific_makes_a_mislabelled_mention_a_person():
    a = art("a", "[Samir Haddad|per] est médecin. [M. Haddad|org] a soigné des blessés.")
    actors = link_actors([a], Registry())
    assert actor_of(a, "M. Haddad") == actor_of(a, "Samir Haddad") == "samir-haddad"
    assert actors["samir-haddad"].kind == "person"


def test_case_diacritics_and_articles_do_not_split_actors():
    a = art("a", "Le [Hezbollah|org] dément.", "Le [HEZBOLLAH|org] dément encore.")
    b = art("b", "Selon le [hezbollah|org] libanais…", "[Al Qaïda|org] et [Al-Qaida|org].")
    actors = link_actors([a, b], Registry())
    hezbollah = actor_of(a, "Hezbollah")
    assert actor_of(a, "HEZBOLLAH") == actor_of(b, "hezbollah") == hezbollah
    assert actors[hezbollah].name == "Hezbollah"
    assert actors[hezbollah].aliases == ["HEZBOLLAH", "hezbollah"]
    assert actor_of(b, "Al Qaïda") == actor_of(b, "Al-Qaida")


def test_every_entity_is_linked_and_actors_come_sorted():
    a = art("a", "Selon l’[Observatoire syrien des droits de l’Homme|org] ([OSDH|org]), "
                 "[Bachar al-Assad|per] a visité [Alep|loc]. [M. Assad|per] est reparti.")
    actors = link_actors([a], Registry())
    assert all(e.actor in actors for e in a.annotations.entities)
    assert list(actors) == sorted(actors)


def test_same_input_same_output_in_any_order():
    def site():
        return [
            art("a", "[Samir Haddad|per] et l’[Organisation mondiale de la santé|org] "
                     "([OMS|org]) à [Alep|loc]."),
            art("b", "[Leïla Haddad|per] et [Haddad|per]. L’[OMS|org] en [Syrie|loc]."),
            art("c", "[Haddad|per] a parlé à [Damas|loc] avec [Washington|loc].",
                "Le général [Washington|per] écoute."),
        ]

    first = site()
    reference = link_actors(first, Registry())
    expected = {(i.article.slug, e.start, e.block): e.actor
                for i in first for e in i.annotations.entities}
    for seed in range(5):
        articles = site()
        random.Random(seed).shuffle(articles)
        assert link_actors(articles, Registry()) == reference
        assert {(i.article.slug, e.start, e.block): e.actor
                for i in articles for e in i.annotations.entities} == expected


def test_linking_twice_gives_the_same_result():
    a = art("a", "[Bachar al-Assad|per] et [Assad|per].")
    first = link_actors([a], Registry())
    again = link_actors([copy.deepcopy(a)], Registry())
    assert first == again


# ------------------------------------------------------------------- index


def test_actor_index():
    a = art("a", "[Bachar al-Assad|per] à [Alep|loc]. [M. Assad|per] et l’[OSDH|org].")
    b = art("b", "L’[OSDH|org] à [Alep|loc]. L’[OSDH|org] encore, et [Idleb|loc].")
    c = art("c", "Rien à [Idleb|loc].")
    actors = link_actors([a, b, c], Registry())
    index = actor_index([a, b, c], actors)
    assad, osdh, alep, idleb = (actor_of(a, "Bachar al-Assad"), actor_of(a, "OSDH"),
                                actor_of(a, "Alep"), actor_of(b, "Idleb"))
    assert [(m.article, m.entity.text) for m in index.mentions[assad]] == [
        ("a", "Bachar al-Assad"), ("a", "M. Assad")]
    assert index.counts[osdh] == {"a": 1, "b": 2}
    assert [tuple(r) for r in index.related[osdh]] == [
        (alep, 2, 2), (assad, 1, 1), (idleb, 1, 1)]
    assert [tuple(r) for r in index.related[idleb]] == [(alep, 1, 1), (osdh, 1, 1)]
    assert [tuple(x) for x in index.by_article["b"]] == [(osdh, 2), (alep, 1), (idleb, 1)]


def test_index_lists_unmentioned_actors():
    actors = link_actors([], Registry())
    assert actor_index([], actors).mentions == {}


# ------------------------------------------------------------------- speed
