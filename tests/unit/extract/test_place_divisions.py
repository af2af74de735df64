"""A name that a well-known first-order division bears names the division unless the text says
otherwise; a city of its own standing keeps its reading. Every sentence is invented for the
test."""

from collections.abc import Callable

from services.extract.domain.extractor import Extraction

Extract = Callable[..., Extraction]


def _place(extraction: Extraction, text: str) -> tuple[str | None, str | None]:
    (place,) = [p for p in extraction.places if p.text == text]
    return place.country, place.feature


def test_wales_among_english_towns_is_the_division_not_a_village(extract: Extract) -> None:
    text = "Voters in Leeds, Sheffield and Liverpool went to the polls, as did voters in Wales."
    assert _place(extract(text), "Wales") == ("GBR", "A.ADM1")


def test_a_city_named_like_a_division_keeps_its_reading_among_its_neighbours(
    extract: Extract,
) -> None:
    # control: Victoria of British Columbia has 290,000 people; only small namesakes give way
    text = "Hockey fans in Vancouver, Calgary and Victoria celebrated the win."
    assert _place(extract(text), "Victoria") == ("CAN", "P.PPL")
