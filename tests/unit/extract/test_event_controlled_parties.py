"""A subjectless verb of talks or cooperation takes its controller beside the parties its
"with" phrase names; a span of time spent and an instrument used control nothing (invented
sentences)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts

Extract = Callable[..., Extraction]


def test_controller_of_gerund_meets_the_with_party(extract: Extract) -> None:
    text = "The chairman spent last week meeting with investors."
    assert texts(event_of(extract(text), "meeting").actors) == ["chairman", "investors"]


def test_controller_of_infinitive_meets_the_with_party(extract: Extract) -> None:
    text = "The envoy flew to Lima to meet with Peruvian officials."
    assert texts(event_of(extract(text), "meet").actors) == ["envoy", "Peruvian officials"]


def test_time_spent_is_no_controller(extract: Extract) -> None:
    text = "The minister spent two days visiting Chile."
    assert texts(event_of(extract(text), "visiting").actors) == ["minister"]


def test_passive_with_parties_takes_no_controller(extract: Extract) -> None:
    # control: the subject of "has to" is what is negotiated, not a negotiator
    text = "The fee is something that would have to be negotiated between the two clubs."
    assert texts(event_of(extract(text), "negotiated").actors) == ["two clubs"]


def test_instrument_used_is_no_controller(extract: Extract) -> None:
    text = "The navy used gunboats to attack the harbour."
    assert texts(event_of(extract(text), "attack").actors) == ["navy"]


def test_object_of_an_order_controls_its_infinitive(extract: Extract) -> None:
    # control: "ordered the troops to attack" is object control
    text = "The general ordered the troops to attack the harbour."
    assert texts(event_of(extract(text), "attack").actors) == ["troops"]


@pytest.mark.parametrize(
    ("sentence", "trigger", "actors"),
    [
        ("The mayor will join the governor in a visit to Leeds.", "visit", ["mayor", "governor"]),
        ("Nurses joined the porters at a rally in Hull.", "rally", ["Nurses", "porters"]),
        ("Mr Grey joined Ms Ford in backing the plan.", "backing", ["Mr Grey", "Ms Ford"]),
    ],
)
def test_act_one_joins_another_in_is_both_s(
    extract: Extract, sentence: str, trigger: str, actors: list[str]
) -> None:
    assert texts(event_of(extract(sentence), trigger).actors) == actors


def test_rally_in_a_place_met_at_has_no_companions(extract: Extract) -> None:
    # control: only "join" shares its act with its object
    event = event_of(extract("Nurses met the porters at a rally in Hull."), "rally")
    assert "porters" not in texts(event.actors)
