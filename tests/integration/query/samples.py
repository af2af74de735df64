"""Builders of articles, claims and events for the query API tests, made with the shared models
and stored through the store's own sequence (``tests.integration.rows.upsert_batch``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import psycopg

from shared.ids import article_id_for, claim_id_for, event_id_for
from shared.models import (
    Claim,
    ClaimContent,
    Cue,
    Event,
    EventTime,
    Location,
    Magnitude,
    RawArticle,
    Speaker,
    TextSpan,
)
from tests.integration.rows import upsert_batch

PUBLISHED = datetime(2022, 3, 31, 9, 0, tzinfo=UTC)
MYKOLAIV = Location(
    text="Mykolaiv", start=0, end=8, name="Mykolayiv", country="UKR", geonameid=700569, lat=46.97,
    lon=32.0,
)  # fmt: skip
LVIV = Location(
    text="Lviv", start=0, end=4, name="Lviv", country="UKR", geonameid=702550, lat=49.84, lon=24.03
)
BRUSSELS = Location(
    text="Brussels", start=0, end=8, name="Brussels", country="BEL", geonameid=2800866, lat=50.85,
    lon=4.35,
)  # fmt: skip


def article(n: int, *, published: datetime = PUBLISHED, title: str | None = None) -> RawArticle:
    url = f"https://news.example.com/api-tests/{n}"
    return RawArticle(
        article_id=article_id_for(url),
        url=url,
        title=title if title is not None else f"Story {n}",
        body="Body of the story. " * 20,
        source="example",
        published_at=published,
        received_at=published,
        language="en",
        authors=("A. Writer",),
    )


def claim(
    a: RawArticle,
    n: int = 0,
    *,
    speaker: str | None = "Jens Stoltenberg",
    text: str = "We can expect additional offensive actions",
    kind: str = "direct",
    role: str | None = None,
) -> Claim:
    spans = ((10 * n, 10 * n + 5),)
    return Claim.model_validate(
        {
            "claim_id": claim_id_for(a.article_id, spans, kind),
            "article_id": a.article_id,
            "kind": kind,
            "content": ClaimContent(text=text, spans=spans),
            "speaker": Speaker(name=speaker, type="PERSON", role=role),
            "cue": Cue(text="said", lemma="say", start=0, end=4),
            "confidence": 0.8,
            "extractor_version": "test",
        }
    )


def event(
    a: RawArticle,
    n: int = 0,
    *,
    type: str = "ASSAULT",
    status: str = "occurred",
    location: Location | None = MYKOLAIV,
    day: date | None = date(2022, 3, 29),
    trigger: str = "strike",
    killed: int | None = None,
    is_main: bool = False,
) -> Event:
    start = 10 * n
    return Event.model_validate(
        {
            "event_id": event_id_for(a.article_id, start, start + len(trigger), type),
            "article_id": a.article_id,
            "type": type,
            "status": status,
            "trigger": TextSpan(text=trigger, start=start, end=start + len(trigger)),
            "location": location,
            "time": EventTime(text="Tuesday", start=0, end=7, date=day) if day else None,
            "magnitudes": (Magnitude(kind="killed", value=killed, cumulative=True),)
            if killed is not None
            else (),
            "is_main": is_main,
            "confidence": 0.7,
            "extractor_version": "test",
        }
    )


def store(
    conn: psycopg.Connection[Any],
    *,
    articles: Sequence[RawArticle] = (),
    claims: Sequence[Claim] = (),
    events: Sequence[Event] = (),
) -> None:
    upsert_batch(conn, articles=articles, claims=claims, events=events)


def db_now(conn: psycopg.Connection[Any]) -> datetime:
    """The database's clock, between two batches (each batch's rows are stamped with the start
    of its own transaction)."""
    row = conn.execute("SELECT clock_timestamp()").fetchone()
    assert row is not None
    value: datetime = row[0]
    return value
