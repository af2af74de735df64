"""An official, court or police force whose event has no place takes the one country its
sentence names outside the event's targets. Every sentence is invented for the test."""

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]


def _actor_country(extraction: Extraction, trigger: str) -> str | None:
    (actor,) = event_of(extraction, trigger).actors
    return actor.country


def test_an_official_takes_the_one_country_the_sentence_names(extract: Extract) -> None:
    text = "The ousted president agreed to resign without returning to Norway."
    assert _actor_country(extract(text), "agreed") == "NOR"


def test_a_demonym_names_the_country_of_a_court(extract: Extract) -> None:
    text = "The judge opened an investigation into 28 Chilean officials suspected of fraud."
    assert _actor_country(extract(text), "investigation") == "CHL"


def test_a_country_inside_the_target_is_the_targets(extract: Extract) -> None:
    # control: the faction controls the country; the one imposing sanctions is not of it
    text = "The president imposed sanctions on the faction that controls Norway."
    assert _actor_country(extract(text), "imposed") is None


def test_two_countries_give_an_official_none(extract: Extract) -> None:
    # control
    text = "The foreign minister demanded that the United States cancel the sale to Taiwan."
    assert _actor_country(extract(text), "demanded") is None
    text = "Police arrested two men on Tuesday, Spanish and Portuguese newspapers reported."
    assert _actor_country(extract(text), "arrested") is None
