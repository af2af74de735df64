"""A promise or a pledge (PLOVER AGREE, CAMEO 03) commits an actor: a show that "promises"
a prize or a device that "promises" speed holds out a prospect, no one commits to anything
(invented sentences)."""

from __future__ import annotations

from collections.abc import Callable

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of, triggers

Extract = Callable[..., Extraction]


def test_a_device_that_promises_speed_commits_no_one(extract: Extract) -> None:
    extraction = extract("The new chip promises faster speeds.")
    assert "promises" not in triggers(extraction)


def test_a_minister_who_promises_a_review_stays_a_promise(extract: Extract) -> None:
    extraction = extract("The minister promised a review of the law.")
    assert event_of(extraction, "promised").type == "AGREE"
