"""When to try again: exponential backoff with jitter, and the server's ``Retry-After``.

>>> backoff_delay(1, base_s=10, cap_s=3600, jitter=0.0)
10.0
>>> backoff_delay(4, base_s=10, cap_s=3600, jitter=0.0)
80.0
>>> backoff_delay(30, base_s=10, cap_s=3600, jitter=0.0)
3600.0
>>> parse_retry_after("120", now=datetime(2024, 1, 1, tzinfo=UTC))
120.0
>>> parse_retry_after("Mon, 01 Jan 2024 00:01:00 GMT", now=datetime(2024, 1, 1, tzinfo=UTC))
60.0
>>> parse_retry_after("soon", now=datetime(2024, 1, 1, tzinfo=UTC)) is None
True
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# A Retry-After longer than this is taken as this: a typo in a server's configuration must not
# silence a feed for months.
MAX_RETRY_AFTER_S = 24 * 3600.0


def backoff_delay(
    failures: int,
    *,
    base_s: float,
    cap_s: float,
    jitter: float | None = None,
    rng: random.Random | None = None,
) -> float:
    """Seconds to wait after ``failures`` consecutive failures (``failures >= 1``):
    ``base_s * 2**(failures-1)``, at most ``cap_s``, then reduced by a random fraction of up to
    a half ("equal jitter"), so that feeds failing together do not retry together.
    ``jitter`` in ``[0, 1]`` fixes the random fraction (tests); else ``rng`` draws it.
    """
    if failures < 1:
        raise ValueError("failures must be at least 1")
    exponent = min(failures - 1, 62)  # 2**62 seconds is past any cap; avoids float overflow
    delay = min(cap_s, base_s * float(2**exponent))
    fraction = jitter if jitter is not None else (rng or random).random()
    return delay * (1.0 - 0.5 * fraction)


def parse_retry_after(value: str | None, *, now: datetime) -> float | None:
    """Seconds from ``now`` named by a ``Retry-After`` header (delta-seconds or an HTTP date),
    at least 0 and at most :data:`MAX_RETRY_AFTER_S`; ``None`` when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER_S)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max(0.0, (when - now).total_seconds()), MAX_RETRY_AFTER_S)
