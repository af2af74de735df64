"""A battle or fight "for" a prize or a cause (neither a place nor an actor) in a sentence
without arms is a contest or a campaign, even in a story of war elsewhere (invented
sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]

WAR_LEAD = "The film is set during the war, when soldiers were killed in their thousands. "
"""A first sentence that makes the story violent (war, soldiers, killed)."""


def test_a_battle_for_an_award_is_no_assault(extract: Extract) -> None:
    extraction = extract(WAR_LEAD + "It now leads the battle for the best picture award.")
    assert "battle" not in triggers(extraction)


def test_a_battle_for_supremacy_between_formats_is_no_assault(extract: Extract) -> None:
    extraction = extract(WAR_LEAD + "The studio backs the new disc in the battle for supremacy.")
    assert "battle" not in triggers(extraction)


def test_a_battle_for_a_city_stays_an_assault(extract: Extract) -> None:
    extraction = extract(WAR_LEAD + "Thousands died in the battle for the city in 1943.")
    assert event_of(extraction, "battle").type == "ASSAULT"


def test_rebels_fighting_for_independence_stay_an_assault(extract: Extract) -> None:
    extraction = extract(WAR_LEAD + "Rebels are fighting for independence in the north.")
    assert event_of(extraction, "fighting").type == "ASSAULT"
