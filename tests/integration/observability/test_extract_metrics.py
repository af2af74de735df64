"""The extract worker's /metrics and JSON logs, scraped from a real ``newsflow serve extract``
against the real broker."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from services.stack.broker import free_port
from shared.codec import encode
from shared.ids import article_id_for
from shared.kafka import ensure_topics, make_producer
from shared.models import RawArticle
from shared.settings import KafkaSettings
from shared.topics import ARTICLES_RAW, CLAIMS_EXTRACTED, DEADLETTER, EVENTS_EXTRACTED

from .support import ServiceProcess, series, value

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
def extract(settings: KafkaSettings, tmp_path: Path) -> Iterator[ServiceProcess]:
    port = free_port()
    env = {
        "NEWSFLOW_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
        "NEWSFLOW_TOPIC_PREFIX": settings.topic_prefix,
        "NEWSFLOW_EXTRACT_APP_ID": f"{settings.topic_prefix}extract",
        "NEWSFLOW_EXTRACT_DATADIR": str(tmp_path / "faust"),
        # The per-service port wins over the shared one (what the embedded stack needs).
        "NEWSFLOW_EXTRACT_METRICS_PORT": str(port),
        "NEWSFLOW_METRICS_PORT": str(free_port()),
        "NEWSFLOW_EXTRACT_LAG_INTERVAL_S": "0.5",
        "NEWSFLOW_LOG_FORMAT": "json",
    }
    service = ServiceProcess.start("extract", env, tmp_path / "extract.log", port)
    yield service
    service.stop()


def test_counters_move_for_articles_claims_events_and_dead_letters(
    settings: KafkaSettings, extract: ServiceProcess
) -> None:
    article = RawArticle(
        article_id=article_id_for("https://example.com/kandahar"),
        url="https://example.com/kandahar",
        body=BODY,
        published_at=datetime(2024, 5, 8, 12, tzinfo=UTC),
        received_at=datetime(2024, 5, 8, 12, 5, tzinfo=UTC),
    )
    raw = settings.topic(ARTICLES_RAW)
    producer = make_producer(settings)
    producer.send(raw, key=b"not-an-article", value=b"{not json").get(timeout=10)
    producer.send(raw, key=article.article_id.encode(), value=encode(article)).get(timeout=10)
    producer.close()

    samples = extract.scrape_until(
        lambda s: (
            value(s, "newsflow_extract_articles_total", outcome="extracted") == 1
            and value(s, "newsflow_extract_articles_total", outcome="undecodable") == 1
        ),
        timeout_s=120,
        what="one extracted and one undecodable article",
    )

    assert value(samples, "newsflow_extract_messages_consumed_total", topic=raw) == 2
    claims = value(samples, "newsflow_extract_claims_total")
    events = value(samples, "newsflow_extract_events_total")
    assert claims > 0 and events > 0
    produced = "newsflow_extract_messages_produced_total"
    assert value(samples, produced, topic=settings.topic(CLAIMS_EXTRACTED)) == claims
    assert value(samples, produced, topic=settings.topic(EVENTS_EXTRACTED)) == events
    assert value(samples, produced, topic=settings.topic(DEADLETTER)) == 1
    assert value(samples, "newsflow_deadletters_total", stage="extract") == 1
    assert value(samples, "newsflow_extract_errors_total", kind="decode") == 1
    assert value(samples, "newsflow_extract_articles_total", outcome="failed") == 0
    assert value(samples, "newsflow_extract_batch_duration_seconds_count") >= 1
    assert value(samples, "newsflow_extract_article_nlp_duration_seconds_count") == 1
    assert value(samples, "newsflow_extract_batch_size_articles_sum") == 2
    assert value(samples, "process_resident_memory_bytes") > 0

    # Both partitions of the input topic get a lag gauge, and it drains to 0 once faust has
    # committed (every few seconds).
    samples = extract.scrape_until(
        lambda s: (
            len(series(s, "newsflow_extract_consumer_lag_records")) == 2
            and sum(series(s, "newsflow_extract_consumer_lag_records").values()) == 0
        ),
        timeout_s=30,
        what="lag 0 on both partitions",
    )
    labels = {dict(ls)["topic"] for ls in series(samples, "newsflow_extract_consumer_lag_records")}
    assert labels == {raw}

    extract.stop()
    logs = extract.json_logs()
    assert logs and all(
        {"timestamp", "level", "logger", "message", "service"} <= line.keys() for line in logs
    )
    assert {line["service"] for line in logs} == {"extract"}
    dead_lettered = [line for line in logs if "dead-lettered" in str(line["message"])]
    assert len(dead_lettered) == 1
    assert dead_lettered[0]["level"] == "WARNING"
    assert dead_lettered[0]["article_id"] == "not-an-article"
    assert not any(line.get("article_id") == article.article_id for line in logs), (
        "no per-article log lines for a healthy article"
    )
