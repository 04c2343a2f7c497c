"""Personal names: full names, short forms, and which full name a short form means.

Wire copy names a person in full once ("Bachar al-Assad") and then by
surname ("M. Assad", "Assad", "al-Assad"). A short form is linked to a full
name only when exactly one full name fits it, first in the same article,
then across the site; a surname two people share stays its own actor.
Particles (al-, el-, de, ben, bin…) are optional in that comparison, since
writers drop and transliterate them freely.
"""

from __future__ import annotations

from collections.abc import Hashable
from functools import lru_cache
from typing import Generic, TypeVar

from site_builder import wordlists
from site_builder.link import wordlists as wl
from site_builder.link.normalize import key_of

T = TypeVar("T", bound=Hashable)
MAX_SHORT_TOKENS = 4


@lru_cache(maxsize=1 << 16)
def core_tokens(key: str) -> tuple[str, ...]:
    """The tokens of a matching key that are not particles."""
    particles = wl.name_particles()
    return tuple(t for t in key.split(" ") if t and t not in particles)


@lru_cache(maxsize=1 << 16)
def is_full_name(display: str) -> bool:
    """Two or more space-separated words with something besides particles in each.

    "Bachar al-Assad", "Jean-Luc Mélenchon" are full; "Strauss-Kahn",
    "al-Assad", "Ben Laden" are not (hyphenated names are one word).
    """
    words = [w for w in display.split() if core_tokens(key_of(w))]
    return len(words) >= 2


def merge_key(key: str) -> str:
    """Key under which two full names are one person: particles dropped.

    "Bachar al-Assad" and "Bachar el-Assad" share "bachar assad". Only when
    two words remain, so that "Ben Ali" never becomes "Ali".
    """
    core = core_tokens(key)
    return " ".join(core) if len(core) >= 2 else key


def contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """True when `needle` occurs in `haystack` as a contiguous run."""
    size = len(needle)
    return size > 0 and any(
        haystack[i:i + size] == needle for i in range(len(haystack) - size + 1)
    )


class FullNameIndex(Generic[T]):
    """Full names, findable by any short contiguous run of their tokens.

    `candidates(short)` answers "which persons could this short form be?" in
    one dictionary look-up, which keeps site-wide matching linear. A short
    form is one written word, so runs longer than `MAX_SHORT_TOKENS` tokens
    ("Jean-Marie Le Pen" has three) are never asked for and not indexed.
    """

    def __init__(self) -> None:
        self._runs: dict[tuple[str, ...], set[T]] = {}

    def add(self, key: str, target: T) -> None:
        tokens = core_tokens(key)
        for start in range(len(tokens)):
            for end in range(start + 1, min(len(tokens), start + MAX_SHORT_TOKENS) + 1):
                self._runs.setdefault(tokens[start:end], set()).add(target)

    def candidates(self, short_key: str) -> set[T]:
        return self._runs.get(core_tokens(short_key), set())

    def unique(self, short_key: str) -> T | None:
        """The one full name that fits `short_key`, or None (no match, or several)."""
        found = self.candidates(short_key)
        return next(iter(found)) if len(found) == 1 else None


@wordlists.on_change
def _reset() -> None:
    core_tokens.cache_clear()
    is_full_name.cache_clear()
