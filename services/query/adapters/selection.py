"""The SELECT statements of claim and event rows, shared by the listings and the exports, so an
export holds exactly the rows the listing pages through, in the same order.

Rows come newest first by their time — an event's event time, a claim's article publication
(see :mod:`services.query.adapters.filters`) — then by id, and a page starts after a
``(time, id)`` key. Each row has ``payload``, ``first_seen_at``, ``updated_at``, ``row_id``,
``sort_at`` (the time it is sorted by) and the ``ref_*`` columns of its article (``NULL`` when
the article is not stored yet); event rows also ``incident_id``.
"""

from __future__ import annotations

from typing import Any, LiteralString

from psycopg import sql

from services.query.adapters.filters import (
    EVENT_TIME,
    ClaimFilters,
    Conditions,
    EventFilters,
    claim_conditions,
    event_conditions,
)
from services.query.domain.cursor import PageKey

ARTICLE_REF: LiteralString = """
    a.article_id AS ref_article_id, a.title AS ref_title, a.url AS ref_url,
    a.source AS ref_source, a.published_at AS ref_published_at
"""
CLAIM_TIME: LiteralString = "coalesce(a.published_at, c.first_seen_at)"


def select_events(
    filters: EventFilters, *, after: PageKey | None = None, limit: int | None = None
) -> tuple[sql.Composed, dict[str, Any]]:
    """The statement and parameters of the events ``filters`` selects, newest event time first,
    after ``after``, at most ``limit`` (``None``: all)."""
    where = event_conditions(filters)
    _after(where, EVENT_TIME, "e.event_id", after)
    query = sql.SQL(
        "SELECT e.payload, e.incident_id, e.first_seen_at, e.updated_at, e.event_id AS row_id, "
        + EVENT_TIME
        + " AS sort_at, "
        + ARTICLE_REF
        + """FROM events AS e LEFT JOIN articles AS a ON a.article_id = e.article_id
        WHERE {where}
        ORDER BY sort_at DESC, e.event_id DESC {limit}"""
    ).format(where=where.where(), limit=_limit(where, limit))
    return query, where.params


def select_claims(
    filters: ClaimFilters, *, after: PageKey | None = None, limit: int | None = None
) -> tuple[sql.Composed, dict[str, Any]]:
    """The statement and parameters of the claims ``filters`` selects, newest article first,
    after ``after``, at most ``limit`` (``None``: all)."""
    where = claim_conditions(filters)
    _after(where, CLAIM_TIME, "c.claim_id", after)
    query = sql.SQL(
        "SELECT c.payload, c.first_seen_at, c.updated_at, c.claim_id AS row_id, "
        + CLAIM_TIME
        + " AS sort_at, "
        + ARTICLE_REF
        + """FROM claims AS c LEFT JOIN articles AS a ON a.article_id = c.article_id
        WHERE {where}
        ORDER BY sort_at DESC, c.claim_id DESC {limit}"""
    ).format(where=where.where(), limit=_limit(where, limit))
    return query, where.params


def _after(
    where: Conditions, time: LiteralString, row_id: LiteralString, after: PageKey | None
) -> None:
    if after is not None:
        where.add(
            "(" + time + ", " + row_id + ") < (%(after_at)s, %(after_id)s)",
            after_at=after.seen_at,
            after_id=after.id,
        )


def _limit(where: Conditions, limit: int | None) -> sql.Composable:
    if limit is None:
        return sql.SQL("")
    where.params["limit"] = limit
    return sql.SQL("LIMIT %(limit)s")
