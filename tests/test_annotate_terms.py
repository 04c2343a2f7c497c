"""Registry term matching on normalized text."""

from __future__ import annotations

from site_builder.annotate.normalize import normalize
from site_builder.annotate.registry_terms import RegistryTerm
from site_builder.annotate.terms import TermMatcher

OSDH = RegistryTerm("OSDH", "organization", "osdh")
OSDH_LONG = RegistryTerm("Observatoire syrien des droits de l’Homme", "organization", "osdh")


def found(matcher: TermMatcher, text: str) -> list[str]:
    return [text[m.start : m.end] for m in matcher.find(text)]


def test_apostrophe_variants_match_either_way() -> None:
    matcher = TermMatcher([OSDH_LONG], "fr")
    text = normalize("selon l’Observatoire syrien des droits de l'Homme").text
    assert found(matcher, text) == ["Observatoire syrien des droits de l'Homme"]


def test_acronyms_match_only_as_written() -> None:
    matcher = TermMatcher([OSDH], "fr")
    assert found(matcher, "(OSDH) osdh Osdh OSDHX l'OSDH") == ["OSDH", "OSDH"]


def test_names_match_any_case_but_keep_their_capital() -> None:
    matcher = TermMatcher([RegistryTerm("Paris", "place", "paris"),
                           RegistryTerm("Armée syrienne libre", "organization", "asl")], "fr")
    assert found(matcher, "les paris de PARIS et de Paris") == ["PARIS", "Paris"]
    assert found(matcher, "l'Armée Syrienne Libre") == ["Armée Syrienne Libre"]


def test_longest_match_wins() -> None:
    matcher = TermMatcher([RegistryTerm("Union", "organization", "u"),
                           RegistryTerm("Union européenne", "organization", "ue")], "fr")
    matches = matcher.find("l'Union européenne et l'Union")
    assert [(m.term.actor, m.start) for m in matches] == [("ue", 2), ("u", 24)]


def test_words_must_be_whole() -> None:
    matcher = TermMatcher([RegistryTerm("Alep", "place", "alep")], "fr")
    assert found(matcher, "Aleppo, Alep-Est, Alep.") == ["Alep", "Alep"]


def test_terms_of_other_languages_are_ignored() -> None:
    terms = [RegistryTerm("ONU", "organization", "un", "fr"),
             RegistryTerm("UN", "organization", "un", "en")]
    assert found(TermMatcher(terms, "fr"), "ONU UN") == ["ONU"]
    assert found(TermMatcher(terms, "en"), "ONU UN") == ["UN"]
    assert not TermMatcher([], "fr")
