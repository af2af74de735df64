"""The query API's reads of incidents: the latest ones, and one with its event mentions.

Rows come back as dicts keyed by column name (:class:`IncidentRow`, and :class:`IncidentDetail`
with the mentions); a mention's ``magnitudes`` is a short text ("20 killed, 3 injured") taken
from the stored event payload. The table is written by the store (docs/incidents.md).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, LiteralString, TypedDict, cast

import psycopg
from psycopg.rows import dict_row


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


def _fetch(
    conn: psycopg.Connection[Any], query: LiteralString, params: tuple[Any, ...]
) -> list[dict[str, Any]]:
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(query, params)
        return cur.fetchall()
