""" "Strike" with a cause that is neither an actor nor a weapon is WordNet's "affect suddenly":
a disaster striking is the disaster, a feeling or a misfortune an occurrence (OTHER), no attack
(invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


def test_struck_by_a_feeling_is_no_assault(extract: Extract) -> None:
    extraction = extract("Party officials were struck by the level of anger among voters.")
    assert event_of(extraction, "struck").type == "OTHER"


def test_an_illness_that_struck_is_no_assault(extract: Extract) -> None:
    extraction = extract("The illness which struck the squad on Monday kept five players out.")
    assert event_of(extraction, "struck").type == "OTHER"


def test_struck_by_a_missile_is_still_an_assault(extract: Extract) -> None:
    extraction = extract("The police station was struck by a missile on Monday.")
    assert event_of(extraction, "struck").type == "ASSAULT"


def test_jets_that_struck_a_camp_are_still_an_assault(extract: Extract) -> None:
    extraction = extract("The jets which struck the camp on Monday flew from a base nearby.")
    assert event_of(extraction, "struck").type == "ASSAULT"


def test_a_hurricane_that_struck_is_a_disaster(extract: Extract) -> None:
    extraction = extract("The island was struck by a hurricane on Monday.")
    assert event_of(extraction, "struck").type == "DISASTER"
