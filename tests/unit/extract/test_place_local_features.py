"""Streets, buildings and facilities the gazetteer does not hold, placed at the town written
with them (invented sentences)."""

from __future__ import annotations

from spacy.language import Language

from services.extract.domain.toponyms import geoparse
from shared.models import Place


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {place.text: place for place in geoparse(nlp(text))}


def test_street_lies_in_the_town_written_after_it(nlp: Language) -> None:
    places = _places(nlp, "Police said a van hit a wall on Brennan Avenue in Dayton, Ohio.")
    street, town = places["Brennan Avenue"], places["Dayton"]
    assert (street.lat, street.lon) == (town.lat, town.lon)
    assert street.name is None and street.country is None and street.geonameid is None


def test_hall_lies_in_the_town_of_the_name_after_it(nlp: Language) -> None:
    places = _places(nlp, "Guests gathered at the Oakfield Town Hall in the town of Harrogate.")
    hall, town = places["Oakfield Town Hall"], places["Harrogate"]
    assert (hall.lat, hall.lon) == (town.lat, town.lon)


def test_facility_lies_in_the_town_that_owns_it(nlp: Language) -> None:
    text = "The team flew in from Denver on Monday for the match at Fresno's Riverbend Stadium."
    places = _places(nlp, text)
    stadium, fresno, denver = places["Riverbend Stadium"], places["Fresno"], places["Denver"]
    assert (stadium.lat, stadium.lon) == (fresno.lat, fresno.lon) != (denver.lat, denver.lon)


def test_street_without_a_town_in_the_article_stays_unresolved(nlp: Language) -> None:
    places = _places(nlp, "A van hit a wall on Brennan Avenue late on Friday, police said.")
    assert places["Brennan Avenue"].lat is None


def test_town_elsewhere_in_the_sentence_does_not_place_a_street(nlp: Language) -> None:
    # control: national news names a street known by its own name among other towns' news
    places = _places(nlp, "Police in Dayton said a van hit a wall on Brennan Avenue on Friday.")
    assert places["Dayton"].lat is not None
    assert places["Brennan Avenue"].lat is None


def test_region_is_not_placed_at_a_town(nlp: Language) -> None:
    # control: a peninsula is no feature inside one town
    places = _places(nlp, "Leaders in Seoul spoke about peace on the Korean Peninsula.")
    assert places["Korean Peninsula"].lat is None


def test_river_written_with_a_town_is_not_placed_at_it(nlp: Language) -> None:
    # control: a river runs through many towns; only streets, buildings and facilities lie in one
    places = _places(nlp, "Barges were stuck on the Tigris River in Baghdad on Monday.")
    assert places["Baghdad"].lat is not None
    assert places["Tigris River"].lat is None
