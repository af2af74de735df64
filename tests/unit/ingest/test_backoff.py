"""Retry-After and the feed schedule's backoff."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services.ingest.domain.feed_schedule import PollPolicy
from services.ingest.domain.retry_after import MAX_RETRY_AFTER_S, parse_retry_after

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("30", 30.0),
        (" 0 ", 0.0),
        ("Wed, 01 May 2024 12:02:00 GMT", 120.0),
        ("Wed, 01 May 2024 11:00:00 GMT", 0.0),  # in the past: now
        ("99999999", MAX_RETRY_AFTER_S),
        ("-5", None),
        ("tomorrow", None),
        (None, None),
    ],
)
def test_retry_after_is_seconds_or_an_http_date(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header, now=NOW) == expected


def test_a_failing_feed_is_retried_sooner_than_its_interval_then_ever_more_rarely() -> None:
    policy = PollPolicy(backoff_base_s=30, backoff_cap_s=3600, jitter=0.0)
    gaps = [
        policy.after_failure(NOW, interval_s=600, failures=n, retry_after_s=None) - NOW
        for n in range(1, 10)
    ]
    assert gaps[0] == timedelta(seconds=30)
    assert gaps == sorted(gaps)
    assert gaps[-1] == timedelta(seconds=3600)


def test_retry_after_wins_over_backoff() -> None:
    policy = PollPolicy(jitter=0.0)
    due = policy.after_failure(NOW, interval_s=600, failures=7, retry_after_s=42)
    assert due == NOW + timedelta(seconds=42)
