"""The word lists name matching reads, over every language and folded.

The lists themselves are data (site_builder/wordlists: one file per
language, overridable by a site); here they are folded (lower case, no
diacritics, straight apostrophe) because matching compares folded tokens,
and merged across languages because a French article names "Mr. Trump" too.
Each view is computed once and recomputed when a site's lists are installed.
"""

from __future__ import annotations

from functools import cache

from site_builder import wordlists
from site_builder.slugs import strip_marks

_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u201b\u2032\u00b4`\uff07"})


def _fold(word: str) -> str:
    return strip_marks(word.translate(_APOSTROPHES)).casefold()


@cache
def strong_honorifics() -> frozenset[str]:
    """Abbreviated honorifics that only ever precede a person's name ("M.", "Mr.")."""
    return frozenset(_fold(w) for w in wordlists.union("honorifics"))


@cache
def weak_honorifics() -> frozenset[str]:
    """Dotless abbreviations that are also words or acronyms ("Dr", "Me", "Gen")."""
    return frozenset(_fold(w) for w in wordlists.union("weak_honorifics"))


@cache
def titlecase_honorifics() -> frozenset[str]:
    """The weak honorifics that are one in title case before a name ("Dr Haddad"):
    not those that are also an ordinary word ("Me Too")."""
    return weak_honorifics() - frozenset(
        _fold(w) for w in wordlists.union("ambiguous_abbreviations"))


@cache
def titles() -> frozenset[tuple[str, ...]]:
    """Titles written in full, as tuples of folded words ("premier ministre")."""
    return frozenset(tuple(_fold(w).split()) for w in wordlists.union("titles"))


@cache
def longest_title() -> int:
    return max((len(t) for t in titles()), default=1)


@cache
def articles() -> frozenset[str]:
    """Leading articles dropped from the key of things ("la Syrie", "the Netherlands")."""
    return frozenset(_fold(w) for w in wordlists.union("articles"))


@cache
def elided_articles() -> tuple[str, ...]:
    return tuple(sorted(_fold(w) for w in wordlists.union("elided_articles")))


@cache
def name_particles() -> frozenset[str]:
    """Particles inside personal names, folded as tokens of a key ("d'" is "d")."""
    return frozenset(_fold(w).replace("'", "") for w in wordlists.union("name_particles"))


@cache
def function_words() -> frozenset[str]:
    """Grammatical words an acronym's long form may hold (Schwartz–Hearst)."""
    return frozenset(_fold(w).replace("'", "") for w in wordlists.union("name_function_words"))


@wordlists.on_change
def _reset() -> None:
    for view in (strong_honorifics, weak_honorifics, titlecase_honorifics, titles,
                 longest_title, articles, elided_articles, name_particles, function_words):
        view.cache_clear()
