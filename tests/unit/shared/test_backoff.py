"""Exponential backoff with jitter, the one every service uses."""

from __future__ import annotations

import random

import pytest

from shared.backoff import backoff_delay


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
