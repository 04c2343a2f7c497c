"""Country names in every language the site uses, from CLDR (through babel).

"Syrie" in a French dispatch and "Syria" in an English one are the same
actor. Rather than keep a list of countries by hand, we read CLDR's territory
names for each language and map them to the ISO 3166 region code; the actor
then takes its name from the site's language.

Babel ships CLDR's main names only, not the `alt="short"` / `alt="variant"`
forms ("US", "Turkey" next to "Türkiye", "République démocratique du Congo"),
so those are not matched: add them as registry aliases when a site needs them.
What we do derive mechanically from the names themselves: both halves of
"Myanmar (Birmanie)", the name without a mid-name parenthesis, and "&" spelled
out with the language's own list conjunction ("Bosnia and Herzegovina").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from site_builder.link.normalize import normalize_name

# CLDR's code for "unknown region": a territory only in name.
_UNKNOWN_REGION = "ZZ"
_TRAILING_PAREN = re.compile(r"^(?P<head>.+?)\s*\((?P<inner>[^()]+)\)$")
_ANY_PAREN = re.compile(r"\s*\([^()]*\)")


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """ISO 3166 codes that CLDR describes as places where people live.

    CLDR's territory list also holds groupings ("EU", "UN", "EZ") and
    pseudo-regions ("XA"); only real territories have population data in
    CLDR's territoryInfo, which babel exposes as `territory_languages`.
    """
    populated = get_global("territory_languages")
    return frozenset(
        code for code in populated
        if len(code) == 2 and code.isalpha() and code.isupper() and code != _UNKNOWN_REGION
    )


def _locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def name_variants(name: str, pair_pattern: str) -> tuple[list[str], list[str]]:
    """(main forms, derived forms) of one CLDR territory name.

    `pair_pattern` is the language's two-item list pattern ("{0} et {1}"),
    used to spell out "&".
    """
    derived: list[str] = []
    if match := _TRAILING_PAREN.match(name):
        derived += [match["head"], match["inner"]]
    elif "(" in name:
        derived.append(_ANY_PAREN.sub("", name))
    parts = name.split(" & ")
    if len(parts) == 2:
        derived.append(pair_pattern.format(*parts))
    return [name], [d for d in derived if d.strip() and d != name]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Country keys per language, and country names for display."""

    keys: dict[str, dict[str, str]]  # lang -> matching key -> ISO code
    names: dict[str, dict[str, str]]  # lang -> ISO code -> CLDR name

    def lookup(self, key: str, lang: str | None = None) -> str | None:
        """The ISO code of the country named `key`, in `lang` first, then any language."""
        if lang in self.keys and key in self.keys[lang]:
            return self.keys[lang][key]
        for other in sorted(self.keys):
            if key in self.keys[other]:
                return self.keys[other][key]
        return None

    def name(self, code: str, lang: str) -> str:
        """The country's name in `lang`, else in any known language, else the code."""
        for candidate in (lang, "en", *sorted(self.names)):
            if code in self.names.get(candidate, {}):
                return self.names[candidate][code]
        return code


def _language_keys(locale: Locale, codes: frozenset[str]) -> tuple[dict[str, str], dict[str, str]]:
    territories = locale.territories
    pair = locale.list_patterns["standard"]["2"]
    names: dict[str, str] = {}
    main: dict[str, set[str]] = {}
    derived: dict[str, set[str]] = {}
    for code in sorted(codes):
        name = territories.get(code)
        if not name:
            continue
        names[code] = name
        forms, extra = name_variants(name, pair)
        for text, table in ((forms, main), (extra, derived)):
            for form in text:
                key = normalize_name(form, "place").key
                if key:
                    table.setdefault(key, set()).add(code)
    keys: dict[str, str] = {}
    # A main name beats a derived one ("Saint-Martin" is MF, not the head of
    # SX's "Saint-Martin (partie néerlandaise)"); a key two countries share
    # at the same level names neither.
    for key, found in derived.items():
        if len(found) == 1 and key not in main:
            keys[key] = next(iter(found))
    for key, found in main.items():
        if len(found) == 1:
            keys[key] = next(iter(found))
        else:
            keys.pop(key, None)
    return keys, names


@lru_cache(maxsize=16)
def _gazetteer(langs: tuple[str, ...]) -> Gazetteer:
    codes = country_codes()
    keys: dict[str, dict[str, str]] = {}
    names: dict[str, dict[str, str]] = {}
    for lang in langs:
        locale = _locale(lang)
        if locale is not None:
            keys[lang], names[lang] = _language_keys(locale, codes)
    return Gazetteer(keys, names)


def gazetteer(langs: Iterable[str]) -> Gazetteer:
    """Country names for these languages (unknown languages are skipped). Cached."""
    return _gazetteer(tuple(sorted({lang for lang in langs if lang})))
