"""Prometheus metrics of the ingest API, in a registry of their own.

Each app gets its own :class:`CollectorRegistry`, so several apps (tests, the embedded stack)
never clash over the process-wide default registry.

Every article object received ends in exactly one bucket::

    articles_received_total
        == articles_accepted_total + articles_deduplicated_total + sum(articles_rejected_total)

Requests refused before any article could be read (no or wrong API key, over the rate limit,
wrong content type, body too large, malformed JSON) are counted in
``requests_rejected_total{reason}``.

Write requests are also counted per API key, named by its fingerprint (never the key itself;
``none`` in dev mode): ``write_requests_total{api_key}`` for those admitted and
``requests_rate_limited_total{api_key}`` for those turned away with 429.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

__all__ = ["CONTENT_TYPE_LATEST", "IngestMetrics"]


class IngestMetrics:
    """The counters and histogram the ingest API updates."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        self.received = Counter(
            "articles_received", "Article objects received.", registry=self.registry
        )
        self.accepted = Counter(
            "articles_accepted",
            "Distinct articles acknowledged by the broker (answered 202).",
            registry=self.registry,
        )
        self.deduplicated = Counter(
            "articles_deduplicated",
            "Article objects collapsed into another with the same article_id in one request.",
            registry=self.registry,
        )
        self.rejected = Counter(
            "articles_rejected",
            "Article objects not accepted, by reason.",
            ["reason"],
            registry=self.registry,
        )
        self.requests_rejected = Counter(
            "requests_rejected",
            "Requests refused before their articles could be read, by reason.",
            ["reason"],
            registry=self.registry,
        )
        self.write_requests = Counter(
            "write_requests",
            "Write requests admitted (key valid, within the rate limit), by API key fingerprint.",
            ["api_key"],
            registry=self.registry,
        )
        self.rate_limited = Counter(
            "requests_rate_limited",
            "Write requests refused with 429, by API key fingerprint.",
            ["api_key"],
            registry=self.registry,
        )
        self.publish_seconds = Histogram(
            "publish_seconds",
            "Time from sending a request's articles to the broker until all acks (or failure).",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
            registry=self.registry,
        )
        self.publish_failures = Counter(
            "publish_failures", "publish calls that failed.", registry=self.registry
        )
        # Feed polling (counted apart from the HTTP articles above).
        self.feed_polls = Counter(
            "feed_polls",
            "Feed polls, by outcome: fetched, not_modified (304), failed.",
            ["outcome"],
            registry=self.registry,
        )
        self.feed_entries = Counter(
            "feed_entries",
            "Feed entries handled, by outcome: published (new article), revised (changed text "
            "published again), unchanged, rejected (invalid article), deferred (article page "
            "unavailable for now; looked at again next poll).",
            ["outcome"],
            registry=self.registry,
        )
        self.feed_near_duplicates = Counter(
            "feed_near_duplicates",
            "New feed articles flagged as near duplicates of a recent one.",
            registry=self.registry,
        )
        self.feed_page_fetches = Counter(
            "feed_page_fetches",
            "Article pages fetched for entries without full text, by outcome: ok, failed, "
            "refused, no_text, too_deep (not parsed).",
            ["outcome"],
            registry=self.registry,
        )

    def exposition(self) -> bytes:
        """The registry in the Prometheus text format."""
        return generate_latest(self.registry)
