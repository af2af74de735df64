"""A weapon that kills or explodes ("a landmine killed two", "two bombs went off, killing
four") is the harm's instrument, not its actor; a person named for a weapon
("the bomber") and a company's name ("Shell") still act. Every sentence is invented for the
test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Two guards were killed by a landmine near the depot.", "killed"),
        ("Two bombs went off near the stadium, killing four people.", "killing"),
        ("A roadside bomb struck an army convoy outside the town.", "struck"),
    ],
)
def test_a_weapon_is_no_actor(extract: Extract, text: str, trigger: str) -> None:
    event = event_of(extract(text), trigger)
    assert (event.type, texts(event.actors)) == ("ASSAULT", [])


def test_the_owner_of_a_weapon_wields_it(extract: Extract) -> None:
    event = event_of(extract("Rebel rockets killed two children in the market."), "killed")
    assert texts(event.actors) == ["Rebel"]


def test_a_person_named_for_a_weapon_acts(extract: Extract) -> None:
    # control: "the bomber" is a person, the agent
    event = event_of(extract("The bomber killed four guards at the gate."), "killed")
    assert texts(event.actors) == ["bomber"]


def test_a_company_named_like_a_weapon_acts(extract: Extract) -> None:
    # control: "Shell" is a name, not a shell
    event = event_of(extract("Shell signed a supply deal with Nigeria."), "deal")
    assert "Shell" in texts(event.actors)
