"""Who is on strike: "on strike" with a bare noun names a state its subject is in, or in a
headline the noun it follows; "on the strike" names a topic. Every sentence is invented for
the test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, main_event, texts, with_title

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "striker"),
    [
        (
            "Thousands of teachers were on strike across the region on Friday.",
            "Thousands of teachers",
        ),
        ("Nurses will remain on hunger strike until they are paid.", "Nurses"),
        ("Dockers did not want to go on strike.", "Dockers"),
    ],
)
def test_the_subject_of_being_on_strike_is_the_striker(
    extract: Extract, text: str, striker: str
) -> None:
    assert texts(event_of(extract(text), "strike").actors) == [striker]


def test_a_headline_noun_on_strike_is_the_striker(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Jailed poet on hunger strike",
        "A poet held since March has refused food for ten days, his lawyer said.",
    )
    assert texts(main_event(extraction).actors) == ["Jailed poet"]


def test_a_report_on_the_strike_is_no_striker(extract: Extract) -> None:
    # control: "on the strike" names what the report is about
    event = event_of(extract("The report was on the strike at the port."), "strike")
    assert texts(event.actors) == []
