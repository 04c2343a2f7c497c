"""Acronyms: Schwartz–Hearst on block text, and how definitions spread over the site."""

from __future__ import annotations

from site_builder.link import Registry, link_actors
from site_builder.link.acronyms import (
    Span,
    acceptable,
    best_long_form,
    find_pairs,
    is_initialism,
    is_short_form,
    looks_like_acronym,
)
from tests.test_link_support import actor_of, art, parse_block


def pairs_in(marked: str) -> list[tuple[str, str, str | None, str]]:
    text, entities = parse_block(marked, "b0", "fr")
    spans = [Span(e.start, e.end, e.kind, i) for i, e in enumerate(entities)]
    return [
        (p.short, p.long, None if p.long_entity is None else entities[p.long_entity].text, p.form)
        for p in find_pairs(text, spans)
    ]


# --------------------------------------------------------------- the algorithm


def test_short_form_candidates():
    assert is_short_form("OSDH")
    assert is_short_form("PS 2")
    assert not is_short_form("A")  # one character
    assert not is_short_form("républicain")  # longer than ten
    assert not is_short_form("(x)")
    assert not is_short_form("2024")  # no letter


def test_best_long_form_is_the_shortest_tail_that_spells_it():
    assert best_long_form("OSDH", "Selon l’Observatoire syrien des droits de l’Homme") == (
        "l’Observatoire syrien des droits de l’Homme")
    assert best_long_form("ER", "The emergency room") == "emergency room"
    assert best_long_form("EI", "l’État islamique") == "l’État islamique"  # É folds to E
    # The first letter must start a word: "al-Cham" has no word starting with S.
    assert best_long_form("HTS", "Hayat Tahrir al-Cham") is None


def test_final_checks():
    assert acceptable("HCR", "Haut-Commissariat des Nations unies pour les réfugiés")
    # Too many meaningful words for a two-letter acronym.
    assert not acceptable("UE", "union des États membres réunis en Europe occidentale")
    # The short form may not be a word of the long form.
    assert not acceptable("ONU", "ONU Femmes")


def test_initialism_for_person_names():
    assert is_initialism("DSK", "Dominique Strauss-Kahn")
    assert not is_initialism("LR", "Laurent Wauquiez")


def test_acronym_shape():
    assert looks_like_acronym("HTS")
    assert looks_like_acronym("AfD")
    assert not looks_like_acronym("Ocha")
    assert not looks_like_acronym("Paris")


# ------------------------------------------------------------- forms in text


def test_long_form_then_acronym():
    found = pairs_in("Selon l’[Observatoire syrien des droits de l’Homme|org] ([OSDH|org]), "
                     "300 civils ont été tués.")
    assert found == [("OSDH", "Observatoire syrien des droits de l’Homme",
                      "Observatoire syrien des droits de l’Homme", "long-short")]


def test_long_form_found_in_text_when_no_entity_spans_it():
    found = pairs_in("Le Haut-Commissariat des Nations unies pour les réfugiés ([HCR|org]) "
                     "s’inquiète.")
    assert found == [("HCR", "Haut-Commissariat des Nations unies pour les réfugiés", None,
                      "long-short")]


def test_acronym_then_long_form():
    found = pairs_in("Le [HCR|org] (Haut-Commissariat des Nations unies pour les réfugiés) "
                     "s’inquiète.")
    assert found == [("HCR", "Haut-Commissariat des Nations unies pour les réfugiés", None,
                      "short-long")]


def test_acronym_then_comment_names_the_entity_before():
    found = pairs_in("Les rebelles de [Hayat Tahrir al-Cham|org] ([HTS|org], ex-branche "
                     "d’[Al-Qaïda|org]) contrôlent la province.")
    assert found == [("HTS", "Hayat Tahrir al-Cham", "Hayat Tahrir al-Cham", "entity-acronym")]


def test_comment_after_a_real_expansion_is_ignored():
    found = pairs_in("Les [Forces démocratiques syriennes|org] ([FDS|org], dominées par les "
                     "Kurdes) ont riposté.")
    assert found == [("FDS", "Forces démocratiques syriennes", "Forces démocratiques syriennes",
                      "long-short")]


def test_party_after_a_person_is_not_an_acronym():
    assert pairs_in("Selon [Laurent Wauquiez|per] ([LR|org]), le texte passera.") == []
    assert pairs_in("[Marine Le Pen|per] ([RN|org], Pas-de-Calais) a voté contre.") == []
    assert pairs_in("[Dominique Strauss-Kahn|per] ([DSK|per]) a parlé.") == [
        ("DSK", "Dominique Strauss-Kahn", "Dominique Strauss-Kahn", "long-short")]


def test_unrelated_parentheses_are_ignored():
    assert pairs_in("[Paris|loc] ([AFP|org]) – La réunion a eu lieu.") == []
    assert pairs_in("Le bilan (provisoire) est de 12 morts (dont 3 enfants).") == []
    assert pairs_in("Une parenthèse jamais fermée ([OSDH|org]") == []


# ---------------------------------------------------------- across the site


def test_acronym_defined_once_applies_site_wide():
    a = art("a", "Selon l’[Observatoire syrien des droits de l’Homme|org] ([OSDH|org]), "
                 "300 civils ont été tués.")
    b = art("b", "L’[OSDH|org] fait état de 12 morts à [Idleb|loc].")
    actors = link_actors([a, b], Registry())
    osdh = actor_of(b, "OSDH")
    assert osdh == actor_of(a, "Observatoire syrien des droits de l’Homme") == actor_of(a, "OSDH")
    assert actors[osdh].name == "Observatoire syrien des droits de l’Homme"
    assert actors[osdh].aliases == ["OSDH"]


def test_long_form_that_is_no_entity_still_names_the_actor():
    a = art("a", "Le Haut-Commissariat des Nations unies pour les réfugiés ([HCR|org]) "
                 "s’inquiète.")
    actors = link_actors([a], Registry())
    hcr = actors[actor_of(a, "HCR")]
    assert hcr.name == "Haut-Commissariat des Nations unies pour les réfugiés"
    assert hcr.id == "haut-commissariat-des-nations-unies-pour-les-refugies"


def test_two_long_forms_keep_the_acronym_per_article():
    a = art("a", "Les [Forces démocratiques syriennes|org] ([FDS|org]) avancent. Les "
                 "[FDS|org] tiennent [Raqqa|loc].")
    b = art("b", "Les [Forces de défense et de sécurité|org] ([FDS|org]) du Mali. Les "
                 "[FDS|org] ont riposté.")
    c = art("c", "Les [FDS|org] démentent.")
    link_actors([a, b, c], Registry())
    syrian, malian = actor_of(a, "Forces démocratiques syriennes"), actor_of(
        b, "Forces de défense et de sécurité")
    assert syrian != malian
    assert actor_of(a, "FDS", 1) == syrian
    assert actor_of(b, "FDS", 1) == malian
    # Undefined where it is used: neither, its own actor.
    assert actor_of(c, "FDS") not in {syrian, malian}


def test_acronym_never_joins_a_person_to_a_place():
    a = art("a", "[Dominique Strauss-Kahn|per] ([DSK|per]) a parlé.")
    b = art("b", "Le site [DSK|loc] est fermé.")
    link_actors([a, b], Registry())
    assert actor_of(b, "DSK") != actor_of(a, "Dominique Strauss-Kahn")


def test_acronym_first_form_survives_a_person_label():
    # fr_core_news_sm tags "Hayat Tahrir al-Cham" as a person.
    a = art("a", "Les rebelles de [Hayat Tahrir al-Cham|per] ([HTS|org], ex-branche "
                 "d’[Al-Qaïda|loc]) contrôlent [Idleb|loc].")
    b = art("b", "[HTS|org] dément.")
    link_actors([a, b], Registry())
    assert actor_of(b, "HTS") == actor_of(a, "HTS") == actor_of(a, "Hayat Tahrir al-Cham")


def test_acronym_then_expansion_links_across_the_site():
    a = art("a", "Le [HCR|org] (Haut-Commissariat des Nations unies pour les réfugiés) "
                 "s’inquiète.")
    b = art("b", "Le [Haut-Commissariat des Nations unies pour les réfugiés|org] a répondu.")
    actors = link_actors([a, b], Registry())
    hcr = actor_of(a, "HCR")
    assert hcr == actor_of(b, "Haut-Commissariat des Nations unies pour les réfugiés")
    assert actors[hcr].aliases == ["HCR"]
