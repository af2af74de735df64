"""Prometheus metrics of the extract worker, in a registry of their own.

Served over HTTP (:func:`shared.metrics.start_metrics_server`) when
``NEWSFLOW_EXTRACT_METRICS_PORT`` or ``NEWSFLOW_METRICS_PORT`` is set (see
:class:`~services.extract.settings.ExtractSettings`).
Labels are bounded: topics, partitions, fixed outcome and error kinds; never article ids.

    newsflow_extract_messages_consumed_total{topic}  records taken from the input topic
    newsflow_extract_messages_produced_total{topic}  records the broker acknowledged (claims,
                                  events, dead letters); a batch published again after a
                                  broker failure counts once
    newsflow_extract_articles_total{outcome}  input records by outcome: extracted, failed
                                  (extraction raised; dead-lettered), undecodable (not a
                                  RawArticle; dead-lettered)
    newsflow_extract_claims_total, newsflow_extract_events_total  claims and events published
    newsflow_extract_errors_total{kind}  decode, extract (one article dead-lettered), timeout
                                  (of those, the ones over their time budget), nlp_restart
                                  (the NLP process was replaced after a timeout or a crash),
                                  publish (a publish attempt failed, retried)
    newsflow_deadletters_total{stage="extract"}  records sent to the dead-letter topic (the
                                  store counts stage="store" under the same name)
    newsflow_extract_batch_duration_seconds  one batch: decode, NLP and the broker's acks
    newsflow_extract_article_nlp_duration_seconds  NLP time per article (a batch's NLP time
                                  divided by its articles, observed once per article)
    newsflow_extract_batch_size_articles  records per batch
    newsflow_extract_consumer_lag_records{topic,partition}  highwater − committed offset of the
                                  group, per assigned partition (refreshed every few seconds)
    process_*                     CPU, memory, open files of the worker process

Names follow Prometheus conventions (one ``newsflow_`` prefix, the unit in the name,
``_total`` counters). Outcome and error counters have a series at 0 for every kind from
start-up, so ``rate(…)`` is 0 rather than "no data" before the first error.
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

ARTICLE_OUTCOMES = ("extracted", "failed", "undecodable")
ERROR_KINDS = ("decode", "extract", "timeout", "nlp_restart", "publish")

_SECONDS_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 120.0)


class ExtractMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        r = self.registry
        self.consumed = Counter(
            "newsflow_extract_messages_consumed",
            "Records taken from Kafka, by topic.",
            ["topic"],
            registry=r,
        )
        self.produced = Counter(
            "newsflow_extract_messages_produced",
            "Records acknowledged by the broker, by topic.",
            ["topic"],
            registry=r,
        )
        self.articles = Counter(
            "newsflow_extract_articles",
            "Input records by outcome: extracted, failed, undecodable.",
            ["outcome"],
            registry=r,
        )
        self.claims = Counter("newsflow_extract_claims", "Claims published.", registry=r)
        self.events = Counter("newsflow_extract_events", "Events published.", registry=r)
        self.errors = Counter(
            "newsflow_extract_errors",
            "Errors by kind: decode, extract, timeout, nlp_restart, publish.",
            ["kind"],
            registry=r,
        )
        self.deadletters = Counter(
            "newsflow_deadletters",
            "Records sent to the dead-letter topic, by stage.",
            ["stage"],
            registry=r,
        )
        self.batch_seconds = Histogram(
            "newsflow_extract_batch_duration_seconds",
            "Time to process one batch: decode, NLP, publish and wait for the broker's acks.",
            buckets=_SECONDS_BUCKETS,
            registry=r,
        )
        self.article_seconds = Histogram(
            "newsflow_extract_article_nlp_duration_seconds",
            "NLP time per article (batch NLP time / articles in the batch).",
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0),
            registry=r,
        )
        self.batch_articles = Histogram(
            "newsflow_extract_batch_size_articles",
            "Records per batch.",
            buckets=(1, 2, 4, 8, 16, 32, 64, 128),
            registry=r,
        )
        self.consumer_lag = Gauge(
            "newsflow_extract_consumer_lag_records",
            "Records not yet committed by the extract group: highwater - committed offset.",
            ["topic", "partition"],
            registry=r,
        )
        ProcessCollector(registry=r)
        for outcome in ARTICLE_OUTCOMES:
            self.articles.labels(outcome=outcome)
        for kind in ERROR_KINDS:
            self.errors.labels(kind=kind)
        self.deadletters.labels(stage="extract")

    def set_lag(self, lags: Mapping[tuple[str, int], int]) -> None:
        """Replace the lag gauges with ``lags`` (partitions no longer assigned disappear); an
        assigned topic's consumed counter gets its series (at 0 until its first record)."""
        set_partition_gauges(self.consumer_lag, lags)
        for topic in {topic for topic, _ in lags}:
            self.consumed.labels(topic=topic)

    def value(self, name: str, **labels: str) -> float:
        """One sample's current value (0.0 if never set), e.g. ``value("extract_claims_total")``."""
        sample = self.registry.get_sample_value(name, labels)
        return sample if sample is not None else 0.0

    def exposition(self) -> bytes:
        """The registry in the Prometheus text format."""
        return generate_latest(self.registry)
