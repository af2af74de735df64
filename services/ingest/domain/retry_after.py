"""When a server asks to be tried again: its ``Retry-After`` header (the backoff of our own is
:func:`shared.backoff.backoff_delay`).

>>> parse_retry_after("120", now=datetime(2024, 1, 1, tzinfo=UTC))
120.0
>>> parse_retry_after("Mon, 01 Jan 2024 00:01:00 GMT", now=datetime(2024, 1, 1, tzinfo=UTC))
60.0
>>> parse_retry_after("soon", now=datetime(2024, 1, 1, tzinfo=UTC)) is None
True
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

# A Retry-After longer than this is taken as this: a typo in a server's configuration must not
# silence a feed for months.
MAX_RETRY_AFTER_S = 24 * 3600.0


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
