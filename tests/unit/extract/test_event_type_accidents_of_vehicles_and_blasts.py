"""An accident is of a vehicle or a structure, an explosion is a blast: a ruling that is
overturned, a program that crashes, a player who crashes out of a tournament and "an
explosion in consumer technology" (a sudden great increase) are no accidents (invented
sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]


def test_an_overturned_ruling_is_no_accident(extract: Extract) -> None:
    extraction = extract("The appeal court overturned the ruling on Friday.")
    assert "overturned" not in triggers(extraction)


def test_an_overturned_majority_is_no_accident(extract: Extract) -> None:
    extraction = extract("The young challenger overturned a big majority to win the seat.")
    assert "overturned" not in triggers(extraction)


def test_an_overturned_bus_stays_an_accident(extract: Extract) -> None:
    extraction = extract("A bus overturned on the motorway, injuring 12 passengers.")
    assert event_of(extraction, "overturned").type == "ACCIDENT"


def test_a_network_that_crashes_has_no_accident(extract: Extract) -> None:
    extraction = extract("The bank's internal network crashed on Monday morning.")
    assert "crashed" not in triggers(extraction)


def test_crashing_out_of_a_tournament_is_no_accident(extract: Extract) -> None:
    extraction = extract("The defending champion crashed out in the fourth round.")
    assert "crashed" not in triggers(extraction)


def test_a_crashed_plane_stays_an_accident(extract: Extract) -> None:
    extraction = extract("The plane crashed shortly after take-off, killing nine people.")
    assert event_of(extraction, "crashed").type == "ACCIDENT"


def test_an_explosion_in_a_field_of_growth_is_no_blast(extract: Extract) -> None:
    extraction = extract("Analysts expect an explosion in online video this year.")
    assert "explosion" not in triggers(extraction)


def test_an_explosion_named_by_what_grows_is_no_blast(extract: Extract) -> None:
    extraction = extract("The smartphone explosion has changed how people shop.")
    assert "explosion" not in triggers(extraction)


def test_a_gas_explosion_stays_a_blast(extract: Extract) -> None:
    extraction = extract("A gas explosion destroyed the factory on Tuesday.")
    assert event_of(extraction, "explosion").type == "ACCIDENT"


def test_an_explosion_in_a_market_stays_a_blast(extract: Extract) -> None:
    extraction = extract("An explosion in the market injured 20 people.")
    assert event_of(extraction, "explosion").type == "ACCIDENT"
