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
from psycopg import pq

from services.store.adapters.incidents import assign_incidents, lock_incident_groups
from services.store.domain.batching import group_by_table
from shared.errors import PoisonMessageError, RetriableError
from shared.models import Claim, Event, RawArticle

_UPSERT_ARTICLE: LiteralString = """
INSERT INTO articles AS t (
    article_id, url, title, source, language, authors, body, published_at, received_at, payload
) VALUES (%s, %s, %s, %s, %s, %s::jsonb, %s, %s, %s, %s::jsonb)
ON CONFLICT (article_id) DO UPDATE SET
    url = EXCLUDED.url, title = EXCLUDED.title, source = EXCLUDED.source,
    language = EXCLUDED.language, authors = EXCLUDED.authors, body = EXCLUDED.body,
    published_at = EXCLUDED.published_at, received_at = EXCLUDED.received_at,
    payload = EXCLUDED.payload, updated_at = now()
WHERE t.payload IS DISTINCT FROM EXCLUDED.payload
"""

_UPSERT_CLAIM: LiteralString = """
INSERT INTO claims AS t (
    claim_id, article_id, kind, speaker_name, speaker_type, speaker_role, cue_lemma,
    content_text, confidence, extractor_version, payload
) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb)
ON CONFLICT (claim_id) DO UPDATE SET
    article_id = EXCLUDED.article_id, kind = EXCLUDED.kind,
    speaker_name = EXCLUDED.speaker_name, speaker_type = EXCLUDED.speaker_type,
    speaker_role = EXCLUDED.speaker_role, cue_lemma = EXCLUDED.cue_lemma,
    content_text = EXCLUDED.content_text, confidence = EXCLUDED.confidence,
    extractor_version = EXCLUDED.extractor_version, payload = EXCLUDED.payload,
    updated_at = now()
WHERE t.payload IS DISTINCT FROM EXCLUDED.payload
"""

_UPSERT_EVENT: LiteralString = """
INSERT INTO events AS t (
    event_id, article_id, type, mode, status, trigger_text, location_text, location_name,
    country, geonameid, event_date, is_main, confidence, extractor_version, payload
) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb)
ON CONFLICT (event_id) DO UPDATE SET
    article_id = EXCLUDED.article_id, type = EXCLUDED.type, mode = EXCLUDED.mode,
    status = EXCLUDED.status, trigger_text = EXCLUDED.trigger_text,
    location_text = EXCLUDED.location_text, location_name = EXCLUDED.location_name,
    country = EXCLUDED.country, geonameid = EXCLUDED.geonameid,
    event_date = EXCLUDED.event_date, is_main = EXCLUDED.is_main,
    confidence = EXCLUDED.confidence, extractor_version = EXCLUDED.extractor_version,
    payload = EXCLUDED.payload, updated_at = now()
WHERE t.payload IS DISTINCT FROM EXCLUDED.payload
"""


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
                articles=_execute(cur, _UPSERT_ARTICLE, [_article_row(a) for a in batch.articles]),
                claims=_execute(cur, _UPSERT_CLAIM, [_claim_row(c) for c in batch.claims]),
                events=_execute(cur, _UPSERT_EVENT, [_event_row(e) for e in batch.events]),
            )
            assign_incidents(cur, incidents)
    except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
        # OperationalError includes serialization failures and deadlocks (TransactionRollback).
        raise RetriableError(f"store: database unavailable: {exc}") from exc
    except psycopg.DataError as exc:
        raise PoisonMessageError(f"store: Postgres rejected a value: {exc}") from exc
    return counts


def _execute(cur: psycopg.Cursor[Any], query: LiteralString, rows: list[tuple[Any, ...]]) -> int:
    if not rows:
        return 0
    # psycopg 3 pipelines executemany: one round trip for the whole list.
    cur.executemany(query, rows)
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
