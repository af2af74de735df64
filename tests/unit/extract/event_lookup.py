"""What the event tests ask of an extraction: its trigger texts, and the one event of a trigger."""

from __future__ import annotations

from services.extract.domain.extractor import Extraction
from shared.models import Event


def triggers(extraction: Extraction) -> list[str]:
    """The trigger texts of the extraction's events, in order."""
    return [e.trigger.text for e in extraction.events]


def event_of(extraction: Extraction, trigger: str) -> Event:
    """The one event whose trigger text is ``trigger`` (fails if there is none or several)."""
    (event,) = [e for e in extraction.events if e.trigger.text == trigger]
    return event
