"""Writes articles, claims and events to Postgres: batched, idempotent upserts.

Every row is keyed by its deterministic id and carries the whole message as ``payload``. An upsert
changes a row only when the payload differs (``WHERE … IS DISTINCT FROM EXCLUDED.payload``): a
replayed record touches nothing, not even ``updated_at``, and never adds a row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, LiteralString

import psycopg
from psycopg import pq, sql

from services.store.adapters.incidents import (
    assign_incidents,
    lock_articles,
    lock_incident_groups,
)
from services.store.adapters.places import replace_places
from services.store.adapters.retractions import add_to_outbox
from services.store.domain.batching import StorableRecord, TableBatch, group_by_table
from services.store.domain.extractions import Current, plan_extractions, retractions_for
from shared.errors import PoisonMessageError, RetriableError
from shared.models import Claim, Event, ExtractionManifest, ExtractionSource, RawArticle


@dataclass(frozen=True)
class _Table:
    """How one table is written: rows are COPYed straight into the table (:func:`_copy_new`),
    or, when some already exist, into a temporary staging table and moved with one ``INSERT …
    SELECT … ON CONFLICT`` (:func:`_upsert`). COPY is several times faster than row-by-row
    INSERTs, even pipelined."""

    name: LiteralString
    key: LiteralString
    columns: tuple[LiteralString, ...]
    # Claims and events: never replace a row by a record of an older extraction (rule 4 of
    # services/store/domain/extractions.py); rows without a source are older than any.
    by_source: bool = False
    # Articles: a record with the stored text's content_hash changes nothing (a push of a text
    # the feed poller published, received later and without its revision, must not clear it).
    by_content: bool = False

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

    def copy_into_table(self) -> sql.Composed:
        return sql.SQL("COPY {table} ({cols}) FROM STDIN").format(
            table=sql.Identifier(self.name), cols=self._cols()
        )

    def delete_superseded(self) -> sql.Composed:
        """Rule 2 of services/store/domain/extractions.py: the rows of each article older than
        its new manifest's source (parameters: article ids, source timestamps, offsets)."""
        return sql.SQL(
            "DELETE FROM {table} AS r"
            " USING unnest(%s::text[], %s::bigint[], %s::bigint[]) AS m(article_id, ts, off)"
            " WHERE r.article_id = m.article_id"
            " AND NOT COALESCE((r.source_ts_ms, r.source_offset) >= (m.ts, m.off), false)"
            " RETURNING r.article_id, r.{key}"
        ).format(table=sql.Identifier(self.name), key=sql.Identifier(self.key))

    def upsert(self) -> sql.Composed:
        updates = sql.SQL(", ").join(
            sql.SQL("{c} = EXCLUDED.{c}").format(c=sql.Identifier(c))
            for c in self.columns
            if c != self.key
        )
        newer = sql.SQL(
            " AND NOT COALESCE((t.source_ts_ms, t.source_offset)"
            " > (EXCLUDED.source_ts_ms, EXCLUDED.source_offset), false)"
            if self.by_source
            else ""
        )
        other_text = sql.SQL(
            " AND NOT COALESCE(t.payload->>'content_hash' = EXCLUDED.payload->>'content_hash',"
            " false)"
            if self.by_content
            else ""
        )
        return sql.SQL(
            "INSERT INTO {table} AS t ({cols}) SELECT {cols} FROM {stage}"
            " ON CONFLICT ({key}) DO UPDATE SET {updates}, updated_at = now()"
            " WHERE t.payload IS DISTINCT FROM EXCLUDED.payload{newer}{other_text}"
        ).format(
            newer=newer,
            other_text=other_text,
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
    by_content=True,
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
        "source_ts_ms",
        "source_offset",
        "payload",
    ),
    by_source=True,
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
        "source_ts_ms",
        "source_offset",
        "payload",
    ),
    by_source=True,
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
    """Rows each table gained or changed. A pure replay counts 0 everywhere.

    ``skipped``: claims and events of an earlier extraction, not written (the article has a newer
    one); ``superseded``: stored claims and events deleted because a newer extraction replaced
    them (:mod:`services.store.domain.extractions`); ``retracted``: retractions queued in the
    outbox (:mod:`services.store.adapters.retractions`).
    """

    articles: int = 0
    claims: int = 0
    events: int = 0
    skipped: int = 0
    superseded: int = 0
    retracted: int = 0

    @property
    def total(self) -> int:
        return self.articles + self.claims + self.events


@dataclass(frozen=True)
class PreparedBatch:
    """A batch grouped by table (:func:`group_by_table`) with its rows already built.

    Building rows (``model_dump_json`` of every record) is CPU work that needs no database: the
    store does it in its consumer thread while the writer thread is busy with the previous batch.
    """

    tables: TableBatch
    article_rows: dict[str, tuple[Any, ...]]
    claim_rows: dict[str, tuple[Any, ...]]
    event_rows: dict[str, tuple[Any, ...]]


def prepare_batch(records: Iterable[StorableRecord]) -> PreparedBatch:
    tables = group_by_table(records)
    return PreparedBatch(
        tables=tables,
        article_rows={a.article_id: _article_row(a) for a in tables.articles},
        claim_rows={c.claim_id: _claim_row(c) for c in tables.claims},
        event_rows={e.event_id: _event_row(e) for e in tables.events},
    )


def upsert_batch(
    conn: psycopg.Connection[Any],
    *,
    articles: Sequence[RawArticle],
    claims: Sequence[Claim],
    events: Sequence[Event],
    manifests: Sequence[ExtractionManifest] = (),
) -> UpsertCounts:
    """:func:`write_batch` of these records."""
    return write_batch(conn, prepare_batch([*articles, *claims, *events, *manifests]))


def write_batch(conn: psycopg.Connection[Any], prepared: PreparedBatch) -> UpsertCounts:
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
        raise ValueError("write_batch needs a connection outside any transaction")
    try:
        try:
            return _write(conn, prepared, only_new=True)
        except psycopg.errors.UniqueViolation:
            # Some rows exist already (a replay, a revision, a re-extraction): the transaction
            # was rolled back; write it again with upserts.
            return _write(conn, prepared, only_new=False)
    except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
        # OperationalError includes serialization failures and deadlocks (TransactionRollback).
        raise RetriableError(f"store: database unavailable: {exc}") from exc
    except psycopg.DataError as exc:
        raise PoisonMessageError(f"store: Postgres rejected a value: {exc}") from exc


def _write(
    conn: psycopg.Connection[Any], prepared: PreparedBatch, *, only_new: bool
) -> UpsertCounts:
    """One transaction of :func:`write_batch`. ``only_new``: COPY the rows straight into their
    tables, as fast as a raw COPY; a row that exists already makes the primary key refuse it
    (``UniqueViolation``, the transaction is rolled back). Otherwise every table is upserted
    through its staging table, changing only what differs."""
    batch = prepared.tables
    write = _copy_new if only_new else _upsert
    with conn.transaction(), conn.cursor() as cur:
        # Every lock comes before any write (see services/store/adapters/incidents.py): the
        # articles' locks first, then what the current extractions allow is read under them
        # (one round trip: the reading statement starts after the locking one finished).
        with conn.pipeline():
            lock_articles(cur, _article_ids(batch))
            current = _current_extractions(cur, batch)
        plan = plan_extractions(current, batch.manifests)
        kept_claims = [c for c in batch.claims if plan.keeps(c.article_id, c.extracted_from)]
        kept_events = [e for e in batch.events if plan.keeps(e.article_id, e.extracted_from)]
        incidents = lock_incident_groups(
            cur,
            articles=batch.articles,
            events=kept_events,
            superseding=plan.replaced_articles,
            survives=lambda e: plan.survives(e.article_id, e.extracted_from),
        )
        articles = write(cur, _ARTICLES, list(prepared.article_rows.values()))
        claims = write(cur, _CLAIMS, [prepared.claim_rows[c.claim_id] for c in kept_claims])
        events = write(cur, _EVENTS, [prepared.event_rows[e.event_id] for e in kept_events])
        deleted = _replace_extractions(cur, plan.replacing)
        skipped: list[Claim | Event] = [
            c for c in batch.claims if not plan.keeps(c.article_id, c.extracted_from)
        ]
        skipped += [e for e in batch.events if not plan.keeps(e.article_id, e.extracted_from)]
        retractions = retractions_for(
            plan, stored=current, deleted=deleted, skipped=skipped, now=datetime.now(UTC)
        )
        add_to_outbox(cur, retractions)
        assign_incidents(cur, incidents)
    return UpsertCounts(
        articles=articles,
        claims=claims,
        events=events,
        skipped=len(skipped),
        superseded=len(deleted),
        retracted=len(retractions),
    )


def _article_ids(batch: TableBatch) -> list[str]:
    return sorted({a.article_id for a in batch.articles} | _extracted_article_ids(batch))


def _extracted_article_ids(batch: TableBatch) -> set[str]:
    ids = {c.article_id for c in batch.claims}
    ids.update(e.article_id for e in batch.events)
    ids.update(m.article_id for m in batch.manifests)
    return ids


def _current_extractions(cur: psycopg.Cursor[Any], batch: TableBatch) -> dict[str, Current]:
    """The stored current extraction of each article whose records or manifests the batch has."""
    ids = _extracted_article_ids(batch)
    if not ids:
        return {}
    cur.execute(
        "SELECT article_id, source_ts_ms, source_offset, claim_ids || event_ids FROM extractions"
        " WHERE article_id = ANY(%s)",
        (sorted(ids),),
    )
    return {row[0]: Current(row[0], (row[1], row[2]), frozenset(row[3])) for row in cur.fetchall()}


_REPLACE_EXTRACTION: LiteralString = """
INSERT INTO extractions AS t (article_id, extractor_version, source_ts_ms, source_offset,
                              extracted_at, revision, claim_ids, event_ids, payload)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (article_id) DO UPDATE SET
    extractor_version = EXCLUDED.extractor_version, source_ts_ms = EXCLUDED.source_ts_ms,
    source_offset = EXCLUDED.source_offset, extracted_at = EXCLUDED.extracted_at,
    revision = EXCLUDED.revision, claim_ids = EXCLUDED.claim_ids,
    event_ids = EXCLUDED.event_ids, payload = EXCLUDED.payload, updated_at = now()
WHERE (EXCLUDED.source_ts_ms, EXCLUDED.source_offset) > (t.source_ts_ms, t.source_offset)
"""


def _replace_extractions(
    cur: psycopg.Cursor[Any], manifests: Sequence[ExtractionManifest]
) -> list[tuple[str, str]]:
    """Store the manifests that replace the current extractions (the plan already checked that
    they are newer; the ``WHERE`` repeats it), delete what they supersede and replace the
    articles' places with theirs; returns the (article_id, id) of the claims and events
    deleted."""
    if not manifests:
        return []
    cur.executemany(
        _REPLACE_EXTRACTION,
        [
            (
                m.article_id,
                m.extractor_version,
                m.extracted_from.timestamp_ms,
                m.extracted_from.offset,
                m.extracted_at,
                m.revision,
                list(m.claim_ids),
                list(m.event_ids),
                m.model_dump_json(),
            )
            for m in manifests
        ],
    )
    params = (
        [m.article_id for m in manifests],
        [m.extracted_from.timestamp_ms for m in manifests],
        [m.extracted_from.offset for m in manifests],
    )
    deleted: list[tuple[str, str]] = []
    for table in (_CLAIMS, _EVENTS):
        cur.execute(table.delete_superseded(), params)
        deleted += [(row[0], row[1]) for row in cur.fetchall()]
    replace_places(cur, manifests)  # the replacing manifests' places replace the article's
    return deleted


def _copy_new(cur: psycopg.Cursor[Any], table: _Table, rows: list[tuple[Any, ...]]) -> int:
    """COPY ``rows`` straight into ``table``; raises ``UniqueViolation`` if one exists."""
    if rows:
        with cur.copy(table.copy_into_table()) as copy:
            for row in rows:
                copy.write_row(row)
    return len(rows)


def _upsert(cur: psycopg.Cursor[Any], table: _Table, rows: list[tuple[Any, ...]]) -> int:
    """Upsert ``rows`` (ids unique: the batch is deduplicated) through the staging table: COPY
    into it, then one ``INSERT … SELECT … ON CONFLICT`` that changes only what differs; returns
    the rows inserted or changed."""
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
        *_source_columns(c.extracted_from),
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
        *_source_columns(e.extracted_from),
        e.model_dump_json(),
    )


def _source_columns(source: ExtractionSource | None) -> tuple[int | None, int | None]:
    return (source.timestamp_ms, source.offset) if source is not None else (None, None)
