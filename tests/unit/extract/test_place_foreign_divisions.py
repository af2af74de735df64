"""A name that is a country and a first-order division of another country, read by the
article's other places (invented sentences)."""

from __future__ import annotations

from spacy.language import Language

from services.extract.domain.toponyms import geoparse
from shared.models import Place


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {place.text: place for place in geoparse(nlp(text))}


def test_country_named_among_its_neighbours_beats_a_foreign_state(nlp: Language) -> None:
    text = (
        "Rebels crossed from Chechnya into Dagestan on Monday. Officials in Georgia and "
        "Azerbaijan closed the border crossings."
    )
    assert _places(nlp, text)["Georgia"].country == "GEO"


def test_state_named_among_its_countrys_places_stays_the_state(nlp: Language) -> None:
    text = "The storm moved from Alabama into Georgia and flooded streets in Atlanta."
    place = _places(nlp, text)["Georgia"]
    assert (place.country, place.admin1) == ("USA", "GA")


def test_state_with_a_parent_written_next_to_a_town_stays_the_state(nlp: Language) -> None:
    places = _places(nlp, "Officials in Athens, Ga., said the storm hit Georgia hard.")
    assert places["Georgia"].country == "USA"


def test_country_named_in_a_story_set_abroad_beats_a_foreign_state(nlp: Language) -> None:
    text = "Workers from Kazakhstan, Belarus and Georgia sought jobs in Poland and Latvia."
    assert _places(nlp, text)["Georgia"].country == "GEO"


def test_state_named_with_no_other_place_is_left_to_the_scoring(nlp: Language) -> None:
    assert _places(nlp, "The singer grew up in Georgia.")["Georgia"].country == "USA"


def test_state_written_as_a_towns_parent_stays_the_state(nlp: Language) -> None:
    text = "Police in Athens, Georgia, said envoys from Russia and Ukraine had arrived."
    assert _places(nlp, text)["Georgia"].country == "USA"
