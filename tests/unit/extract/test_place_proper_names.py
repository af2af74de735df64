"""A toponym is a proper name: lower-case words the parser labels a place are none (invented
sentences)."""

from __future__ import annotations

from spacy.language import Language

from services.extract.domain.toponyms import geoparse


def _texts(nlp: Language, text: str) -> list[str]:
    return [place.text for place in geoparse(nlp(text))]


def test_lower_case_phrase_labelled_a_location_is_no_place(nlp: Language) -> None:
    # the parser labels "west coast" a location: a common noun phrase, not a name
    assert _texts(nlp, "Fans of east and west coast rap met in Chicago.") == ["Chicago"]


def test_lower_case_word_labelled_a_place_is_no_place(nlp: Language) -> None:
    # the parser labels the Latin "absentia" a geopolitical entity
    assert _texts(nlp, "He was tried in absentia by a court in Tbilisi.") == ["Tbilisi"]


def test_names_in_capitals_stay_places(nlp: Language) -> None:
    # control: a dateline in upper case and a name with a capital initial are proper names
    text = "LONDON (Reuters) - He was tried in absentia by a court in Tbilisi."
    assert _texts(nlp, text) == ["LONDON", "Tbilisi"]
