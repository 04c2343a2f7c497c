"""Evidence an article gives about its own short mentions: a surname before a
reporting verb, a head noun that refers back to an organization named in full,
a name the model cut short next to its other half, an age in apposition. And
the merges each of these must never make."""

from __future__ import annotations

from site_builder.link import Registry, link_actors
from tests.test_link_support import actor_of, art


def test_a_surname_before_a_reporting_verb_is_the_person_of_the_article():
    a = art("a", "“We have no fuel left,” said Dr. [Odile Ranvik|per], who runs the clinic.",
            "[Ranvik|org] said three nurses had left.", lang="en")
    b = art("b", "[Tomas Brell|per] heads the league. [Brell|misc] told reporters it would vote.",
            "[Brell|org]'s group meets on Monday.", lang="en")
    actors = link_actors([a, b], Registry())
    assert actor_of(a, "Ranvik") == actor_of(a, "Odile Ranvik")
    assert actors[actor_of(a, "Ranvik")].kind == "person"
    assert actor_of(b, "Brell") == actor_of(b, "Brell", 1) == actor_of(b, "Tomas Brell")


def test_a_reporting_verb_does_not_choose_between_two_relatives():
    a = art("a", "[Ilan Vesko|per] and his sister [Mara Vesko|per] run the firm.",
            "[Vesko|org] said the plant would close.", lang="en")
    link_actors([a], Registry())
    assert actor_of(a, "Vesko") not in (actor_of(a, "Ilan Vesko"), actor_of(a, "Mara Vesko"))
    assert actor_of(a, "Ilan Vesko") != actor_of(a, "Mara Vesko")


def test_without_a_reporting_verb_an_organization_stays_itself():
    # "Ford" the company next to a person called Ford: no verb, no possessive.
    a = art("a", "[Helen Ford|per] bought shares of [Ford|org] on Monday.", lang="en")
    link_actors([a], Registry())
    assert actor_of(a, "Ford") != actor_of(a, "Helen Ford")


def test_a_head_noun_refers_back_to_the_organization_of_its_article():
    a = art("a", "L’[Observatoire valdéen des libertés|org] ([OVL|org]) a publié un bilan.",
            "L’[Observatoire|loc] accuse l’armée de mentir.")
    b = art("b", "The [Valdean Liberties Observatory|org] counted 40 dead.",
            "“The [Observatory|per] is lying,” the minister said.", lang="en")
    actors = link_actors([a, b], Registry())
    assert actor_of(a, "Observatoire") == actor_of(a, "Observatoire valdéen des libertés")
    assert actors[actor_of(a, "Observatoire")].kind == "organization"
    assert actor_of(b, "Observatory") == actor_of(b, "Valdean Liberties Observatory")


def test_a_head_noun_two_organizations_share_is_left_alone():
    a = art("a", "La [Commission électorale|org] et la [Commission des droits civiques|org] "
                 "se réunissent.", "La [Commission|org] a publié un avis.")
    link_actors([a], Registry())
    commission = actor_of(a, "Commission")
    assert commission not in (actor_of(a, "Commission électorale"),
                              actor_of(a, "Commission des droits civiques"))


def test_a_head_noun_alone_in_another_article_is_not_linked():
    a = art("a", "L’[Observatoire valdéen des libertés|org] a publié un bilan.")
    b = art("b", "L’[Observatoire|org] de Brenne a rouvert.")
    link_actors([a, b], Registry())
    assert actor_of(b, "Observatoire") != actor_of(a, "Observatoire valdéen des libertés")


def test_a_name_cut_short_joins_the_full_name_its_neighbour_word_makes():
    a = art("a", "La ministre [Inès Carlow|per] est arrivée.")
    b = art("b", "Inès [Carlow|loc], la ministre, a signé l’accord.")
    c = art("c", "[Inès|misc] Carlow a refusé de commenter.")
    actors = link_actors([a, b, c], Registry())
    person = actor_of(a, "Inès Carlow")
    assert actor_of(b, "Carlow") == person == actor_of(c, "Inès")
    assert actors[person].kind == "person"


def test_a_neighbour_word_never_joins_two_brothers():
    a = art("a", "[Yann Morvel|per] commande les troupes ; son frère [Erwan Morvel|per] "
                 "dirige le parti.")
    b = art("b", "Selon Yann [Morvel|loc], la ville tient.")
    link_actors([a, b], Registry())
    assert actor_of(b, "Morvel") == actor_of(a, "Yann Morvel")
    assert actor_of(a, "Yann Morvel") != actor_of(a, "Erwan Morvel")


def test_an_age_in_apposition_says_person():
    a = art("a", "Une habitante, [Salomé|loc], 34 ans, a fui.",
            "Parmi eux, [Ysée|loc], âgée de 47 ans, attend son fils.")
    b = art("b", "A farmer, [Omar|loc], 52, said the road was closed.", lang="en")
    c = art("c", "La ville de [Brenne|loc], 12 000 habitants, est encerclée.")
    actors = link_actors([a, b, c], Registry())
    for item, name in ((a, "Salomé"), (a, "Ysée"), (b, "Omar")):
        assert actors[actor_of(item, name)].kind == "person", name
    assert actors[actor_of(c, "Brenne")].kind == "place"
