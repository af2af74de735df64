"""An act on a thing reaches the one the thing's "to", "with" or "against" phrase names, or
the "on" phrase of a measure imposed (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("sentence", "trigger", "party"),
    [
        ("Norway halted military aid to Eritrea on Friday.", "halted", "Eritrea"),
        ("The rebels suspended all contact with the government.", "suspended", "government"),
        ("Chile cut diplomatic ties with Peru in March.", "cut", "Peru"),
        ("The council lifted the ban on the opposition party.", "lifted", "opposition party"),
    ],
)
def test_party_of_the_thing_acted_on_is_a_target(
    extract: Extract, sentence: str, trigger: str, party: str
) -> None:
    assert party in texts(event_of(extract(sentence), trigger).targets)


def test_on_phrase_of_a_thing_that_is_no_measure_is_no_target(extract: Extract) -> None:
    # control: "views on the unions" is about them, not a measure on them
    event = event_of(
        extract("The minister criticised the party's views on the unions."), "criticised"
    )
    assert "unions" not in texts(event.targets)


def test_thing_that_is_no_object_lends_no_party(extract: Extract) -> None:
    # control: "the way to Leeds" is where they were stopped, no one acted on
    text = "Three busloads of fans were detained on the way to Leeds."
    assert "Leeds" not in texts(event_of(extract(text), "detained").targets)
