""" "On" names what a warning is about, as "about" does: a warning on a danger or a thing is a
caution, no threat; "on" before a time is when it was given (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


def _threats(extraction: Extraction) -> list[str]:
    return [e.trigger.text for e in extraction.events if e.type == "THREATEN"]


def test_a_warning_on_the_deficit_is_a_caution(extract: Extract) -> None:
    extraction = extract("The minister's warning on the budget deficit worried investors.")
    assert "warning" not in _threats(extraction)


def test_warning_on_the_impact_of_subsidies_is_no_threat(extract: Extract) -> None:
    extraction = extract("The agency warns on the impact of farm subsidies.")
    assert "warns" not in _threats(extraction)


def test_a_warning_given_on_tuesday_stays_a_threat(extract: Extract) -> None:
    extraction = extract("The army issued a warning on Tuesday.")
    assert event_of(extraction, "warning").type == "THREATEN"


def test_warned_on_monday_of_an_attack_stays_a_threat(extract: Extract) -> None:
    extraction = extract("The rebels warned on Monday that they would attack the city.")
    assert event_of(extraction, "warned").type == "THREATEN"


def test_a_warning_on_attacks_stays_a_threat(extract: Extract) -> None:
    extraction = extract("The army issued a warning on the rebels' attacks.")
    assert event_of(extraction, "warning").type == "THREATEN"
