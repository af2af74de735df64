"""A battle or fight that a legal word classifies is fought in court (CAMEO 115), no assault,
even in a story of violence (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


def test_legal_battle_in_a_violent_story_is_no_assault(extract: Extract) -> None:
    extraction = extract(
        "The singer was injured in a car crash in 2001. The film covers his legal battles with "
        "his record label."
    )
    assert event_of(extraction, "battles").type == "ACCUSE"


def test_court_battle_in_a_violent_story_is_no_assault(extract: Extract) -> None:
    extraction = extract(
        "Two soldiers were killed in the raid. Their families have won a High Court battle "
        "against the ministry."
    )
    assert event_of(extraction, "battle").type == "ACCUSE"


def test_a_fierce_battle_with_rebels_is_still_an_assault(extract: Extract) -> None:
    extraction = extract(
        "Two soldiers were killed in the raid. Troops fought a fierce battle with the rebels "
        "near the border."
    )
    assert event_of(extraction, "battle").type == "ASSAULT"
