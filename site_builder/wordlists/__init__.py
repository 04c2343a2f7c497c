"""The closed word lists every stage reads, as data: one file per language.

`data/fr.toml` and `data/en.toml` hold each language's grammar words,
calendar words, honorifics and titles, organization head nouns and
designators; `data/names.toml` what belongs to no one language (name
particles, abbreviations). They are read once per process.

A site adds words to a list, or takes some out, with files of the same
names in its own `wordlists/` directory (next to `site.toml`):

    # wordlists/fr.toml
    titles = ["préfet", "préfète"]          # added to the package's list

    [remove]
    organization_heads = ["mission"]      # taken out of it

`configure(overrides)` installs a site's files (stem -> TOML text) in this
process; the annotate stage passes them to its workers and puts them in its
cache key, so a change re-analyses what it affects. Modules that derive
something from the lists (a compiled pattern, a cached union) register a
reset with `on_change`.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources

# Files of the package; a site's wordlists/<stem>.toml may exist for any of them.
STEMS: tuple[str, ...] = ("fr", "en", "names")
LANGS: tuple[str, ...] = ("fr", "en")

_overrides: dict[str, str] = {}
_resets: list[Callable[[], None]] = []


class WordListError(ValueError):
    """A site's word-list file that cannot be used; the message says why."""


def _package(stem: str) -> dict[str, list[str]]:
    return tomllib.loads(_package_text(stem))


def parse_override(stem: str, text: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(lists to add, lists to remove) of a site's file; WordListError when malformed."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise WordListError(f"wordlists/{stem}.toml: {exc}") from None
    known = set(_package(stem))
    remove = data.pop("remove", {})
    if not isinstance(remove, dict):
        raise WordListError(f"wordlists/{stem}.toml: [remove] must be a table of lists")
    for table, where in ((data, ""), (remove, "[remove] ")):
        for name, words in table.items():
            if name not in known:
                raise WordListError(
                    f"wordlists/{stem}.toml: {where}{name!r} is not a word list; "
                    f"the lists are: {', '.join(sorted(known))}")
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise WordListError(
                    f"wordlists/{stem}.toml: {where}{name} must be a list of strings")
            if any(not w.strip() or w != w.strip() for w in words):
                # An empty word would match everywhere once in a pattern.
                raise WordListError(
                    f"wordlists/{stem}.toml: {where}{name} holds an empty word or one with "
                    "spaces around it; write each word once, trimmed")
    return data, remove


@cache
def _tables(stem: str) -> dict[str, frozenset[str]]:
    tables = {name: set(words) for name, words in _package(stem).items()}
    if stem in _overrides:
        add, remove = parse_override(stem, _overrides[stem])
        for name, words in add.items():
            tables[name] |= set(words)
        for name, words in remove.items():
            tables[name] -= set(words)
    return {name: frozenset(words) for name, words in tables.items()}


def words(name: str, stem: str) -> frozenset[str]:
    """One list of one file ("titles", "fr"); empty for a language without a file."""
    if stem not in STEMS:
        return frozenset()
    return _tables(stem).get(name, frozenset())


@cache
def union(name: str) -> frozenset[str]:
    """One list over every file: what name matching uses, whatever the language."""
    found: set[str] = set()
    for stem in STEMS:
        found |= words(name, stem)
    return frozenset(found)


def configure(overrides: Mapping[str, str]) -> None:
    """Install a site's word-list files (stem -> TOML text) in this process."""
    wanted = {stem: text for stem, text in overrides.items() if stem in STEMS}
    if wanted == _overrides:
        return
    for stem, text in wanted.items():
        parse_override(stem, text)  # fail before changing anything
    _overrides.clear()
    _overrides.update(wanted)
    _tables.cache_clear()
    union.cache_clear()
    for reset in _resets:
        reset()


def on_change(reset: Callable[[], None]) -> Callable[[], None]:
    """Register `reset` to run whenever `configure` changes the lists."""
    _resets.append(reset)
    return reset


def digest(overrides: Mapping[str, str]) -> str:
    """A stable fingerprint of the lists in force, for cache keys: the package's
    files and a site's overrides (an edit to either re-analyses what it affects)."""
    package = {stem: _package_text(stem) for stem in STEMS}
    data = json.dumps([package, {k: overrides[k] for k in sorted(overrides)}],
                      ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


@cache
def _package_text(stem: str) -> str:
    return resources.files("site_builder.wordlists").joinpath(f"data/{stem}.toml").read_text(
        encoding="utf-8")
