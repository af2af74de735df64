"""KafkaArticlePublisher against a real broker."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from services.ingest.adapters.publisher import KafkaArticlePublisher
from services.ingest.domain.articles import ArticleIn, to_raw_article
from services.ingest.settings import IngestSettings
from services.stack.broker import TansuBroker
from shared.codec import decode
from shared.errors import BrokerUnavailableError
from shared.kafka import ensure_topics, make_producer
from shared.models import RawArticle
from shared.topics import ARTICLES_RAW
from tests.integration.ingest.conftest import read_records, read_records_with_headers

pytestmark = pytest.mark.integration

NOW = datetime(2022, 3, 31, 15, 0, tzinfo=UTC)


def articles(n: int) -> list[RawArticle]:
    return [
        to_raw_article(ArticleIn(url=f"https://e.com/{i}", body=f"Body {i}."), received_at=NOW)
        for i in range(n)
    ]


def publisher_for(settings: IngestSettings) -> KafkaArticlePublisher:
    return KafkaArticlePublisher(
        make_producer(settings), topic=settings.topic(ARTICLES_RAW), timeout_s=5
    )


def test_publish_returns_with_every_record_on_the_topic_keyed_by_article_id(
    ingest_settings: IngestSettings,
) -> None:
    sent = articles(25)
    publisher = publisher_for(ingest_settings)
    try:
        publisher.publish(sent)
        assert publisher.ready()
    finally:
        publisher.close()
    records = read_records(ingest_settings, expected=len(sent))
    assert sorted(k.decode() for k, _ in records) == sorted(a.article_id for a in sent)
    assert {decode(RawArticle, v) for _, v in records} == set(sent)


def test_published_articles_carry_cloudevents_headers(ingest_settings: IngestSettings) -> None:
    first = articles(1)[0]
    revised = to_raw_article(
        ArticleIn(url="https://e.com/0", body="Body 0, revised."), received_at=NOW
    )
    publisher = publisher_for(ingest_settings)
    try:
        publisher.publish([first, revised])
    finally:
        publisher.close()
    records = read_records_with_headers(ingest_settings, expected=2)
    headers = [h for _, _, h in records]
    for h in headers:
        assert h["ce_specversion"] == b"1.0"
        assert h["ce_type"] == b"newsflow.article.received.v1"
        assert h["ce_source"] == b"/newsflow/ingest"
        assert h["ce_subject"] == first.article_id.encode()
        assert h["content-type"] == b"application/json"
    # one article id, two texts: two distinct events for CloudEvents (source + id)
    assert headers[0]["ce_id"] != headers[1]["ce_id"]


def test_publish_to_a_stopped_broker_raises_broker_unavailable(
    dedicated_broker_port: int, topic_prefix: str
) -> None:
    settings = IngestSettings(
        kafka_bootstrap=f"127.0.0.1:{dedicated_broker_port}", topic_prefix=topic_prefix
    )
    with TansuBroker(dedicated_broker_port) as broker:
        ensure_topics(settings)
        publisher = KafkaArticlePublisher(
            make_producer(settings, max_block_ms=2_000, request_timeout_ms=2_000),
            topic=settings.topic(ARTICLES_RAW),
            timeout_s=3,
        )
        publisher.publish(articles(1))
        broker.stop()
        try:
            with pytest.raises(BrokerUnavailableError):
                publisher.publish(articles(3))
            assert not publisher.ready()
        finally:
            publisher.close()


def test_a_librdkafka_subscriber_reads_the_articles_and_their_headers(
    ingest_settings: IngestSettings,
) -> None:
    """confluent-kafka (librdkafka), in a consumer group, with the settings the README gives."""
    confluent_kafka = pytest.importorskip("confluent_kafka")
    sent = articles(3)
    publisher = publisher_for(ingest_settings)
    try:
        publisher.publish(sent)
    finally:
        publisher.close()
    consumer = confluent_kafka.Consumer(
        {
            "bootstrap.servers": ingest_settings.kafka_bootstrap,
            "group.id": f"{ingest_settings.topic_prefix}librdkafka",
            "auto.offset.reset": "earliest",
            "session.timeout.ms": 6000,  # a quick group join (README, "Subscribing")
            "heartbeat.interval.ms": 2000,
        }
    )
    received: dict[str, dict[str, bytes]] = {}
    try:
        consumer.subscribe([ingest_settings.topic(ARTICLES_RAW)])
        deadline = time.monotonic() + 60
        while len(received) < len(sent) and time.monotonic() < deadline:
            message = consumer.poll(1.0)
            if message is None or message.error():
                continue
            article = decode(RawArticle, message.value())
            received[article.article_id] = dict(message.headers() or [])
    finally:
        consumer.close()
    assert set(received) == {a.article_id for a in sent}
    for article_id, headers in received.items():
        assert headers["ce_type"] == b"newsflow.article.received.v1"
        assert headers["ce_subject"] == article_id.encode()
