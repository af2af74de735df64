"""Exponential back-off, capped (pure)."""

from __future__ import annotations


def backoff_delay(attempt: int, *, initial_s: float, max_s: float) -> float:
    """Seconds to wait before retry number ``attempt`` (1-based): doubling, never above ``max_s``.

    >>> [backoff_delay(n, initial_s=0.5, max_s=3) for n in range(1, 6)]
    [0.5, 1.0, 2.0, 3, 3]
    """
    if attempt < 1:
        raise ValueError("attempt counts from 1")
    # Cap the exponent too: 2.0 ** 2000 overflows a float after a very long outage.
    return min(max_s, initial_s * 2.0 ** min(attempt - 1, 62))
