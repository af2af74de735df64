"""An initialism the parser labels an organisation, in front of an event noun, is its actor,
though GeoNames lists it among a town's alternate names (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from shared.models import Event

Extract = Callable[..., Extraction]


def _event(extract: Extract, text: str, trigger: str) -> Event:
    (event,) = [e for e in extract(text).events if e.trigger.text == trigger]
    return event


def test_organisation_initialism_before_an_event_noun_is_its_actor(extract: Extract) -> None:
    event = _event(extract, "The IMF support for Greece was approved on Monday.", "support")

    assert [a.text for a in event.actors] == ["IMF"]


def test_town_before_an_accident_noun_names_its_scene(extract: Extract) -> None:
    event = _event(extract, "The Croydon tram crash killed seven people.", "crash")

    assert event.actors == ()
    assert event.location is not None and event.location.text == "Croydon"
