"""Points in time as people type them in a filter: an age (``7d``) or an ISO date or date-time.

The same grammar as ``newsflow reprocess --since``: ``30m``, ``24h``, ``7d``, ``2w`` before now;
``2022-03-31`` (midnight UTC); ``2022-03-31T09:00:00+02:00`` (a time without a zone is UTC).

>>> now = datetime(2026, 12, 6, 12, tzinfo=UTC)
>>> parse_since("7d", now=now).isoformat()
'2026-11-29T12:00:00+00:00'
>>> parse_since("2022-03-31", now=now).isoformat()
'2022-03-31T00:00:00+00:00'
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

# At most five digits: 99999 weeks is already far before any news; longer is a typo.
_AGE = re.compile(r"(\d{1,5})\s*([mhdw])", re.IGNORECASE)
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
MAX_TEXT = 40


class BadTimeError(ValueError):
    """Neither an age nor an ISO date or date-time (the message says what is accepted)."""


def parse_since(text: str, *, now: datetime) -> datetime:
    """The time ``text`` names, timezone-aware; :class:`BadTimeError` if it names none."""
    value = text.strip()
    if len(value) <= MAX_TEXT:
        age = _AGE.fullmatch(value)
        if age is not None:
            delta = timedelta(**{_UNITS[age.group(2).lower()]: int(age.group(1))})
            try:
                return now - delta
            except OverflowError:
                pass
        else:
            parsed = _iso(value)
            if parsed is not None:
                return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
    raise BadTimeError(
        "give an age (30m, 24h, 7d, 2w), an ISO date (2022-03-31) or an ISO date-time "
        "(2022-03-31T09:00:00Z)"
    )


def _iso(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.combine(date.fromisoformat(value), datetime.min.time())
    except ValueError:
        return None
