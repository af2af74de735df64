"""The object predicative of a verb of naming ("called the blast an attack", "described it as
a 'threat'") characterises its object: when that object is an event already named or the name
is quoted, the name is no second event (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import triggers

Extract = Callable[..., Extraction]


def test_an_event_called_an_attack_is_one_event(extract: Extract) -> None:
    extraction = extract("The mayor called the explosion at the market an attack on the town.")
    assert "explosion" in triggers(extraction)
    assert "attack" not in triggers(extraction)


def test_a_quoted_name_given_to_something_is_no_event(extract: Extract) -> None:
    extraction = extract('Only a third of firms called it a "significant threat" this year.')
    assert "threat" not in triggers(extraction)


def test_a_quoted_name_before_the_full_stop_is_no_event(extract: Extract) -> None:
    extraction = extract('Residents called the fire an "attack."')
    assert "attack" not in triggers(extraction)


def test_a_quoted_name_after_as_is_no_event(extract: Extract) -> None:
    extraction = extract('The governor described the fire as an "attack" on the city.')
    assert "attack" not in triggers(extraction)


def test_a_quoted_attack_that_is_launched_stays_an_event(extract: Extract) -> None:
    extraction = extract('Rebels launched an "attack" on the army base on Monday.')
    assert "attack" in triggers(extraction)


def test_an_unquoted_name_of_a_thing_keeps_its_event(extract: Extract) -> None:
    extraction = extract("The ministers described this as the biggest trade agreement in years.")
    assert "agreement" in triggers(extraction)
