"""A main event still to come is dated like one that occurred, never worse than the
publication day: by a time of its own when the text gives one, else by the publication day,
marked as such (invented articles, published on Thursday 2024-05-16)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from services.extract.domain.extractor import Extraction
from tests.unit.extract.event_lookup import main_event, with_title

Extract = Callable[..., Extraction]


def test_a_plan_without_a_time_takes_the_publication_day(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Ministers to debate fuel tax",
        "European finance ministers will debate a tax on aviation fuel, officials said.",
    )
    main = main_event(extraction)
    assert main.status == "planned"
    assert main.time is not None
    assert (main.time.date, main.time.source) == (date(2024, 5, 16), "publication")


def test_a_plan_with_a_day_of_its_own_keeps_it(extract: Extract) -> None:
    extraction = with_title(
        extract,
        "Rebels to hold talks with the government on Monday",
        "The rebels will hold talks with the government, a spokesman said.",
    )
    main = main_event(extraction)
    assert main.status == "planned"
    assert main.time is not None and main.time.date == date(2024, 5, 20)
