"""'Execute' is a killing only of persons (WordNet execute.v.01); with a plan, an order or a
warrant it is carried out (execute.v.02), no assault (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]


def test_executed_warrants_are_carried_out_not_killed(extract: Extract) -> None:
    extraction = extract("Twelve search warrants were executed in Leeds and Bristol on Monday.")
    assert "executed" not in triggers(extraction)


def test_executing_a_plan_is_no_killing(extract: Extract) -> None:
    extraction = extract('"We executed our plan well," the coach said after the win.')
    assert "executed" not in triggers(extraction)


def test_executing_a_person_is_still_a_killing(extract: Extract) -> None:
    extraction = extract("The regime executed two dissidents in the capital on Tuesday.")
    assert event_of(extraction, "executed").type == "ASSAULT"


def test_a_person_executed_in_the_passive_is_still_a_killing(extract: Extract) -> None:
    extraction = extract("The former minister was executed in the capital on Tuesday.")
    assert event_of(extraction, "executed").type == "ASSAULT"
