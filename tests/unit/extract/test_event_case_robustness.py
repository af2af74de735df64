"""Actors of events in lower-case news text (wire copy and some national dailies publish it so):
the small tagger reads common nouns as names there ("west yorkshire police" as a name), and the
rules must not depend on capitals. Every sentence is invented for the test."""

from collections.abc import Callable

import pytest

from services.extract.domain.extractor import Extraction
from shared.models import Event
from tests.unit.extract.event_lookup import event_of as _event

Extract = Callable[..., Extraction]


def _actors(event: Event) -> list[tuple[str, str | None]]:
    return [(a.text, a.sector) for a in event.actors]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("police arrested two men on tuesday for the theft.", "arrested", "police"),
        ("the accused were taken into custody by the police.", "taken", "police"),
        ("the cops nabbed two youths near the bus stand.", "nabbed", "cops"),
        ("two persons were killed in police firing in the town.", "killed", "police"),
        ("the sho arrested four men near the bus stand on monday.", "arrested", "sho"),
        ("detectives arrested a man in the city on friday.", "arrested", "detectives"),
    ],
)
def test_police_are_the_actor_of_an_arrest_or_killing_in_lower_case_text(
    extract: Extract, text: str, trigger: str, actor: str
) -> None:
    assert _actors(_event(extract(text), trigger)) == [(actor, "COP")]


def test_police_read_as_a_name_in_lower_case_text_still_binds_they(extract: Extract) -> None:
    # "police" is plural whatever the tagger says ("the police are"); lower-cased after a
    # place name the tagger takes it for a singular proper noun.
    extraction = extract("the surat police said they had taken five persons into custody.")
    assert _actors(_event(extraction, "taken")) == [("they", "COP")]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        (
            "local police said two suspects had been arrested after the raid.",
            "arrested",
            "local police",
        ),
        (
            "the driver of the bus has been detained, railway police said.",
            "detained",
            "railway police",
        ),
        (
            "a police spokesman said a number of people had been detained.",
            "detained",
            "police spokesman",
        ),
    ],
)
def test_police_reporting_an_agentless_arrest_are_its_actor(
    extract: Extract, text: str, trigger: str, actor: str
) -> None:
    assert _actors(_event(extract(text), trigger)) == [(actor, "COP")]


def test_a_reporter_who_cannot_arrest_is_not_the_agent_of_an_arrest(extract: Extract) -> None:
    extraction = extract("a party spokesman said the leader was arrested on tuesday.")
    assert _event(extraction, "arrested").actors == ()


def test_lower_case_u_s_keeps_its_period_and_its_country(extract: Extract) -> None:
    # The tokenizer splits lower-case "u.s." into "u.s" and "."; the period belongs back.
    event = _event(extract("on monday the u.s. bombed the airfield."), "bombed")
    assert [(a.text, a.country, a.sector) for a in event.actors] == [("u.s.", "USA", "MIL")]


def test_split_off_period_is_no_actor_of_an_event_noun(extract: Extract) -> None:
    event = _event(extract("the u.s. invasion of the island began in march."), "invasion")
    assert [(a.text, a.country) for a in event.actors] == [("u.s.", "USA")]


def test_an_abbreviated_police_rank_reporting_an_agentless_arrest_is_its_actor(
    extract: Extract,
) -> None:
    assert _actors(_event(extract("the dsp said two men had been arrested."), "arrested")) == [
        ("dsp", "COP")
    ]


def test_a_title_case_headline_names_its_event_and_actor(extract: Extract) -> None:
    # The small tagger reads capitalised words as names: in "Rebels Attack Army Base Near
    # Valdoria" the verb is parsed only once the headline is in sentence case.
    text = (
        "Rebels Attack Army Base Near Valdoria\n\n"
        "Rebel fighters attacked an army base near Valdoria on Monday, officials in the "
        "capital said, and two soldiers were wounded in the fighting."
    )
    (main,) = [e for e in extract(text).events if e.is_main]
    assert (main.type, main.trigger.text, main.trigger.start) == ("ASSAULT", "Attack", 7)
    assert [a.text for a in main.actors] == ["Rebels"]
