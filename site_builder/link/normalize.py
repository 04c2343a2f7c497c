"""Matching keys for entity mentions: the text two mentions must share to be one actor.

A key ignores what varies between two writings of the same name and never
what tells two names apart: case, diacritics, apostrophe style, hyphens
versus spaces, dots in initials, honorifics and titles ("M.", "le président"),
and, for things that are not persons, a leading article ("la Syrie",
"l’OSDH"). Every step is a small function so that each rule can be tested
on its own; `normalize_name` chains them. The hot functions are cached: a site
repeats the same few thousand names and words many times, and linking runs
on every build.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from site_builder import wordlists
from site_builder.link import wordlists as wl
from site_builder.model import EntityKind
from site_builder.slugs import strip_marks

_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc\u201b\u2032\u00b4`\uff07"})

class Name(NamedTuple):
    """A mention reduced for matching."""

    key: str  # the matching key; "" when nothing is left (a lone "M.")
    display: str  # the text as written, minus titles and leading articles
    person_like: bool  # tagged person, or an honorific or title says it is one
    titled: bool = False  # an honorific or title was written before the name


def unify_apostrophes(text: str) -> str:
    """’ ‘ ʼ ′ ´ ` → ' so that "l’Homme" and "l'Homme" are one string."""
    return text.translate(_APOSTROPHES)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-, diacritic- and apostrophe-insensitive form of `text`."""
    return strip_marks(unify_apostrophes(text)).casefold()


@lru_cache(maxsize=1 << 12)
def fold_char(char: str) -> str:
    """Fold one character to exactly one character (for aligned comparisons)."""
    folded = fold(char)
    return folded if len(folded) == 1 else char.casefold()[:1] or char


@lru_cache(maxsize=1 << 16)
def key_of(text: str) -> str:
    """Fold `text`, drop dots ("U.S." = "US") and turn other punctuation into spaces."""
    folded = fold(text).replace(".", "")
    spaced = "".join(c if c.isalnum() else " " for c in folded)
    return " ".join(spaced.split())


# First words a title can start with, to skip the search for most names.
@lru_cache(maxsize=1)
def _title_starts() -> frozenset[str]:
    return frozenset({t[0] for t in wl.titles()} | wl.articles())


def _title_length(folded: list[str]) -> int:
    """How many leading tokens form a title ("le président" counts its article)."""
    titles = wl.titles()
    start = 1 if len(folded) > 1 and (folded[0] in wl.articles() or folded[0] == "l'") else 0
    for size in range(min(wl.longest_title(), len(folded) - start), 0, -1):
        if tuple(folded[start:start + size]) in titles:
            return start + size
    if folded[0].startswith("l'") and (folded[0][2:],) in titles:  # "l'ayatollah"
        return 1
    return 0


def strip_titles(words: list[str], person: bool) -> tuple[list[str], bool]:
    """Drop leading honorifics and titles; say whether any was found.

    Strong honorifics ("M.", "Mme", "Dr.") go whatever the kind; titles and
    dotless abbreviations only from persons. The last word always stays, so
    "le Président" alone keeps a key.
    """
    stripped = False
    folded = [fold(w) for w in words]
    while len(words) > 1:
        first = folded[0]
        # "Dr Haddad", "Ms Traoré": a dotless abbreviation in title case before a
        # capitalized word is an honorific; "DR Congo" and "MS" are acronyms, and
        # "Me" is also an English word ("Me Too").
        titlecase = words[0].istitle() and words[1][:1].isupper() \
            and first in wl.titlecase_honorifics()
        if first in wl.strong_honorifics() or titlecase or (
                person and first in wl.weak_honorifics()):
            size = 1
        elif person and (first in _title_starts() or first.startswith("l'")):
            size = _title_length(folded)
        else:
            break
        if not 0 < size < len(words):
            break
        words, folded, stripped = words[size:], folded[size:], True
    return words, stripped


def strip_descriptors(words: list[str]) -> list[str]:
    """Drop lower-case words before a person's name: "syrien Bachar al-Assad".

    What is left of "le président syrien Bachar al-Assad" once the title is
    gone. Particles are kept: "al-Assad", "de Gaulle" start in lower case.
    """
    if not words[0][:1].islower():
        return words
    index = 0
    while index < len(words) - 1:
        word = words[index]
        head = key_of(word).split(" ")[0]
        if not word[:1].islower() or head in wl.name_particles():
            break
        index += 1
    rest = words[index:]
    return rest if any(w[:1].isupper() for w in rest) else words


def strip_article(words: list[str]) -> list[str]:
    """Drop a leading article from a non-person name: "la Syrie", "l’OSDH", "the UN"."""
    if len(words) > 1 and fold(words[0]) in wl.articles():
        return words[1:]
    first = unify_apostrophes(words[0])
    for elided in wl.elided_articles():
        if first.casefold().startswith(elided) and len(first) > len(elided):
            return [words[0][len(elided):], *words[1:]]
    return words


@lru_cache(maxsize=1 << 16)
def normalize_name(text: str, kind: EntityKind) -> Name:
    """The matching key and display form of a mention of the given kind."""
    words = unicodedata.normalize("NFKC", text).split()
    if not words:
        return Name("", "", False)
    person = kind == "person"
    words, honorific = strip_titles(words, person)
    person_like = person or honorific
    words = strip_descriptors(words) if person_like else strip_article(words)
    display = " ".join(words)
    key = key_of(display)
    if not key:
        # Nothing matchable once titles went ("M." alone): fall back to all of it.
        display = " ".join(unicodedata.normalize("NFKC", text).split())
        key = key_of(display)
    return Name(key, display, person_like, honorific)


# An honorific as the last word before some offset: a regex, because this
# runs once per entity and a compiled pattern scans only those few bytes.
@lru_cache(maxsize=1)
def _honorific_before() -> re.Pattern[str]:
    strong = "|".join(re.escape(h) for h in sorted(wl.strong_honorifics(), key=len,
                                                   reverse=True))
    # Dotless ones count in title case only: "Dr [Haddad]", not "DR [Congo]".
    weak = "|".join(re.escape(h.title()) for h in sorted(wl.titlecase_honorifics()))
    return re.compile(rf"(?:^|\s)(?:(?i:{strong})|{weak})\s+$")


def honorific_before(text: str, start: int) -> bool:
    """True when the word just before `start` is an honorific: "M. [Haddad]".

    The model often leaves "M." outside the entity, and then tags the bare
    surname as a place or an organization; the honorific still says person.
    """
    return _honorific_before().search(text, max(0, start - 12), start) is not None


def title_before(text: str, start: int) -> bool:
    """True when the words just before `start` are a title: "le général [Washington]"."""
    return _ends_with_title(tuple(text[max(0, start - 40):start].split()[-wl.longest_title():]))


@lru_cache(maxsize=1 << 14)
def _ends_with_title(words: tuple[str, ...]) -> bool:
    folded = [fold(w) for w in words]
    titles = wl.titles()
    return any(tuple(folded[-size:]) in titles for size in range(1, len(folded) + 1))


_ARTICLE_AFTER = frozenset({"le", "la", "l'", "the", "a", "an", "un", "une", "son", "sa", "its",
                            "his", "her"})


def title_after(text: str, end: int) -> bool:
    """True when an apposition right after `end` opens with a title: "[Fadi Haddad],
    le maire de la localité", "[Olivia Sanz], a UNHCR spokeswoman"."""
    tail = text[end:end + 60].lstrip()
    if not tail.startswith(","):
        return False
    words = [fold(w) for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*'?", tail)[:5]]
    if words and (words[0] in _ARTICLE_AFTER or words[0].startswith("l'")):
        words[0] = words[0][2:] if words[0].startswith("l'") else ""
        words = [w for w in words if w]
    # Up to two words may come before the title ("a UNHCR spokeswoman",
    # "l'ancien ministre"), but not another article: ", où le président…"
    # describes someone else.
    for i in range(min(3, len(words))):
        if any(tuple(words[i:i + size]) in wl.titles() for size in (1, 2)):
            return True
        if words[i] in _ARTICLE_AFTER:
            return False
    return False


_CLAUSE_START = re.compile(r"(?:^|[.!?;:«»\"“”]\s*)([^.!?;:«»\"“”]*),\s*$")


def title_apposition_before(text: str, start: int) -> bool:
    """True when the clause before `start` is a title set off by a comma:
    "Porte-parole du Bureau de la coordination… (OCHA), [Leïla Haddad]"."""
    m = _CLAUSE_START.search(text, max(0, start - 120), start)
    if m is None:
        return False
    words = [fold(w) for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*'?", m.group(1))][:4]
    if words and (words[0] in _ARTICLE_AFTER or words[0].startswith("l'")):
        words[0] = words[0][2:] if words[0].startswith("l'") else ""
        words = [w for w in words if w]
    titles = wl.titles()
    return any(tuple(words[:size]) in titles for size in (2, 1))


@lru_cache(maxsize=1 << 16)
def lookup_keys(text: str, kind: EntityKind) -> tuple[str, ...]:
    """Keys to try against a fixed vocabulary (registry, acronyms), own kind first.

    The model's kind is often wrong between person and organization; a
    registry entry should still win, so the other reading is tried second.
    """
    own = normalize_name(text, kind).key
    other = normalize_name(text, "organization" if kind == "person" else "person").key
    return (own,) if other in {own, ""} else (own, other)


@wordlists.on_change
def _reset() -> None:
    # Every cached result below may hold a title, an honorific or an article.
    for cached in (normalize_name, lookup_keys, _title_starts, _honorific_before,
                   _ends_with_title):
        cached.cache_clear()
