"""A possessive pronoun on a noun of harm in a temporal adjunct ("lost his job following his
arrest") is the one harmed, bound by the clause's subject; elsewhere it may be anyone
("confessed to her murder": not the subject) and is left out. Every sentence is invented for the
test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    "text",
    [
        "Mr Petrov lost his job following his arrest last spring.",
        "Mr Petrov has been held in a military camp since his arrest in May.",
    ],
)
def test_the_possessive_of_a_harm_in_a_time_adjunct_is_the_subject(
    extract: Extract, text: str
) -> None:
    event = event_of(extract(text), "arrest")
    assert [(t.text, t.name) for t in event.targets] == [("his", "Petrov")]


@pytest.mark.parametrize(
    "text",
    ["Mr Petrov confessed to her murder.", "Mr Petrov was charged with her murder."],
)
def test_the_possessive_of_a_harm_elsewhere_is_left_out(extract: Extract, text: str) -> None:
    # control: the one who confesses to or is charged with her murder is not its victim
    assert [t.name for t in event_of(extract(text), "murder").targets] == []
