"""Prometheus metrics of the extract worker, in a registry of their own.

Served over HTTP (:func:`shared.metrics.start_metrics_server`) when
``NEWSFLOW_EXTRACT_METRICS_PORT`` or ``NEWSFLOW_METRICS_PORT`` is set (see
:class:`~services.extract.settings.ExtractSettings`).
Labels are bounded: topics, partitions, fixed outcome and error kinds; never article ids.

    extract_messages_consumed_total{topic}   records taken from the input topic
    extract_messages_produced_total{topic}   records the broker acknowledged (claims, events,
                                             dead letters); a batch published again after a
                                             broker failure counts once
    extract_articles_total{outcome}          input records by outcome: extracted, failed
                                             (extraction raised; dead-lettered), undecodable
                                             (not a RawArticle; dead-lettered)
    extract_claims_total, extract_events_total   claims and events published
    extract_errors_total{kind}               decode, extract (one article dead-lettered), timeout
                                             (of those, the ones over their time budget),
                                             nlp_restart (the NLP process was replaced after a
                                             timeout or a crash), publish (a publish attempt
                                             failed, retried)
    deadletters_total{stage="extract"}       records sent to the dead-letter topic (the store
                                             counts stage="store" under the same name)
    extract_batch_seconds                    one batch: decode, NLP and the broker's acks
    extract_article_seconds                  NLP time per article (a batch's NLP time divided
                                             by its articles, observed once per article)
    extract_batch_articles                   records per batch
    extract_consumer_lag{topic,partition}    highwater − committed offset of the group, per
                                             assigned partition (refreshed every few seconds)
    process_*                                CPU, memory, open files of the worker process
"""

from __future__ import annotations

from collections.abc import Mapping

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    generate_latest,
)

from shared.metrics import set_partition_gauges

_SECONDS_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 120.0)


class ExtractMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        r = self.registry
        self.consumed = Counter(
            "extract_messages_consumed",
            "Records taken from Kafka, by topic.",
            ["topic"],
            registry=r,
        )
        self.produced = Counter(
            "extract_messages_produced",
            "Records acknowledged by the broker, by topic.",
            ["topic"],
            registry=r,
        )
        self.articles = Counter(
            "extract_articles",
            "Input records by outcome: extracted, failed, undecodable.",
            ["outcome"],
            registry=r,
        )
        self.claims = Counter("extract_claims", "Claims published.", registry=r)
        self.events = Counter("extract_events", "Events published.", registry=r)
        self.errors = Counter(
            "extract_errors",
            "Errors by kind: decode, extract, timeout, nlp_restart, publish.",
            ["kind"],
            registry=r,
        )
        self.deadletters = Counter(
            "deadletters",
            "Records sent to the dead-letter topic, by stage.",
            ["stage"],
            registry=r,
        )
        self.batch_seconds = Histogram(
            "extract_batch_seconds",
            "Time to process one batch: decode, NLP, publish and wait for the broker's acks.",
            buckets=_SECONDS_BUCKETS,
            registry=r,
        )
        self.article_seconds = Histogram(
            "extract_article_seconds",
            "NLP time per article (batch NLP time / articles in the batch).",
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0),
            registry=r,
        )
        self.batch_articles = Histogram(
            "extract_batch_articles",
            "Records per batch.",
            buckets=(1, 2, 4, 8, 16, 32, 64, 128),
            registry=r,
        )
        self.consumer_lag = Gauge(
            "extract_consumer_lag",
            "Records not yet committed by the extract group: highwater - committed offset.",
            ["topic", "partition"],
            registry=r,
        )
        ProcessCollector(registry=r)

    def set_lag(self, lags: Mapping[tuple[str, int], int]) -> None:
        """Replace the lag gauges with ``lags`` (partitions no longer assigned disappear)."""
        set_partition_gauges(self.consumer_lag, lags)

    def value(self, name: str, **labels: str) -> float:
        """One sample's current value (0.0 if never set), e.g. ``value("extract_claims_total")``."""
        sample = self.registry.get_sample_value(name, labels)
        return sample if sample is not None else 0.0

    def exposition(self) -> bytes:
        """The registry in the Prometheus text format."""
        return generate_latest(self.registry)
