"""Per-client token buckets: how many write requests a client may make, and when it may retry.

Each client (an API key's fingerprint, or a client address in dev mode) has a bucket of
``burst`` tokens that refills at ``rate_per_s`` tokens a second; a request takes ``cost``
tokens (the ingest API charges one per request). An empty bucket means "not now", with the
time until enough tokens are back.

The clock is injected, so the behaviour is testable without sleeping:

>>> now = [0.0]
>>> limiter = RateLimiter(rate_per_s=1.0, burst=2, clock=lambda: now[0])
>>> [limiter.acquire("k").allowed for _ in range(3)]
[True, True, False]
>>> limiter.acquire("k").retry_after_s
1.0
>>> now[0] = 1.0
>>> limiter.acquire("k").allowed
True
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

# Buckets of clients that went quiet are dropped once there are this many (dev mode keys
# buckets by client address, an unbounded set).
DEFAULT_MAX_CLIENTS = 10_000


@dataclass(frozen=True, slots=True)
class RateDecision:
    """Whether a request may go ahead; if not, how long until it could (seconds, > 0)."""

    allowed: bool
    retry_after_s: float = 0.0

    @property
    def retry_after_header(self) -> str:
        """``Retry-After`` as HTTP wants it: whole seconds, rounded up, at least 1."""
        return str(max(1, math.ceil(self.retry_after_s)))


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Token buckets keyed by client. Safe to call from several threads and from the event loop
    (the lock is held for a few arithmetic operations only).

    A bucket that has been idle long enough to be full is equivalent to no bucket, so when more
    than ``max_clients`` are tracked the full ones are forgotten; memory stays bounded by the
    number of clients active within ``burst / rate_per_s`` seconds.
    """

    def __init__(
        self,
        *,
        rate_per_s: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = DEFAULT_MAX_CLIENTS,
    ) -> None:
        if rate_per_s <= 0:
            raise ValueError("rate_per_s must be positive")
        if burst < 1:
            raise ValueError("burst must be at least 1")
        self.rate_per_s = rate_per_s
        self.burst = burst
        self._clock = clock
        self._max_clients = max_clients
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def acquire(self, client: str, cost: float = 1.0) -> RateDecision:
        """Take ``cost`` tokens from ``client``'s bucket if it holds them.

        A refused request takes nothing, so a client that keeps retrying too early is not
        punished beyond waiting. A ``cost`` above ``burst`` can never be granted; its
        ``retry_after_s`` is infinite.
        """
        with self._lock:
            now = self._clock()
            bucket = self._buckets.get(client)
            if bucket is None:
                if len(self._buckets) >= self._max_clients:
                    self._forget_full_buckets(now)
                bucket = self._buckets[client] = _Bucket(tokens=float(self.burst), updated=now)
            else:
                self._refill(bucket, now)
            if bucket.tokens >= cost:
                bucket.tokens -= cost
                return RateDecision(allowed=True)
            if cost > self.burst:
                return RateDecision(allowed=False, retry_after_s=math.inf)
            return RateDecision(
                allowed=False, retry_after_s=(cost - bucket.tokens) / self.rate_per_s
            )

    def _refill(self, bucket: _Bucket, now: float) -> None:
        elapsed = max(0.0, now - bucket.updated)  # a clock that steps back refills nothing
        bucket.tokens = min(float(self.burst), bucket.tokens + elapsed * self.rate_per_s)
        bucket.updated = now

    def _forget_full_buckets(self, now: float) -> None:
        for client, bucket in list(self._buckets.items()):
            self._refill(bucket, now)
            if bucket.tokens >= self.burst:
                del self._buckets[client]
