"""An incident's timeline: its mentions counted by the day they are dated.

A mention is dated like the incident rule dates it (services/store/domain/incidents.py): the
event's own date, else the UTC day its article was published; a mention with neither is left out.

>>> from datetime import date
>>> timeline([
...     {"event_date": date(2022, 3, 29), "published_at": None, "article_id": "a-1"},
...     {"event_date": date(2022, 3, 29), "published_at": None, "article_id": "a-2"},
... ])
[TimelineEntry(date=datetime.date(2022, 3, 29), mention_count=2, article_count=2)]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any


@dataclass(frozen=True)
class TimelineEntry:
    date: date
    mention_count: int
    article_count: int


def timeline(mentions: Iterable[Mapping[str, Any]]) -> list[TimelineEntry]:
    """Days in order, each with its number of mentions and of distinct articles."""
    articles_by_day: dict[date, list[str]] = {}
    for mention in mentions:
        day = mention_date(mention.get("event_date"), mention.get("published_at"))
        if day is not None:
            articles_by_day.setdefault(day, []).append(str(mention.get("article_id")))
    return [
        TimelineEntry(date=day, mention_count=len(ids), article_count=len(set(ids)))
        for day, ids in sorted(articles_by_day.items())
    ]


def mention_date(event_date: date | None, published_at: datetime | None) -> date | None:
    if event_date is not None:
        return event_date
    if published_at is not None:
        return published_at.astimezone(UTC).date()
    return None
