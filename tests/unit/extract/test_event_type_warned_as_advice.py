""" "Warn" with an infinitive or "against" of what the hearer should (not) do is advice, no
threat; one whose advised act carries a consequence of force stays a threat (invented
sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]


def test_warning_users_to_update_their_software_is_no_threat(extract: Extract) -> None:
    extraction = extract("The bank has warned customers to change their passwords this week.")
    assert "warned" not in triggers(extraction)


def test_being_warned_never_to_do_something_is_no_threat(extract: Extract) -> None:
    extraction = extract("Drivers are warned never to leave valuables on the back seat.")
    assert "warned" not in triggers(extraction)


def test_warning_against_complacency_is_no_threat(extract: Extract) -> None:
    extraction = extract("The coach warned his players against complacency before the final.")
    assert "warned" not in triggers(extraction)


def test_warning_to_leave_or_face_an_assault_stays_a_threat(extract: Extract) -> None:
    extraction = extract("The army warned the rebels to leave the town or face an assault.")
    assert event_of(extraction, "warned").type == "THREATEN"


def test_warning_that_troops_would_attack_stays_a_threat(extract: Extract) -> None:
    extraction = extract("The general warned that his troops would attack the port.")
    assert event_of(extraction, "warned").type == "THREATEN"
