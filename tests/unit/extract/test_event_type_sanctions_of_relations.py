"""A sanction (CAMEO 16) reduces relations: flights or supplies cut by a firm or by no one named
are commerce, and an estimate or a credit rating downgraded reduces no relation; a state that
cuts supplies, or anyone who downgrades relations or severs ties, sanctions (invented
sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]


def test_an_airline_cancelling_flights_is_no_sanction(extract: Extract) -> None:
    extraction = extract("The airline cancelled 200 flights because of the snow.")
    assert "cancelled" not in triggers(extraction)


def test_flights_cancelled_by_no_one_named_are_no_sanction(extract: Extract) -> None:
    extraction = extract("Some 300 flights were cancelled over the holiday weekend.")
    assert "cancelled" not in triggers(extraction)


def test_a_state_cutting_gas_supplies_stays_a_sanction(extract: Extract) -> None:
    extraction = extract("Ukraine cut off gas supplies in a price dispute.")
    assert event_of(extraction, "cut").type == "SANCTION"


def test_a_firm_cancelling_talks_stays_a_sanction(extract: Extract) -> None:
    extraction = extract("The company cancelled the talks with the union.")
    assert event_of(extraction, "cancelled").type == "SANCTION"


def test_a_downgraded_growth_estimate_is_no_sanction(extract: Extract) -> None:
    extraction = extract("The ministry downgraded its growth estimate for the year.")
    assert "downgraded" not in triggers(extraction)


def test_a_downgraded_credit_rating_is_no_sanction(extract: Extract) -> None:
    extraction = extract("Two rating agencies downgraded the insurer last week.")
    assert "downgraded" not in triggers(extraction)


def test_downgrading_diplomatic_relations_stays_a_sanction(extract: Extract) -> None:
    extraction = extract("Qatar downgraded diplomatic relations with Iran.")
    assert event_of(extraction, "downgraded").type == "SANCTION"
