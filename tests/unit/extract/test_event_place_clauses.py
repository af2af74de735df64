"""A place named elsewhere in an event's sentence places it only when its phrase is on the
event's clause, a clause above it, or one the event's clause continues; a place on another
predicate (a relative clause on a participant) tells where that other thing happened
(invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from shared.models import Event

Extract = Callable[..., Extraction]

TITLE = "Rebels attack a convoy in Kharkiv"


def _event(extract: Extract, sentence: str, trigger: str) -> Event:
    extraction = extract(
        f"{TITLE}\n\nRebels attacked a convoy in Kharkiv.\n\n{sentence}", title=TITLE
    )
    (event,) = [e for e in extraction.events if e.trigger.text == trigger]
    assert not event.is_main
    return event


def test_place_in_a_relative_clause_on_a_participant_does_not_place_the_event(
    extract: Extract,
) -> None:
    event = _event(extract, "Later, police arrested two men who had lived in Poland.", "arrested")

    assert event.location is None or event.location.name != "Poland"


def test_place_in_an_adverbial_clause_of_the_event_places_it(extract: Extract) -> None:
    event = _event(
        extract, "Later, the army shelled the town, killing ten people in Lviv.", "shelled"
    )

    assert event.location is not None
    assert (event.location.name, event.location.source) == ("Lviv", "sentence")


def test_place_in_a_relative_clause_on_the_event_places_it(extract: Extract) -> None:
    event = _event(
        extract, "Later, a bombing, which took place in Lviv, injured ten people.", "bombing"
    )

    assert event.location is not None
    assert (event.location.name, event.location.source) == ("Lviv", "sentence")


def test_speech_act_takes_no_place_from_what_it_asks(extract: Extract) -> None:
    event = _event(
        extract, "Later, the bishop called for the release of the prisoners in Lviv.", "called for"
    )

    assert event.location is None


def test_speech_act_takes_the_place_where_it_was_made(extract: Extract) -> None:
    event = _event(
        extract,
        "Speaking in Lviv, the bishop called for the release of the prisoners.",
        "called for",
    )

    assert event.location is not None and event.location.name == "Lviv"


def test_speech_act_takes_the_place_of_its_passive_agent(extract: Extract) -> None:
    event = _event(extract, "Later, the plan was welcomed by workers in Lviv.", "welcomed")

    assert event.location is not None and event.location.name == "Lviv"


def test_other_act_takes_a_place_inside_its_object(extract: Extract) -> None:
    event = _event(extract, "Later, the president visited an orphanage in Lviv.", "visited")

    assert event.location is not None and event.location.name == "Lviv"


def test_main_speech_act_takes_the_place_of_what_it_is_about(extract: Extract) -> None:
    title = "Coach hails the team's win in Lviv"
    extraction = extract(
        f"{title}\n\nThe coach praised the players after Sunday's match.", title=title
    )
    (main,) = [e for e in extraction.events if e.is_main]

    assert main.trigger.text == "hails"
    assert main.location is not None and main.location.name == "Lviv"


def test_place_of_what_a_speech_act_is_about_gives_its_target_a_country(
    extract: Extract,
) -> None:
    event = _event(
        extract, "Later, the bishop accused the police of beating protesters in Lviv.", "accused"
    )

    assert event.location is None
    assert [(t.text, t.country) for t in event.targets] == [("police", "UKR")]
