"""Test-only writers and readers of the stored rows: records stored through the store's own
sequence (:func:`~services.store.batch_transaction.store_records`), rows read the way no service
needs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString

import psycopg
from psycopg.rows import dict_row

from services.store.batch_transaction import UpsertCounts, store_records
from shared.models import Claim, Event, ExtractionManifest, RawArticle


def upsert_batch(
    conn: psycopg.Connection[Any],
    *,
    articles: Sequence[RawArticle],
    claims: Sequence[Claim],
    events: Sequence[Event],
    manifests: Sequence[ExtractionManifest] = (),
) -> UpsertCounts:
    """Store these records as one batch of the store (one transaction, every step)."""
    return store_records(conn, [*articles, *claims, *events, *manifests])


def latest_claims(conn: psycopg.Connection[Any], *, limit: int = 50) -> list[dict[str, Any]]:
    """The most recently stored or changed claims, newest first."""
    return _fetch(conn, "SELECT * FROM claims ORDER BY updated_at DESC, claim_id LIMIT %s", limit)


def latest_events(conn: psycopg.Connection[Any], *, limit: int = 50) -> list[dict[str, Any]]:
    """The most recently stored or changed events, newest first."""
    return _fetch(conn, "SELECT * FROM events ORDER BY updated_at DESC, event_id LIMIT %s", limit)


def incident_of_event(conn: psycopg.Connection[Any], *, event_id: str) -> dict[str, Any] | None:
    """The incident an event belongs to, or ``None`` (no such event, or not grouped)."""
    rows = _fetch(
        conn,
        "SELECT * FROM incidents"
        " WHERE incident_id = (SELECT incident_id FROM events WHERE event_id = %s)",
        event_id,
    )
    return rows[0] if rows else None


def _fetch(
    conn: psycopg.Connection[Any], query: LiteralString, param: object
) -> list[dict[str, Any]]:
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(query, (param,))
        return cur.fetchall()
