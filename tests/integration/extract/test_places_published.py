"""The extract worker publishes an article's places in its ExtractionManifest (real broker)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime

import pytest
from kafka import KafkaProducer

from shared.codec import decode, encode
from shared.ids import article_id_for
from shared.models import ExtractionManifest, RawArticle
from shared.settings import KafkaSettings
from shared.topics import ARTICLES_EXTRACTED, ARTICLES_RAW

from .test_extract_worker import BODY, _consume, settings, worker

pytestmark = pytest.mark.integration

__all__ = ["settings", "worker"]  # fixtures shared with the worker's tests


def test_the_manifest_carries_the_articles_places(
    settings: KafkaSettings, worker: subprocess.Popen[bytes]
) -> None:
    article = RawArticle(
        article_id=article_id_for("https://example.com/kandahar-places"),
        url="https://example.com/kandahar-places",
        body=BODY,
        published_at=datetime(2024, 5, 8, 12, tzinfo=UTC),
        received_at=datetime(2024, 5, 8, 12, 5, tzinfo=UTC),
    )
    producer = KafkaProducer(**settings.kafka_client_options(), acks="all")
    key = article.article_id.encode()
    producer.send(settings.topic(ARTICLES_RAW), key=key, value=encode(article)).get(timeout=10)
    producer.close()

    topic = settings.topic(ARTICLES_EXTRACTED)
    manifests = [
        decode(ExtractionManifest, v)
        for v in _consume(settings, [topic], until=1, timeout_s=90)[topic]
    ]

    places = {place.text: place for place in manifests[0].places}
    assert places["Kandahar"].country == "AFG"
    assert BODY[places["Kandahar"].start : places["Kandahar"].end] == "Kandahar"
