"""The store's /metrics and JSON logs, scraped from a real ``newsflow serve store`` against the
real broker and Postgres."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from services.stack.broker import free_port
from services.store.app import run
from services.store.settings import StoreSettings
from shared.codec import encode
from shared.errors import ConfigurationError
from shared.kafka import ensure_topics, make_producer
from shared.settings import KafkaSettings
from shared.topics import ARTICLES_RAW, CLAIMS_EXTRACTED
from tests.integration.store.samples import make_article, make_claim

from .support import ServiceProcess, series, value

pytestmark = pytest.mark.integration


@pytest.fixture
def settings(kafka_bootstrap: str, topic_prefix: str) -> KafkaSettings:
    s = KafkaSettings(
        kafka_bootstrap=kafka_bootstrap, topic_prefix=topic_prefix, topic_partitions=2
    )
    ensure_topics(s)
    return s


@pytest.fixture
def store(settings: KafkaSettings, database_url: str, tmp_path: Path) -> Iterator[ServiceProcess]:
    port = free_port()
    env = {
        "NEWSFLOW_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
        "NEWSFLOW_TOPIC_PREFIX": settings.topic_prefix,
        "NEWSFLOW_TOPIC_PARTITIONS": "2",
        "NEWSFLOW_DATABASE_URL": database_url,
        "NEWSFLOW_STORE_GROUP_ID": f"{settings.topic_prefix}store",
        "NEWSFLOW_STORE_POLL_TIMEOUT_MS": "200",
        "NEWSFLOW_METRICS_PORT": str(port),
        "NEWSFLOW_LOG_FORMAT": "json",
    }
    service = ServiceProcess.start("store", env, tmp_path / "store.log", port)
    yield service
    service.stop()


def test_counters_move_for_consumed_stored_and_dead_lettered_records(
    settings: KafkaSettings, store: ServiceProcess
) -> None:
    articles = [make_article(n) for n in range(3)]
    raw, claims_topic = settings.topic(ARTICLES_RAW), settings.topic(CLAIMS_EXTRACTED)
    producer = make_producer(settings)
    for article in articles:
        key = article.article_id.encode()
        producer.send(raw, key=key, value=encode(article))
        producer.send(claims_topic, key=key, value=encode(make_claim(article)))
    producer.send(raw, key=b"a-poison", value=b'{"schema_version": 1}')
    producer.flush(timeout=10)
    producer.close()

    samples = store.scrape_until(
        lambda s: (
            value(s, "newsflow_store_records_stored_total", table="articles") == 3
            and value(s, "newsflow_store_records_stored_total", table="claims") == 3
            and value(s, "newsflow_deadletters_total", stage="store") == 1
            # counted once the batch's offsets are queued, just after its records are stored
            and value(s, "newsflow_store_batches_total") >= 1
        ),
        timeout_s=90,
        what="3 articles and 3 claims stored, 1 dead letter",
    )
    assert value(samples, "newsflow_store_messages_consumed_total", topic=raw) == 4
    assert value(samples, "newsflow_store_messages_consumed_total", topic=claims_topic) == 3
    assert value(samples, "newsflow_store_rows_changed_total", table="claims") == 3
    assert value(samples, "newsflow_store_errors_total", kind="decode") == 1
    assert value(samples, "newsflow_store_batches_total") >= 1
    assert value(samples, "newsflow_store_batch_duration_seconds_count") == value(
        samples, "newsflow_store_batches_total"
    )
    assert value(samples, "newsflow_store_upsert_duration_seconds_count") >= 1
    assert value(samples, "process_resident_memory_bytes") > 0

    # Every partition fetched from has a lag gauge, at 0 once the batch is committed.
    samples = store.scrape_until(
        lambda s: (
            len(series(s, "newsflow_store_consumer_lag_records")) >= 2
            and sum(series(s, "newsflow_store_consumer_lag_records").values()) == 0
        ),
        timeout_s=30,
        what="lag 0 on the fetched partitions",
    )
    topics = {
        dict(labels)["topic"] for labels in series(samples, "newsflow_store_consumer_lag_records")
    }
    assert raw in topics and claims_topic in topics

    store.stop()
    logs = store.json_logs()
    assert logs and {line["service"] for line in logs} == {"store"}
    poison = [line for line in logs if line.get("article_id") == "a-poison"]
    assert len(poison) == 1 and poison[0]["level"] == "WARNING"
    assert "dead-lettering" in str(poison[0]["message"])


def test_a_metrics_port_already_taken_is_a_configuration_error(
    settings: KafkaSettings, database_url: str
) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        store_settings = StoreSettings(
            kafka_bootstrap=settings.kafka_bootstrap,
            topic_prefix=settings.topic_prefix,
            database_url=SecretStr(database_url),
            metrics_port=port,
        )
        with pytest.raises(ConfigurationError, match=f"127.0.0.1:{port}"):
            run(store_settings, stop=threading.Event())
