"""The token buckets of the write API, on an injected clock (no sleeping)."""

from __future__ import annotations

import math
import threading

import pytest

from services.ingest.domain.rate_limit import RateDecision, RateLimiter


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_a_burst_is_allowed_then_refused_with_the_time_until_the_next_token(
    clock: FakeClock,
) -> None:
    limiter = RateLimiter(rate_per_s=2.0, burst=3, clock=clock)
    assert [limiter.acquire("a").allowed for _ in range(3)] == [True, True, True]
    refused = limiter.acquire("a")
    assert not refused.allowed
    assert refused.retry_after_s == pytest.approx(0.5)


def test_tokens_come_back_at_the_configured_rate(clock: FakeClock) -> None:
    limiter = RateLimiter(rate_per_s=2.0, burst=3, clock=clock)
    for _ in range(3):
        limiter.acquire("a")
    clock.now += 0.49
    assert not limiter.acquire("a").allowed
    clock.now += 0.01
    assert limiter.acquire("a").allowed
    assert not limiter.acquire("a").allowed


def test_an_idle_bucket_refills_only_up_to_the_burst(clock: FakeClock) -> None:
    limiter = RateLimiter(rate_per_s=10.0, burst=2, clock=clock)
    limiter.acquire("a")
    clock.now += 3600
    assert [limiter.acquire("a").allowed for _ in range(3)] == [True, True, False]


def test_refused_requests_take_no_tokens(clock: FakeClock) -> None:
    limiter = RateLimiter(rate_per_s=1.0, burst=1, clock=clock)
    limiter.acquire("a")
    for _ in range(50):  # a client hammering while empty
        limiter.acquire("a")
    clock.now += 1.0
    assert limiter.acquire("a").allowed


def test_clients_have_separate_buckets(clock: FakeClock) -> None:
    limiter = RateLimiter(rate_per_s=1.0, burst=1, clock=clock)
    assert limiter.acquire("a").allowed
    assert not limiter.acquire("a").allowed
    assert limiter.acquire("b").allowed


def test_a_clock_stepping_back_refills_nothing(clock: FakeClock) -> None:
    limiter = RateLimiter(rate_per_s=1.0, burst=1, clock=clock)
    limiter.acquire("a")
    clock.now -= 50
    assert not limiter.acquire("a").allowed
    clock.now += 1.0
    assert limiter.acquire("a").allowed


def test_a_cost_above_the_burst_can_never_be_granted(clock: FakeClock) -> None:
    limiter = RateLimiter(rate_per_s=1.0, burst=5, clock=clock)
    decision = limiter.acquire("a", cost=6)
    assert not decision.allowed
    assert math.isinf(decision.retry_after_s)
    assert limiter.acquire("a", cost=5).allowed


@pytest.mark.parametrize(
    ("retry_after_s", "header"), [(0.001, "1"), (0.5, "1"), (1.0, "1"), (1.01, "2"), (7.9, "8")]
)
def test_retry_after_header_is_whole_seconds_rounded_up(retry_after_s: float, header: str) -> None:
    assert RateDecision(allowed=False, retry_after_s=retry_after_s).retry_after_header == header


def _tracked_clients(limiter: RateLimiter) -> int:
    # The bound under test is on the size of the limiter's own table; nothing else shows it.
    return len(limiter._buckets)


def test_quiet_clients_are_forgotten_when_too_many_are_tracked(clock: FakeClock) -> None:
    limiter = RateLimiter(rate_per_s=1.0, burst=2, clock=clock, max_clients=3)
    for client in ("a", "b", "c"):
        limiter.acquire(client)
    assert _tracked_clients(limiter) == 3
    clock.now += 2.0  # everyone's bucket is full again
    limiter.acquire("d")
    assert _tracked_clients(limiter) == 1


def test_busy_clients_are_kept_even_when_too_many_are_tracked(clock: FakeClock) -> None:
    limiter = RateLimiter(rate_per_s=1.0, burst=1, clock=clock, max_clients=2)
    limiter.acquire("a")
    limiter.acquire("b")
    limiter.acquire("c")  # a and b are still empty: they must not get a fresh burst
    assert not limiter.acquire("a").allowed
    assert not limiter.acquire("b").allowed


def test_concurrent_callers_never_get_more_than_the_burst(clock: FakeClock) -> None:
    limiter = RateLimiter(rate_per_s=1.0, burst=100, clock=clock)
    granted: list[bool] = []
    lock = threading.Lock()
    start = threading.Barrier(8)

    def worker() -> None:
        start.wait()
        results = [limiter.acquire("shared").allowed for _ in range(50)]
        with lock:
            granted.extend(results)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(granted) == 100


@pytest.mark.parametrize(("rate", "burst"), [(0.0, 1), (-1.0, 1), (1.0, 0)])
def test_nonsense_limits_are_refused(rate: float, burst: int) -> None:
    with pytest.raises(ValueError):
        RateLimiter(rate_per_s=rate, burst=burst)
