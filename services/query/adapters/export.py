"""Every claim or event a filter selects, read through a server-side cursor: the rows arrive in
batches of ``batch_size``, so an export of any size holds one batch in memory at a time.

The rows are the listing's (:mod:`services.query.adapters.selection`), in its order. The cursor
lives in one transaction on the connection given, which the caller keeps for the whole export
(a slow client holds it that long); each fetch is one statement under the connection's
``statement_timeout``.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import dict_row

from services.query.adapters.filters import ClaimFilters, EventFilters
from services.query.adapters.selection import select_claims, select_events

BATCH_SIZE = 500


def event_batches(
    conn: psycopg.Connection[Any], *, filters: EventFilters, batch_size: int = BATCH_SIZE
) -> Generator[list[dict[str, Any]]]:
    """The selected events in batches, newest event time first."""
    query, params = select_events(filters)
    yield from _batches(conn, "events_export", query, params, batch_size)


def claim_batches(
    conn: psycopg.Connection[Any], *, filters: ClaimFilters, batch_size: int = BATCH_SIZE
) -> Generator[list[dict[str, Any]]]:
    """The selected claims in batches, newest article first."""
    query, params = select_claims(filters)
    yield from _batches(conn, "claims_export", query, params, batch_size)


def _batches(
    conn: psycopg.Connection[Any],
    name: str,
    query: sql.Composed,
    params: dict[str, Any],
    batch_size: int,
) -> Generator[list[dict[str, Any]]]:
    with conn.transaction(), conn.cursor(name=name, row_factory=dict_row) as cur:
        cur.execute(query, params)
        while rows := cur.fetchmany(batch_size):
            yield rows
