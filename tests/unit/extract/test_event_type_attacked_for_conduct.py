"""To attack someone "for" their conduct (a gerund) is to blame them: criticism (CAMEO 111),
no assault, even in a story of violence (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]

_VIOLENT = "Three soldiers were killed in a bomb blast last month. "


def test_attacked_for_failing_is_criticism(extract: Extract) -> None:
    extraction = extract(_VIOLENT + "The party leader attacked the minister for failing to act.")
    assert event_of(extraction, "attacked").type == "ACCUSE"


def test_attacked_for_his_phone_is_still_an_assault(extract: Extract) -> None:
    extraction = extract(_VIOLENT + "Two men attacked the student for his phone near the station.")
    assert event_of(extraction, "attacked").type == "ASSAULT"


def test_passive_attacked_for_refusing_is_still_an_assault(extract: Extract) -> None:
    extraction = extract(_VIOLENT + "A driver was attacked for refusing to hand over his car.")
    assert event_of(extraction, "attacked").type == "ASSAULT"
