"""Post-filters on model mentions: each rule on its own, then `clean` end to end."""

from __future__ import annotations

import pytest

from site_builder.annotate.acronyms import AcronymContext, is_all_caps
from site_builder.annotate.filters import (
    Context,
    clean,
    is_clause,
    is_date_expression,
    is_function_word,
    trim_leading,
    trim_punctuation,
    trim_shouting,
    trim_trailing,
)


def cleaned(text: str, mention: str | None = None, kind: str = "other", lang: str = "fr",
            acronyms: AcronymContext | None = None) -> str | None:
    """Clean `mention` (default: the whole text) as found in `text`."""
    mention = text if mention is None else mention
    start = text.index(mention)
    ctx = Context(text, lang, frozenset({0}), acronyms or AcronymContext())
    span = clean(ctx, start, start + len(mention), kind)
    return None if span is None else text[span[0] : span[1]]


# ------------------------------------------------------------------ clitics, articles


@pytest.mark.parametrize("mention", ["n'", "qu'", "l'", "d'", "N'", "Qu'", "Le", "Les", "Il",
                                     "Nous", "selon"])
def test_function_words_alone_are_dropped(mention: str) -> None:
    assert cleaned(f"{mention} x", mention) is None


@pytest.mark.parametrize("mention", ["bench-2", "mise à jour", "daech", "covid-19"])
def test_spans_without_a_capital_are_dropped(mention: str) -> None:
    assert cleaned(f"Texte {mention} ici", mention) is None


@pytest.mark.parametrize("name", ["ministère de la Défense", "al-Qaïda", "eBay", "حزب الله",
                                  "G7"])
def test_names_with_a_capital_or_an_uncased_script_are_kept(name: str) -> None:
    assert cleaned(f"Texte {name} ici", name) == name


def test_is_function_word_accepts_clitic_without_apostrophe() -> None:
    assert is_function_word("n", "fr")
    assert is_function_word("qu", "fr")
    assert not is_function_word("ONU", "fr")


@pytest.mark.parametrize(("mention", "expected"), [
    ("l'Observatoire syrien des droits de l'Homme", "Observatoire syrien des droits de l'Homme"),
    ("selon l'ONU", "ONU"),
    ("D'après le Comité international", "Comité international"),
    ("Le ministère de l'Intérieur", "ministère de l'Intérieur"),
    ("les Nations unies", "Nations unies"),
])
def test_leading_clitics_and_articles_are_trimmed(mention: str, expected: str) -> None:
    assert cleaned(mention) == expected


@pytest.mark.parametrize("name", ["Le Monde", "La Haye", "Les Républicains", "Le Caire"])
def test_capitalized_article_that_is_part_of_a_name_is_kept(name: str) -> None:
    assert cleaned(f"Il lit {name} chaque jour.", name) == name


def test_english_sentence_initial_the_is_trimmed_but_not_mid_sentence() -> None:
    assert cleaned("The Pentagon said", "The Pentagon", lang="en") == "Pentagon"
    text = "He reads The Guardian."
    assert cleaned(text, "The Guardian", lang="en") == "The Guardian"
    assert cleaned("at the White House", "the White House", lang="en") == "White House"


def test_person_titles_are_trimmed_but_particles_kept() -> None:
    assert cleaned("le président Emmanuel Macron", kind="person") == "Emmanuel Macron"
    assert cleaned("de Gaulle", kind="person") == "de Gaulle"
    assert cleaned("von der Leyen", kind="person") == "von der Leyen"
    assert cleaned("porte-parole de Joe Biden", "de Joe Biden", kind="person") == "Joe Biden"


def test_trim_leading_never_removes_the_last_word() -> None:
    ctx = Context("le la", "fr")
    assert trim_leading(ctx, 0, 5, "other") == (3, 5)


def test_trailing_elisions_prepositions_and_possessives_are_trimmed() -> None:
    ctx = Context("Observatoire syrien des droits de l'", "fr")
    start, end = trim_trailing(ctx, 0, len(ctx.text))
    assert ctx.text[start:end] == "Observatoire syrien des droits"
    assert cleaned("Macron's speech", "Macron's", lang="en") == "Macron"
    assert cleaned("the Reuters' report", "Reuters'", lang="en") == "Reuters"


def test_an_unclosed_parenthesis_is_cut_from_the_name() -> None:
    text = "the World Health Organization (WHO) said"
    assert cleaned(text, "World Health Organization (WHO", lang="en") == \
        "World Health Organization"
    assert cleaned("le Haut-Commissariat (HCR) a dit", "Haut-Commissariat (HCR)") == \
        "Haut-Commissariat (HCR)"


# ----------------------------------------------------------------------- punctuation


@pytest.mark.parametrize(("mention", "expected"), [
    ("« Paris »", "Paris"),
    ("(OSDH),", "OSDH"),
    ("- Alep.", "Alep"),
    ("Apple Inc.", "Apple Inc."),
    ("J.", "J."),
    ("Organisation (ONU)", "Organisation (ONU)"),
    ("ONU)", "ONU"),
])
def test_punctuation_edges_are_trimmed(mention: str, expected: str) -> None:
    start, end = trim_punctuation(mention, 0, len(mention))
    assert mention[start:end] == expected


def test_spans_of_only_punctuation_are_dropped() -> None:
    assert cleaned("« ... »") is None
    assert cleaned("—") is None


# --------------------------------------------------------------------- calendar words


@pytest.mark.parametrize(("span", "lang"), [
    ("lundi", "fr"), ("Mardi", "fr"), ("mardi soir", "fr"), ("1er août", "fr"),
    ("Septembre", "fr"), ("Monday", "en"), ("March 3", "en"), ("Tuesday night", "en"),
])
def test_weekdays_and_months_are_dropped(span: str, lang: str) -> None:
    assert is_date_expression(span, lang)
    assert cleaned(span, lang=lang) is None


def test_names_containing_a_month_word_are_kept() -> None:
    assert not is_date_expression("Place de Mai", "fr")
    assert not is_date_expression("Mars Inc", "en")
    assert cleaned("Avril Lavigne", kind="person", lang="en") == "Avril Lavigne"


# --------------------------------------------------------------------------- shouting


def test_all_caps_detection() -> None:
    assert is_all_caps("OSDH")
    assert is_all_caps("AT&T")
    assert not is_all_caps("G7")  # one letter: never taken for shouting
    assert not is_all_caps("Paris")
    assert not is_all_caps("A")


@pytest.mark.parametrize("shout", ["URGENT", "ALERTE", "EXCLUSIF"])
def test_long_shouted_words_are_dropped(shout: str) -> None:
    assert cleaned(f"{shout} : le gouvernement a démissionné", shout) is None


def test_short_slug_is_shouting_but_short_acronym_is_not() -> None:
    assert cleaned("FLASH - Paris brûle", "FLASH") is None
    assert cleaned("Selon la BCE, rien", "BCE") == "BCE"
    assert cleaned("L'OTAN - réunie", "OTAN") == "OTAN"  # not a sentence opener


def test_long_acronym_defined_in_text_or_registry_is_kept() -> None:
    text = "Le Fonds des Nations unies pour l'enfance (UNICEF) alerte. L'UNICEF dit"
    acronyms = AcronymContext.build([text])
    assert "UNICEF" in acronyms.known
    assert cleaned(text, "L'UNICEF", acronyms=acronyms) == "UNICEF"
    registry = AcronymContext.build([], ["UNESCO"])
    assert cleaned("L'UNESCO alerte", "UNESCO", acronyms=registry) == "UNESCO"
    assert cleaned("L'UNESCO alerte", "UNESCO") is None


def test_shouted_edges_are_trimmed_not_the_whole_mention() -> None:
    ctx = Context("URGENT Emmanuel Macron", "fr")
    assert trim_shouting(ctx, 0, len(ctx.text)) == (7, len(ctx.text))
    ctx = Context("Emmanuel URGENT Macron", "fr")
    assert trim_shouting(ctx, 0, len(ctx.text)) is None


# -------------------------------------------------------------------------- fragments


@pytest.mark.parametrize(("span", "lang"), [
    ("Nous ne céderons pas", "fr"),
    ("The spokesman said", "en"),
    ("and we will not back down", "en"),
    ("Macron a dit", "fr"),
    ("Paris. Londres", "fr"),
    ("Gaza ; Rafah", "fr"),
    ("Zéro un deux trois quatre cinq six sept huit neuf dix onze", "fr"),
])
def test_clauses_are_not_names(span: str, lang: str) -> None:
    assert is_clause(span, lang)
    assert cleaned(span, lang=lang) is None


@pytest.mark.parametrize(("span", "lang"), [
    ("Observatoire syrien des droits de l'Homme", "fr"),
    ("Organisation des Nations unies pour l'alimentation et l'agriculture", "fr"),
    ("J. K. Rowling", "en"),
    ("Est Républicain", "fr"),
    ("U.S. Department of State", "en"),
])
def test_long_names_are_not_clauses(span: str, lang: str) -> None:
    assert not is_clause(span, lang)


# ------------------------------------------------------------------ portfolios


@pytest.mark.parametrize(("text", "mention", "lang"), [
    ("Le ministre tamarien des Affaires étrangères, Oskar Belin, a parlé.",
     "ministre tamarien des Affaires étrangères", "fr"),
    ("La ministre des Affaires étrangères, Inès Carlow, a parlé.", "Affaires étrangères", "fr"),
    ("Le ministre brennois de la Défense a démenti.", "Défense", "fr"),
    ("the Minister of Foreign Affairs said", "Minister of Foreign Affairs", "en"),
])
def test_a_ministers_portfolio_is_not_an_organization(text: str, mention: str,
                                                      lang: str) -> None:
    assert cleaned(text, mention, "organization", lang) is None


@pytest.mark.parametrize(("text", "mention", "lang", "expected"), [
    # An organization head noun, an acronym or a known place after the title stays.
    ("Le ministre des Affaires étrangères du Mali a parlé.", "Mali", "fr", "Mali"),
    ("La porte-parole du Bureau des droits de l'homme a parlé.",
     "porte-parole du Bureau des droits de l'homme", "fr", "Bureau des droits de l'homme"),
    ("le ministre délégué auprès de l'ONU", "ONU", "fr", "ONU"),
    ("Le secrétaire général des Nations unies a parlé.", "Nations unies", "fr",
     "Nations unies"),
    ("Le ministère des Affaires étrangères a démenti.", "ministère des Affaires étrangères",
     "fr", "ministère des Affaires étrangères"),
])
def test_what_follows_other_titles_stays(text: str, mention: str, lang: str,
                                         expected: str) -> None:
    assert cleaned(text, mention, "organization", lang) == expected
