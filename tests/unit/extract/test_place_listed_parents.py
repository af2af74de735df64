"""A parent written after a comma contains the place before it; names listed with commas
are no parent and child (invented sentences)."""

from __future__ import annotations

from spacy.language import Language

from services.extract.domain.toponyms import geoparse
from shared.models import Place


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {place.text: place for place in geoparse(nlp(text))}


def test_listed_capital_after_a_country_is_no_parent_of_it(nlp: Language) -> None:
    # "Iraq, Kabul": Iraq does not lie in the Afghan province of Kabul
    text = "Envoys went to Basra in Iraq, Kabul in Afghanistan and Hanoi in Vietnam."
    assert _places(nlp, text)["Kabul"].feature == "P.PPLC"


def test_state_after_its_town_is_still_its_parent(nlp: Language) -> None:
    places = _places(nlp, "The plant in Spokane, Washington closed on Monday.")
    assert (places["Washington"].feature, places["Washington"].admin1) == ("A.ADM1", "WA")
