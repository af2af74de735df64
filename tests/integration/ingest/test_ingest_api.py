"""The ingest API publishing to a real broker: 202 only after the ack, 503 without one."""

from __future__ import annotations

from typing import Any

import pytest

from services.ingest.adapters.publisher import ReconnectingPublisher
from services.ingest.app import connect_kafka_publisher, create_app
from services.ingest.settings import IngestSettings
from services.stack.broker import TansuBroker, free_port
from shared.codec import decode
from shared.ids import article_id_for
from shared.models import RawArticle
from tests.integration.ingest.conftest import read_records
from tests.unit.ingest.conftest import SEED_ARTICLE
from tests.unit.ingest.support import KEY_HEADERS, TEST_API_KEY, SyncApi

pytestmark = pytest.mark.integration


def seed() -> dict[str, Any]:
    import json

    data: dict[str, Any] = json.loads(SEED_ARTICLE.read_text(encoding="utf-8"))
    return data


def kafka_api(settings: IngestSettings) -> tuple[SyncApi, ReconnectingPublisher]:
    publisher = ReconnectingPublisher(lambda: connect_kafka_publisher(settings), retry_interval_s=0)
    return SyncApi(create_app(settings, publisher), headers=KEY_HEADERS), publisher


def test_posted_article_is_on_articles_raw_keyed_by_id_with_boilerplate_removed(
    ingest_settings: IngestSettings,
) -> None:
    api, publisher = kafka_api(ingest_settings)
    try:
        response = api.post("/v1/articles", json=seed())
    finally:
        publisher.close()
    assert response.status_code == 202, response.text
    [article_id] = response.json()["article_ids"]
    assert article_id == article_id_for(seed()["url"])

    [(key, value)] = read_records(ingest_settings, expected=1)
    assert key.decode() == article_id
    article = decode(RawArticle, value)
    assert article.article_id == article_id
    assert article.boilerplate_removed == 3
    assert "Also read" not in article.body
    assert article.body.endswith("David Arakhamia.")


def test_posting_the_same_article_twice_gives_the_same_id(
    ingest_settings: IngestSettings,
) -> None:
    api, publisher = kafka_api(ingest_settings)
    again = {**seed(), "url": seed()["url"] + "?utm_source=newsletter"}
    try:
        first = api.post("/v1/articles", json=seed())
        second = api.post("/v1/articles", json=[again, again])
    finally:
        publisher.close()
    assert first.status_code == second.status_code == 202
    assert first.json()["article_ids"] == second.json()["article_ids"]
    records = read_records(ingest_settings, expected=2)
    assert len(records) == 2  # one per request: duplicates inside a request were collapsed
    assert {k for k, _ in records} == {first.json()["article_ids"][0].encode()}


def test_requests_without_a_valid_key_put_nothing_on_the_topic(
    ingest_settings: IngestSettings,
) -> None:
    api, publisher = kafka_api(ingest_settings)
    other = {**seed(), "url": "https://news.example.com/other"}
    try:
        wrong = api.post("/v1/articles", json=other, headers={"X-API-Key": "x" * 20})
        missing = SyncApi(api.app).post("/v1/articles", json=other)
        right = api.post(
            "/v1/articles", json=seed(), headers={"Authorization": f"Bearer {TEST_API_KEY}"}
        )
    finally:
        publisher.close()
    assert (wrong.status_code, missing.status_code, right.status_code) == (401, 401, 202)
    records = read_records(ingest_settings, expected=1)
    assert [k.decode() for k, _ in records] == right.json()["article_ids"]


# A guard against a hang (the Kafka client's own max_block is 60 s), not a speed figure: the
# publish timeout of 2 s governs, however loaded the machine.
@pytest.mark.timeout(30)
def test_unreachable_broker_gives_503_with_retry_after_and_never_202(
    topic_prefix: str,
) -> None:
    settings = IngestSettings(
        kafka_bootstrap=f"127.0.0.1:{free_port()}",  # nothing listens there
        topic_prefix=topic_prefix,
        publish_timeout_s=2,
        retry_after_s=3,
        dev_mode=True,
    )
    api, publisher = kafka_api(settings)
    try:
        response = api.post("/v1/articles", json=seed())
        assert api.get("/readyz").status_code == 503
        assert api.get("/healthz").status_code == 200
    finally:
        publisher.close()
    assert response.status_code == 503
    assert response.headers["retry-after"] == "3"
    assert "article_ids" not in response.json()


def test_broker_stopping_gives_503_and_its_return_gives_202_again(
    dedicated_broker_port: int, topic_prefix: str
) -> None:
    settings = IngestSettings(
        kafka_bootstrap=f"127.0.0.1:{dedicated_broker_port}",
        topic_prefix=topic_prefix,
        publish_timeout_s=3,
        reconnect_interval_s=0,
        dev_mode=True,
    )
    api, publisher = kafka_api(settings)
    try:
        with TansuBroker(dedicated_broker_port):
            assert api.post("/v1/articles", json=seed()).status_code == 202
            assert api.get("/readyz").status_code == 200
        down = api.post("/v1/articles", json=seed())
        assert down.status_code == 503
        assert "retry-after" in down.headers
        assert api.get("/readyz").status_code == 503
        with TansuBroker(dedicated_broker_port):  # memory-only: a fresh, empty broker
            back = api.post("/v1/articles", json=seed())
            assert back.status_code == 202, back.text
            records = read_records(settings, expected=1)
            # At least once: the record of the 503 may also arrive, from the old producer's
            # retries. Same key, same article: harmless.
            assert {k.decode() for k, _ in records} == set(back.json()["article_ids"])
    finally:
        publisher.close()
