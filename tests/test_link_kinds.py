"""One kind per actor, from evidence: designators, GeoNames cities, locatives;
and the merges that must never happen."""

from __future__ import annotations

from site_builder.link import Registry, link_actors
from site_builder.link.kinds import read_cues
from site_builder.link.places import lookup_city
from tests.test_link_support import actor_of, art


def designated_kind(before):
    return read_cues(before, "").designated


def after_locative(before):
    return read_cues(before, "").locative


def test_designators_say_the_kind():
    assert designated_kind("dans la ville de ") == "place"
    assert designated_kind("le village d’") == "place"
    assert designated_kind("la ville syrienne de ") == "place"
    assert designated_kind("the town of ") == "place"
    assert designated_kind("le groupe jihadiste ") == "organization"
    assert designated_kind("the militia ") == "organization"
    # "de" after an organization noun introduces its leader, not its name.
    assert designated_kind("le parti de ") is None
    assert designated_kind("a déclaré ") is None


def test_locatives():
    assert after_locative("frappes à ")
    assert after_locative("près d’")
    assert after_locative("fighting near ")
    assert not after_locative("a déclaré ")


def test_cities_in_every_spelling_are_one():
    latakia = lookup_city("lattaquie")
    assert latakia is not None and latakia.country == "SY"
    assert lookup_city("latakia") == latakia == lookup_city("lattakia")
    assert lookup_city("idleb") == lookup_city("idlib")
    assert lookup_city("mossoul") == lookup_city("mosul")
    assert lookup_city("bachar") is None


def test_a_city_is_one_place_across_languages_and_kinds():
    fr = art("fr", "Des frappes ont visé [Lattaquié|loc] et [Idleb|loc].")
    en = art("en", "Strikes hit [Latakia|per] and [Idlib|org] on Sunday.", lang="en")
    actors = link_actors([fr, en], Registry())
    assert actor_of(fr, "Lattaquié") == actor_of(en, "Latakia")
    assert actor_of(fr, "Idleb") == actor_of(en, "Idlib")
    city = actors[actor_of(fr, "Lattaquié")]
    assert city.kind == "place" and city.name == "Lattaquié"
    # Readers see the actor's kind on every mention.
    assert {e.kind for e in en.annotations.entities} == {"place"}


def test_a_person_after_a_locative_is_the_city():
    item = art("a", "Les combats ont repris à [Hama|per] dimanche.")
    actors = link_actors([item], Registry())
    assert actors[actor_of(item, "Hama")].kind == "place"


def test_a_titled_person_is_never_a_city():
    item = art("a", "Le général [Washington|per] a parlé à [Washington|loc].")
    link_actors([item], Registry())
    assert actor_of(item, "Washington", 0) != actor_of(item, "Washington", 1)


def test_a_designator_decides_the_kind():
    item = art("a", "Deux civils ont été tués dans le village de [Kafr Nabl|per].",
               "Le groupe jihadiste [Ansar Dine|loc] a revendiqué l’attaque.")
    actors = link_actors([item], Registry())
    assert actors[actor_of(item, "Kafr Nabl")].kind == "place"
    assert actors[actor_of(item, "Ansar Dine")].kind == "organization"


# ------------------------------------------------------------- must not merge


def test_brothers_stay_apart():
    item = art("a", "[Bachar al-Assad|per] a nommé son frère [Maher al-Assad|per].",
               "[Maher al-Assad|per] commande la 4e division.")
    link_actors([item], Registry())
    assert actor_of(item, "Bachar al-Assad") != actor_of(item, "Maher al-Assad")
    assert actor_of(item, "Maher al-Assad", 0) == actor_of(item, "Maher al-Assad", 1)


def test_junior_stays_apart_and_the_bare_surname_is_ambiguous():
    item = art("a", "[Donald Trump Jr.|per] a défendu son père, [Donald Trump|per].",
               "[Trump|per] n’a pas réagi.")
    link_actors([item], Registry())
    father, son = actor_of(item, "Donald Trump"), actor_of(item, "Donald Trump Jr.")
    assert father != son
    # Both full names fit "Trump": it is left unlinked rather than guessed.
    assert actor_of(item, "Trump") is None


def test_two_namesakes_in_one_article_leave_the_bare_surname_unlinked():
    item = art("a", "[Leïla Haddad|per] et [Ahmed Haddad|per] ne sont pas parents.",
               "Mme [Haddad|per] a appelé à l’aide ; le Dr [Haddad|per] opère.")
    other = art("b", "[Haddad|per] a parlé.")
    actors = link_actors([item, other], Registry())
    assert actor_of(item, "Haddad", 0) is None and actor_of(item, "Haddad", 1) is None
    # Nothing pools the ambiguous mentions with another article's "Haddad".
    assert all("Mme Haddad" not in a.aliases for a in actors.values())


def test_namesakes_in_other_articles_do_not_capture_a_surname():
    a = art("a", "[Samir Haddad|per] a parlé.", "[Haddad|per] a ajouté.")
    b = art("b", "[Leïla Haddad|per] a répondu.", "[Haddad|per] a insisté.")
    link_actors([a, b], Registry())
    assert actor_of(a, "Haddad") == actor_of(a, "Samir Haddad")
    assert actor_of(b, "Haddad") == actor_of(b, "Leïla Haddad")
    assert actor_of(a, "Samir Haddad") != actor_of(b, "Leïla Haddad")


def test_one_name_read_as_person_and_place_follows_the_evidence():
    item = art("a", "Mme [Ferreira|per] a parlé.", "« Rien », a ajouté [Ferreira|loc].")
    actors = link_actors([item], Registry())
    assert actor_of(item, "Ferreira", 0) == actor_of(item, "Ferreira", 1)
    assert actors[actor_of(item, "Ferreira", 0)].kind == "person"


def test_evidence_on_both_sides_keeps_person_and_place_apart():
    item = art("a", "Le général [Morel|per] est arrivé.", "Il est entré à [Morel|loc].")
    link_actors([item], Registry())
    assert actor_of(item, "Morel", 0) != actor_of(item, "Morel", 1)


def test_a_bare_name_nobody_bears_that_names_a_city_is_the_city():
    item = art("a", "La route de [Gaziantep|per] est coupée.")
    actors = link_actors([item], Registry())
    assert actors[actor_of(item, "Gaziantep")].kind == "place"
    # A surname of someone on the site stays that person's.
    other = art("b", "[Lincoln|per] a parlé.", "[Abraham Lincoln|per] aussi.")
    link_actors([other], Registry())
    assert actor_of(other, "Lincoln") == actor_of(other, "Abraham Lincoln")


def test_an_apposition_with_a_title_makes_a_full_name_a_person():
    item = art("a", "« Rien », a déclaré [Fadi Haddad|loc], le maire de la localité.",
               "À [Abu Dhabi|loc], le prince héritier a reçu l’émissaire.")
    actors = link_actors([item], Registry())
    assert actors[actor_of(item, "Fadi Haddad")].kind == "person"
    # A place stays a place, whoever the apposition describes.
    assert actors[actor_of(item, "Abu Dhabi")].kind == "place"


def test_a_city_is_named_in_the_site_language_and_not_in_capitals():
    fr = art("fr", "[BEYROUTH|loc], 9 mars – Rien.", "Les combats à [Alep|loc].")
    en = art("en", "Fighting in [Aleppo|loc] and [Beirut|loc].", lang="en")
    actors = link_actors([fr, en], Registry())
    assert actors[actor_of(fr, "Alep")].name == "Alep"
    assert actors[actor_of(fr, "BEYROUTH")].name == "Beyrouth"
    assert actor_of(en, "Beirut") == actor_of(fr, "BEYROUTH")


def test_a_nickname_is_the_person_it_follows():
    item = art("a", "[Mohamed Hamdane Daglo|per], dit « [Hemedti|org] », a parlé.",
               "[Hemedti|org] a ensuite menacé.")
    actors = link_actors([item], Registry())
    person = actor_of(item, "Mohamed Hamdane Daglo")
    assert actor_of(item, "Hemedti", 0) == person
    assert actors[person].kind == "person"


def test_a_country_needs_a_locative_to_unmake_a_person():
    item = art("a", "Les combats ont repris au [Mali|per].", "Ils ont fui vers le [Mali|per].")
    actors = link_actors([item], Registry())
    assert actors[actor_of(item, "Mali", 1)].kind == "place"


def test_a_city_two_countries_share_is_the_one_in_the_article():
    lebanon = art("lb", "Des heurts à [Tripoli|loc], dans le nord du [Liban|loc].")
    libya = art("ly", "Des combats à [Tripoli|loc], capitale de la [Libye|loc].")
    alone = art("x", "Un convoi est arrivé à [Tripoli|loc].")
    link_actors([lebanon, libya, alone], Registry())
    assert actor_of(lebanon, "Tripoli") != actor_of(libya, "Tripoli")
    # With no country named, the likeliest: the Libyan capital.
    assert actor_of(alone, "Tripoli") == actor_of(libya, "Tripoli")


def test_region_units_frame_a_name_before_or_after_it():
    assert read_cues("la province de ", " a").region
    assert read_cues("gangs in ", " state.").region
    assert not read_cues("la ville de ", " a").region


def test_a_region_is_never_the_city_of_the_same_name():
    item = art("a", "Des mines illégales dans l’État de [Bolívar|per].",
               "À [Ciudad Bolívar|loc], les mineurs paient.", "Gangs in [Bolívar|loc] state.")
    link_actors([item], Registry())
    assert actor_of(item, "Bolívar", 0) != actor_of(item, "Ciudad Bolívar")
    assert actor_of(item, "Bolívar", 1) != actor_of(item, "Ciudad Bolívar")


def test_the_city_table_is_kept_in_the_cache_directory(tmp_path):
    from site_builder.link import places

    places.use_cache_dir(tmp_path)
    places.city_index.cache_clear()
    try:
        built = places.city_index()
        (kept,) = tmp_path.iterdir()
        places.city_index.cache_clear()
        assert places.city_index() == built
        kept.write_text("not json", encoding="utf-8")  # damaged: built again
        places.city_index.cache_clear()
        assert places.city_index() == built
    finally:
        places.use_cache_dir(None)
        places.city_index.cache_clear()


def test_an_acronyms_long_form_names_an_organization_by_its_head_noun():
    item = art("a", "Aux côtés de la Force intérimaire des Nations unies au Liban ([Finul|loc]).",
               "La [Finul|loc] a protesté.")
    actors = link_actors([item], Registry())
    finul = actors[actor_of(item, "Finul")]
    assert finul.name == "Force intérimaire des Nations unies au Liban"
    assert finul.kind == "organization"


def test_a_title_set_off_before_a_full_name_makes_it_a_person():
    item = art("a", "Porte-parole du Bureau de la coordination des affaires humanitaires "
                    "([OCHA|org]), [Leïla Haddad|org], a confirmé les faits.",
               "Selon [Damas|loc], le calme est revenu.")
    actors = link_actors([item], Registry())
    assert actors[actor_of(item, "Leïla Haddad")].kind == "person"
    assert actors[actor_of(item, "Damas")].kind == "place"


def test_a_town_only_ever_read_as_a_person_after_locatives_is_a_place():
    item = art("a", "Des obus sont tombés près de [Tal Varen|per] mardi.",
               "Des familles ont fui vers [Sorel|loc] et [Tal Varen|per].")
    actors = link_actors([item], Registry())
    assert actors[actor_of(item, "Tal Varen")].kind == "place"


def test_a_full_name_after_a_locative_once_stays_a_person():
    item = art("a", "Le prix a été remis à [Marie Dalbret|per] jeudi.")
    actors = link_actors([item], Registry())
    assert actors[actor_of(item, "Marie Dalbret")].kind == "person"


def test_a_titled_mention_keeps_a_name_a_person():
    item = art("a", "Le colonel [Tal Varen|per] est arrivé près de [Tal Varen|per].")
    link_actors([item], Registry())
    kinds = {e.kind for e in item.annotations.entities if e.text == "Tal Varen"}
    assert "person" in kinds


def test_words_that_say_the_kind_outweigh_the_model_elsewhere():
    first = art("a", "Les rebelles du mouvement [Ansar Varo|per] ont tiré.")
    second = art("b", "[Ansar Varo|per] a revendiqué l'attaque.",
                 "Un responsable d'[Ansar Varo|per] a parlé.")
    actors = link_actors([first, second], Registry())
    assert actors[actor_of(first, "Ansar Varo")].kind == "organization"
    assert actor_of(first, "Ansar Varo") == actor_of(second, "Ansar Varo")
