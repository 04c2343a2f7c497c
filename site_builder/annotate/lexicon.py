"""The closed word lists the filters and the label refinement read.

Only closed classes (articles, clitics, pronouns, auxiliaries, calendar
words, organization head nouns): finite, language-specific and stable,
unlike open-class vocabulary which the models handle. The lists are data,
in site_builder/wordlists (one file per language, overridable by a site);
every list is lower-case and lookups casefold first. A language without a
file gets the language-independent rules only.
"""

from __future__ import annotations

from functools import cache

from site_builder import wordlists


def words(name: str, lang: str) -> frozenset[str]:
    """One list of one language ("elisions", "fr")."""
    return wordlists.words(name, lang)


def abbreviations() -> frozenset[str]:
    """Abbreviations after which "." does not end a sentence inside a name."""
    return wordlists.words("abbreviations", "names")


def leading_particles() -> frozenset[str]:
    """Particles that may open a person mention and stay ("de Gaulle", "al-Assad")."""
    return wordlists.words("leading_particles", "names")


@cache
def state_heads() -> frozenset[str]:
    """Nouns of states' long names, every language ("république", "kingdom")."""
    return wordlists.union("state_heads")


@cache
def honorifics() -> frozenset[str]:
    """Abbreviated honorifics of every language, lower case ("m.", "mme", "mr.")."""
    return frozenset(w.casefold() for w in wordlists.union("honorifics"))


@cache
def weak_honorifics() -> frozenset[str]:
    """Dotless abbreviations that are honorifics in title case ("Dr", "Ms"), except
    those that are also an ordinary word ("Me": French Maître, English me)."""
    return frozenset(w.casefold() for w in wordlists.union("weak_honorifics")) \
        - wordlists.union("ambiguous_abbreviations")


@cache
def titles() -> frozenset[tuple[str, ...]]:
    """Titles of every language as tuples of lower-case words without accents, as
    the lists write them ("secretaire general")."""
    return frozenset(tuple(t.casefold().split()) for t in wordlists.union("titles"))


# Unions the filters test against for every mention, built once per language.


@cache
def calendar_words(lang: str) -> frozenset[str]:
    return words("weekdays", lang) | words("months", lang)


@cache
def any_calendar_word(lang: str) -> frozenset[str]:
    """Weekdays and months of French, English and `lang`: a French weekday may
    follow a name in an English quotation."""
    return calendar_words("fr") | calendar_words("en") | calendar_words(lang)


@cache
def place_units(lang: str) -> frozenset[str]:
    """Town and region units of `lang` ("ville", "province"; "town", "state")."""
    return words("town_units", lang) | words("region_units", lang)


@cache
def date_words(lang: str) -> frozenset[str]:
    return calendar_words(lang) | words("date_words", lang)


@cache
def clause_words(lang: str) -> frozenset[str]:
    return words("verb_forms", lang) | words("clause_words", lang)


@cache
def never_alone(lang: str) -> frozenset[str]:
    """Words that are never a mention on their own."""
    return (words("function_words", lang) | words("determiners", lang)
            | words("elisions", lang) | clause_words(lang))


@cache
def organization_heads() -> frozenset[str]:
    """Head nouns of organizations in every language: names cross languages."""
    return wordlists.union("organization_heads")


@wordlists.on_change
def _reset() -> None:
    for cached in (calendar_words, any_calendar_word, place_units, date_words, clause_words,
                   never_alone, organization_heads,
                   honorifics, weak_honorifics, titles, state_heads):
        cached.cache_clear()
