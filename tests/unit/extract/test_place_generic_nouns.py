"""A generic noun of a kind of place alone ("the Center", "University") is no place name
(invented sentences)."""

from __future__ import annotations

from spacy.language import Language

from services.extract.domain.toponyms import geoparse


def _texts(nlp: Language, text: str) -> list[str]:
    return [place.text for place in geoparse(nlp(text))]


def test_generic_noun_alone_is_no_place(nlp: Language) -> None:
    # the gazetteer has a town called Center (Texas); here it is a building's name's head
    assert _texts(nlp, "He moved to the Center in Elkhart last year.") == ["Elkhart"]


def test_short_name_of_a_known_feature_stays_a_place(nlp: Language) -> None:
    # control: "the Gulf" is a name news uses alone
    assert _texts(nlp, "Ships sailed into the Gulf on Monday.") == ["Gulf"]
