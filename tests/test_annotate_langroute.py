"""Language routing: per block, and per quotation inside a block."""

from __future__ import annotations

import pytest

from site_builder.annotate.langroute import LanguageDetector, quotations, route_block
from site_builder.annotate.normalize import normalize

FR = "Le ministère de l’Intérieur a annoncé lundi l’interpellation de trois suspects."
EN = "The ministry said on Monday that three suspects had been arrested in the port city."
QUOTE_EN = "We will not negotiate with terrorists, and we will not back down"


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector({"fr", "en"}, 40)


def test_quotations_are_paired_by_their_own_marks() -> None:
    text = "« a “b” c », puis “d” et \"e\" et « pas fermé"
    assert [text[a:b] for a, b in quotations(text)] == [" a “b” c ", "d", "e"]


def test_block_language_is_detected(detector: LanguageDetector) -> None:
    assert route_block(normalize(FR), (), "fr", detector) == ("fr", [])
    assert route_block(normalize(EN), (), "fr", detector) == ("en", [])


def test_short_blocks_keep_the_article_language(detector: LanguageDetector) -> None:
    assert route_block(normalize("The Guardian, Monday"), (), "fr", detector) == ("fr", [])


def test_protected_text_does_not_vote(detector: LanguageDetector) -> None:
    text = "Voir `the quick brown fox jumps over the lazy dog again and again` ici."
    start = text.index("the quick")
    end = text.index("` ici")
    lang, _ = route_block(normalize(text), ((start, end),), "fr", detector)
    assert lang == "fr"


def test_quotation_in_another_language_is_an_island(detector: LanguageDetector) -> None:
    text = (f"Le porte-parole du département d’État, interrogé jeudi par la presse à Paris, "
            f"a déclaré : “{QUOTE_EN}.”")
    norm = normalize(text)
    lang, islands = route_block(norm, (), "fr", detector)
    assert lang == "fr"
    assert len(islands) == 1
    island = islands[0]
    assert island.lang == "en"
    assert norm.text[island.start : island.end] == QUOTE_EN + "."


def test_quotation_in_the_block_language_is_not_an_island(detector: LanguageDetector) -> None:
    text = ("Le ministre, interrogé jeudi soir par la presse à Paris, a déclaré : "
            "« Nous ne céderons jamais face à ceux qui menacent la République ».")
    assert route_block(normalize(text), (), "fr", detector) == ("fr", [])


def test_languages_lingua_does_not_know_are_never_detected() -> None:
    detector = LanguageDetector({"xx"}, 10)
    assert detector.detect(EN, "fr") == "fr"
