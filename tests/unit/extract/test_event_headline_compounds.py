"""An event noun that modifies a participant in a headline's compound ("quake survivors")
classifies the participant; the headline's predicate is the news (invented headlines)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from shared.models import Event

Extract = Callable[..., Extraction]


def _main(extract: Extract, title: str, body: str) -> Event:
    extraction = extract(f"{title}\n\n{body}", title=title)
    (event,) = [e for e in extraction.events if e.is_main]
    return event


def test_event_noun_in_a_compound_participant_is_not_the_headline_news(
    extract: Extract,
) -> None:
    main = _main(
        extract,
        "Troops to help quake survivors",
        "Hundreds of soldiers will travel to the valley next week to help families who lost "
        "their homes in last month's earthquake.",
    )
    assert main.trigger.text == "help"
    assert [a.text for a in main.actors] == ["Troops"]


def test_event_noun_in_a_compound_of_a_toll_is_the_news(extract: Extract) -> None:
    main = _main(
        extract,
        "Quake death toll rises to 500",
        "The number of people killed by Monday's earthquake has risen to 500, officials said.",
    )
    assert (main.type, main.trigger.text) == ("DISASTER", "Quake")


def test_event_noun_in_a_compound_of_an_event_noun_is_the_news(extract: Extract) -> None:
    main = _main(
        extract,
        "Bomb attack kills five in market",
        "A bomb exploded in a crowded market on Monday, killing five people, police said.",
    )
    assert main.type == "ASSAULT"


def test_event_noun_in_a_compound_of_a_witness_who_tells_of_it_is_the_news(
    extract: Extract,
) -> None:
    main = _main(
        extract,
        "Train crash survivor describes the chaos",
        "A woman who survived Monday's train crash near the station said passengers were "
        "thrown across the carriage.",
    )
    assert (main.type, main.trigger.text) == ("ACCIDENT", "crash")
