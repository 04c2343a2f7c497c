"""Surnames and short forms → full names, and the people who must stay apart."""

from __future__ import annotations

from site_builder.link import Registry, RegistryActor, link_actors
from site_builder.link.names import FullNameIndex, contains, core_tokens, is_full_name, merge_key
from tests.test_link_support import actor_of, art

# ------------------------------------------------------------------- helpers


def test_full_names_and_short_forms():
    assert is_full_name("Bachar al-Assad")
    assert is_full_name("Jean-Luc Mélenchon")
    assert not is_full_name("Strauss-Kahn")
    assert not is_full_name("al-Assad")
    assert not is_full_name("Ben Laden")
    assert is_full_name("Mohammed ben Salmane")


def test_particles_are_optional():
    assert core_tokens("bachar al assad") == ("bachar", "assad")
    assert merge_key("bachar al assad") == merge_key("bachar el assad") == "bachar assad"
    assert merge_key("ben ali") == "ben ali"  # never down to one word
    assert contains(("oussama", "laden"), core_tokens("ben laden"))
    assert not contains(("a", "b"), ())


def test_full_name_index_answers_only_when_unique():
    index: FullNameIndex[str] = FullNameIndex()
    index.add("samir haddad", "samir")
    index.add("leila haddad", "leila")
    index.add("bachar al assad", "bachar")
    assert index.unique("assad") == "bachar"
    assert index.unique("al assad") == "bachar"
    assert index.unique("haddad") is None
    assert index.unique("trump") is None


# ------------------------------------------------------------------- linking


def test_surname_links_to_the_full_name_in_the_article():
    a = art("a", "Le président syrien [Bachar al-Assad|per] n’a pas réagi. "
                 "[M. Assad|per] doit s’exprimer jeudi, a indiqué [al-Assad|per].")
    actors = link_actors([a], Registry())
    assad = actor_of(a, "Bachar al-Assad")
    assert actor_of(a, "M. Assad") == actor_of(a, "al-Assad") == assad == "bachar-al-assad"
    assert actors[assad].aliases == ["M. Assad", "al-Assad"]


def test_english_honorifics_and_first_mention_later():
    a = art("a", "[Mr. Trump|per] said on Tuesday that [Donald Trump|per] would not attend.",
            lang="en")
    link_actors([a], Registry())
    assert actor_of(a, "Mr. Trump") == actor_of(a, "Donald Trump") == "donald-trump"


def test_surname_links_across_the_site_when_one_full_name_fits():
    a = art("a", "[Donald Trump|per] a signé le décret.")
    b = art("b", "[Trump|per] a démenti.")
    link_actors([a, b], Registry())
    assert actor_of(b, "Trump") == actor_of(a, "Donald Trump")


def test_two_haddads_never_merge():
    a = art("a", "[Samir Haddad|per], médecin à [Alep|loc], témoigne. [M. Haddad|per] a vu "
                 "des blessés.")
    b = art("b", "[Leïla Haddad|per], avocate, dénonce les arrestations. [Mme Haddad|per] "
                 "a été menacée.")
    c = art("c", "Selon [Haddad|per], la route est coupée.")
    actors = link_actors([a, b, c], Registry())
    samir, leila = actor_of(a, "Samir Haddad"), actor_of(b, "Leïla Haddad")
    assert samir != leila
    assert actor_of(a, "M. Haddad") == samir
    assert actor_of(b, "Mme Haddad") == leila
    # No full name in its article, two on the site: its own actor, joined to neither.
    alone = actor_of(c, "Haddad")
    assert alone not in {samir, leila}
    assert actors[alone].name == "Haddad"


def test_a_surname_shared_in_one_article_stays_apart():
    a = art("a", "[Marine Le Pen|per] et [Jean-Marie Le Pen|per] étaient présents. "
                 "[Le Pen|per] a pris la parole.")
    link_actors([a], Registry())
    assert actor_of(a, "Le Pen") not in {actor_of(a, "Marine Le Pen"),
                                         actor_of(a, "Jean-Marie Le Pen")}


def test_in_article_evidence_beats_the_site():
    a = art("a", "[Samir Haddad|per] témoigne. [Haddad|per] a vu des blessés.")
    b = art("b", "[Leïla Haddad|per] dénonce. [Haddad|per] a été menacée.")
    link_actors([a, b], Registry())
    assert actor_of(a, "Haddad") == actor_of(a, "Samir Haddad")
    assert actor_of(b, "Haddad") == actor_of(b, "Leïla Haddad")


def test_particle_spellings_of_one_full_name_merge():
    a = art("a", "[Bachar al-Assad|per] a parlé.")
    b = art("b", "[Bachar el-Assad|per] s’est tu. [Assad|per] ne répond pas.")
    actors = link_actors([a, b], Registry())
    assad = actor_of(a, "Bachar al-Assad")
    assert actor_of(b, "Bachar el-Assad") == actor_of(b, "Assad") == assad
    assert "Bachar el-Assad" in actors[assad].aliases


def test_particle_short_forms():
    a = art("a", "[Oussama ben Laden|per] a été tué. [Ben Laden|per] se cachait.")
    link_actors([a], Registry())
    assert actor_of(a, "Ben Laden") == actor_of(a, "Oussama ben Laden")


def test_a_full_name_is_not_a_short_form_of_a_longer_one():
    a = art("a", "[Donald Trump|per] et [Donald Trump Jr.|per] sont arrivés.")
    link_actors([a], Registry())
    assert actor_of(a, "Donald Trump") != actor_of(a, "Donald Trump Jr.")


def test_registry_person_counts_as_a_full_name_on_the_site():
    registry = Registry((RegistryActor("assad", "Bachar al-Assad", "person"),))
    a = art("a", "[Assad|per] n’a pas réagi.")
    link_actors([a], registry)
    assert actor_of(a, "Assad") == "assad"


def test_surnames_only_link_persons():
    a = art("a", "[Bachar al-Assad|per] a parlé à [Assad|loc].")
    link_actors([a], Registry())
    assert actor_of(a, "Assad") != actor_of(a, "Bachar al-Assad")


def test_honorific_outside_the_entity_still_says_person():
    # fr_core_news_sm leaves "M." out and tags the bare surname as a place.
    a = art("a", "Le médecin [Samir Haddad|per] a soigné des blessés. M. [Haddad|loc] a décrit "
                 "des scènes de panique.")
    actors = link_actors([a], Registry())
    assert actor_of(a, "Haddad") == actor_of(a, "Samir Haddad") == "samir-haddad"
    assert actors["samir-haddad"].kind == "person"


def test_titled_short_form_takes_a_mislabelled_full_name_in_its_article():
    a = art("a", "[Samir Haddad|per] témoigne.")
    b = art("b", "L’avocate [Leïla Haddad|org] dénonce les arrestations. [Mme Haddad|per] a "
                 "été menacée.")
    actors = link_actors([a, b], Registry())
    leila = actor_of(b, "Leïla Haddad")
    assert actor_of(b, "Mme Haddad") == leila != actor_of(a, "Samir Haddad")
    assert actors[leila].kind == "person"  # one person vote against one organization vote


def test_untitled_short_form_is_not_taken_by_an_organization_but_is_blocked_by_it():
    a = art("a", "[Samir Haddad|per] témoigne.")
    b = art("b", "La [Fondation Haddad|org] finance l’hôpital. [Haddad|per] a signé.")
    link_actors([a, b], Registry())
    alone = actor_of(b, "Haddad")
    # The article's own evidence (a Haddad that is not Samir) beats the site's.
    assert alone not in {actor_of(a, "Samir Haddad"), actor_of(b, "Fondation Haddad")}
