"""Kafka helpers shared by the services (kafka-python)."""

from __future__ import annotations

import contextlib
import logging
import time

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from shared.errors import BrokerUnavailableError
from shared.settings import KafkaSettings
from shared.topics import ALL_TOPICS

log = logging.getLogger(__name__)


def ensure_topics(
    settings: KafkaSettings, topics: tuple[str, ...] = ALL_TOPICS, *, timeout_s: float = 30.0
) -> None:
    """Create ``topics`` (names from :mod:`shared.topics`, prefixed as configured) with the
    configured partition count if they do not exist.

    Repeatable: existing topics are left as they are. Raises :class:`BrokerUnavailableError`
    when the broker cannot be reached within ``timeout_s``.
    """
    admin = _connect_admin(settings, timeout_s=timeout_s)
    try:
        existing = set(admin.list_topics())
        missing = [settings.topic(t) for t in topics if settings.topic(t) not in existing]
        if not missing:
            return
        new = [
            NewTopic(
                t,
                num_partitions=settings.topic_partitions,
                replication_factor=settings.topic_replication,
            )
            for t in missing
        ]
        # Another process may win the race; the topic then exists, which is all we need.
        with contextlib.suppress(TopicAlreadyExistsError):
            admin.create_topics(new)
        log.info("created topics %s", ", ".join(missing))
    finally:
        admin.close()


def _connect_admin(settings: KafkaSettings, *, timeout_s: float) -> KafkaAdminClient:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            # kafka-python 3 gives up on bootstrap with KafkaTimeoutError (a KafkaError).
            return KafkaAdminClient(
                **settings.kafka_client_options(),
                request_timeout_ms=10_000,
                bootstrap_timeout_ms=int(min(10.0, max(timeout_s, 1.0)) * 1000),
            )
        except KafkaError as exc:
            if time.monotonic() >= deadline:
                raise BrokerUnavailableError(
                    f"Kafka at {settings.kafka_bootstrap} not reachable: {exc}"
                ) from exc
            time.sleep(0.5)


def make_producer(settings: KafkaSettings, **overrides: object) -> KafkaProducer:
    """An idempotent producer that waits for all in-sync replicas (acks=all).

    Idempotence stops broker-side duplicates from producer retries; duplicates from a replay
    after a crash are absorbed by the deterministic ids downstream.
    """
    options: dict[str, object] = {
        **settings.kafka_client_options(),
        "acks": "all",
        "enable_idempotence": True,
        "retries": 5,
        "linger_ms": 5,
        "request_timeout_ms": 10_000,
        "max_block_ms": 5_000,
    }
    options.update(overrides)
    return KafkaProducer(**options)
