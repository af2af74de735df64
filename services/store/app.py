"""The store service: applies the migrations, creates its topics, wires the Kafka consumer, the
producer and the metrics, and runs the consumer loop (:mod:`services.store.consumer`, where
its delivery semantics are written down) until stopped. One batch's transaction is
:func:`services.store.batch_transaction.store_batch`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from kafka import ConsumerRebalanceListener, KafkaConsumer
from pydantic import BaseModel

from services.store.adapters.deadletters import DeadLetterPublisher
from services.store.adapters.migrations import migrate
from services.store.adapters.retractions import RetractionPublisher
from services.store.consumer import StoreConsumer, retry_until_done
from services.store.metrics import StoreMetrics
from services.store.settings import StoreSettings
from shared.kafka import ensure_topics, make_producer
from shared.metrics import start_metrics_server
from shared.models import Claim, Event, ExtractionManifest, RawArticle
from shared.readiness import mark_ready
from shared.topics import (
    ARTICLES_EXTRACTED,
    ARTICLES_RAW,
    CLAIMS_EXTRACTED,
    DEADLETTER,
    EVENTS_EXTRACTED,
)

log = logging.getLogger(__name__)


def run(
    settings: StoreSettings, *, stop: threading.Event, metrics: StoreMetrics | None = None
) -> None:
    """Run the store until ``stop`` is set. Blocking; call it in a thread or as the process.

    First applies the migrations and creates the topics it reads and writes if they are missing
    (explicitly: auto-creation would give the broker's default partition count), retrying both
    while the database or the broker is unreachable. Pass ``metrics`` to expose or inspect them
    (``metrics.registry``); by default the store keeps a registry of its own.
    """
    metrics = metrics if metrics is not None else StoreMetrics()
    stop_metrics_server = _serve_metrics(settings, metrics)
    try:
        _run(settings, stop=stop, metrics=metrics)
    finally:
        stop_metrics_server()


def _serve_metrics(settings: StoreSettings, metrics: StoreMetrics) -> Callable[[], None]:
    port = settings.metrics_listen_port
    if port is None:
        return lambda: None
    stopper = start_metrics_server(metrics.registry, host=settings.metrics_host, port=port)
    log.info("store metrics on http://%s:%d/metrics", settings.metrics_host, port)
    return stopper


def _run(settings: StoreSettings, *, stop: threading.Event, metrics: StoreMetrics) -> None:
    database_url = settings.database_url.get_secret_value()
    own_topics = (ARTICLES_RAW, CLAIMS_EXTRACTED, EVENTS_EXTRACTED, ARTICLES_EXTRACTED, DEADLETTER)
    for what, prepare in (
        ("migrate", lambda: migrate(database_url=database_url)),
        ("create topics", lambda: ensure_topics(settings, own_topics)),
    ):
        if not retry_until_done(prepare, settings=settings, stop=stop, metrics=metrics, what=what):
            return
    topics: dict[str, type[BaseModel]] = {
        settings.topic(ARTICLES_RAW): RawArticle,
        settings.topic(CLAIMS_EXTRACTED): Claim,
        settings.topic(EVENTS_EXTRACTED): Event,
        settings.topic(ARTICLES_EXTRACTED): ExtractionManifest,
    }
    consumer = _make_consumer(settings)
    try:
        producer = make_producer(settings)
    except BaseException:
        consumer.close(autocommit=False)
        raise
    store = StoreConsumer(
        settings=settings,
        stop=stop,
        consumer=consumer,
        models=topics,
        deadletters=DeadLetterPublisher(producer, topic=settings.topic(DEADLETTER)),
        retractions=RetractionPublisher(
            producer,
            topics={
                "claim": settings.topic(CLAIMS_EXTRACTED),
                "event": settings.topic(EVENTS_EXTRACTED),
            },
        ),
        metrics=metrics,
    )
    try:
        # Retractions a crash left in the outbox go out before anything new is read.
        retry_until_done(
            store.publish_retractions,
            settings=settings,
            stop=stop,
            metrics=metrics,
            what="retractions",
        )
        consumer.subscribe(list(topics), listener=_ReadyOnAssignment(settings.ready_file))
        log.info("store consuming %s as group %s", ", ".join(topics), settings.store_group_id)
        store.loop()
    finally:
        consumer.close(autocommit=False)
        producer.close(timeout=5)
        store.close_database()
        log.info("store stopped")


class _ReadyOnAssignment(ConsumerRebalanceListener):  # type: ignore[misc]  # untyped base
    """Marks the store ready the first time the group hands it its partitions."""

    def __init__(self, ready_file: Path | None) -> None:
        self._ready_file = ready_file

    def on_partitions_revoked(self, revoked: object) -> None:
        pass

    def on_partitions_assigned(self, assigned: object) -> None:
        mark_ready(self._ready_file)


def _make_consumer(settings: StoreSettings) -> KafkaConsumer:
    return KafkaConsumer(
        group_id=settings.store_group_id,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        session_timeout_ms=settings.kafka_session_timeout_ms,
        heartbeat_interval_ms=settings.kafka_heartbeat_interval_ms,
        max_poll_records=settings.store_batch_max,
        fetch_max_wait_ms=settings.store_fetch_max_wait_ms,
        **settings.kafka_client_options(),
    )
