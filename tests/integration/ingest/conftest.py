"""Fixtures for the ingest integration tests: settings on the session broker, with the
``articles.raw`` topic created under the test's own prefix and :data:`TEST_API_KEY` required,
and a reader for the topic."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from kafka import KafkaConsumer, TopicPartition
from pydantic import SecretStr

from services.ingest.settings import IngestSettings
from shared.kafka import ensure_topics
from shared.settings import KafkaSettings
from shared.topics import ARTICLES_RAW
from tests.unit.ingest.support import TEST_API_KEY


@pytest.fixture
def ingest_settings(kafka_bootstrap: str, topic_prefix: str) -> IngestSettings:
    ensure_topics(KafkaSettings(kafka_bootstrap=kafka_bootstrap, topic_prefix=topic_prefix))
    return IngestSettings(
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=topic_prefix,
        publish_timeout_s=5,
        retry_after_s=3,
        reconnect_interval_s=0,
        dev_mode=False,
        api_keys=SecretStr(TEST_API_KEY),
        api_keys_file=None,
    )


def read_records(
    settings: KafkaSettings, *, expected: int, timeout_s: float = 20.0
) -> list[tuple[bytes, bytes]]:
    """``(key, value)`` of every record on the prefixed ``articles.raw``, from the beginning.

    See :func:`read_records_with_headers`."""
    return [
        (key, value)
        for key, value, _ in read_records_with_headers(
            settings, expected=expected, timeout_s=timeout_s
        )
    ]


def read_records_with_headers(
    settings: KafkaSettings, *, expected: int, timeout_s: float = 20.0
) -> list[tuple[bytes, bytes, dict[str, bytes]]]:
    """``(key, value, headers)`` of every record on the prefixed ``articles.raw``, from the
    beginning.

    No consumer group (Tansu holds joins back); waits until ``expected`` records arrived, then
    a little longer so that surplus records would be seen too.
    """
    consumer = KafkaConsumer(
        **settings.kafka_client_options(), group_id=None, enable_auto_commit=False
    )
    try:
        topic = settings.topic(ARTICLES_RAW)
        partitions = _partitions(consumer, topic)
        consumer.assign([TopicPartition(topic, p) for p in partitions])
        consumer.seek_to_beginning()
        records: list[tuple[bytes, bytes, dict[str, bytes]]] = []
        deadline = time.monotonic() + timeout_s
        settle_until: float | None = None
        while time.monotonic() < deadline:
            batches: dict[Any, Any] = consumer.poll(timeout_ms=200)
            for batch in batches.values():
                records.extend((r.key, r.value, dict(r.headers or [])) for r in batch)
            if len(records) >= expected:
                settle_until = settle_until or time.monotonic() + 1.0
                if time.monotonic() >= settle_until:
                    break
        return records
    finally:
        consumer.close()


def _partitions(consumer: KafkaConsumer, topic: str) -> set[int]:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        partitions = consumer.partitions_for_topic(topic)
        if partitions:
            return set(partitions)
        time.sleep(0.2)
    raise AssertionError(f"topic {topic} has no partitions")


@pytest.fixture
def dedicated_broker_port() -> Iterator[int]:
    """A port for a broker the test starts and stops itself."""
    from services.stack.broker import free_port

    yield free_port()
