"""Writes articles, claims and events to Postgres: batched, idempotent upserts.

Every row is keyed by its deterministic id and carries the whole message as ``payload``. An upsert
changes a row only when the payload differs (``WHERE … IS DISTINCT FROM EXCLUDED.payload``): a
replayed record touches nothing, not even ``updated_at``, and never adds a row.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, LiteralString

import psycopg
from psycopg import pq, sql

from services.store.adapters.incidents import assign_incidents, lock_incident_groups
from services.store.domain.batching import group_by_table
from shared.errors import PoisonMessageError, RetriableError
from shared.models import Claim, Event, RawArticle


@dataclass(frozen=True)
class _Table:
    """How one table is upserted: rows are COPYed into a temporary staging table, then moved
    with one ``INSERT … SELECT … ON CONFLICT`` (COPY is several times faster than row-by-row
    INSERTs, even pipelined)."""

    name: LiteralString
    key: LiteralString
    columns: tuple[LiteralString, ...]

    @property
    def stage(self) -> LiteralString:
        return "stage_" + self.name

    def create_stage(self) -> sql.Composed:
        # Same column types as the target; emptied at every COMMIT; one per session.
        return sql.SQL(
            "CREATE TEMP TABLE IF NOT EXISTS {stage} ON COMMIT DELETE ROWS AS"
            " SELECT {cols} FROM {table} WITH NO DATA"
        ).format(
            stage=sql.Identifier(self.stage), cols=self._cols(), table=sql.Identifier(self.name)
        )

    def copy(self) -> sql.Composed:
        return sql.SQL("COPY {stage} ({cols}) FROM STDIN").format(
            stage=sql.Identifier(self.stage), cols=self._cols()
        )

    def upsert(self) -> sql.Composed:
        updates = sql.SQL(", ").join(
            sql.SQL("{c} = EXCLUDED.{c}").format(c=sql.Identifier(c))
            for c in self.columns
            if c != self.key
        )
        return sql.SQL(
            "INSERT INTO {table} AS t ({cols}) SELECT {cols} FROM {stage}"
            " ON CONFLICT ({key}) DO UPDATE SET {updates}, updated_at = now()"
            " WHERE t.payload IS DISTINCT FROM EXCLUDED.payload"
        ).format(
            table=sql.Identifier(self.name),
            cols=self._cols(),
            stage=sql.Identifier(self.stage),
            key=sql.Identifier(self.key),
            updates=updates,
        )

    def _cols(self) -> sql.Composed:
        return sql.SQL(", ").join(sql.Identifier(c) for c in self.columns)


_ARTICLES = _Table(
    "articles",
    "article_id",
    (
        "article_id",
        "url",
        "title",
        "source",
        "language",
        "authors",
        "body",
        "published_at",
        "received_at",
        "payload",
    ),
)
_CLAIMS = _Table(
    "claims",
    "claim_id",
    (
        "claim_id",
        "article_id",
        "kind",
        "speaker_name",
        "speaker_type",
        "speaker_role",
        "cue_lemma",
        "content_text",
        "confidence",
        "extractor_version",
        "payload",
    ),
)
_EVENTS = _Table(
    "events",
    "event_id",
    (
        "event_id",
        "article_id",
        "type",
        "mode",
        "status",
        "trigger_text",
        "location_text",
        "location_name",
        "country",
        "geonameid",
        "event_date",
        "is_main",
        "confidence",
        "extractor_version",
        "payload",
    ),
)


def open_connection(*, database_url: str, connect_timeout_s: int = 5) -> psycopg.Connection[Any]:
    """An autocommit connection for :func:`upsert_batch` (which opens its own transactions).

    Raises :class:`RetriableError` when the database cannot be reached.
    """
    try:
        return psycopg.connect(
            database_url,
            autocommit=True,
            connect_timeout=connect_timeout_s,
            application_name="newsflow-store",
        )
    except psycopg.OperationalError as exc:
        raise RetriableError(f"store: cannot connect to the database: {exc}") from exc


@dataclass(frozen=True)
class UpsertCounts:
    """Rows each table gained or changed. A pure replay counts 0 everywhere."""

    articles: int = 0
    claims: int = 0
    events: int = 0

    @property
    def total(self) -> int:
        return self.articles + self.claims + self.events


def upsert_batch(
    conn: psycopg.Connection[Any],
    *,
    articles: Sequence[RawArticle],
    claims: Sequence[Claim],
    events: Sequence[Event],
) -> UpsertCounts:
    """Upsert the records in ONE transaction and COMMIT it.

    In the same transaction the batch's events are assigned to incidents
    (:mod:`services.store.adapters.incidents`), so offsets still commit after both.

    Duplicated ids in the input are fine: the last record of an id wins. ``conn`` must not be
    inside a transaction (use an autocommit connection); it stays usable after a
    :class:`PoisonMessageError`, and should be discarded after a :class:`RetriableError`.

    Failure contract — when this raises, the transaction was rolled back and nothing of the batch
    is visible; calling it again with the same records is always safe:

    * :class:`RetriableError` — the database is unavailable or aborted the transaction
      (connection lost, admin shutdown, serialization failure, deadlock). Reconnect and repeat.
      If the connection died during COMMIT itself the outcome is unknown, which is why
      repeating must be (and is) harmless.
    * :class:`PoisonMessageError` — Postgres refuses a value (e.g. a NUL character in text).
      Repeating the same batch fails the same way; write its records one at a time to find and
      dead-letter the culprit.
    * anything else (``psycopg.ProgrammingError`` …) is a bug and propagates unchanged.
    """
    if conn.info.transaction_status != pq.TransactionStatus.IDLE:
        raise ValueError("upsert_batch needs a connection outside any transaction")
    batch = group_by_table([*articles, *claims, *events])
    try:
        with conn.transaction(), conn.cursor() as cur:
            # Incident locks come before any write (see services/store/adapters/incidents.py).
            incidents = lock_incident_groups(cur, articles=batch.articles, events=batch.events)
            counts = UpsertCounts(
                articles=_upsert(cur, _ARTICLES, [_article_row(a) for a in batch.articles]),
                claims=_upsert(cur, _CLAIMS, [_claim_row(c) for c in batch.claims]),
                events=_upsert(cur, _EVENTS, [_event_row(e) for e in batch.events]),
            )
            assign_incidents(cur, incidents)
    except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
        # OperationalError includes serialization failures and deadlocks (TransactionRollback).
        raise RetriableError(f"store: database unavailable: {exc}") from exc
    except psycopg.DataError as exc:
        raise PoisonMessageError(f"store: Postgres rejected a value: {exc}") from exc
    return counts


def _upsert(cur: psycopg.Cursor[Any], table: _Table, rows: list[tuple[Any, ...]]) -> int:
    """COPY ``rows`` (ids unique: the batch is deduplicated) into the table's staging table and
    upsert them from there; returns the rows inserted or changed."""
    if not rows:
        return 0
    cur.execute(table.create_stage())  # empty: ON COMMIT DELETE ROWS
    with cur.copy(table.copy()) as copy:
        for row in rows:
            copy.write_row(row)
    cur.execute(table.upsert())
    return max(cur.rowcount, 0)


def _article_row(a: RawArticle) -> tuple[Any, ...]:
    return (
        a.article_id,
        a.url,
        a.title,
        a.source,
        a.language,
        json.dumps(list(a.authors)),
        a.body,
        a.published_at,
        a.received_at,
        a.model_dump_json(),
    )


def _claim_row(c: Claim) -> tuple[Any, ...]:
    return (
        c.claim_id,
        c.article_id,
        c.kind,
        c.speaker.name,
        c.speaker.type,
        c.speaker.role,
        c.cue.lemma if c.cue else None,
        c.content.text,
        c.confidence,
        c.extractor_version,
        c.model_dump_json(),
    )


def _event_row(e: Event) -> tuple[Any, ...]:
    location = e.location
    return (
        e.event_id,
        e.article_id,
        e.type,
        e.mode,
        e.status,
        e.trigger.text,
        location.text if location else None,
        location.name if location else None,
        location.country if location else None,
        location.geonameid if location else None,
        e.time.date if e.time else None,
        e.is_main,
        e.confidence,
        e.extractor_version,
        e.model_dump_json(),
    )
