"""Find registry names and aliases in normalized text.

Terms are normalized like the text (so "l’Observatoire" in the registry matches
"l'Observatoire" in an article, whatever apostrophe each uses) and matched on
word boundaries. Case:

* a term written as an acronym (no lower-case letter: "OSDH", "BCE") matches
  only as written, so "Bce" or the French word "ONG" in lower case never do;
* any other term matches whatever the case, provided the text has an
  upper-case letter where the term's first letter is upper-case — so the
  registry's "Paris" never matches the common noun "paris" (bets), while
  "Armée syrienne libre" matches "armée syrienne libre".

Overlaps resolve to the longest match, then the leftmost. Lookup goes through
the first word of each term, so the cost grows with the text, not with the
registry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from site_builder.annotate.normalize import normalize
from site_builder.annotate.registry_terms import RegistryTerm

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class TermMatch:
    start: int
    end: int
    term: RegistryTerm


@dataclass(frozen=True, slots=True)
class _Entry:
    text: str  # normalized
    folded: str
    exact: bool
    term: RegistryTerm


def _first_key(text: str) -> str:
    m = _WORD.match(text)
    return m.group().casefold() if m else ""


class TermMatcher:
    """All registry terms for one language, ready to scan texts."""

    def __init__(self, terms: Iterable[RegistryTerm], lang: str) -> None:
        self._index: dict[str, list[_Entry]] = {}
        for term in terms:
            if term.lang not in (None, lang):
                continue
            text = normalize(term.text).text.strip()
            key = _first_key(text)
            if not key or not text[0].isalnum():
                continue
            exact = not any(ch.islower() for ch in text)
            self._index.setdefault(key, []).append(_Entry(text, text.casefold(), exact, term))
        for entries in self._index.values():
            entries.sort(key=lambda e: -len(e.text))

    def __bool__(self) -> bool:
        return bool(self._index)

    def _matches_at(self, text: str, pos: int, entry: _Entry) -> bool:
        end = pos + len(entry.text)
        if end > len(text) or (end < len(text) and (text[end].isalnum() or text[end] == "_")):
            return False
        found = text[pos:end]
        if entry.exact:
            return found == entry.text
        if found.casefold() != entry.folded:
            return False
        return not entry.text[0].isupper() or found[0].isupper()

    def find(self, text: str) -> list[TermMatch]:
        """Non-overlapping matches in `text`, longest first, then leftmost."""
        if not self._index:
            return []
        candidates: list[TermMatch] = []
        for word in _WORD.finditer(text):
            pos = word.start()
            for entry in self._index.get(word.group().casefold(), ()):
                if self._matches_at(text, pos, entry):
                    candidates.append(TermMatch(pos, pos + len(entry.text), entry.term))
                    break  # entries are longest first
        candidates.sort(key=lambda c: (-(c.end - c.start), c.start))
        chosen: list[TermMatch] = []
        for c in candidates:
            if all(c.end <= o.start or c.start >= o.end for o in chosen):
                chosen.append(c)
        return sorted(chosen, key=lambda c: c.start)
