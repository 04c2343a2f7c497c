"""Capitalized common words and demonyms that the model tags as names.

French capitalizes "l'État", "le Conseil", "les Syriens", "les Kurdes"; every
sentence capitalizes its first word; and a model trained on news tags many
of them as places or organizations. None of these is an actor.

No hand list can keep up with that vocabulary, so two measurements decide:

* how common the word is in the language, from `wordfreq` (Zipf scale: 3 is
  a word seen once per million words, 6 once per thousand);
* what the tagger makes of the word in its sentence: a common noun or an
  adjective (`NOUN`, `ADJ`) rather than a proper noun (`PROPN`).

A one-word mention is a common word when the tagger reads it as a noun or an
adjective, and it is either plural (demonyms and bodies: "Syriens",
"Soudanais", "Casques") or frequent (`FREQUENT_ZIPF`: "État", "Conseil",
"Urgent"). Frequent alone is not enough ("Macron", "Google" and "Paris" are
frequent words too), and the tagger alone is not either: it reads rare proper
names as nouns ("Pentagone"), and even countries ("la Syrie"): a country or
city name is never a common word. Sentences holding a candidate are parsed even
when attribution would not have asked for it, so the tagger always has a say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Below this, a word is too rare for the mention to be a common word at all:
# its sentence need not be tagged for it.
CANDIDATE_ZIPF = 3.0
# A mention's first word is taken out of it, as its sentence's capitalized
# first word, only when it is at least this common: given names borrowed from
# other languages ("Luz", "Nour") sit just above CANDIDATE_ZIPF.
OPENING_ZIPF = 3.5
# Singular nouns and adjectives at least this common are common words.
FREQUENT_ZIPF = 4.0
# A word ending in -s is read as a plural when its singular is about as common
# or more ("Kurdes" 3.7 / "kurde" 3.5), not when the singular is rare ("Hamas").
PLURAL_MARGIN = 0.5
COMMON_POS = frozenset({"NOUN", "ADJ"})
# A proper noun this common that no gazetteer knows is a direction or a region
# word ("Sud", "Nord": Zipf above 5), when the model calls it a place.
VAGUE_PLACE_ZIPF = 5.0

_SPACED_DASH = re.compile(r"\s[-–—]\s")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


@lru_cache(maxsize=1 << 16)
def zipf(word: str, lang: str) -> float:
    """How common `word` is in `lang` (0.0 for a language wordfreq does not know)."""
    from wordfreq import zipf_frequency  # loads its tables on first use only

    try:
        return zipf_frequency(word, lang)
    except (LookupError, ValueError):
        return 0.0


def lone_word(span: str) -> str | None:
    """The one word a mention consists of, capitalized at its start only, if so.

    A leading elision does not count ("l'État").
    """
    # Elisions go ("l'État"); any other word makes it a phrase ("ministère de
    # l'Intérieur"). The filters have already trimmed determiners ("le Sud").
    words = [w.split("'")[-1] for w in _WORD.findall(span)]
    if len(words) != 1 or not words[0][:1].isupper():
        return None
    word = words[0]
    if any(ch.isdigit() for ch in span):
        return None  # "M23", "G7": codes, not words
    if any(ch.isupper() for ch in word[1:]):
        return None  # acronyms, and compounds of names ("Croissant-Rouge", "McAllister")
    return word


def _plural_frequency(word: str, lang: str) -> float:
    """How common the word's singular is, when the word looks like a plural of it
    ("Kurdes" → "kurde"); 0.0 otherwise. French and English plurals end in -s or -x."""
    if len(word) < 4 or word[-1:].lower() not in ("s", "x"):
        return 0.0
    return zipf(word[:-1].lower(), lang)


def is_candidate(span: str, lang: str, initial: bool = False) -> bool:
    """Whether a mention may be a common word, so its sentence needs tagging.

    The same test as `is_common_word` without the tagger, with the plural
    read from the spelling, so that only sentences the verdict can depend on
    are parsed. `initial`: the mention opens its sentence.
    """
    # What the filters will keep: after a slug's dash, without leading
    # lower-case words ("du Sud", "le Conseil").
    words = _SPACED_DASH.split(span)[-1].split()
    while len(words) > 1 and words[0][:1].islower():
        words.pop(0)
    word = lone_word(" ".join(words))
    if word is None:
        return False
    frequency = max(zipf(word.lower(), lang), _plural_frequency(word, lang))
    return (frequency >= FREQUENT_ZIPF or (frequency >= CANDIDATE_ZIPF and (
        initial or word[-1:].lower() in ("s", "x")))) and not is_known_place(word, lang)


_OPENING = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def opening_word(text: str, start: int, end: int, sentences: Iterable[tuple[int, int]],
                 lang: str) -> tuple[tuple[int, int], int] | None:
    """(its sentence, its length) when a mention opens its sentence with a common word.

    The word must be capitalized at its start only, common enough in the
    language (`CANDIDATE_ZIPF`) to be a word at all, not a known place, and
    only punctuation may stand between the sentence's start and the mention
    ("« Frapper Kordane, c'est…"). The tagger then decides (nlp.py).
    """
    sentence = next(((s, e) for s, e in sentences if s <= start < e), None)
    if sentence is None or any(ch.isalnum() for ch in text[sentence[0]:start]):
        return None
    match = _OPENING.match(text, start, end)
    if match is None:
        return None
    word = match.group()
    if not word[:1].isupper() or any(ch.isupper() for ch in word[1:]):
        return None
    if match.end() < end and text[match.end()] != " ":
        return None  # "Jean-Pierre", "Al-Qaïda": the word is part of a longer one
    if zipf(word.lower(), lang) < OPENING_ZIPF or is_known_place(word, lang):
        return None
    return sentence, len(word)


def is_vague_place(word: str, lang: str, pos: str) -> bool:
    """A very common word the model calls a place and no gazetteer knows: "le Sud".

    Cardinal points and the like are written as proper nouns ("habitants du
    Sud") but name no place a reader could find on a map or follow across
    articles. Continents, countries and cities are known places and stay.
    """
    return pos == "PROPN" and zipf(word.lower(), lang) >= VAGUE_PLACE_ZIPF \
        and not is_known_place(word, lang)


def is_common_word(word: str, lang: str, pos: str, morph: str, plain: bool = False) -> bool:
    """The verdict, once the tagger has read the word in its sentence.

    * a common noun or an adjective, plural or frequent: "Syriens", "État";
    * a proper noun in the plural: a people or a group ("Kurdes", "Arabes"),
      the plural read from the morphology, or, where the tagger gives none
      (French proper nouns), from a spelling whose singular is about as
      common ("Kurdes"/"kurde", but not "Hamas"/"hama");
    * a word whose capital says nothing (`plain`: written in capitals, "cesser
      MAINTENANT", or first in its sentence, "Casques vissés sur la tête")
      is common under any reading but a proper noun: the tagger's part of
      speech for such words is often odd ("Casques" as a determiner).

    Countries, cities and continents are never common words.
    """
    if not pos:
        return False
    frequency = zipf(word.lower(), lang)
    features = morph.split("|")
    singular = _plural_frequency(word, lang)
    spelled_plural = singular >= CANDIDATE_ZIPF and singular >= frequency - PLURAL_MARGIN
    plural = "Number=Plur" in features or (
        spelled_plural and not any(f.startswith("Number=") for f in features))
    if pos in COMMON_POS:
        common = max(frequency, singular) >= CANDIDATE_ZIPF and (
            plural or frequency >= FREQUENT_ZIPF)
    elif plain and pos != "PROPN":
        # A verb, an adverb, a determiner...: no name at all ("Renversé en 2024, il").
        common = max(frequency, singular) >= CANDIDATE_ZIPF
    elif pos == "PROPN":
        # The tagger's number for a proper noun is a guess ("Arabes" Sing).
        common = (plural or spelled_plural) and max(frequency, singular) >= CANDIDATE_ZIPF
    else:
        common = False
    return common and not is_known_place(word, lang)


def is_known_place(word: str, lang: str) -> bool:
    """A country (CLDR) or a city (GeoNames): the tagger reads "la Syrie" as a noun.

    The same tables the link stage resolves places with (imported here, not at
    the top: the link package is not needed to annotate until a word is judged).
    """
    from site_builder.link.places import is_known_place as known

    return known(word, lang)



def warm(langs: Iterable[str]) -> None:
    """Load the word frequencies and the gazetteers for these languages now.

    Called in the parent before worker processes fork, so that they inherit
    the tables instead of each loading them again.
    """
    for lang in langs:
        zipf("a", lang)
        is_known_place("A", lang)
