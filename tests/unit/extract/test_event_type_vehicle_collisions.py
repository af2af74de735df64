"""A road or rail vehicle that strikes someone or something collides: an accident, not an
attacker's force, even where a labour "strike" is spoken of (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


def test_struck_by_a_car_is_an_accident(extract: Extract) -> None:
    extraction = extract("A pensioner was struck by a car outside the school on Monday.")
    assert event_of(extraction, "struck").type == "ACCIDENT"


def test_a_worker_struck_by_a_train_is_no_labour_strike(extract: Extract) -> None:
    extraction = extract("A rail worker was struck by a train near the depot on Monday.")
    assert event_of(extraction, "struck").type == "ACCIDENT"


def test_a_car_driven_by_someone_that_struck_a_truck_is_an_accident(extract: Extract) -> None:
    extraction = extract(
        "A Buick driven by a local man was heading north and struck a parked truck on Monday."
    )
    assert event_of(extraction, "struck").type == "ACCIDENT"


def test_a_van_that_struck_pedestrians_in_a_terror_attack_stays_an_assault(
    extract: Extract,
) -> None:
    extraction = extract("A van struck pedestrians on the bridge in a terror attack on Monday.")
    assert event_of(extraction, "struck").type == "ASSAULT"


def test_rebels_who_struck_a_convoy_stay_an_assault(extract: Extract) -> None:
    extraction = extract("Rebels struck an army convoy near the town on Monday.")
    assert event_of(extraction, "struck").type == "ASSAULT"
