"""To kill a bill, a plan or the ball is to end or stop it: an occurrence (OTHER), no killing
(invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


def test_killing_a_bill_is_no_killing(extract: Extract) -> None:
    extraction = extract("Opposition peers tried to kill the housing bill in the Lords.")
    assert event_of(extraction, "kill").type == "OTHER"


def test_killing_the_ball_is_no_killing(extract: Extract) -> None:
    extraction = extract("The flanker was sin-binned for killing the ball near his own line.")
    assert event_of(extraction, "killing").type == "OTHER"


def test_killing_soldiers_is_still_a_killing(extract: Extract) -> None:
    extraction = extract("Rebels attacked the base on Monday, killing the two soldiers on guard.")
    assert event_of(extraction, "killing").type == "ASSAULT"
