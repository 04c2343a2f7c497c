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

MAX_LETTERS = 5

_PAREN_WORD = re.compile(r"\(\s*([^\W_][\w&.\-]*)\s*\)")
_WORD_PAREN = re.compile(r"(?<![\w&.\-])([^\W_][\w&.\-]*)\s*\(")
_SLUG_TAIL = re.compile(r"\s*[-–—:!|/]")


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
