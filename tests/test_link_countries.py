"""Countries across languages, from CLDR, and the kinds that may (not) become one."""

from __future__ import annotations

from site_builder.link import Registry, RegistryActor, link_actors
from site_builder.link.countries import country_codes, gazetteer, name_variants
from site_builder.link.normalize import normalize_name
from tests.test_link_support import actor_of, art


def code(text: str, lang: str) -> str | None:
    return gazetteer(["fr", "en"]).lookup(normalize_name(text, "place").key, lang)


def test_country_codes_are_real_territories():
    codes = country_codes()
    assert {"SY", "US", "JO", "FR", "PS", "XK"} <= codes
    assert not {"EU", "UN", "EZ", "ZZ", "XA", "001"} & codes


def test_names_in_both_languages_map_to_one_code():
    assert code("Syrie", "fr") == code("Syria", "en") == "SY"
    assert code("les États-Unis", "fr") == code("the United States", "en") == "US"
    assert code("Royaume-Uni", "fr") == code("United Kingdom", "en") == "GB"
    assert code("Syria", "fr") == "SY"  # an English name in a French article still counts


def test_variants_derived_from_cldr_names():
    assert name_variants("Myanmar (Birmanie)", "{0} et {1}")[1] == ["Myanmar", "Birmanie"]
    assert name_variants("Bosnia & Herzegovina", "{0} and {1}")[1] == ["Bosnia and Herzegovina"]
    assert code("Birmanie", "fr") == code("Burma", "en") == "MM"
    # A derived head never takes a country's main name: Saint-Martin is MF, not SX.
    assert code("Saint-Martin", "fr") == "MF"


def test_country_actor_is_named_in_the_site_language():
    a = art("a", "Les frappes en [Syrie|loc] ont repris, selon [Washington|loc].")
    b = art("b", "Strikes in [Syria|loc] resumed, the [United States|loc] said.", lang="en")
    actors = link_actors([a, b], Registry(), site_lang="fr")
    assert actor_of(a, "Syrie") == actor_of(b, "Syria") == "syrie"
    assert actors["syrie"].name == "Syrie"
    assert actors["syrie"].kind == "place"
    assert actors["syrie"].aliases == ["Syria"]
    assert actor_of(b, "United States") == "etats-unis"
    english = link_actors([a, b], Registry(), site_lang="en")
    assert english["syria"].aliases == ["Syrie"]


def test_organization_named_exactly_like_a_country_is_the_country():
    a = art("a", "La [Syrie|org] a voté contre la résolution.")
    b = art("b", "La [Syrie|loc] est exsangue.")
    link_actors([a, b], Registry())
    assert actor_of(a, "Syrie") == actor_of(b, "Syrie") == "syrie"


def test_a_person_named_like_a_country_stays_a_person():
    a = art("a", "Le joueur [Jordan|per] a marqué.", lang="en")
    b = art("b", "Le roi de [Jordanie|loc] est arrivé.")
    c = art("c", "Refugees reached [Jordan|loc].", lang="en")
    actors = link_actors([a, b, c], Registry())
    assert actor_of(b, "Jordanie") == actor_of(c, "Jordan") == "jordanie"
    assert actors[actor_of(a, "Jordan")].kind == "person"
    assert actor_of(a, "Jordan") != "jordanie"


def test_person_and_place_with_the_same_name_are_two_actors():
    a = art("a", "[George Washington|per] est né en 1732. [Washington|per] fut président.",
            "La [Maison-Blanche|org] est à [Washington|loc].")
    b = art("b", "[Washington|loc] a répondu. [Washington|loc] insiste.")
    actors = link_actors([a, b], Registry())
    city = actor_of(b, "Washington")
    assert actor_of(a, "Washington", 1) == city
    assert actor_of(a, "Washington", 0) == actor_of(a, "George Washington") != city
    assert actors[city].kind == "place"


def test_registry_place_takes_its_country_in_every_language():
    registry = Registry((RegistryActor("syrie-pays", "Syrie", "place"),))
    a = art("a", "Strikes in [Syria|loc] resumed.", lang="en")
    actors = link_actors([a], registry)
    assert actor_of(a, "Syria") == "syrie-pays"
    assert "syrie" not in actors
