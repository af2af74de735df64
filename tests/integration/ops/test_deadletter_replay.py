"""A record the extractor dead-letters is exported, fixed and replayed, and then extracted."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from kafka import KafkaConsumer, KafkaProducer

from services.ops.deadletters import (
    export_dead_letters,
    read_dead_letters,
    replay_dead_letters,
)
from shared.codec import decode
from shared.ids import article_id_for
from shared.kafka import ensure_topics
from shared.models import Claim, DeadLetter
from shared.settings import KafkaSettings
from shared.topics import ARTICLES_RAW, CLAIMS_EXTRACTED
from tests.faults.harness import Service

pytestmark = pytest.mark.integration

URL = "https://news.example.org/replay/1"


def test_exported_fixed_and_replayed_article_is_extracted(
    kafka_bootstrap: str, topic_prefix: str, tmp_path: Path
) -> None:
    settings = KafkaSettings(
        kafka_bootstrap=kafka_bootstrap, topic_prefix=topic_prefix, topic_partitions=2
    )
    ensure_topics(settings)
    article_id = article_id_for(URL)
    broken = {  # "body" missing: the extractor cannot decode it
        "schema_version": 1,
        "article_id": article_id,
        "url": URL,
        "published_at": "2026-03-12T09:00:00+00:00",
        "received_at": "2026-03-12T09:00:01+00:00",
    }
    worker = Service(
        "extract",
        {
            "NEWSFLOW_KAFKA_BOOTSTRAP": kafka_bootstrap,
            "NEWSFLOW_TOPIC_PREFIX": topic_prefix,
            "NEWSFLOW_EXTRACT_APP_ID": f"{topic_prefix}extract",
            "NEWSFLOW_EXTRACT_DATADIR": str(tmp_path / "faust"),
        },
        tmp_path,
    )
    worker.start()
    try:
        _produce(settings, article_id, json.dumps(broken).encode())
        letters = _wait_for_letters(settings, worker, count=1)
        assert letters[0].stage == "extract"
        assert letters[0].topic == settings.topic(ARTICLES_RAW)
        assert letters[0].key == article_id
        assert "body" in letters[0].error

        exported = tmp_path / "letters.jsonl"
        assert export_dead_letters(settings, exported) == 1
        # Replaying it unfixed publishes nothing and says why.
        unfixed = replay_dead_letters(settings, exported, dry_run=True)
        assert unfixed.published == 0 and "body" in unfixed.still_invalid[0]

        letter = DeadLetter.model_validate_json(exported.read_text())
        fixed_payload = {**broken, "body": '"We will rebuild the bridge," Mayor Ana Ruiz said.'}
        exported.write_text(
            letter.model_copy(update={"payload": json.dumps(fixed_payload)}).model_dump_json()
            + "\n"
        )
        report = replay_dead_letters(settings, exported)
        assert report.published == 1 and not report.still_invalid

        claims = _wait_for_claims(settings, worker, article_id)
        assert [c.speaker.name for c in claims] == ["Ana Ruiz"]
    finally:
        worker.stop()


def _produce(settings: KafkaSettings, key: str, value: bytes) -> None:
    producer = KafkaProducer(**settings.kafka_client_options())
    producer.send(settings.topic(ARTICLES_RAW), key=key.encode(), value=value)
    producer.flush()
    producer.close()


def _wait_for_letters(settings: KafkaSettings, worker: Service, *, count: int) -> list[DeadLetter]:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        worker.assert_running()
        letters = list(read_dead_letters(settings, timeout_s=1))
        if len(letters) >= count:
            return letters
        time.sleep(1)
    raise AssertionError("no dead letter arrived")


def _wait_for_claims(settings: KafkaSettings, worker: Service, article_id: str) -> list[Claim]:
    consumer = KafkaConsumer(
        settings.topic(CLAIMS_EXTRACTED),
        **settings.kafka_client_options(),
        auto_offset_reset="earliest",
        group_id=None,
    )
    claims: list[Claim] = []
    deadline = time.monotonic() + 90
    try:
        while time.monotonic() < deadline and not claims:
            worker.assert_running()
            for records in consumer.poll(timeout_ms=500).values():
                claims += [decode(Claim, r.value) for r in records if r.key == article_id.encode()]
    finally:
        consumer.close()
    return claims
