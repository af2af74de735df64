"""An agentless "is restricted to" of a thing tells its scope ("limited to"), no coercive
measure against anyone (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]


def test_a_service_restricted_to_cities_is_no_coercion(extract: Extract) -> None:
    extraction = extract("The new payment service will be restricted to large cities at first.")
    assert "restricted" not in triggers(extraction)


def test_an_offer_restricted_to_a_country_is_no_coercion(extract: Extract) -> None:
    extraction = extract("The discount offer is restricted to Canada and to existing customers.")
    assert "restricted" not in triggers(extraction)


def test_journalists_restricted_to_their_hotel_are_still_coerced(extract: Extract) -> None:
    extraction = extract("The reporters were restricted to their hotel during the election.")
    assert event_of(extraction, "restricted").type == "COERCE"
