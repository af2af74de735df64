"""Prometheus metrics of the store, in a registry of their own.

Each store gets its own :class:`CollectorRegistry` (as the ingest API does), so several stores
in one process (tests, the embedded stack) never clash over the process-wide default registry.
Whoever serves ``/metrics`` exposes :attr:`StoreMetrics.registry`.

    records_stored_total{table}   records whose batch was committed to Postgres (after in-batch
                                  dedup; a replayed record counts again)
    rows_changed_total{table}     rows inserted or changed (replays of unchanged records: 0)
    deadletters_total{stage}      records sent to the dead-letter topic (stage="store")
    batches_total                 batches fully processed (stored, dead-lettered)
    store_retries_total           failed attempts that were retried (database or broker down)
    batch_seconds                 poll-to-commit time of one batch, retries included
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest


class StoreMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        self.records_stored = Counter(
            "records_stored",
            "Records committed to Postgres (after dedup within a batch), by table.",
            ["table"],
            registry=self.registry,
        )
        self.rows_changed = Counter(
            "rows_changed",
            "Rows inserted or changed; replays of unchanged records do not count.",
            ["table"],
            registry=self.registry,
        )
        self.deadletters = Counter(
            "deadletters",
            "Records sent to the dead-letter topic, by stage.",
            ["stage"],
            registry=self.registry,
        )
        self.batches = Counter(
            "batches", "Batches stored and dead-lettered.", registry=self.registry
        )
        self.retries = Counter(
            "store_retries",
            "Failed attempts at storing a batch that were retried (database or broker down).",
            registry=self.registry,
        )
        self.batch_seconds = Histogram(
            "batch_seconds",
            "Time from poll to offset commit of one batch, retries included.",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 120.0),
            registry=self.registry,
        )

    def value(self, name: str, **labels: str) -> float:
        """One sample's current value (0.0 if never set), e.g. ``value("batches_total")``."""
        sample = self.registry.get_sample_value(name, labels)
        return sample if sample is not None else 0.0

    def exposition(self) -> bytes:
        """The registry in the Prometheus text format."""
        return generate_latest(self.registry)
