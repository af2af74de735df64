"""The goal of a verb or noun of motion ("returns to Hampshire", "a trip to Elkhart") is a
place, whatever the parser labelled the name (invented sentences)."""

from __future__ import annotations

from spacy.language import Language

from services.extract.domain.toponyms import geoparse
from shared.models import Place


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {place.text: place for place in geoparse(nlp(text))}


def test_goal_of_a_motion_verb_is_a_place(nlp: Language) -> None:
    # the parser labels "Hampshire" a person here
    places = _places(nlp, "The touring car series returns to Hampshire next weekend.")
    assert places["Hampshire"].country == "GBR"


def test_goal_of_a_motion_noun_is_a_place(nlp: Language) -> None:
    # the parser labels "Elkhart" an organisation here
    places = _places(nlp, "They planned a trip to Elkhart in May.")
    assert places["Elkhart"].country == "USA"


def test_to_after_a_verb_of_speaking_is_no_goal(nlp: Language) -> None:
    # control: "spoke to Hayes" addresses a person
    assert "Hayes" not in _places(nlp, "He spoke to Hayes on Friday.")


def test_prize_that_went_to_a_band_is_no_place(nlp: Language) -> None:
    # control: "went to" is said of prizes and votes
    assert "Muse" not in _places(nlp, "The prize went to Muse on Friday.")


def test_part_of_a_longer_name_is_no_goal(nlp: Language) -> None:
    # control: "Court" of "the High Court" is not the whole object of "to"
    places = _places(nlp, "The council will move the case to the High Court next week.")
    assert "Court" not in places
