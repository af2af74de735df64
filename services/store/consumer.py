"""The store's consumer loop: Kafka ``articles.raw``, ``claims.extracted``, ``events.extracted``,
``articles.extracted`` → Postgres. Wired by :mod:`services.store.app`.

Delivery semantics (at-least-once from Kafka, effectively-once in Postgres)
--------------------------------------------------------------------------
One loop iteration handles one batch (at most ``store_batch_max`` records from one poll):

1. decode every record into its model by topic; a record that does not decode
   (``PoisonMessageError``: invalid JSON, unknown ``schema_version``, wrong types) is set aside;
2. store all good records in ONE Postgres transaction and COMMIT it
   (:func:`services.store.batch_transaction.store_batch`, whose docstring numbers its steps);
3. publish the set-aside records to the dead-letter topic as :class:`DeadLetter` (stage
   ``store``, source topic/partition/offset/key, original bytes) and wait for the broker's ack;
   then publish the retractions step 2 queued in the outbox, in the same transaction as the
   deletions they announce (``adapters/retractions.py``; the store skips its own retractions
   when it reads them back);
4. only then commit to Kafka, for each partition of the batch, the last offset processed + 1.

* **Offsets commit** only after the Postgres COMMIT and the dead-letter acks (step 4).
  ``enable_auto_commit`` is off and ``close()`` is told not to commit.
* **A crash** anywhere before step 4 leaves the offsets where they were: the whole batch is read
  again after restart (or by another member of the group) and written again.
* **A replay cannot duplicate rows**: every row's primary key is the record's deterministic id
  (``article_id``, ``claim_id``, ``event_id``), writes are ``INSERT … ON CONFLICT (id) DO UPDATE
  … WHERE payload IS DISTINCT FROM EXCLUDED.payload``, so a replayed record matches its row and
  changes nothing (not even ``updated_at``). Re-extractions are settled by the article's newest
  ``ExtractionManifest`` (services/store/domain/extractions.py): records it does not list are
  deleted or skipped, in the same transaction, whatever order the topics arrive in. A dead
  letter may be published twice after a crash between steps 3 and 4; dead-letter readers must
  tolerate duplicates.
* **A bad record** never blocks its partition: it goes to the dead-letter topic and its offset
  is committed with the rest of the batch. A record Postgres itself rejects (``DataError``, e.g.
  a NUL character) fails the batch transaction; the batch is then written record by record,
  each in its own transaction, and only the rejected ones are dead-lettered.
* **A database outage** (``RetriableError`` from the writer: connection lost, admin shutdown,
  serialization failure…) commits no offset. The store keeps the batch in hand, waits with
  capped exponential back-off, reconnects and retries the SAME batch; it holds at most one more
  (polled, decoded, unwritten) batch meanwhile and commits nothing of either until they are
  stored in order, so no record is lost or skipped.
* **Pipelining**: a writer thread stores batch N while the consumer thread polls and decodes
  batch N+1 and builds its rows; offsets are committed in poll order, each after its batch's
  COMMIT (the commit of batch N's offsets overlaps with the write of batch N+1).
* A broker outage while publishing dead letters is retried like a database outage.
* **A rebalance** needs no special handling: work whose offsets were not committed is replayed by
  whichever member gets the partition, and the upserts make that harmless. A commit that fails
  because the group moved on (``CommitFailedError``, e.g. after an outage longer than
  ``max_poll_interval_ms``) is dropped for the same reason. A commit that fails for another
  reason (broker timeout) is retried on the next iteration for the partitions still assigned.
* **Stop** (``stop`` set): the loop finishes or abandons the batch in hand without committing
  it, and closes the consumer without committing.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import psycopg
from kafka import KafkaConsumer, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import (
    CommitFailedError,
    IllegalGenerationError,
    KafkaError,
    RebalanceInProgressError,
    UnknownMemberIdError,
)
from kafka.structs import OffsetAndMetadata
from pydantic import BaseModel

from services.store.adapters.deadletters import DeadLetterPublisher
from services.store.adapters.pg_writer import PreparedBatch, open_connection, prepare_batch
from services.store.adapters.retractions import RetractionPublisher
from services.store.batch_transaction import UpsertCounts, store_batch
from services.store.domain.batching import (
    SourcePosition,
    StorableRecord,
    TableBatch,
    offsets_to_commit,
)
from services.store.metrics import StoreMetrics
from services.store.settings import StoreSettings
from shared.backoff import backoff_delay
from shared.cloudevents import is_retraction
from shared.codec import decode
from shared.deadletters import dead_letter_for
from shared.errors import PoisonMessageError, RetriableError
from shared.models import Claim, DeadLetter, Event, ExtractionManifest, RawArticle

log = logging.getLogger(__name__)

_GROUP_MOVED_ON = (
    CommitFailedError,
    RebalanceInProgressError,
    IllegalGenerationError,
    UnknownMemberIdError,
)


_COMMIT_TIMEOUT_MS = 10_000


@dataclass
class _Record:
    position: SourcePosition
    key: bytes | None
    value: bytes | None
    model: StorableRecord | None = None


@dataclass
class _Batch:
    """One poll's records and how far their processing got (so a retry redoes nothing)."""

    records: list[_Record]
    rejected: list[DeadLetter]
    # The good records grouped and their rows built, by the consumer thread while the writer
    # stores the previous batch (pg_writer.prepare_batch).
    prepared: PreparedBatch
    stored: bool = False
    dead_lettered: bool = False


class StoreConsumer:
    def __init__(
        self,
        *,
        settings: StoreSettings,
        stop: threading.Event,
        consumer: KafkaConsumer,
        models: dict[str, type[BaseModel]],
        deadletters: DeadLetterPublisher,
        retractions: RetractionPublisher,
        metrics: StoreMetrics,
    ) -> None:
        self._settings = settings
        self._stop = stop
        self._consumer = consumer
        self._models = models
        self._deadletters = deadletters
        self._retractions = retractions
        self._metrics = metrics
        self._conn: psycopg.Connection[Any] | None = None
        self._uncommitted: dict[tuple[str, int], int] = {}
        self._records_done = 0
        self._batches_done = 0
        self._last_report = time.monotonic()

    # -- the loop -------------------------------------------------------------------------

    def loop(self) -> None:
        """Poll and decode the next batch while the previous one is written (one writer thread,
        at most one batch in flight, so memory stays bounded); commit a batch's offsets only
        after its write finished, in poll order."""
        in_flight: tuple[_Batch, float, Future[bool]] | None = None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer") as writer:
            try:
                while not self._stop.is_set():
                    polled = self._consumer.poll(
                        timeout_ms=10 if in_flight else self._settings.store_poll_timeout_ms,
                        max_records=self._settings.store_batch_max,
                    )
                    started = time.monotonic()
                    records = [r for rs in polled.values() for r in rs]
                    if not records and in_flight is not None and not in_flight[2].done():
                        continue  # keep fetching while the writer works
                    self._metrics.count_consumed(records)
                    batch = self._decode(records) if records else None
                    if in_flight is not None:
                        if not self._finish(in_flight):
                            return  # stopped with a batch in hand: nothing of it is committed
                        in_flight = None
                    if batch is not None:
                        # The writer starts at once; the broker round trip of the commit below
                        # (the previous batch's offsets) overlaps with it.
                        write = functools.partial(self._store_and_dead_letter, batch)
                        in_flight = (batch, started, writer.submit(self._retry, write))
                    if self._uncommitted:
                        self._commit()
                    self._metrics.set_lag(self._partition_lags())
                    self._maybe_report_progress()
            finally:
                if in_flight is not None and self._finish(in_flight) and self._uncommitted:
                    self._commit()

    def _finish(self, in_flight: tuple[_Batch, float, Future[bool]]) -> bool:
        """Wait for a batch's write; on success, queue its offsets for the next commit."""
        batch, started, done = in_flight
        if not done.result():
            return False
        self._uncommitted = _merge_max(
            self._uncommitted, offsets_to_commit(r.position for r in batch.records)
        )
        self._batches_done += 1
        self._records_done += len(batch.records)
        self._metrics.batches.inc()
        self._metrics.batch_seconds.observe(time.monotonic() - started)
        return True

    def _decode(self, records: list[ConsumerRecord]) -> _Batch:
        items: list[_Record] = []
        rejected: list[DeadLetter] = []
        for r in records:
            item = _Record(SourcePosition(r.topic, r.partition, r.offset), r.key, r.value)
            if is_retraction(r.headers):  # the store's own, on the claims and events topics
                items.append(item)  # nothing to write; its offset commits with the batch
                continue
            try:
                decoded = decode(self._models[r.topic], r.value)
                assert isinstance(decoded, RawArticle | Claim | Event | ExtractionManifest)
                item.model = decoded
            except PoisonMessageError as exc:
                self._metrics.errors.labels(kind="decode").inc()
                log.warning(
                    "dead-lettering %s[%d]@%d: %s",
                    r.topic,
                    r.partition,
                    r.offset,
                    exc,
                    extra={"article_id": _article_id_of_key(r.key)},
                )
                rejected.append(self._dead_letter(item, exc))
            items.append(item)
        good = (r.model for r in items if r.model is not None)
        return _Batch(records=items, rejected=rejected, prepared=prepare_batch(good))

    def _store_and_dead_letter(self, batch: _Batch) -> None:
        """Steps 2 and 3 of the module docstring; each done at most once per batch."""
        if not batch.stored:
            self._store(batch)
            batch.stored = True
        if not batch.dead_lettered:
            self._deadletters.publish(batch.rejected)
            batch.dead_lettered = True
            self._metrics.deadletters.labels(stage="store").inc(len(batch.rejected))
        self.publish_retractions()

    def publish_retractions(self) -> None:
        """Step 3b: publish what the outbox holds (this batch's retractions and any left by a
        crash); rows go only once the broker acknowledged them, so repeating is safe."""
        published = self._retractions.drain(self._connection())
        self._metrics.superseded.labels(outcome="retracted").inc(published)

    def _store(self, batch: _Batch) -> None:
        try:
            counts = self._write(batch.prepared)
            stored = [batch.prepared.tables]
        except PoisonMessageError as exc:
            self._metrics.errors.labels(kind="batch_rejected").inc()
            log.warning("batch rejected by Postgres (%s); writing record by record", exc)
            counts, stored = self._store_one_by_one(batch)
        for tables in stored:
            for table, n in (
                ("articles", len(tables.articles)),
                ("claims", len(tables.claims)),
                ("events", len(tables.events)),
                ("extractions", len(tables.manifests)),
            ):
                self._metrics.records_stored.labels(table=table).inc(n)
        self._metrics.superseded.labels(outcome="skipped").inc(counts.skipped)
        self._metrics.superseded.labels(outcome="deleted").inc(counts.superseded)
        for table, n in (
            ("articles", counts.articles),
            ("claims", counts.claims),
            ("events", counts.events),
        ):
            self._metrics.rows_changed.labels(table=table).inc(n)

    def _store_one_by_one(self, batch: _Batch) -> tuple[UpsertCounts, list[TableBatch]]:
        """Each good record in a transaction of its own, after Postgres refused the batch; the
        refused ones are dead-lettered. Returns the counts and the records stored."""
        total = UpsertCounts()
        stored: list[TableBatch] = []
        for record in batch.records:
            if record.model is None:
                continue
            prepared = prepare_batch([record.model])
            try:
                total += self._write(prepared)
            except PoisonMessageError as exc:
                p = record.position
                self._metrics.errors.labels(kind="database_rejected").inc()
                log.warning(
                    "dead-lettering %s[%d]@%d: %s",
                    p.topic,
                    p.partition,
                    p.offset,
                    exc,
                    extra={"article_id": record.model.article_id},
                )
                batch.rejected.append(self._dead_letter(record, exc))
                record.model = None
                continue
            stored.append(prepared.tables)
        return total, stored

    def _write(self, prepared: PreparedBatch) -> UpsertCounts:
        try:
            with self._metrics.upsert_seconds.time():
                return store_batch(self._connection(), prepared)
        except RetriableError:
            self.close_database()  # reconnect on the next attempt
            raise

    def _commit(self) -> None:
        assigned = self._consumer.assignment()
        offsets = {
            TopicPartition(topic, partition): OffsetAndMetadata(offset, "", -1)
            for (topic, partition), offset in self._uncommitted.items()
            if TopicPartition(topic, partition) in assigned
        }
        try:
            self._consumer.commit(offsets, timeout_ms=_COMMIT_TIMEOUT_MS)
        except _GROUP_MOVED_ON as exc:
            self._metrics.errors.labels(kind="commit_dropped").inc()
            log.warning("offset commit dropped, the group rebalanced (replay is harmless): %s", exc)
        except KafkaError as exc:
            self._metrics.errors.labels(kind="commit_failed").inc()
            log.warning("offset commit failed, retrying with the next batch: %s", exc)
            return
        self._uncommitted.clear()

    # -- helpers ----------------------------------------------------------------------------

    def _retry(self, attempt: Callable[[], object]) -> bool:
        return retry_until_done(
            attempt, settings=self._settings, stop=self._stop, metrics=self._metrics, what="store"
        )

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed:
            self._conn = open_connection(
                database_url=self._settings.database_url.get_secret_value()
            )
        return self._conn

    def close_database(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _dead_letter(self, record: _Record, error: Exception) -> DeadLetter:
        return dead_letter_for(
            stage="store",
            error=error,
            topic=record.position.topic,
            partition=record.position.partition,
            offset=record.position.offset,
            key=record.key,
            payload=record.value,
            failed_at=datetime.now(UTC),
        )

    def _maybe_report_progress(self) -> None:
        now = time.monotonic()
        if now - self._last_report < self._settings.store_log_interval_s:
            return
        self._last_report = now
        log.info(
            "store: %d records in %d batches so far, lag %s",
            self._records_done,
            self._batches_done,
            self._lag(),
        )

    def _lag(self) -> int | None:
        """Records behind the head of the assigned partitions; None before the first fetch."""
        lags = self._partition_lags()
        return sum(lags.values()) if lags else None

    def _partition_lags(self) -> dict[tuple[str, int], int]:
        """Records behind the head per assigned partition, from the highwater marks of the last
        fetches (``end_offsets()`` is wrong on Tansu); partitions not fetched yet are left out."""
        lags: dict[tuple[str, int], int] = {}
        for tp in self._consumer.assignment():
            highwater = self._consumer.highwater(tp)
            if highwater is None:
                continue
            try:
                position = self._consumer.position(tp, timeout_ms=1000)
            except KafkaError:
                continue
            if position is not None:
                lags[(tp.topic, tp.partition)] = max(highwater - position, 0)
        return lags


def retry_until_done(
    attempt: Callable[[], object],
    *,
    settings: StoreSettings,
    stop: threading.Event,
    metrics: StoreMetrics,
    what: str,
) -> bool:
    """Call ``attempt()`` until it succeeds (True) or ``stop`` is set (False), backing off after
    each :class:`RetriableError`. Other errors propagate."""
    failures = 0
    while not stop.is_set():
        try:
            attempt()
            if failures:
                log.info("%s: recovered after %d failed attempts", what, failures)
            return True
        except RetriableError as exc:
            failures += 1
            metrics.retries.inc()
            delay = backoff_delay(
                failures,
                base_s=settings.store_backoff_initial_s,
                cap_s=settings.store_backoff_max_s,
                jitter=0.0,  # the store retries its own batch: no herd to spread out
            )
            log.warning("%s failed (attempt %d), retrying in %.1fs: %s", what, failures, delay, exc)
            stop.wait(delay)
    return False


def _article_id_of_key(key: bytes | None) -> str | None:
    """Every topic the store reads is keyed by ``article_id``."""
    return key.decode("utf-8", errors="replace") if key else None


def _merge_max(a: dict[tuple[str, int], int], b: dict[tuple[str, int], int]) -> dict[Any, int]:
    return {k: max(a.get(k, 0), b.get(k, 0)) for k in a.keys() | b.keys()}
