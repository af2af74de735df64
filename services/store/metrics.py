"""Prometheus metrics of the store, in a registry of their own.

Built on :class:`shared.metrics.ConsumerMetrics` (a registry of its own, the consumed, lag
and dead-letter metrics every consumer has). :func:`~services.store.app.run` serves it on
``NEWSFLOW_STORE_METRICS_PORT`` or ``NEWSFLOW_METRICS_PORT`` when one is set;
:attr:`StoreMetrics.registry` is there to inspect.
Labels are bounded (tables, topics, partitions, fixed kinds); never record ids.

    newsflow_store_messages_consumed_total{topic}  records polled from Kafka (a replayed
                                  record counts again)
    newsflow_store_records_stored_total{table}  records whose batch was committed to Postgres
                                  (after in-batch dedup; a replayed record counts again)
    newsflow_store_rows_changed_total{table}  rows inserted or changed (replays of unchanged
                                  records: 0)
    newsflow_store_superseded_records_total{outcome}  claims and events of an earlier
                                  extraction: deleted (a newer manifest replaced them),
                                  skipped (arrived after it), retracted
    newsflow_deadletters_total{stage}  records sent to the dead-letter topic (stage="store";
                                  the extractor counts stage="extract" under the same name)
    newsflow_store_errors_total{kind}  decode (record is not its topic's model),
                                  batch_rejected (Postgres refused a batch; written record by
                                  record), database_rejected (a record Postgres refused),
                                  commit_failed (offset commit to retry), commit_dropped
                                  (group rebalanced)
    newsflow_store_batches_total  batches fully processed (stored, dead-lettered)
    newsflow_store_retries_total  failed attempts that were retried (database or broker down)
    newsflow_store_batch_duration_seconds  poll-to-commit time of one batch, retries included
    newsflow_store_upsert_duration_seconds  one upsert transaction in Postgres (failed ones
                                  included)
    newsflow_store_consumer_lag_records{topic,partition}  highwater − position per assigned
                                  partition, after each batch (``end_offsets()`` is wrong on
                                  Tansu)
    process_*                     CPU, memory, open files of the store process

Names follow Prometheus conventions (one ``newsflow_`` prefix, the unit in the name,
``_total`` counters). Error, dead-letter and per-table counters have a series at 0 for every
known label from start-up, so ``rate(…)`` is 0 rather than "no data" before the first one.
"""

from __future__ import annotations

from collections.abc import Iterable

from kafka.consumer.fetcher import ConsumerRecord
from prometheus_client import CollectorRegistry

from shared.metrics import ConsumerMetrics

ERROR_KINDS = (
    "decode",
    "batch_rejected",
    "database_rejected",
    "commit_failed",
    "commit_dropped",
)
STORED_TABLES = ("articles", "claims", "events", "extractions")
CHANGED_TABLES = ("articles", "claims", "events")
SUPERSEDED_OUTCOMES = ("deleted", "skipped", "retracted")


class StoreMetrics(ConsumerMetrics):
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        super().__init__(
            "store",
            lag="Records behind the head of the partition: highwater - position.",
            stage="store",
            registry=registry,
        )
        self.records_stored = self.counter(
            "newsflow_store_records_stored",
            "Records committed to Postgres (after dedup within a batch), by table.",
            "table",
            known=STORED_TABLES,
        )
        self.superseded = self.counter(
            "newsflow_store_superseded_records",
            "Claims and events of an earlier extraction of their article: deleted or skipped.",
            "outcome",
            known=SUPERSEDED_OUTCOMES,
        )
        self.rows_changed = self.counter(
            "newsflow_store_rows_changed",
            "Rows inserted or changed; replays of unchanged records do not count.",
            "table",
            known=CHANGED_TABLES,
        )
        self.batches = self.counter("newsflow_store_batches", "Batches stored and dead-lettered.")
        self.retries = self.counter(
            "newsflow_store_retries",
            "Failed attempts at storing a batch that were retried (database or broker down).",
        )
        self.batch_seconds = self.histogram(
            "newsflow_store_batch_duration_seconds",
            "Time from poll to offset commit of one batch, retries included.",
        )
        self.errors = self.counter(
            "newsflow_store_errors",
            "Errors by kind: decode, batch_rejected, database_rejected, commit_failed, "
            "commit_dropped.",
            "kind",
            known=ERROR_KINDS,
        )
        self.upsert_seconds = self.histogram(
            "newsflow_store_upsert_duration_seconds", "Time of one upsert transaction in Postgres."
        )

    def count_consumed(self, records: Iterable[ConsumerRecord]) -> None:
        for record in records:
            self.consumed.labels(topic=record.topic).inc()
