"""Topic names and their default layout. Topics are always created explicitly (see
``shared.kafka.ensure_topics``): auto-creation gives the broker's default partition count."""

from __future__ import annotations

ARTICLES_RAW = "articles.raw"
CLAIMS_EXTRACTED = "claims.extracted"
EVENTS_EXTRACTED = "events.extracted"
ARTICLES_EXTRACTED = "articles.extracted"  # one ExtractionManifest per extracted article
DEADLETTER = "newsflow.deadletter"

ALL_TOPICS: tuple[str, ...] = (
    ARTICLES_RAW,
    CLAIMS_EXTRACTED,
    EVENTS_EXTRACTED,
    ARTICLES_EXTRACTED,
    DEADLETTER,
)
