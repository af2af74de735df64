"""What the event tests ask of an extraction: its trigger texts, the one event of a trigger, its
main event; and an article written as a headline over its body."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from shared.models import Event, Participant


def triggers(extraction: Extraction) -> list[str]:
    """The trigger texts of the extraction's events, in order."""
    return [e.trigger.text for e in extraction.events]


def event_of(extraction: Extraction, trigger: str) -> Event:
    """The one event whose trigger text is ``trigger`` (fails if there is none or several)."""
    (event,) = [e for e in extraction.events if e.trigger.text == trigger]
    return event


def texts(participants: tuple[Participant, ...]) -> list[str]:
    """The texts of an event's actors or targets, in order."""
    return [p.text for p in participants]


def main_event(extraction: Extraction) -> Event:
    """The extraction's one main event (fails if there is none or several)."""
    (event,) = [e for e in extraction.events if e.is_main]
    return event


def with_title(extract: Callable[..., Extraction], title: str, body: str) -> Extraction:
    """Extract an article whose text opens with its headline, as published with a title."""
    return extract(f"{title}\n\n{body}", title=title)
