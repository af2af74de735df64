"""Read-side helpers over the store's tables, for the demo, the CLI and tests.

Rows come back as dicts keyed by column name. Events carry ``magnitudes`` as a short text
("20 killed, 3 injured") or ``None``, taken from the stored payload. Incidents come back as
:class:`IncidentRow` (and :class:`IncidentDetail` with their mentions).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, LiteralString, TypedDict, cast

import psycopg
from psycopg.rows import dict_row

_TABLES = ("articles", "claims", "events")

_CLAIM_COLUMNS: LiteralString = """
    claim_id, article_id, kind, speaker_name, speaker_type, speaker_role, cue_lemma,
    content_text, confidence, extractor_version, first_seen_at, updated_at
"""

_EVENT_COLUMNS: LiteralString = """
    event_id, article_id, type, mode, status, trigger_text, location_text, location_name,
    country, geonameid, event_date, is_main, confidence, extractor_version, first_seen_at,
    updated_at,
    (SELECT string_agg((m->>'value') || ' ' || (m->>'kind'), ', ')
       FROM jsonb_array_elements(payload->'magnitudes') AS m) AS magnitudes
"""


def count_rows(
    conn: psycopg.Connection[Any],
    *,
    article_id: str | None = None,
    article_ids: Sequence[str] | None = None,
) -> dict[str, int]:
    """Rows per table: all of them, those of ``article_id``, or those of any of ``article_ids``.

    Returns ``{"articles": n, "claims": n, "events": n}``.
    """
    ids = _id_filter(article_id=article_id, article_ids=article_ids)
    row = conn.execute(
        """
        SELECT
            (SELECT count(*) FROM articles WHERE %(all)s OR article_id = ANY(%(ids)s)),
            (SELECT count(*) FROM claims   WHERE %(all)s OR article_id = ANY(%(ids)s)),
            (SELECT count(*) FROM events   WHERE %(all)s OR article_id = ANY(%(ids)s))
        """,
        {"all": ids is None, "ids": ids or []},
    ).fetchone()
    assert row is not None  # a SELECT without FROM always yields one row
    return dict(zip(_TABLES, (int(n) for n in row), strict=True))


def latest_claims(conn: psycopg.Connection[Any], *, limit: int = 50) -> list[dict[str, Any]]:
    """The most recently stored or changed claims, newest first."""
    return _fetch(
        conn,
        "SELECT" + _CLAIM_COLUMNS + "FROM claims ORDER BY updated_at DESC, claim_id LIMIT %s",
        (limit,),
    )


def latest_events(conn: psycopg.Connection[Any], *, limit: int = 50) -> list[dict[str, Any]]:
    """The most recently stored or changed events, newest first."""
    return _fetch(
        conn,
        "SELECT" + _EVENT_COLUMNS + "FROM events ORDER BY updated_at DESC, event_id LIMIT %s",
        (limit,),
    )


def claims_for_articles(
    conn: psycopg.Connection[Any], *, article_ids: Sequence[str]
) -> list[dict[str, Any]]:
    """The claims of these articles, article by article in text order."""
    return _fetch(
        conn,
        "SELECT"
        + _CLAIM_COLUMNS
        + """FROM claims WHERE article_id = ANY(%s)
        ORDER BY article_id, (payload #>> '{content,spans,0,0}')::int NULLS LAST, claim_id""",
        (list(article_ids),),
    )


def events_for_articles(
    conn: psycopg.Connection[Any], *, article_ids: Sequence[str]
) -> list[dict[str, Any]]:
    """The events of these articles, article by article in text order."""
    return _fetch(
        conn,
        "SELECT"
        + _EVENT_COLUMNS
        + """FROM events WHERE article_id = ANY(%s)
        ORDER BY article_id, (payload #>> '{trigger,start}')::int NULLS LAST, event_id""",
        (list(article_ids),),
    )


class IncidentRow(TypedDict):
    """One row of ``incidents`` (see docs/incidents.md)."""

    incident_id: str
    group_key: str
    family: str
    type: str
    country: str
    geonameid: int | None
    place_name: str | None
    actors: list[str]
    first_date: date
    last_date: date
    killed: int | None
    injured: int | None
    toll: dict[str, dict[str, Any]]
    toll_event_id: str | None
    toll_article_id: str | None
    toll_published_at: datetime | None
    mention_count: int
    article_count: int
    first_seen_at: datetime
    updated_at: datetime


class IncidentMention(TypedDict):
    """One event mention of an incident, with its article's title, URL and publication time."""

    event_id: str
    article_id: str
    type: str
    status: str
    trigger_text: str
    location_name: str | None
    event_date: date | None
    magnitudes: str | None
    published_at: datetime | None
    title: str | None
    url: str | None


class IncidentDetail(IncidentRow):
    mentions: list[IncidentMention]


_INCIDENT_COLUMNS: LiteralString = """
    incident_id, group_key, family, type, country, geonameid, place_name, actors, first_date,
    last_date, killed, injured, toll, toll_event_id, toll_article_id, toll_published_at,
    mention_count, article_count, first_seen_at, updated_at
"""


def latest_incidents(conn: psycopg.Connection[Any], *, limit: int = 50) -> list[IncidentRow]:
    """The incidents with the most recent dates, newest first (then most recently changed)."""
    rows = _fetch(
        conn,
        "SELECT"
        + _INCIDENT_COLUMNS
        + "FROM incidents ORDER BY last_date DESC, updated_at DESC, incident_id LIMIT %s",
        (limit,),
    )
    return cast(list[IncidentRow], rows)


def incident_with_mentions(
    conn: psycopg.Connection[Any], *, incident_id: str
) -> IncidentDetail | None:
    """One incident and its event mentions, oldest article first; ``None`` if there is none."""
    rows = _fetch(
        conn, "SELECT" + _INCIDENT_COLUMNS + "FROM incidents WHERE incident_id = %s", (incident_id,)
    )
    if not rows:
        return None
    mentions = _fetch(
        conn,
        """SELECT e.event_id, e.article_id, e.type, e.status, e.trigger_text, e.location_name,
               e.event_date,
               (SELECT string_agg((m->>'value') || ' ' || (m->>'kind'), ', ')
                  FROM jsonb_array_elements(e.payload->'magnitudes') AS m) AS magnitudes,
               a.published_at, a.title, a.url
        FROM events AS e LEFT JOIN articles AS a ON a.article_id = e.article_id
        WHERE e.incident_id = %s
        ORDER BY a.published_at NULLS LAST, e.article_id, e.event_id""",
        (incident_id,),
    )
    detail = cast(IncidentDetail, rows[0])
    detail["mentions"] = cast(list[IncidentMention], mentions)
    return detail


def incident_of_event(conn: psycopg.Connection[Any], *, event_id: str) -> IncidentRow | None:
    """The incident an event belongs to, or ``None`` (no such event, or not grouped)."""
    rows = _fetch(
        conn,
        "SELECT"
        + _INCIDENT_COLUMNS
        + "FROM incidents WHERE incident_id = (SELECT incident_id FROM events WHERE event_id = %s)",
        (event_id,),
    )
    return cast(IncidentRow, rows[0]) if rows else None


def _id_filter(*, article_id: str | None, article_ids: Sequence[str] | None) -> list[str] | None:
    if article_id is None and article_ids is None:
        return None
    return [*([article_id] if article_id is not None else []), *(article_ids or [])]


def _fetch(
    conn: psycopg.Connection[Any], query: LiteralString, params: tuple[Any, ...]
) -> list[dict[str, Any]]:
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(query, params)
        return cur.fetchall()
