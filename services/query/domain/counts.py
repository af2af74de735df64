"""Counts per bucket (day, country, type, actor, speaker) as the counts endpoints return them.

Days with nothing are filled in with zeros, so a timeline has one point per day; the fill is
bounded (``MAX_FILLED_DAYS``): a wider span (an event dated decades back) is returned as
counted, without zeros.

>>> fill_days([(date(2022, 3, 29), 2), (date(2022, 3, 31), 1)])
[(datetime.date(2022, 3, 29), 2), (datetime.date(2022, 3, 30), 0), (datetime.date(2022, 3, 31), 1)]
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

MAX_FILLED_DAYS = 3660


def fill_days(counts: Sequence[tuple[date, int]]) -> list[tuple[date, int]]:
    """``counts`` (by day, ascending, each day once) with the missing days between the first and
    the last counted as zero, unless they span more than ``MAX_FILLED_DAYS``."""
    if not counts:
        return []
    first, last = counts[0][0], counts[-1][0]
    span = (last - first).days + 1
    if span > MAX_FILLED_DAYS:
        return list(counts)
    by_day = dict(counts)
    days = (first + timedelta(days=n) for n in range(span))
    return [(day, by_day.get(day, 0)) for day in days]
