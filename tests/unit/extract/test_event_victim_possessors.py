"""The possessive of a noun of harm done to a person names the victim ("Anna's murder", "the
men's arrest"), of an attack or a crackdown the one who acts ("the rebels' attack"), and a
state's possessive always acts. Every sentence is invented for the test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger", "victim"),
    [
        ("Police investigating Anna's murder found new evidence.", "murder", "Anna"),
        ("Protests followed the men's arrest in the capital.", "arrest", "men"),
    ],
)
def test_a_persons_possessive_on_a_noun_of_harm_is_the_victim(
    extract: Extract, text: str, trigger: str, victim: str
) -> None:
    event = event_of(extract(text), trigger)
    assert (texts(event.actors), texts(event.targets)) == ([], [victim])


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("The bishop condemned the rebels' attack on the village.", "attack", "rebels"),
        ("Russia's detention of the crew angered the government.", "detention", "Russia"),
    ],
)
def test_the_possessive_of_an_attack_or_a_states_possessive_acts(
    extract: Extract, text: str, trigger: str, actor: str
) -> None:
    # control: an attack's possessive and a state's possessive are the agents
    assert texts(event_of(extract(text), trigger).actors) == [actor]
