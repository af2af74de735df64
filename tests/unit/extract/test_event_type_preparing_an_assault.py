"""The verb of preparing that governs an assault ("prepared to resume shelling", "preparing an
offensive") is a show of force of its own (MOBILIZE); a state of readiness ("be prepared for
an attack") and a preparation of anything else are none (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]

WAR_LEAD = "Soldiers were killed in the border war last week. "
"""A first sentence that makes the story violent."""


def test_an_army_preparing_to_resume_shelling_mobilizes(extract: Extract) -> None:
    extraction = extract(WAR_LEAD + "The army prepared to resume shelling the hills on Monday.")
    assert event_of(extraction, "prepared").type == "MOBILIZE"


def test_forces_preparing_an_offensive_mobilize(extract: Extract) -> None:
    extraction = extract(WAR_LEAD + "Government forces are preparing an offensive on the port.")
    assert event_of(extraction, "preparing").type == "MOBILIZE"


def test_people_prepared_for_an_attack_are_no_mobilization(extract: Extract) -> None:
    extraction = extract(WAR_LEAD + "The villagers were prepared for an attack on the town.")
    assert "prepared" not in triggers(extraction)


def test_preparing_a_meal_is_no_mobilization(extract: Extract) -> None:
    extraction = extract(WAR_LEAD + "The cooks prepared a meal for the troops on Monday.")
    assert "prepared" not in triggers(extraction)
