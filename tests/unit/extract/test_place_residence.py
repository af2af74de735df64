"""A town after a person's name and "of" ("Ann Lowe, 24, of Elkhart"): where the person lives,
a place whatever the parser labelled it (invented sentences)."""

from __future__ import annotations

from spacy.language import Language

from services.extract.domain.toponyms import geoparse
from shared.models import Place


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {place.text: place for place in geoparse(nlp(text))}


def test_town_after_a_name_and_an_age_is_a_place(nlp: Language) -> None:
    # the parser labels "Elkhart" an organisation here
    places = _places(nlp, "Martin Cole, 41, of Elkhart was charged on Monday.")
    assert places["Elkhart"].country == "USA"


def test_town_after_a_titled_name_is_a_place(nlp: Language) -> None:
    # the parser labels "Hayes" a person here
    places = _places(nlp, "Miss Okafor, of Hayes, was not hurt.")
    assert places["Hayes"].country == "GBR"


def test_of_after_a_lone_name_word_is_no_residence(nlp: Language) -> None:
    # control: a band's name, "Kings" of "Kings of Leon", is not a person's full name
    assert "Leon" not in _places(nlp, "Fans cheered when Kings of Leon played on Friday.")


def test_of_after_a_common_noun_is_no_residence(nlp: Language) -> None:
    # control: only a person's name makes "of" tell where someone lives
    assert "Elkhart" not in _places(nlp, "The fans of Elkhart United were charged on Monday.")
