"""Speech acts and compositions that change an event's PLOVER type (sentences written here)."""

from collections.abc import Callable
from datetime import date

import pytest

from services.extract.domain.extractor import Extraction
from shared.models import Event

Extract = Callable[..., Extraction]


def _main(extraction: Extraction) -> Event:
    (event,) = [e for e in extraction.events if e.is_main]
    return event


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Norway said it will send aid to the flooded provinces of Chile.", "AGREE"),
        ("The rebels are willing to withdraw their fighters from the valley.", "AGREE"),
        ("Farmers' unions said they would blockade the port of Rotterdam.", "THREATEN"),
        ("Peru said it would not accept further refugees from the border camps.", "REJECT"),
        ("The ministers said the militia must disarm before the vote.", "REQUEST"),
        ("Canada suspended aid deliveries to the region on Monday.", "SANCTION"),
        ("The government lifted the night curfew in the capital.", "CONCEDE"),
        ("The navy lifted its blockade of the harbour on Sunday.", "RETREAT"),
        ("The union called off the four-day strike after talks with ministers.", "CONCEDE"),
        ("Dock workers went on strike over pay in Antwerp.", "PROTEST"),
        ("Protesters blocked the main bridge into the city for three hours.", "PROTEST"),
        ("Vietnam and Laos signed a treaty of friendship on Friday.", "SUPPORT"),
    ],
)
def test_main_event_type_reads_the_speech_act_and_the_object(
    extract: Extract, text: str, event_type: str
) -> None:
    assert _main(extract(text)).type == event_type


def test_a_narrators_future_stays_a_plan(extract: Extract) -> None:
    event = _main(extract("Rebels will shell the town."))
    assert (event.type, event.status) == ("ASSAULT", "planned")


def test_the_main_event_is_the_framing_clause_not_the_embedded_killing(extract: Extract) -> None:
    text = "Chile's senate demanded an apology from the army, which killed 12 miners in 1990."
    assert _main(extract(text)).type == "REQUEST"


def test_an_explosion_in_an_attack_story_is_an_assault(extract: Extract) -> None:
    text = (
        "A suicide bomber struck a checkpoint in Mosul. "
        "The explosion killed four soldiers and wounded nine."
    )
    (event,) = [e for e in extract(text).events if e.trigger.text == "explosion"]
    assert (event.type, event.mode) == ("ASSAULT", "explosives")


def test_a_bomb_is_a_weapon_not_an_event(extract: Extract) -> None:
    text = "Police found a bomb under a car in Lyon."
    assert not [e for e in extract(text).events if e.trigger.text == "bomb"]


def test_events_carry_a_cameo_code_and_their_sentence(extract: Extract) -> None:
    text = "Artillery shelled the village of Kunduz on Monday. Talks begin next week."
    (event,) = [e for e in extract(text).events if e.trigger.text == "shelled"]
    assert event.cameo_code == "194"
    assert event.evidence is not None
    assert event.evidence.text == "Artillery shelled the village of Kunduz on Monday."


def test_a_reported_event_links_to_its_claim(extract: Extract) -> None:
    text = '"Soldiers attacked our village at dawn," the mayor of Gao said.'
    extraction = extract(text)
    (event,) = [e for e in extraction.events if e.trigger.text == "attacked"]
    assert event.reported_by_claim_id == extraction.claims[0].claim_id


def test_a_headline_in_the_present_tells_of_the_past(extract: Extract) -> None:
    text = (
        "Gunmen attack bank in Lagos\n\n"
        "Gunmen stormed a bank in Lagos late Wednesday, police said on Thursday."
    )
    event = _main(extract(text, title="Gunmen attack bank in Lagos"))
    assert (event.trigger.text, event.status) == ("attack", "occurred")
    assert event.time is not None and event.time.date == date(2024, 5, 15)


def test_an_infinitive_of_purpose_is_not_yet_a_fact(extract: Extract) -> None:
    text = "Ministers met in Oslo on efforts to ease the blockade of the port."
    (event,) = [e for e in extract(text).events if e.trigger.text == "ease"]
    assert event.status == "planned"


def test_a_month_abbreviation_is_not_a_place(extract: Extract) -> None:
    text = "Troops clashed with rebels on Nov 3 in Goma."
    (event,) = [e for e in extract(text).events if e.trigger.text == "clashed"]
    assert event.location is None or event.location.text != "Nov"
