"""Prometheus metrics of the store, in a registry of their own.

Each store gets its own :class:`CollectorRegistry` (as the ingest API does), so several stores
in one process (tests, the embedded stack) never clash over the process-wide default registry.
:func:`~services.store.app.run` serves it on ``NEWSFLOW_STORE_METRICS_PORT`` or
``NEWSFLOW_METRICS_PORT`` when one is set; :attr:`StoreMetrics.registry` is there to inspect.
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

from collections.abc import Iterable, Mapping

from kafka.consumer.fetcher import ConsumerRecord
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    generate_latest,
)

from shared.metrics import set_partition_gauges

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

_SECONDS_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 120.0)


class StoreMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        self.records_stored = Counter(
            "newsflow_store_records_stored",
            "Records committed to Postgres (after dedup within a batch), by table.",
            ["table"],
            registry=self.registry,
        )
        self.superseded = Counter(
            "newsflow_store_superseded_records",
            "Claims and events of an earlier extraction of their article: deleted or skipped.",
            ["outcome"],
            registry=self.registry,
        )
        self.rows_changed = Counter(
            "newsflow_store_rows_changed",
            "Rows inserted or changed; replays of unchanged records do not count.",
            ["table"],
            registry=self.registry,
        )
        self.deadletters = Counter(
            "newsflow_deadletters",
            "Records sent to the dead-letter topic, by stage.",
            ["stage"],
            registry=self.registry,
        )
        self.batches = Counter(
            "newsflow_store_batches", "Batches stored and dead-lettered.", registry=self.registry
        )
        self.retries = Counter(
            "newsflow_store_retries",
            "Failed attempts at storing a batch that were retried (database or broker down).",
            registry=self.registry,
        )
        self.batch_seconds = Histogram(
            "newsflow_store_batch_duration_seconds",
            "Time from poll to offset commit of one batch, retries included.",
            buckets=_SECONDS_BUCKETS,
            registry=self.registry,
        )
        self.consumed = Counter(
            "newsflow_store_messages_consumed",
            "Records polled from Kafka, by topic.",
            ["topic"],
            registry=self.registry,
        )
        self.errors = Counter(
            "newsflow_store_errors",
            "Errors by kind: decode, batch_rejected, database_rejected, commit_failed, "
            "commit_dropped.",
            ["kind"],
            registry=self.registry,
        )
        self.upsert_seconds = Histogram(
            "newsflow_store_upsert_duration_seconds",
            "Time of one upsert transaction in Postgres.",
            buckets=_SECONDS_BUCKETS,
            registry=self.registry,
        )
        self.consumer_lag = Gauge(
            "newsflow_store_consumer_lag_records",
            "Records behind the head of the partition: highwater - position.",
            ["topic", "partition"],
            registry=self.registry,
        )
        ProcessCollector(registry=self.registry)
        for kind in ERROR_KINDS:
            self.errors.labels(kind=kind)
        for table in STORED_TABLES:
            self.records_stored.labels(table=table)
        for table in CHANGED_TABLES:
            self.rows_changed.labels(table=table)
        for outcome in SUPERSEDED_OUTCOMES:
            self.superseded.labels(outcome=outcome)
        self.deadletters.labels(stage="store")

    def count_consumed(self, records: Iterable[ConsumerRecord]) -> None:
        for record in records:
            self.consumed.labels(topic=record.topic).inc()

    def set_lag(self, lags: Mapping[tuple[str, int], int]) -> None:
        """Replace the lag gauges with ``lags`` (partitions no longer assigned disappear); an
        assigned topic's consumed counter gets its series (at 0 until its first record)."""
        set_partition_gauges(self.consumer_lag, lags)
        for topic in {topic for topic, _ in lags}:
            self.consumed.labels(topic=topic)

    def value(self, name: str, **labels: str) -> float:
        """One sample's current value (0.0 if never set), e.g. ``value("batches_total")``."""
        sample = self.registry.get_sample_value(name, labels)
        return sample if sample is not None else 0.0

    def exposition(self) -> bytes:
        """The registry in the Prometheus text format."""
        return generate_latest(self.registry)
