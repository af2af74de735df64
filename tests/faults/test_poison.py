"""Poison records on every topic, in between good articles, with extract and store running:
each poison record ends on the dead-letter topic with its stage, error and source coordinates,
and every good article is still stored completely.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from kafka import KafkaProducer

from services.ops.deadletters import read_dead_letters
from shared.codec import encode
from shared.kafka import ensure_topics
from shared.models import DeadLetter
from shared.settings import KafkaSettings
from shared.topics import ARTICLES_EXTRACTED, ARTICLES_RAW, CLAIMS_EXTRACTED, EVENTS_EXTRACTED
from tests.faults.harness import (
    Service,
    reference_for,
    service_env,
    synthetic_articles,
    wait_for_rows,
)

POISONED_TOPICS = (ARTICLES_RAW, CLAIMS_EXTRACTED, EVENTS_EXTRACTED, ARTICLES_EXTRACTED)
pytestmark = pytest.mark.faults


def _poison_values(good_article: dict[str, object]) -> dict[str, bytes]:
    return {
        "invalid-json": b'{"article_id": "a-1", "body": "unterminated',
        "not-utf8": b"\xff\xfe\x00garbage",
        "empty": b"",
        "unknown-schema-version": json.dumps({**good_article, "schema_version": 99}).encode(),
        "wrong-types": json.dumps({**good_article, "published_at": ["not", "a", "date"]}).encode(),
        "json-array": b"[1, 2, 3]",
    }


def test_poison_on_every_topic_is_dead_lettered_and_the_rest_flows(
    kafka_bootstrap: str, topic_prefix: str, database_url: str, tmp_path: Path
) -> None:
    settings = KafkaSettings(
        kafka_bootstrap=kafka_bootstrap, topic_prefix=topic_prefix, topic_partitions=2
    )
    ensure_topics(settings)
    good = synthetic_articles(60, seed=99)
    reference = reference_for(good)
    template = json.loads(encode(good[0]))
    poison = _poison_values(template)
    oversized = good[1].model_copy(
        update={"article_id": "a-oversized", "body": "word " * 220_000}  # > nlp.max_length
    )

    producer = KafkaProducer(**settings.kafka_client_options(), max_request_size=8 * 2**20)
    expected: list[tuple[str, str]] = []  # (topic, key) of each poison record
    services = {
        name: Service(name, service_env(settings, database_url, tmp_path), tmp_path)
        for name in ("store", "extract")
    }
    try:
        for service in services.values():
            service.start()
        for i, article in enumerate(good):
            producer.send(
                settings.topic(ARTICLES_RAW), key=article.article_id.encode(), value=encode(article)
            )
            if i % 10 == 5:
                for topic in POISONED_TOPICS:
                    for kind, value in poison.items():
                        key = f"poison-{topic}-{kind}-{i}"
                        producer.send(settings.topic(topic), key=key.encode(), value=value)
                        expected.append((settings.topic(topic), key))
        producer.send(
            settings.topic(ARTICLES_RAW), key=oversized.article_id.encode(), value=encode(oversized)
        )
        producer.flush()

        stored = wait_for_rows(database_url, reference, list(services.values()), timeout_s=180)
        letters = _wait_for_dead_letters(settings, minimum=len(expected), timeout_s=90)
    finally:
        producer.close()
        for service in services.values():
            service.stop()

    # Every good article is stored completely.
    assert reference.claim_ids <= stored.claim_ids
    assert reference.event_ids <= stored.event_ids
    assert reference.article_ids <= stored.article_ids

    # Every poison record is dead-lettered by every stage that reads its topic.
    by_source = {(d.topic, d.key, d.stage): d for d in letters}
    for topic, key in expected:
        stages = ("extract", "store") if topic == settings.topic(ARTICLES_RAW) else ("store",)
        for stage in stages:
            letter = by_source.get((topic, key, stage))
            assert letter is not None, f"no dead letter from {stage} for {key}"
            assert letter.error and letter.error_class
            assert letter.partition is not None and letter.offset is not None
    # The oversized article passes validation (the store keeps it) but not the NLP.
    too_long = by_source.get((settings.topic(ARTICLES_RAW), "a-oversized", "extract"))
    assert too_long is not None and "characters" in too_long.error
    print(
        f"\n{len(expected)} poison records ({len(poison)} kinds x {len(POISONED_TOPICS)} topics "
        f"x {len(expected) // (len(POISONED_TOPICS) * len(poison))}) + 1 oversized: "
        f"{len(letters)} dead letters; "
        f"{len(good)} good articles stored completely"
    )


def _wait_for_dead_letters(
    settings: KafkaSettings, *, minimum: int, timeout_s: float
) -> list[DeadLetter]:
    deadline = time.monotonic() + timeout_s
    letters: list[DeadLetter] = []
    while time.monotonic() < deadline:
        letters = list(read_dead_letters(settings, timeout_s=2))
        # articles.raw poison is dead-lettered twice (extract and store), + the oversized one
        if len(letters) >= minimum + minimum // 3 + 1:
            return letters
        time.sleep(1)
    return letters
