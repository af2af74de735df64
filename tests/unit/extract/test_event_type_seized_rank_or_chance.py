"""Seizing or occupying a rank, a chance or a mind is no confiscation or occupation (invented
sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]


def test_seizing_the_top_spot_is_no_seizure(extract: Extract) -> None:
    extraction = extract("The brewer seized the top spot in the market when it bought a rival.")
    assert "seized" not in triggers(extraction)


def test_occupying_a_chart_position_is_no_occupation(extract: Extract) -> None:
    extraction = extract("The band's new single is occupying the number one position this week.")
    assert "occupying" not in triggers(extraction)


def test_seizing_a_chance_is_no_seizure(extract: Extract) -> None:
    extraction = extract("The coach told the young winger to seize his chance on Saturday.")
    assert "seize" not in triggers(extraction)


def test_seizing_land_is_still_a_seizure(extract: Extract) -> None:
    extraction = extract("The authorities seized the farm and two warehouses on Monday.")
    assert event_of(extraction, "seized").type == "COERCE"
