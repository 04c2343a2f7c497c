"""An auto actor's name and aliases, chosen from how the articles wrote it."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from site_builder.link.normalize import key_of


def _marks(text: str) -> int:
    """How many characters are not ASCII (accented letters, typographic apostrophes)."""
    return len(text) - len(text.encode("ascii", "ignore"))


def _casing(text: str) -> int:
    """0 for mixed case ("Hezbollah", "Ocha"), 1 for all capitals, 2 for all lower case.

    A dateline or headline in capitals ("ALEP, 12 mars") is not how the name
    is written; French style also writes pronounceable acronyms in mixed case.
    """
    if text.isupper():
        return 1
    return 2 if text.islower() else 0


def best_display(forms: Iterable[str]) -> str:
    """The longest full form, written the way the articles write it most often.

    `forms` are the mentions' display forms (titles and articles already
    removed), repeated once per mention. Forms with the same key are one
    spelling; the spelling with the most words, then the most characters,
    wins, so "Donald Trump" beats "Trump" and the expansion beats its
    acronym. Within it the most frequent casing wins; then the form with more
    accented letters (a feed that strips accents loses information, none adds
    them by mistake); then mixed case over capitals over lower case; then
    the first in code-point order, for determinism.
    """
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for form in forms:
        spellings[key_of(form)][form] += 1
    if not spellings:
        return ""
    key = min(
        spellings,
        key=lambda k: (-len(k.split()), -len(k), -sum(spellings[k].values()), k),
    )
    written = spellings[key]
    return min(written, key=lambda form: (-written[form], -_marks(form), _casing(form), form))


def aliases(surfaces: Iterable[str], name: str) -> list[str]:
    """Every distinct surface form, minus the actor's name, sorted."""
    return sorted({" ".join(s.split()) for s in surfaces} - {name, ""})


def ordinary_case(name: str) -> str:
    """A place name known only from datelines in capitals, written the ordinary
    way: "BEYROUTH" → "Beyrouth", "PORT-SOUDAN" → "Port-Soudan"."""
    if not name.isupper():
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m.group()[0] + m.group()[1:].lower(), name)
