"""What people type into the query API's filters: countries by name or code, and times as an age
or an ISO date."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services.query.domain.countries import Country, CountryIndex, UnknownCountryError
from services.query.domain.when import BadTimeError, parse_since

INDEX = CountryIndex(
    [
        Country("NRL", "NR", "Northland"),
        Country("SRL", "SR", "Southern Republic"),
        Country("IVL", "IV", "Île Verte"),
    ],
    {"the north": "NRL", "atlantis": "ATL"},  # ATL is no country of the table: ignored
)
NOW = datetime(2026, 12, 6, 12, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Northland", "NRL"),
        ("northland", "NRL"),
        ("  NORTHLAND ", "NRL"),
        ("southern   republic", "SRL"),
        ("The Southern Republic", "SRL"),
        ("ile verte", "IVL"),
        ("Île Verte", "IVL"),
        ("nrl", "NRL"),
        ("SR", "SRL"),
        ("north", "NRL"),
    ],
)
def test_a_country_is_found_by_name_or_code_in_any_case(typed: str, code: str) -> None:
    assert INDEX.resolve(typed) == code


def test_an_alias_naming_no_known_country_is_not_used() -> None:
    with pytest.raises(UnknownCountryError):
        INDEX.resolve("Atlantis")


def test_an_unknown_country_suggests_close_names() -> None:
    with pytest.raises(UnknownCountryError, match="did you mean Northland"):
        INDEX.resolve("Nortland")


def test_a_code_wins_over_a_name_that_folds_the_same() -> None:
    index = CountryIndex([Country("AAA", "AB", "Ab"), Country("BBB", "BB", "Bee")])

    assert index.resolve("ab") == "AAA"
    assert index.resolve("bee") == "BBB"


def test_names_of_codes_and_the_list_by_name() -> None:
    assert INDEX.name("SRL") == "Southern Republic"
    assert INDEX.name("XXX") is None
    assert [c.iso3 for c in INDEX.countries()] == ["IVL", "NRL", "SRL"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("30m", NOW - timedelta(minutes=30)),
        ("24h", NOW - timedelta(hours=24)),
        ("7d", NOW - timedelta(days=7)),
        ("7D", NOW - timedelta(days=7)),
        (" 2w ", NOW - timedelta(weeks=2)),
        ("2022-03-31", datetime(2022, 3, 31, tzinfo=UTC)),
        ("2022-03-31T09:00:00", datetime(2022, 3, 31, 9, tzinfo=UTC)),
        ("2022-03-31T09:00:00+02:00", datetime(2022, 3, 31, 7, tzinfo=UTC)),
    ],
)
def test_since_is_an_age_or_an_iso_time(typed: str, expected: datetime) -> None:
    assert parse_since(typed, now=NOW) == expected


@pytest.mark.parametrize(
    "typed", ["", "7", "d", "7y", "last week", "123456d", "99999999w", "x" * 100]
)
def test_anything_else_is_refused_saying_what_is_accepted(typed: str) -> None:
    with pytest.raises(BadTimeError, match="7d"):
        parse_since(typed, now=NOW)


def test_an_age_reaching_before_year_one_is_refused() -> None:
    with pytest.raises(BadTimeError):
        parse_since("99999w", now=datetime(1900, 1, 1, tzinfo=UTC))
