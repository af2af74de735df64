"""Backoff with jitter, Retry-After and the feed schedule."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from services.ingest.domain.backoff import MAX_RETRY_AFTER_S, backoff_delay, parse_retry_after
from services.ingest.domain.feed_schedule import PollPolicy

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def test_backoff_doubles_until_the_cap() -> None:
    delays = [backoff_delay(n, base_s=1, cap_s=10, jitter=0.0) for n in range(1, 7)]
    assert delays == [1, 2, 4, 8, 10, 10]


def test_jitter_takes_off_at_most_half() -> None:
    rng = random.Random(7)
    delays = [backoff_delay(3, base_s=10, cap_s=1000, rng=rng) for _ in range(200)]
    assert all(20 <= d <= 40 for d in delays)
    assert len({round(d, 3) for d in delays}) > 100  # spread, so feeds do not retry in step


def test_huge_failure_counts_do_not_overflow() -> None:
    assert backoff_delay(10_000, base_s=30, cap_s=3600, jitter=0.0) == 3600


def test_zero_failures_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        backoff_delay(0, base_s=1, cap_s=2)


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
