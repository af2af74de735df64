"""The query API's SQL: keyset-paginated listings of claims and events, and one article with its
claims and events. Incidents are read with :mod:`services.query.adapters.incidents`.

The listings' filters and statements are :mod:`services.query.adapters.filters` and
:mod:`services.query.adapters.selection` (the counts and exports use the same): every value
reaches Postgres as a query parameter, one fixed fragment per filter that is set.

Listings are newest first by their time — an event's event time, a claim's article publication
— then id (see :mod:`services.query.domain.cursor`). They read in autocommit, one statement per
page: a row stored while a client pages shows up in the pages after the cursor if it sorts
after it, but no row is listed twice.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import dict_row

from services.query.adapters.filters import ClaimFilters, EventFilters
from services.query.adapters.selection import select_claims, select_events
from services.query.domain.cursor import PageKey
from services.store.adapters.migrations import applied_versions, bundled_migrations

__all__ = ["ClaimFilters", "EventFilters", "article_detail", "list_claims", "list_events"]


def list_claims(
    conn: psycopg.Connection[Any], *, filters: ClaimFilters, after: PageKey | None, limit: int
) -> list[dict[str, Any]]:
    """Up to ``limit`` claims after ``after``, newest article first. Each row has ``payload``
    (the stored ``Claim``), ``first_seen_at``, ``updated_at``, ``sort_at`` and the ``ref_*``
    columns of its article."""
    query, params = select_claims(filters, after=after, limit=limit)
    return _rows(conn, query, params)


def list_events(
    conn: psycopg.Connection[Any], *, filters: EventFilters, after: PageKey | None, limit: int
) -> list[dict[str, Any]]:
    """Up to ``limit`` events after ``after``, newest event time first. Each row has ``payload``
    (the stored ``Event``), ``incident_id``, ``first_seen_at``, ``updated_at``, ``sort_at`` and
    the article's ``ref_*``."""
    query, params = select_events(filters, after=after, limit=limit)
    return _rows(conn, query, params)


def article_detail(conn: psycopg.Connection[Any], *, article_id: str) -> dict[str, Any] | None:
    """The article row with ``claims`` (stored ``Claim`` payloads) and ``events`` (rows with
    ``payload`` and ``incident_id``), each in text order; ``None`` if the article is not stored.

    Claims and events of an article that is not stored yet are not returned here: list them with
    ``article_id`` on the listings.
    """
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            """SELECT article_id, url, title, source, language, authors, body, published_at,
                   received_at, first_seen_at, updated_at
            FROM articles WHERE article_id = %s""",
            (article_id,),
        )
        article = cur.fetchone()
        if article is None:
            return None
        cur.execute(
            """SELECT payload FROM claims WHERE article_id = %s
            ORDER BY (payload #>> '{content,spans,0,0}')::int NULLS LAST, claim_id""",
            (article_id,),
        )
        article["claims"] = [row["payload"] for row in cur.fetchall()]
        cur.execute(
            """SELECT payload, incident_id FROM events WHERE article_id = %s
            ORDER BY (payload #>> '{trigger,start}')::int NULLS LAST, event_id""",
            (article_id,),
        )
        article["events"] = cur.fetchall()
    return article


def schema_is_current(conn: psycopg.Connection[Any]) -> bool:
    """Whether every migration shipped with this code has been applied to the database."""
    try:
        done = applied_versions(conn)
    except psycopg.errors.UndefinedTable:
        return False
    return {m.version for m in bundled_migrations()} <= done


def _rows(
    conn: psycopg.Connection[Any], query: sql.Composed, params: dict[str, Any]
) -> list[dict[str, Any]]:
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(query, params)
        return cur.fetchall()
