"""The lead's time dates the news of the lead, not the background the body adds later: an
event deep in the story without a time of its own gets the publication day, marked as such
(texts written here; published Thursday 2024-05-16)."""

from collections.abc import Callable
from datetime import date

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]

STORY = (
    "Rebels attacked a police post near the border on Monday. "
    "Officials said the rebels also kidnapped two engineers. "
    "The region has been tense for years. "
    "Farmers there grow rice and tea. "
    "Schools in the area are closed. "
    "The group's founder once accused the government of neglect."
)


def test_event_of_the_lead_takes_the_leads_day(extract: Extract) -> None:
    time = event_of(extract(STORY), "kidnapped").time
    assert time is not None and time.date == date(2024, 5, 13)


def test_background_event_takes_the_publication_day(extract: Extract) -> None:
    time = event_of(extract(STORY), "accused").time
    assert time is not None
    assert (time.date, time.source) == (date(2024, 5, 16), "publication")
