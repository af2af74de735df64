"""An accident is of a vehicle or a structure, an explosion is a blast, a flood is of water and
a storm is weather: a ruling that is overturned, a program that crashes, a player who crashes
out of a tournament, "an explosion in consumer technology" (a sudden great increase), a market
flooded with cash and a runner who storms to victory are none (invented sentences)."""

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


def test_a_market_flooded_with_cash_is_no_disaster(extract: Extract) -> None:
    extraction = extract("The central bank flooded the money market with cheap cash.")
    assert "flooded" not in triggers(extraction)


def test_being_flooded_with_offers_is_no_disaster(extract: Extract) -> None:
    extraction = extract("The young chef has been flooded with offers of television work.")
    assert "flooded" not in triggers(extraction)


def test_villages_flooded_by_rain_stay_a_disaster(extract: Extract) -> None:
    extraction = extract("Heavy rains flooded the villages on Monday.")
    assert event_of(extraction, "flooded").type == "DISASTER"


def test_a_runner_who_storms_to_victory_meets_no_storm(extract: Extract) -> None:
    extraction = extract("Veteran sprinter storms to win")
    assert "storms" not in triggers(extraction)


def test_storms_that_hit_a_coast_stay_a_disaster(extract: Extract) -> None:
    extraction = extract("Storms hit the coast overnight.")
    assert event_of(extraction, "Storms").type == "DISASTER"


def test_the_worst_storm_to_hit_a_region_stays_a_disaster(extract: Extract) -> None:
    extraction = extract("It was the worst storm to hit the region in decades.")
    assert event_of(extraction, "storm").type == "DISASTER"
