"""Counts of the claims and events a filter selects, per day, country, type, actor or speaker
(the filters are the listings', :mod:`services.query.adapters.filters`).

Each function returns ``(total, buckets)``: ``total`` counts every selected row, ``buckets`` are
``(key, count)`` pairs, largest first (days: ``date`` keys in date order). A row without a key
(an event with no country, a claim whose article is not stored) is in the total and in no
bucket; an event with two actors is in both actors' buckets.
"""

from __future__ import annotations

from typing import Any, Literal, LiteralString

import psycopg
from psycopg import sql

from services.query.adapters.filters import (
    CLAIM_DAY,
    EVENT_DAY,
    ClaimFilters,
    Conditions,
    EventFilters,
    claim_conditions,
    event_conditions,
)

EventBucket = Literal["day", "country", "type", "actor"]
ClaimBucket = Literal["day", "speaker"]

_EVENTS: LiteralString = " FROM events AS e LEFT JOIN articles AS a ON a.article_id = e.article_id"
_CLAIMS: LiteralString = " FROM claims AS c LEFT JOIN articles AS a ON a.article_id = c.article_id"
_EVENT_KEYS: dict[str, LiteralString] = {
    "day": EVENT_DAY,
    "country": "e.country",
    "type": "e.type",
    "actor": "coalesce(p ->> 'name', p ->> 'text')",
}
_CLAIM_KEYS: dict[str, LiteralString] = {"day": CLAIM_DAY, "speaker": "c.speaker_name"}


def count_events(
    conn: psycopg.Connection[Any], *, filters: EventFilters, by: EventBucket, limit: int
) -> tuple[int, list[tuple[Any, int]]]:
    """Selected events in all and per ``by`` (at most ``limit`` buckets; days: all of them)."""
    where = event_conditions(filters)
    source = _EVENTS
    if by == "actor":
        source += " CROSS JOIN LATERAL jsonb_array_elements(e.payload -> 'actors') AS p"
    total = _total(conn, "SELECT count(*)" + _EVENTS, where)
    buckets = _buckets(conn, _EVENT_KEYS[by], "e.event_id", source, where, by, limit)
    return total, buckets


def count_claims(
    conn: psycopg.Connection[Any], *, filters: ClaimFilters, by: ClaimBucket, limit: int
) -> tuple[int, list[tuple[Any, int]]]:
    """Selected claims in all and per ``by`` (at most ``limit`` buckets; days: all of them)."""
    where = claim_conditions(filters)
    total = _total(conn, "SELECT count(*)" + _CLAIMS, where)
    buckets = _buckets(conn, _CLAIM_KEYS[by], "c.claim_id", _CLAIMS, where, by, limit)
    return total, buckets


def _total(conn: psycopg.Connection[Any], select: LiteralString, where: Conditions) -> int:
    row = conn.execute(
        sql.SQL(select + " WHERE {where}").format(where=where.where()), where.params
    ).fetchone()
    return int(row[0]) if row else 0


def _buckets(
    conn: psycopg.Connection[Any],
    key: LiteralString,
    row_id: LiteralString,
    source: LiteralString,
    where: Conditions,
    by: str,
    limit: int,
) -> list[tuple[Any, int]]:
    if by == "day":
        order: LiteralString = "ORDER BY key"
    else:
        order = "ORDER BY n DESC, key LIMIT %(bucket_limit)s"
    query = sql.SQL(
        "SELECT " + key + " AS key, count(DISTINCT " + row_id + ") AS n" + source
        + " WHERE {where} AND " + key + " IS NOT NULL GROUP BY key " + order
    ).format(where=where.where())  # fmt: skip
    rows = conn.execute(query, {**where.params, "bucket_limit": limit}).fetchall()
    return [(row[0], int(row[1])) for row in rows]
