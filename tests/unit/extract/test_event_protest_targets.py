"""Whom a protest is aimed at: the one whose deed or decision is protested, the one whose going
is demanded, the one something is wanted from (CAMEO 14). Every sentence is invented for the
test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        (
            "Hundreds of farmers marched to protest against the government's decision to cut "
            "subsidies.",
            "marched",
            "government",
        ),
        (
            "Nurses began a hunger strike in protest against abuses by the security forces.",
            "strike",
            "security forces",
        ),
        (
            "Thousands demonstrated on Sunday demanding the resignation of the prime minister.",
            "demonstrated",
            "prime minister",
        ),
        (
            "Villagers blocked the road to press their demands for compensation from the "
            "mining company.",
            "blocked",
            "mining company",
        ),
        (
            "Thousands of Kurds demonstrated in the city calling for independence from Iraq.",
            "demonstrated",
            "Iraq",
        ),
    ],
)
def test_the_one_behind_what_is_protested_is_the_target(
    extract: Extract, text: str, trigger: str, target: str
) -> None:
    assert target in texts(event_of(extract(text), trigger).targets)


def test_a_protest_against_someone_keeps_that_target(extract: Extract) -> None:
    # control: the one protested against is named outright
    text = "Students protested against the minister on Tuesday."
    assert texts(event_of(extract(text), "protested").targets) == ["minister"]


def test_the_makers_of_a_demand_are_not_whom_it_is_pressed_on(extract: Extract) -> None:
    # control: "demands from the rebels" are the rebels' own demands
    text = "Villagers marched to press demands from the rebels."
    assert "rebels" not in texts(event_of(extract(text), "marched").targets)


def test_a_place_left_is_not_whom_a_protest_is_aimed_at(extract: Extract) -> None:
    # control: "a withdrawal from the city" names a place, not someone asked
    text = "Residents rallied on Friday demanding a withdrawal from the city."
    assert texts(event_of(extract(text), "rallied").targets) == []


def test_a_protest_with_no_aim_has_no_target(extract: Extract) -> None:
    # control: a place where fans protested is no target
    event = event_of(extract("Fans protested outside the stadium."), "protested")
    assert texts(event.targets) == []
