"""A killing told by the manner of an attack is an assault whether or not the assailant is
named ("shot dead", "stabbed to death", "beaten to death"); a death told without a manner, or
by one that needs no assailant ("crushed to death"), is not. Every sentence is invented for the
test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("A journalist was shot dead in Manila on Monday.", "shot dead"),
        ("A man was stabbed to death outside a bar.", "stabbed to death"),
        ("A woman was beaten to death at her home.", "beaten to death"),
    ],
)
def test_a_killing_by_the_manner_of_an_attack_is_an_assault_with_no_assailant_named(
    extract: Extract, text: str, trigger: str
) -> None:
    assert event_of(extract(text), trigger).type == "ASSAULT"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Two workers were crushed to death at the factory.", "crushed to death"),
        ("Three people were killed on Sunday.", "killed"),
    ],
)
def test_a_death_with_no_assailant_and_no_manner_of_attack_is_no_assault(
    extract: Extract, text: str, trigger: str
) -> None:
    # control
    assert event_of(extract(text), trigger).type != "ASSAULT"
