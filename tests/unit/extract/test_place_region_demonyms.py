"""Demonyms of regions ("North American", "Latin American"): the region's, not the country's
whose demonym they end with (invented sentences)."""

from __future__ import annotations

from spacy.language import Language

from services.extract.domain.toponyms import _names_a_region_of, geoparse
from shared.models import Place


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {place.text: place for place in geoparse(nlp(text))}


def test_compass_demonym_of_a_continent_names_the_continent(nlp: Language) -> None:
    places = _places(nlp, "The deal shook North American markets on Monday.")
    assert places["North American"].name == "North America"
    assert places["North American"].country is None
    assert "American" not in places


def test_demonym_of_a_region_without_an_entry_names_no_country(nlp: Language) -> None:
    places = _places(nlp, "Latin American leaders met in Lima on Friday.")
    assert places["Latin American"].country is None
    assert places["Latin American"].is_demonym
    assert "American" not in places
    assert places["Lima"].country == "PER"


def test_region_demonym_adds_no_country_to_the_context(nlp: Language) -> None:
    # a "Central Americans" read as Americans would draw a bare town to the United States
    text = "Thousands of Central Americans queued at the border. Talks resumed in Geneva."
    places = _places(nlp, text)
    assert places["Central Americans"].country is None
    assert places["Geneva"].country == "CHE"


def test_demonym_of_a_two_word_country_names_that_country(nlp: Language) -> None:
    # "North Korean" is formed from North Korea, not from "Korean" (South Korea)
    places = _places(nlp, "South Korean officials met North Korean envoys on Monday.")
    assert places["South Korean"].country == "KOR"
    assert places["North Korean"].country == "PRK"


def test_south_african_is_of_south_africa(nlp: Language) -> None:
    places = _places(nlp, "South African miners went on strike on Monday.")
    assert places["South African"].country == "ZAF"


def test_only_a_region_word_makes_a_region_demonym() -> None:
    # control: a hyphenated identity or a plain demonym is no region's
    assert _names_a_region_of("Latin American")
    assert not _names_a_region_of("Irish American")
    assert not _names_a_region_of("American")
    assert not _names_a_region_of("South Africa")


def test_region_demonym_inside_a_name_is_not_the_countrys(nlp: Language) -> None:
    text = "Ministers in Ottawa discussed the North American Free Trade Agreement on Monday."
    places = _places(nlp, text)
    assert "American" not in places
    assert places["North American"].name == "North America"
