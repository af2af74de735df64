"""Reads and writes the store's tables — articles, claims, events, extractions — for
:func:`services.store.batch_transaction.store_batch`, which decides the order; nothing here
decides what is written.

Every row is keyed by its deterministic id and carries the whole message as ``payload``. An upsert
changes a row only when the payload differs (``WHERE … IS DISTINCT FROM EXCLUDED.payload``): a
replayed record touches nothing, not even ``updated_at``, and never adds a row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, LiteralString

import psycopg
from psycopg import pq, sql

from services.store.adapters.places import replace_places
from services.store.domain.batching import StorableRecord, TableBatch, group_by_table
from services.store.domain.extractions import Current
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
    """An autocommit connection for :func:`in_transaction` (which opens its own transactions).

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
class PreparedBatch:
    """A batch grouped by table (:func:`group_by_table`, once) with its rows already built.

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


class RowsExist(Exception):
    """A write with ``only_new`` met a row that exists already; the transaction was rolled
    back (write again without ``only_new``)."""


@contextmanager
def in_transaction(conn: psycopg.Connection[Any]) -> Iterator[psycopg.Cursor[Any]]:
    """A cursor in one transaction, COMMITted when the block ends, rolled back when it raises.

    ``conn`` must not be inside a transaction (an autocommit connection). The database's
    errors come out as the store's: :class:`RetriableError` (connection lost, admin shutdown,
    serialization failure, deadlock), :class:`PoisonMessageError` (Postgres refused a value,
    ``DataError``), :class:`RowsExist` (a row written with ``only_new`` exists).
    """
    if conn.info.transaction_status != pq.TransactionStatus.IDLE:
        raise ValueError("a batch transaction needs a connection outside any transaction")
    try:
        with conn.transaction(), conn.cursor() as cur:
            yield cur
    except psycopg.errors.UniqueViolation as exc:
        raise RowsExist(str(exc)) from exc
    except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
        # OperationalError includes serialization failures and deadlocks (TransactionRollback).
        raise RetriableError(f"store: database unavailable: {exc}") from exc
    except psycopg.DataError as exc:
        raise PoisonMessageError(f"store: Postgres rejected a value: {exc}") from exc


def write_articles(cur: psycopg.Cursor[Any], prepared: PreparedBatch, *, only_new: bool) -> int:
    """Write the batch's articles; return the rows inserted or changed. ``only_new``: COPY
    straight into the table, as fast as a raw COPY (a row that exists raises
    :class:`RowsExist` once the transaction ends); otherwise upsert, changing only what
    differs."""
    return _write(cur, _ARTICLES, list(prepared.article_rows.values()), only_new=only_new)


def write_claims(
    cur: psycopg.Cursor[Any], prepared: PreparedBatch, claims: Iterable[Claim], *, only_new: bool
) -> int:
    """Write these claims of the batch, as :func:`write_articles` does; an upsert never replaces
    a row by a record of an older extraction."""
    rows = [prepared.claim_rows[c.claim_id] for c in claims]
    return _write(cur, _CLAIMS, rows, only_new=only_new)


def write_events(
    cur: psycopg.Cursor[Any], prepared: PreparedBatch, events: Iterable[Event], *, only_new: bool
) -> int:
    """Write these events of the batch, as :func:`write_claims` does."""
    rows = [prepared.event_rows[e.event_id] for e in events]
    return _write(cur, _EVENTS, rows, only_new=only_new)


def current_extractions(cur: psycopg.Cursor[Any], article_ids: Sequence[str]) -> dict[str, Current]:
    """The stored current extraction of each of these articles that has one."""
    if not article_ids:
        return {}
    cur.execute(
        "SELECT article_id, source_ts_ms, source_offset, claim_ids || event_ids FROM extractions"
        " WHERE article_id = ANY(%s)",
        (list(article_ids),),
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


def replace_extractions(
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


def _write(
    cur: psycopg.Cursor[Any], table: _Table, rows: list[tuple[Any, ...]], *, only_new: bool
) -> int:
    return _copy_new(cur, table, rows) if only_new else _upsert(cur, table, rows)


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
    # The place columns are what queries by place and country read: the event's location, else
    # the article's place it is set in (``Event.setting``); the payload keeps them apart.
    location = e.location or e.setting
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
