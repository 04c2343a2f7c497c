"""The words attribution reads, per language, loaded once from `data/*.toml`.

The parser gives the structure (who is the subject of which verb); these lists
only say which verbs report speech, which words introduce a source ("selon",
"according to"), which common nouns refer back to an actor ("l'ONG", "the
ministry") and which stand for someone unnamed ("un diplomate", "officials").
A language without a file gets the English lists' structure with no words, so
nothing is attributed there rather than something wrong.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

from site_builder import wordlists
from site_builder.slugs import strip_marks

DesignatorKind = Literal["person", "organization"]
# First word -> the phrases starting with it, longest first.
PhraseIndex = dict[str, tuple[tuple[str, ...], ...]]


@dataclass(frozen=True, slots=True)
class Designator:
    """A common noun that refers back to an actor: "l'ONG", "le président"."""

    kind: DesignatorKind
    keywords: frozenset[str]  # words looked for in a candidate's names and roles
    strict: bool = False  # True: an actor without a keyword match is not a candidate


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    reporting: frozenset[str]  # single-word forms of reporting verbs
    reporting_phrases: frozenset[tuple[str, ...]]  # "fait savoir", "mis en garde"
    weak: frozenset[str]  # reporting only with a content clause or a quote
    source_markers: frozenset[tuple[str, ...]]  # "selon", "according to"
    document_nouns: frozenset[str]
    pronouns: dict[str, frozenset[str]]  # pronoun -> actor kinds it can stand for
    definite: frozenset[str]
    indefinite: frozenset[str]
    same_source: frozenset[tuple[str, ...]]
    generic_nouns: frozenset[str]
    time_words: frozenset[str]
    agent_markers: frozenset[str] = frozenset()  # "par", "by": the agent of a passive
    listener_verbs: frozenset[str] = frozenset()  # "told": their object is the one spoken to
    negations: frozenset[str] = frozenset()  # "pas", "not": a verb negated reports nothing
    auxiliaries: frozenset[str] = frozenset()  # "a", "ont", "has": before a participle
    counting: frozenset[str] = frozenset()  # weak verbs that report a count as object
    # Verbs that report through a document noun as subject or object: "a porté son
    # bilan à", "put the toll at", "its toll stood at".
    document_verbs: frozenset[str] = frozenset()
    # Verbs that report a count after one of `count_marks` ("qu'elle porte à 200 000"),
    # with the words that must stand right before them ("s'en tient à": "en").
    count_verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    count_marks: frozenset[str] = frozenset()
    topic_markers: frozenset[str] = frozenset()  # "Pour X, « … »": X is who the sentence is about
    citing_index: PhraseIndex = field(default_factory=dict)  # "citing"
    relay_index: PhraseIndex = field(default_factory=dict)  # "cité par", "quoted by"
    marker_index: PhraseIndex = field(default_factory=dict)
    phrase_index: PhraseIndex = field(default_factory=dict)

    def triggers(self, words: list[str]) -> bool:
        """Do these lowercase words hold a reporting verb or a source marker?

        Phrases ("à en croire", "fait savoir") count only whole: their first
        words alone ("à", "fait") are in almost every sentence.
        """
        if any(w in self.reporting or (w,) in self.source_markers or w in self.document_verbs
               or w in self.count_verbs for w in words):
            return True
        text = f" {' '.join(words)} "
        # One word may stand inside a phrase: "font désormais état de".
        return any(re.search(r"\s" + r"\s(?:\S+\s)?".join(map(re.escape, p)) + r"\s", text)
                   for p in self.reporting_phrases | self.source_markers if len(p) > 1)


def _index(phrases: frozenset[tuple[str, ...]]) -> PhraseIndex:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        grouped.setdefault(phrase[0], []).append(phrase)
    return {w: tuple(sorted(ps, key=len, reverse=True)) for w, ps in grouped.items()}


def _french_er(verb: str) -> set[str]:
    stem = verb[:-2]
    soft = stem + "e" if stem.endswith("g") else stem  # "fustigeant"
    cedilla = stem[:-1] + "ç" if stem.endswith("c") else soft  # "annonçant"
    return {
        stem + "é", stem + "ée", stem + "és", stem + "ées", verb,
        stem + "e", stem + "ent", stem + "es",
        soft + "ait", soft + "aient", cedilla + "ant", soft + "a", stem + "èrent",
        stem + "era", stem + "eront", stem + "erait", stem + "eraient",
        cedilla + "ait" if stem.endswith("c") else soft + "ait",
    }


def _french_irregular_infinitive(verb: str) -> set[str]:
    """-ir, -re and -tre verbs in the list ("démentir", "reconnaître"): a few safe forms."""
    if verb.endswith("er"):
        return _french_er(verb)
    return {verb}


def _english_regular(verb: str) -> set[str]:
    if verb.endswith("e"):
        past, ing = verb + "d", verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        past, ing = verb[:-1] + "ied", verb + "ing"
    elif verb in {"admit", "commit", "put"}:
        past, ing = verb + ("" if verb == "put" else "ted"), verb + verb[-1] + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    third = verb[:-1] + "ies" if verb.endswith("y") and verb[-2:-1] not in "aeiou" else (
        verb + "es" if verb.endswith(("s", "sh", "ch", "x")) else verb + "s")
    return {verb, third, past, ing}


def _words(items: list[str]) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    singles = {w.lower() for w in items if " " not in w}
    phrases = {tuple(w.lower().split()) for w in items if " " in w}
    return frozenset(singles), frozenset(phrases)


def _read(name: str) -> dict[str, Any]:
    path = resources.files("site_builder.attribute") / "data" / f"{name}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


@cache
def lexicon(lang: str) -> Lexicon:
    """The attribution words of `lang` (an empty lexicon for a language without a file)."""
    data = _read(lang)
    forms: set[str] = set()
    for verb in data.get("reporting_er", []):
        forms |= _french_irregular_infinitive(verb)
    for verb in data.get("reporting_regular", []):
        forms |= _english_regular(verb)
    singles, phrases = _words(list(data.get("reporting_forms", [])))
    forms |= singles
    markers_single, markers = _words(list(data.get("source_markers", [])))
    lists: dict[str, list[str]] = data.get("lists", {})
    same_single, same = _words(lists.get("same_source", []))
    sources = markers | {(m,) for m in markers_single}
    return Lexicon(
        lang=lang,
        reporting=frozenset(forms),
        reporting_phrases=phrases,
        weak=frozenset(w.lower() for w in data.get("weak", [])),
        source_markers=sources,
        document_nouns=frozenset(data.get("document_nouns", [])),
        pronouns={p: frozenset(k) for p, k in data.get("pronouns", {}).items()},
        definite=frozenset(lists.get("definite", [])),
        indefinite=frozenset(lists.get("indefinite", [])),
        same_source=same | {(m,) for m in same_single},
        generic_nouns=frozenset(w.lower() for w in lists.get("generic_nouns", [])),
        time_words=frozenset(lists.get("time_words", [])),
        agent_markers=frozenset(lists.get("agent_markers", [])),
        listener_verbs=frozenset(lists.get("listener_verbs", [])),
        negations=frozenset(lists.get("negations", [])),
        auxiliaries=frozenset(lists.get("auxiliaries", [])),
        topic_markers=frozenset(lists.get("topic_markers", [])),
        counting=frozenset(w.lower() for w in data.get("counting", [])),
        document_verbs=frozenset(w.lower() for w in data.get("document_verbs", [])),
        count_verbs={w.lower().split()[-1]: tuple(w.lower().split()[:-1])
                     for w in data.get("count_verbs", [])},
        count_marks=frozenset(lists.get("count_marks", [])),
        citing_index=_index(frozenset(tuple(m.lower().split())
                                      for m in data.get("citing_markers", []))),
        relay_index=_index(frozenset(tuple(m.lower().split())
                                     for m in data.get("relay_markers", []))),
        marker_index=_index(sources),
        phrase_index=_index(phrases),
    )


@cache
def designators() -> dict[str, Designator]:
    """Designator nouns of every language, by their lowercase words."""
    table: dict[str, dict[str, Any]] = _read("designators").get("designators", {})
    found = {
        noun.lower(): Designator(entry["kind"], frozenset(entry["keywords"]),
                                 bool(entry.get("strict", False)))
        for noun, entry in table.items()
    }
    # The head nouns of organization names the entity stage knows ("la gendarmerie",
    # "the board") designate a body too; only one named with the word is a candidate.
    for noun in wordlists.union("organization_heads"):
        word = noun.casefold()
        found.setdefault(word, Designator("organization", frozenset({word}), strict=True))
    # So do the titles the entity stage strips from names ("le député X"); they are
    # listed without accents, and looked up that way too (`designator`).
    for title in wordlists.union("titles"):
        word = title.casefold()
        found.setdefault(word, Designator("person", frozenset({word}), strict=True))
    return found


def designator(word: str) -> Designator | None:
    """The designator of a lowercase word or pair of words, accents or not."""
    table = designators()
    found = table.get(word)
    return found if found is not None else table.get(strip_marks(word))


@wordlists.on_change
def _reset() -> None:
    designators.cache_clear()


@cache
def demonym_groups() -> tuple[frozenset[str], ...]:
    """Nationality adjectives with their countries: {"américain", "états-unis", "us"...}."""
    return tuple(frozenset(g.split()) for g in _read("designators").get("demonyms", []))


Gender = Literal["f", "m"]


@dataclass(frozen=True, slots=True)
class Genders:
    """Which words say a person is a woman or a man (`data/designators.toml`, [gender])."""

    words: dict[str, Gender]  # gendered nouns, titles, honorifics: "directrice", "mme"
    determiners: dict[str, Gender]  # "la", "le": only right before a person's noun
    epicene: frozenset[str]  # nouns whose gender only the determiner says: "ministre"
    pronouns: dict[str, Gender]

    def of_phrase(self, words: list[str]) -> Gender | None:
        """The gender these lowercase words give a person, None when unknown or mixed.

        A determiner counts only before a person's noun: "la ministre" is
        feminine, "le chef de la diplomatie" masculine."""
        found: set[Gender] = set()
        for i, word in enumerate(words):
            gender = self.words.get(word.rstrip("."))
            if gender is not None:
                found.add(gender)
            elif word in self.determiners and i + 1 < len(words) and self.person_noun(words[i + 1]):
                found.add(self.determiners[word])
        return found.pop() if len(found) == 1 else None

    def person_noun(self, word: str) -> bool:
        entry = designator(word)
        return word in self.words or word in self.epicene or (
            entry is not None and entry.kind == "person")


@cache
def genders() -> Genders:
    table: dict[str, list[str]] = _read("designators").get("gender", {})

    def both(fem: str, masc: str) -> dict[str, Gender]:
        found: dict[str, Gender] = {w: "f" for w in table.get(fem, [])}
        found.update({w: "m" for w in table.get(masc, [])})
        return found

    return Genders(both("feminine", "masculine"),
                   both("feminine_determiners", "masculine_determiners"),
                   frozenset(table.get("epicene", [])),
                   both("feminine_pronouns", "masculine_pronouns"))
