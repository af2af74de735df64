"""Calendar phrases a news story dates things by beyond weekdays: a month placed by a deictic
word ("last October", "March last year"), a part of a month ("mid-January"), "next month",
units counted back ("six months ago", "a fortnight ago") and fixed-day holidays ("Boxing
Day"); each resolved to the precision it gives, no finer."""

from collections.abc import Callable
from datetime import date

import pytest

from services.extract.domain.dates import resolve_time
from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import event_of

Extract = Callable[..., Extraction]

TUESDAY = date(2024, 5, 14)
LEAD = "Thousands of farmers protested in the capital on Monday."


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("last October", date(2023, 10, 1), "month"),
        ("last May", date(2023, 5, 1), "month"),  # the publication's own month: a year back
        ("last April", date(2024, 4, 1), "month"),
        ("next April", date(2025, 4, 1), "month"),
        ("this September", date(2024, 9, 1), "month"),
        ("in March last year", date(2023, 3, 1), "month"),
        ("July next year", date(2025, 7, 1), "month"),
        ("mid-February", date(2024, 2, 1), "month"),
        ("the end of April", date(2024, 4, 1), "month"),
        ("next month", date(2024, 6, 1), "month"),
        ("next year", date(2025, 1, 1), "year"),
        ("a fortnight ago", date(2024, 4, 30), "week"),
        ("six months ago", date(2023, 11, 1), "month"),
        ("two years ago", date(2022, 1, 1), "year"),
        ("Boxing Day", date(2023, 12, 26), "day"),
        ("on Christmas Day 2019", date(2019, 12, 25), "day"),
    ],
)
def test_calendar_phrase_resolves_to_its_own_precision(
    text: str, expected: date, precision: str
) -> None:
    resolved = resolve_time(text, TUESDAY, "past")
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (expected, precision)


def test_holiday_in_a_future_sentence_is_the_coming_one() -> None:
    resolved = resolve_time("Halloween", TUESDAY, "future")
    assert resolved is not None and resolved.date == date(2024, 10, 31)


@pytest.mark.parametrize("text", ["May", "the months ahead", "a new year"])
def test_phrases_without_a_placed_date_stay_unresolved(text: str) -> None:
    assert resolve_time(text, TUESDAY, "past") is None


def test_deictic_month_dates_the_event_of_its_clause(extract: Extract) -> None:
    text = f"{LEAD} The mayor was arrested last October."
    time = event_of(extract(text), "arrested").time
    assert time is not None and (time.date, time.precision) == (date(2023, 10, 1), "month")


def test_a_passive_past_event_takes_no_time_after_publication(extract: Extract) -> None:
    # published 2024-05-16: "in July this year" is still to come, so it cannot date a past act
    text = f"{LEAD} In July this year the mayor was arrested."
    event = event_of(extract(text), "arrested")
    assert event.status == "occurred"
    assert event.time is not None and event.time.date is not None
    assert event.time.date <= date(2024, 5, 16)
