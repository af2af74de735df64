"""Prometheus metrics of the ingest API, in a registry of their own.

Each app gets its own :class:`CollectorRegistry` (:class:`shared.metrics.ServiceMetrics`), so
several apps (tests, the embedded stack) never clash over the process-wide default registry.
Every name starts ``newsflow_ingest_``
(Prometheus naming: one prefix per application, the unit in the name, ``_total`` counters).

Every article object received ends in exactly one bucket::

    newsflow_ingest_articles_received_total
        == newsflow_ingest_articles_accepted_total
         + newsflow_ingest_articles_deduplicated_total
         + sum(newsflow_ingest_articles_rejected_total)

Requests refused before any article could be read (no or wrong API key, over the rate limit,
wrong content type, body too large, malformed JSON) are counted in
``newsflow_ingest_requests_rejected_total{reason}``.

Write requests are also counted per API key, named by its fingerprint (never the key itself;
``none`` in dev mode): ``newsflow_ingest_write_requests_total{api_key}`` for those admitted and
``newsflow_ingest_requests_rate_limited_total{api_key}`` for those turned away with 429.

The error counters have a series at 0 for every known reason from start-up, so a dashboard
panel or an alert on ``rate(…)`` sees 0 rather than "no data" before the first error.
``process_*`` are the CPU, memory and open files of the serving process.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from shared.metrics import ServiceMetrics

__all__ = ["CONTENT_TYPE_LATEST", "IngestMetrics"]

# Every reason the API counts (app.py, adapters/access.py, domain/batch.py): each gets a series
# at 0 from start-up.
REQUEST_REJECTION_REASONS = (
    "unauthorized",
    "rate_limited",
    "unsupported_media_type",
    "bad_content_length",
    "body_too_large",
    "client_disconnected",
    "malformed_json",
    "not_articles",
    "empty",
)
ARTICLE_REJECTION_REASONS = (
    "invalid",
    "unusable_body",
    "batch_rejected",
    "too_many_articles",
    "broker_unavailable",
    "too_large_for_broker",
)
FEED_POLL_OUTCOMES = ("fetched", "not_modified", "failed")
FEED_ENTRY_OUTCOMES = ("published", "revised", "unchanged", "rejected", "deferred")
FEED_PAGE_OUTCOMES = ("ok", "failed", "refused", "no_text", "too_deep")


class IngestMetrics(ServiceMetrics):
    """The counters and histogram the ingest API updates."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        super().__init__(registry)
        self.received = self.counter(
            "newsflow_ingest_articles_received", "Article objects received."
        )
        self.accepted = self.counter(
            "newsflow_ingest_articles_accepted",
            "Distinct articles acknowledged by the broker (answered 202).",
        )
        self.deduplicated = self.counter(
            "newsflow_ingest_articles_deduplicated",
            "Article objects collapsed into another with the same article_id in one request.",
        )
        self.rejected = self.counter(
            "newsflow_ingest_articles_rejected",
            "Article objects not accepted, by reason.",
            "reason",
            known=ARTICLE_REJECTION_REASONS,
        )
        self.requests_rejected = self.counter(
            "newsflow_ingest_requests_rejected",
            "Requests refused before their articles could be read, by reason.",
            "reason",
            known=REQUEST_REJECTION_REASONS,
        )
        self.write_requests = self.counter(
            "newsflow_ingest_write_requests",
            "Write requests admitted (key valid, within the rate limit), by API key fingerprint.",
            "api_key",
        )
        self.rate_limited = self.counter(
            "newsflow_ingest_requests_rate_limited",
            "Write requests refused with 429, by API key fingerprint.",
            "api_key",
        )
        self.publish_seconds = self.histogram(
            "newsflow_ingest_publish_duration_seconds",
            "Time from sending a request's articles to the broker until all acks (or failure).",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
        )
        self.publish_failures = self.counter(
            "newsflow_ingest_publish_failures", "publish calls that failed."
        )
        # Feed polling (counted apart from the HTTP articles above).
        self.feed_polls = self.counter(
            "newsflow_ingest_feed_polls",
            "Feed polls, by outcome: fetched, not_modified (304), failed.",
            "outcome",
            known=FEED_POLL_OUTCOMES,
        )
        self.feed_entries = self.counter(
            "newsflow_ingest_feed_entries",
            "Feed entries handled, by outcome: published (new article), revised (changed text "
            "published again), unchanged, rejected (invalid article), deferred (article page "
            "unavailable for now; looked at again next poll).",
            "outcome",
            known=FEED_ENTRY_OUTCOMES,
        )
        self.feed_near_duplicates = self.counter(
            "newsflow_ingest_feed_near_duplicates",
            "New feed articles flagged as near duplicates of a recent one.",
        )
        self.feed_page_fetches = self.counter(
            "newsflow_ingest_feed_page_fetches",
            "Article pages fetched for entries without full text, by outcome: ok, failed, "
            "refused, no_text, too_deep (not parsed).",
            "outcome",
            known=FEED_PAGE_OUTCOMES,
        )
