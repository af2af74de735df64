"""A predicate of no type with a thing as its subject has no actor ("Shares rise", "Oil
rebounds"): the actor of an event is someone. Names stay actors however a headline tags
them. Every sentence is invented for the test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import main_event, texts, with_title

Extract = Callable[..., Extraction]


@pytest.mark.parametrize(
    "title",
    ["Copper prices rebound from lows", "Retail sales show festive cheer"],
)
def test_a_thing_that_rises_or_falls_is_no_actor(extract: Extract, title: str) -> None:
    extraction = with_title(extract, title, "Traders said the market was calmer on Tuesday.")
    assert texts(main_event(extraction).actors) == []


@pytest.mark.parametrize(
    ("title", "body", "actor"),
    [
        (
            "Carlsbrook to return to stock market",
            "The dairy group went bust in 2003.",
            "Carlsbrook",
        ),
        ("FA decides not to punish manager", "The association met on Monday.", "FA"),
        (
            "Tories leave door open for return",
            "The Tories said on Monday that the former chairman could apply again.",
            "Tories",
        ),
        (
            "Davenport dismantles young rival",
            "Top seed Anna Davenport won in straight sets on Tuesday.",
            "Davenport",
        ),
    ],
)
def test_a_name_a_headline_tags_as_a_noun_stays_the_actor(
    extract: Extract, title: str, body: str, actor: str
) -> None:
    # control: a word the dictionary lacks, an acronym, a word the body capitalises
    # mid-sentence and a known surname are names
    assert texts(main_event(with_title(extract, title, body)).actors) == [actor]
