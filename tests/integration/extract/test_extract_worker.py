"""The faust extract worker (``newsflow serve extract``) against the real broker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from kafka import KafkaConsumer, KafkaProducer
from pydantic import BaseModel

from shared.codec import decode, encode
from shared.ids import article_id_for
from shared.kafka import ensure_topics
from shared.models import Claim, DeadLetter, Event, ExtractionManifest, RawArticle
from shared.settings import KafkaSettings
from shared.topics import (
    ARTICLES_EXTRACTED,
    ARTICLES_RAW,
    CLAIMS_EXTRACTED,
    DEADLETTER,
    EVENTS_EXTRACTED,
)

pytestmark = pytest.mark.integration

BODY = (
    "Rebels fired rockets at an army base near Kandahar on Monday, killing at least 7 soldiers, "
    "the defence ministry said.\n\n"
    '"We will respond with force," General Omar Haidari told reporters on Tuesday.'
)


@pytest.fixture
def settings(kafka_bootstrap: str, topic_prefix: str) -> KafkaSettings:
    s = KafkaSettings(
        kafka_bootstrap=kafka_bootstrap, topic_prefix=topic_prefix, topic_partitions=2
    )
    ensure_topics(s)
    return s


@pytest.fixture
def worker(settings: KafkaSettings, tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "NEWSFLOW_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
        "NEWSFLOW_TOPIC_PREFIX": settings.topic_prefix,
        "NEWSFLOW_EXTRACT_APP_ID": f"{settings.topic_prefix}extract",
        "NEWSFLOW_EXTRACT_DATADIR": str(tmp_path / "faust"),
    }
    proc = subprocess.Popen([sys.executable, "-m", "services.cli", "serve", "extract"], env=env)
    yield proc
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise


def _article(url: str) -> RawArticle:
    return RawArticle(
        article_id=article_id_for(url),
        url=url,
        body=BODY,
        published_at=datetime(2024, 5, 8, 12, tzinfo=UTC),
        received_at=datetime(2024, 5, 8, 12, 5, tzinfo=UTC),
    )


def _consume(
    settings: KafkaSettings, topics: list[str], *, until: int, timeout_s: float
) -> dict[str, list[bytes]]:
    return {
        topic: [value for value, _ in records]
        for topic, records in _consume_records(
            settings, topics, until=until, timeout_s=timeout_s
        ).items()
    }


def _consume_records(
    settings: KafkaSettings, topics: list[str], *, until: int, timeout_s: float
) -> dict[str, list[tuple[bytes, dict[str, bytes]]]]:
    """Each topic's records as (value, headers), read until every topic has one and ``until``
    have come in all (a worker publishes an article's claims and events in any order with the
    dead letter of a poison message before it: stopping at a count alone raced)."""
    consumer = KafkaConsumer(
        *topics,
        **settings.kafka_client_options(),
        auto_offset_reset="earliest",
        group_id=None,
        consumer_timeout_ms=500,
    )
    seen: dict[str, list[tuple[bytes, dict[str, bytes]]]] = {t: [] for t in topics}
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline and (
            sum(map(len, seen.values())) < until or not all(seen.values())
        ):
            for records in consumer.poll(timeout_ms=500).values():
                for record in records:
                    seen[record.topic].append((record.value, dict(record.headers or [])))
    finally:
        consumer.close()
    return seen


def test_article_becomes_claims_and_events_and_poison_goes_to_dead_letters(
    settings: KafkaSettings, worker: subprocess.Popen[bytes]
) -> None:
    article = _article("https://example.com/kandahar")
    producer = KafkaProducer(**settings.kafka_client_options(), acks="all")
    raw_topic = settings.topic(ARTICLES_RAW)
    poison_meta = producer.send(raw_topic, key=b"bad", value=b"{not json").get(timeout=10)
    producer.send(raw_topic, key=article.article_id.encode(), value=encode(article)).get(timeout=10)
    producer.close()

    topics = [settings.topic(t) for t in (CLAIMS_EXTRACTED, EVENTS_EXTRACTED, DEADLETTER)]
    seen = _consume(settings, topics, until=3, timeout_s=90)

    claims = [decode(Claim, v) for v in seen[topics[0]]]
    events = [decode(Event, v) for v in seen[topics[1]]]
    letters = [decode(DeadLetter, v) for v in seen[topics[2]]]
    assert claims and all(c.article_id == article.article_id for c in claims)
    assert events and any(e.type == "ASSAULT" for e in events)
    for claim in claims:
        for start, end in claim.content.spans:
            assert claim.content.text.startswith(BODY[start:end][:20])
    assert len(letters) == 1
    letter = letters[0]
    assert (letter.stage, letter.topic, letter.partition, letter.offset) == (
        "extract",
        raw_topic,
        poison_meta.partition,
        poison_meta.offset,
    )
    assert letter.payload == "{not json"
    assert worker.poll() is None, "the worker must keep running after a poison message"


def test_every_record_carries_cloudevents_headers_naming_it(
    settings: KafkaSettings, worker: subprocess.Popen[bytes]
) -> None:
    article = _article("https://example.com/headers")
    producer = KafkaProducer(**settings.kafka_client_options(), acks="all")
    raw_topic = settings.topic(ARTICLES_RAW)
    producer.send(raw_topic, key=b"bad", value=b"{not json").get(timeout=10)
    producer.send(raw_topic, key=article.article_id.encode(), value=encode(article)).get(timeout=10)
    producer.close()

    kinds: dict[str, tuple[type[BaseModel], str]] = {
        CLAIMS_EXTRACTED: (Claim, "newsflow.claim.extracted.v1"),
        EVENTS_EXTRACTED: (Event, "newsflow.event.extracted.v1"),
        ARTICLES_EXTRACTED: (ExtractionManifest, "newsflow.extraction.completed.v1"),
        DEADLETTER: (DeadLetter, "newsflow.deadletter.v1"),
    }
    topics = [settings.topic(t) for t in kinds]
    seen = _consume_records(settings, topics, until=4, timeout_s=90)

    for name, (model, ce_type) in kinds.items():
        records = seen[settings.topic(name)]
        assert records, f"nothing on {name}"
        for value, headers in records:
            record: BaseModel = decode(model, value)
            assert headers["ce_specversion"] == b"1.0"
            assert headers["ce_type"] == ce_type.encode()
            assert headers["ce_source"] == b"/newsflow/extract"
            assert headers["content-type"] == b"application/json"
            assert headers["ce_dataschema"].startswith(b"urn:newsflow:schema:")
            assert headers["ce_time"] and headers["ce_id"]
            if isinstance(record, Claim):
                assert headers["ce_id"] == headers["ce_subject"] == record.claim_id.encode()
            if isinstance(record, Event):
                assert headers["ce_id"] == headers["ce_subject"] == record.event_id.encode()
