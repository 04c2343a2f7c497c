"""Telling acronyms ("OSDH", "BCE") from shouted words ("URGENT", "ALERTE").

Both are all-caps words. An all-caps word counts as an acronym when

* it is written that way in a registry term, or
* the article defines it: "(OSDH)" after a long form, or "OSDH (Observatoire...)", or
* it contains a digit, "&" or "." ("G7", "AT&T"), or
* it is short (at most `MAX_LETTERS` letters) and is not a *slug*: the first
  word of a sentence followed by a dash, colon, bar or "!" ("FLASH -", "URGENT :").

Everything else is shouting. No dictionary is needed, which keeps the rule the
same for every language; the price is that a long, undefined, unregistered
acronym ("UNESCO" with no parenthesis anywhere) reads as shouting: add it to the
registry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from site_builder.slugs import strip_marks

MAX_LETTERS = 5

_PAREN_WORD = re.compile(r"\(\s*([^\W_][\w&.\-]*)\s*\)")
_WORD_PAREN = re.compile(r"(?<![\w&.\-])([^\W_][\w&.\-]*)\s*\(")
_SLUG_TAIL = re.compile(r"\s*[-–—:!|/]")
# "Long Form (LF)": an all-caps acronym of two letters or more in parentheses.
_PAREN_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Z0-9&.\-]+)\s*\)")


def is_all_caps(word: str) -> bool:
    """At least two letters and no lower-case letter."""
    # isupper(): at least one cased character and none in lower case.
    return word.isupper() and sum(map(str.isalpha, word)) >= 2


@dataclass(frozen=True, slots=True)
class AcronymContext:
    """The acronyms known for one article: from the registry or defined in its text."""

    known: frozenset[str] = frozenset()

    @classmethod
    def build(cls, texts: Iterable[str], registry: Iterable[str] = ()) -> AcronymContext:
        known: set[str] = set()
        for term in registry:
            known.update(w for w in re.findall(r"[\w&.\-]+", term) if is_all_caps(w))
        for text in texts:
            for pattern in (_PAREN_WORD, _WORD_PAREN):
                known.update(m.group(1) for m in pattern.finditer(text)
                             if is_all_caps(m.group(1)))
        return cls(frozenset(known))

    def is_acronym(self, text: str, start: int, end: int, sentence_start: bool) -> bool:
        """Whether the all-caps word text[start:end] is an acronym rather than shouting."""
        word = text[start:end]
        if word in self.known or any(not ch.isalpha() for ch in word):
            return True
        if sum(map(str.isalpha, word)) > MAX_LETTERS:
            return False
        return not (sentence_start and _SLUG_TAIL.match(text, end))

    def definitions(self, text: str) -> list[tuple[str, int]]:
        """(acronym, offset of its opening parenthesis) for each "(ACR)" in text."""
        return [(m.group(1), m.start()) for m in _PAREN_WORD.finditer(text)
                if is_all_caps(m.group(1))]


# Words that may stand between the words of a long name: "Front uni pour le
# renouveau du Ouaddaï", "Commission of Inquiry on the Sahel".
_CONNECTORS = frozenset({"de", "du", "des", "d'", "l'", "la", "le", "les", "en", "et", "pour",
                         "sur", "of", "the", "for", "on", "and", "in"})
_LONG_TAIL = re.compile(r"((?:\s+[^\W\d_][\w'’\-]*){1,8})\s*\(\s*([^\W\d_][\w&.\-]*)\s*\)")
_ELISION = re.compile(r"^[dl]['’]", re.IGNORECASE)


def long_form_end(text: str, start: int, end: int) -> int | None:
    """Where a name that the recognizer cut short really ends, when an acronym
    in parentheses follows it closely.

    "Front uni [pour le renouveau du Ouaddaï] (FURO)", "Mission de l'ONU [en RDC]
    (Monusco)": the words up to the parenthesis belong to the name when they are
    capitalized words and connectors only, or when their initials, with the
    name's, spell the acronym. None when nothing should be added.
    """
    m = _LONG_TAIL.match(text, end)
    if m is None:
        return None
    words = m.group(1).split()
    acronym = m.group(2)
    if not acronym[:1].isupper():
        return None  # "(photo)", "(sic)": not an acronym
    lowered = [_ELISION.sub("", w).replace("’", "'").lower() for w in words]
    if all(w in _CONNECTORS or _ELISION.sub("", w)[:1].isupper()
           for w, low in zip(words, lowered, strict=True) if low not in _CONNECTORS):
        return end + len(m.group(1))
    content = [w for w in text[start:end].split() + words
               if _ELISION.sub("", w).replace("’", "'").lower() not in _CONNECTORS]
    initials = "".join(_ELISION.sub("", w)[:1].lower() for w in content)
    if len(acronym) >= 2 and _spells(acronym.lower(), initials):
        return end + len(m.group(1))
    return None


# A body's name that goes on in lower case after its first words: French writes
# "Autorité nationale [de gestion des catastrophes] (NDMA)", whose acronym may
# come from another language and spell nothing.
_LOWER_TAIL_WORDS = 6
_OPENERS = frozenset({"de", "du", "des", "d'", "pour", "of", "for", "on"})


def lower_tail_end(text: str, end: int) -> int | None:
    """Where an organization's name really ends when lower-case words opened by a
    preposition run from `end` to an acronym in capitals in parentheses; None
    otherwise. For organizations only: their names are written so."""
    m = _LONG_TAIL.match(text, end)
    if m is None or not is_all_caps(m.group(2)):
        return None
    words = [_ELISION.sub(lambda e: e.group().replace("’", "'"), w).lower()
             for w in m.group(1).split()]
    first = words[0] if not words[0].startswith(("d'", "d’")) else "d'"
    if first not in _OPENERS or len(words) > _LOWER_TAIL_WORDS:
        return None
    if not all(w.replace("'", "").replace("’", "").replace("-", "").isalpha()
               and w == w.lower() for w in m.group(1).split()):
        return None
    return end + len(m.group(1))


def _spells(acronym: str, initials: str) -> bool:
    """Do the initials, in order and from the first, contain every letter of the acronym?"""
    if not initials or initials[0] != acronym[0]:
        return False
    k = 0
    for ch in initials:
        if k < len(acronym) and ch == acronym[k]:
            k += 1
    return k == len(acronym)


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’\-]*)\s+$")


def word_before(text: str, end: int) -> re.Match[str] | None:
    """`_WORD_BEFORE` searched in text[:end], from the last word only: a search
    from the text's start costs the whole paragraph at every name."""
    word = end
    while word > 0 and text[word - 1].isspace():
        word -= 1
    while word > 0 and not text[word - 1].isspace():
        word -= 1
    # No match starts earlier: it would hold a space before the last word.
    return _WORD_BEFORE.search(text, word, end)


def long_form_start(text: str, start: int, end: int) -> int | None:
    """Where a name the recognizer cut at its start really begins, when an acronym
    in parentheses follows it: "[Hayat] Tahrir al-Sham (HTS)".

    The words before the mention join it, one at a time, while they are
    capitalized and their initial is the acronym letter still missing at
    the front. None when nothing should be added.
    """
    m = _PAREN_ACRONYM.match(text, end)
    if m is None:
        return None
    acronym = m.group(1)
    first = _ELISION.sub("", text[start:end])[:1].upper()
    if not first or first == acronym[0]:
        return None
    missing = acronym[:acronym.find(first)] if first in acronym else ""
    new_start = start
    for letter in reversed(missing):
        before = word_before(text, new_start)
        if before is None or before.group(1)[:1] != letter:
            return None
        new_start = before.start(1)
    return new_start if new_start != start else None


def defines_acronym(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the long form of the acronym in parentheses after
    it: "Hayat Tahrir al-Sham (HTS)", but not "Marine Le Pen (RN)", her party."""
    m = _PAREN_ACRONYM.match(text, end)
    if m is None:
        return False
    content = [w for w in text[start:end].split()
               if _ELISION.sub("", w).replace("’", "'").lower() not in _CONNECTORS]
    # "al-Sham" gives its "s" too: particles are often not in the acronym.
    initials = "".join("".join(part[:1] for part in _ELISION.sub("", w).split("-")).lower()
                       for w in content)
    # "État islamique (EI)": acronyms drop the accents.
    return _spells(strip_marks(m.group(1).lower()), strip_marks(initials))
