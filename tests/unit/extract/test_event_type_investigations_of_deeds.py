"""An investigation (CAMEO 09, PLOVER ACCUSE) is into a deed or those suspected of it: looking
into a possibility, an opportunity or doing something is research (invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]


def test_investigating_a_possibility_is_no_inquiry(extract: Extract) -> None:
    extraction = extract("The club will investigate the possibility of a new stadium.")
    assert "investigate" not in triggers(extraction)


def test_investigating_doing_something_is_no_inquiry(extract: Extract) -> None:
    extraction = extract("The council will investigate reopening the old railway line.")
    assert "investigate" not in triggers(extraction)


def test_investigating_a_murder_stays_an_inquiry(extract: Extract) -> None:
    extraction = extract("Detectives are investigating the murder of a shopkeeper.")
    assert event_of(extraction, "investigating").type == "ACCUSE"
