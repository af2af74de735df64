"""Retractions through the running store and the real broker: a subscriber that reads the claims
and events topics from the beginning, adds what is extracted and removes what is retracted, ends
with exactly the ids in Postgres (issue 15)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import psycopg
import pytest
from kafka import KafkaConsumer

from services.store.settings import StoreSettings
from shared.codec import decode
from shared.models import Claim, Event, ExtractionManifest, ExtractionSource, Retraction
from shared.topics import ARTICLES_EXTRACTED, ARTICLES_RAW, CLAIMS_EXTRACTED, EVENTS_EXTRACTED

from .samples import make_article, make_claim, make_event
from .support import RunningStore, produce_models, wait_until

pytestmark = pytest.mark.integration

StartStore = Callable[[StoreSettings], RunningStore]


def _source(offset: int) -> ExtractionSource:
    return ExtractionSource(timestamp_ms=1_764_000_000_000 + offset, partition=0, offset=offset)


def _extraction(
    article_n: int, offset: int, claims: list[int], events: list[int]
) -> tuple[list[Claim], list[Event], ExtractionManifest]:
    article = make_article(article_n)
    stamp = {"extractor_version": f"v{offset}", "extracted_from": _source(offset)}
    cs = [make_claim(article, n).model_copy(update=stamp) for n in claims]
    es = [make_event(article, n).model_copy(update=stamp) for n in events]
    manifest = ExtractionManifest(
        article_id=article.article_id,
        extractor_version=f"v{offset}",
        extracted_from=_source(offset),
        extracted_at=datetime(2026, 12, 1, tzinfo=UTC),
        claim_ids=tuple(c.claim_id for c in cs),
        event_ids=tuple(e.event_id for e in es),
    )
    return cs, es, manifest


def _publish(
    settings: StoreSettings, claims: list[Claim], events: list[Event], m: ExtractionManifest
) -> None:
    produce_models(settings, CLAIMS_EXTRACTED, claims)
    produce_models(settings, EVENTS_EXTRACTED, events)
    produce_models(settings, ARTICLES_EXTRACTED, [m])


def _subscriber_view(settings: StoreSettings) -> tuple[set[str], list[dict[str, bytes]]]:
    """Add extracted ids, remove retracted ones, in each partition's order."""
    consumer = KafkaConsumer(
        settings.topic(CLAIMS_EXTRACTED),
        settings.topic(EVENTS_EXTRACTED),
        **settings.kafka_client_options(),
        group_id=None,
        auto_offset_reset="earliest",
        consumer_timeout_ms=3000,
    )
    held: set[str] = set()
    retraction_headers: list[dict[str, bytes]] = []
    try:
        for record in consumer:
            headers = dict(record.headers or [])
            ce_type = headers.get("ce_type", b"")
            if ce_type.endswith(b".retracted.v1"):
                held.discard(decode(Retraction, record.value).id)
                retraction_headers.append(headers)
            elif record.topic == settings.topic(CLAIMS_EXTRACTED):
                held.add(decode(Claim, record.value).claim_id)
            else:
                held.add(decode(Event, record.value).event_id)
    finally:
        consumer.close()
    return held, retraction_headers


def _stored_ids(settings: StoreSettings) -> set[str]:
    with psycopg.connect(settings.database_url.get_secret_value()) as conn:
        try:
            rows = conn.execute("SELECT claim_id FROM claims UNION ALL SELECT event_id FROM events")
        except psycopg.errors.UndefinedTable:  # not migrated yet
            return set()
        return {r[0] for r in rows}


def _retracted(store: RunningStore) -> float:
    value = store.metrics.registry.get_sample_value(
        "newsflow_store_superseded_records_total", {"outcome": "retracted"}
    )
    return value or 0.0


def test_subscriber_applying_retractions_holds_what_postgres_holds(
    store_settings: StoreSettings, start_store: StartStore
) -> None:
    produce_models(store_settings, ARTICLES_RAW, [make_article(n) for n in (1, 2)])
    first = [_extraction(1, 1, [0, 1], [0, 1]), _extraction(2, 3, [0], [0])]
    for extraction in first:
        _publish(store_settings, *extraction)
    store = start_store(store_settings)
    wait_until(
        lambda: len(_stored_ids(store_settings)) == 6, timeout_s=60, what="rows", store=store
    )

    # Article 1 extracted again: claim 1 and event 0 are gone, claim 2 is new. Article 2 is not.
    _publish(store_settings, *_extraction(1, 5, [0, 2], [1]))
    wait_until(lambda: _retracted(store) == 2, timeout_s=60, what="retractions", store=store)
    # A replay of article 1's first extraction arrives late: skipped, its withdrawn ids again
    # retracted (claim 0 and event 1 are current and stay).
    _publish(store_settings, *first[0])
    wait_until(lambda: _retracted(store) == 4, timeout_s=60, what="retractions", store=store)

    held, headers = _subscriber_view(store_settings)
    assert held == _stored_ids(store_settings)
    assert len(_stored_ids(store_settings)) == 5
    assert headers and all(h["ce_source"] == b"/newsflow/store" for h in headers)
    assert {h["ce_type"] for h in headers} == {
        b"newsflow.claim.retracted.v1",
        b"newsflow.event.retracted.v1",
    }
