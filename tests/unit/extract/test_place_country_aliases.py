"""Country names the alias table adds to GeoNames' (invented sentences)."""

from __future__ import annotations

from spacy.language import Language

from services.extract.domain.toponyms import geoparse
from shared.models import Place


def _places(nlp: Language, text: str) -> dict[str, Place]:
    return {place.text: place for place in geoparse(nlp(text))}


def test_initials_of_official_country_names(nlp: Language) -> None:
    places = _places(nlp, "Envoys of the PRC met envoys of the DPRK on Monday.")
    assert (places["PRC"].country, places["DPRK"].country) == ("CHN", "PRK")


def test_macedonia_is_the_country(nlp: Language) -> None:
    places = _places(nlp, "Macedonia applied to join NATO on Monday.")
    assert places["Macedonia"].country == "MKD"
