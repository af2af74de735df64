"""An incident's timeline: mentions counted by the day they are dated."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from services.query.domain.timeline import TimelineEntry, timeline


def test_timeline_counts_mentions_and_articles_per_day_dating_undated_ones_by_publication() -> None:
    mentions = [
        {"event_date": date(2022, 3, 30), "published_at": None, "article_id": "a-2"},
        {"event_date": date(2022, 3, 29), "published_at": None, "article_id": "a-1"},
        {"event_date": date(2022, 3, 29), "published_at": None, "article_id": "a-1"},
        {
            "event_date": None,
            "published_at": datetime(2022, 3, 30, 23, 30, tzinfo=timezone(timedelta(hours=-2))),
            "article_id": "a-3",
        },
        {"event_date": None, "published_at": None, "article_id": "a-4"},
    ]

    assert timeline(mentions) == [
        TimelineEntry(date=date(2022, 3, 29), mention_count=2, article_count=1),
        TimelineEntry(date=date(2022, 3, 30), mention_count=1, article_count=1),
        TimelineEntry(date=date(2022, 3, 31), mention_count=1, article_count=1),
    ]
