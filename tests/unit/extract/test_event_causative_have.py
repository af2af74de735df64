"""An -ed small clause of "have" or "get" is passive: its subject is what the act befalls; the
subject of causative "have" instigates it, of experiential "have" undergoes it (invented
sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, texts

Extract = Callable[..., Extraction]


def test_subject_of_experiential_have_clause_is_the_patient(extract: Extract) -> None:
    event = event_of(extract("The bank may face having its accounts seized."), "seized")
    assert texts(event.targets) == ["its accounts"]
    assert event.actors == ()


def test_subject_of_causative_have_instigates(extract: Extract) -> None:
    event = event_of(extract("The governor had the strikers arrested."), "arrested")
    assert texts(event.actors) == ["governor"]
    assert texts(event.targets) == ["strikers"]


def test_by_agent_of_have_clause_acts(extract: Extract) -> None:
    text = "The party had its offices raided by the police."
    assert texts(event_of(extract(text), "raided").actors) == ["police"]


def test_subject_of_experiential_have_undergoes_the_act(extract: Extract) -> None:
    # control: "had his home raided" befalls him; he raided nothing
    event = event_of(extract("The editor had his home raided last week."), "raided")
    assert event.actors == ()
    assert texts(event.targets) == ["his home"]
