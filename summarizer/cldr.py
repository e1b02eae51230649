"""Names of countries and cities in the tool's languages, from the Unicode CLDR (via Babel).

pycountry's translations and GeoNames' alternate names leave gaps exactly where the tool
reads most: Urdu has no «پولینڈ» (Poland) in pycountry, and no GeoNames name of Warsaw is
«وارسا». CLDR, the data every operating system and browser localises with, names every
country in each of these languages, and about 420 cities (the exemplar cities of the time
zones: the capitals and the largest cities) in Arabic, Urdu, Chinese and Russian.

Babel: BSD licence; CLDR data: Unicode licence.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.core import get_global

#: The languages the tool reads besides English, as CLDR names their locales.
LANGUAGES = ("ar", "ur", "zh", "ru", "fr")


@lru_cache(maxsize=1)
def country_names() -> dict[str, tuple[str, ...]]:
    """ISO 3166-1 alpha-2 -> the country's names in LANGUAGES (CLDR's territory names and
    their short and variant forms: "Czechia" and "Czech Republic")."""
    names: dict[str, list[str]] = {}
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            alpha2 = code.split("-")[0]
            if len(alpha2) == 2 and alpha2.isalpha() and name not in names.get(alpha2, []):
                names.setdefault(alpha2, []).append(name)
    return {code: tuple(found) for code, found in names.items()}


@lru_cache(maxsize=1)
def city_names() -> dict[tuple[str, str], tuple[str, ...]]:
    """(English name, ISO alpha-2 of its country) -> the city's names in LANGUAGES, for the
    exemplar cities of CLDR's time zones ("Europe/Warsaw": Warsaw, PL, «وارسا», «华沙»...)."""
    territory_of = get_global("zone_territories")
    english = Locale.parse("en").time_zones
    names: dict[tuple[str, str], list[str]] = {}
    for language in LANGUAGES:
        for zone, info in Locale.parse(language).time_zones.items():
            city = info.get("city")
            country = territory_of.get(zone)
            if not city or not country or "/" not in zone or zone.startswith("Etc/"):
                continue
            name = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[1].replace("_", " ")
            found = names.setdefault((name, country), [])
            if city not in found and city != name:
                found.append(city)
    return {key: tuple(found) for key, found in names.items()}
