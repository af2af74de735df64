"""Prometheus metrics of the extract worker, in a registry of their own
(:class:`shared.metrics.ConsumerMetrics`: with the consumed, lag and dead-letter metrics every
consumer has).

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

from prometheus_client import CollectorRegistry

from shared.metrics import ConsumerMetrics

ARTICLE_OUTCOMES = ("extracted", "failed", "undecodable")
ERROR_KINDS = ("decode", "extract", "timeout", "nlp_restart", "publish")


class ExtractMetrics(ConsumerMetrics):
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        super().__init__(
            "extract",
            lag="Records not yet committed by the extract group: highwater - committed offset.",
            stage="extract",
            registry=registry,
        )
        self.produced = self.counter(
            "newsflow_extract_messages_produced",
            "Records acknowledged by the broker, by topic.",
            "topic",
        )
        self.articles = self.counter(
            "newsflow_extract_articles",
            "Input records by outcome: extracted, failed, undecodable.",
            "outcome",
            known=ARTICLE_OUTCOMES,
        )
        self.claims = self.counter("newsflow_extract_claims", "Claims published.")
        self.events = self.counter("newsflow_extract_events", "Events published.")
        self.errors = self.counter(
            "newsflow_extract_errors",
            "Errors by kind: decode, extract, timeout, nlp_restart, publish.",
            "kind",
            known=ERROR_KINDS,
        )
        self.batch_seconds = self.histogram(
            "newsflow_extract_batch_duration_seconds",
            "Time to process one batch: decode, NLP, publish and wait for the broker's acks.",
        )
        self.article_seconds = self.histogram(
            "newsflow_extract_article_nlp_duration_seconds",
            "NLP time per article (batch NLP time / articles in the batch).",
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0),
        )
        self.batch_articles = self.histogram(
            "newsflow_extract_batch_size_articles",
            "Records per batch.",
            buckets=(1, 2, 4, 8, 16, 32, 64, 128),
        )
