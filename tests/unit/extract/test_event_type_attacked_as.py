"""To attack something "as" what one judges it ("as a whitewash", "as too little, too late") is
criticism (CAMEO 111), no assault, even in a story of violence (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]

_VIOLENT = "Three soldiers were killed in a bomb blast last month. "


def test_attacked_as_a_verdict_is_criticism(extract: Extract) -> None:
    extraction = extract(_VIOLENT + "The opposition attacked the premier as weak and lazy.")
    assert event_of(extraction, "attacked").type == "ACCUSE"


def test_passive_attacked_as_too_little_is_criticism(extract: Extract) -> None:
    extraction = extract(
        _VIOLENT + "The new pension offer has been attacked by the unions as too little, too late."
    )
    assert event_of(extraction, "attacked").type == "ACCUSE"


def test_attacked_as_he_walked_home_is_still_an_assault(extract: Extract) -> None:
    extraction = extract(_VIOLENT + "Two men attacked the driver as he walked home.")
    assert event_of(extraction, "attacked").type == "ASSAULT"


def test_attacked_as_revenge_is_still_an_assault(extract: Extract) -> None:
    extraction = extract(_VIOLENT + "Militants attacked the police post as revenge for the raid.")
    assert event_of(extraction, "attacked").type == "ASSAULT"
