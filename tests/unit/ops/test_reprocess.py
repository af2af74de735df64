"""``newsflow reprocess``: reading the --since/--until forms."""

from __future__ import annotations

import doctest
from datetime import UTC, datetime, timedelta, timezone

import pytest

from services.ops import reprocess
from services.ops.reprocess import ReprocessError, parse_when

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


def test_docstring_examples_run() -> None:
    assert doctest.testmod(reprocess, verbose=False).failed == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30m", NOW - timedelta(minutes=30)),
        ("24h", NOW - timedelta(hours=24)),
        ("7d", NOW - timedelta(days=7)),
        ("2w", NOW - timedelta(weeks=2)),
        ("2022-03-31", datetime(2022, 3, 31, tzinfo=UTC)),
        ("2022-03-31T09:30:00", datetime(2022, 3, 31, 9, 30, tzinfo=UTC)),
        (
            "2022-03-31T09:30:00+02:00",
            datetime(2022, 3, 31, 9, 30, tzinfo=timezone(timedelta(hours=2))),
        ),
    ],
)
def test_ages_dates_and_date_times_are_read(text: str, expected: datetime) -> None:
    assert parse_when(text, now=NOW) == expected


@pytest.mark.parametrize("text", ["yesterday", "7 days", "2022-13-01", ""])
def test_anything_else_is_refused_with_the_forms_it_takes(text: str) -> None:
    with pytest.raises(ReprocessError, match="ISO date"):
        parse_when(text, now=NOW)
