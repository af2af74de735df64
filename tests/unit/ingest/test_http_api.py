"""The HTTP contract of ``POST /v1/articles`` and the probes, with an in-memory publisher."""

from __future__ import annotations

import asyncio
import json
import threading
from typing import Any

import httpx
import pytest

from shared.errors import PoisonMessageError
from tests.unit.ingest.support import KEY_HEADERS, InMemoryPublisher, SyncApi

JSON = {"content-type": "application/json"}


def locs(response: Any) -> list[list[Any]]:
    return [error["loc"] for error in response.json()["detail"]]


def test_post_one_article_answers_202_with_its_id(
    api: SyncApi, publisher: InMemoryPublisher, seed_article: dict[str, Any]
) -> None:
    response = api.post("/v1/articles", json=seed_article)
    assert response.status_code == 202
    body = response.json()
    assert body["accepted"] == 1
    assert body["article_ids"] == [publisher.published[0].article_id]
    assert publisher.published[0].boilerplate_removed == 3


def test_same_url_posted_twice_gives_the_same_article_id(
    api: SyncApi, seed_article: dict[str, Any]
) -> None:
    first = api.post("/v1/articles", json=seed_article).json()["article_ids"]
    again = {**seed_article, "url": seed_article["url"] + "?utm_source=twitter"}
    assert api.post("/v1/articles", json=[again]).json()["article_ids"] == first


def test_duplicates_inside_one_request_are_published_once(
    api: SyncApi, publisher: InMemoryPublisher, seed_article: dict[str, Any]
) -> None:
    response = api.post("/v1/articles", json=[seed_article, seed_article])
    assert response.status_code == 202
    assert response.json()["accepted"] == 1
    assert response.json()["duplicates"] == 1
    assert len(publisher.published) == 1


def test_missing_url_is_a_422_naming_the_field(api: SyncApi) -> None:
    response = api.post("/v1/articles", json={"body": "Text."})
    assert response.status_code == 422
    assert locs(response) == [["body", "url"]]


def test_missing_body_in_a_list_is_a_422_naming_index_and_field(
    api: SyncApi, publisher: InMemoryPublisher, seed_article: dict[str, Any]
) -> None:
    response = api.post("/v1/articles", json=[seed_article, {"url": "https://e.com/b"}])
    assert response.status_code == 422
    assert locs(response) == [["body", 1, "body"]]
    assert publisher.published == []  # all or nothing


def test_bad_date_is_a_422_naming_the_field(api: SyncApi) -> None:
    response = api.post(
        "/v1/articles",
        json={"url": "https://e.com/a", "body": "x", "published_at": "last Tuesday"},
    )
    assert response.status_code == 422
    assert locs(response) == [["body", "published_at"]]


def test_wrong_types_are_a_422_naming_each_field(api: SyncApi) -> None:
    response = api.post(
        "/v1/articles", json={"url": 42, "body": ["x"], "authors": [{"name": "Jo"}]}
    )
    assert response.status_code == 422
    assert sorted(map(str, locs(response))) == sorted(
        map(str, [["body", "url"], ["body", "body"], ["body", "authors", 0]])
    )


def test_boilerplate_only_body_is_a_422_naming_the_body(api: SyncApi) -> None:
    response = api.post("/v1/articles", json={"url": "https://e.com/a", "body": "Also read: X"})
    assert response.status_code == 422
    assert locs(response) == [["body", "body"]]


def test_malformed_json_is_a_400(api: SyncApi) -> None:
    response = api.post("/v1/articles", content=b'{"url": "https://e.com/a",', headers=JSON)
    assert response.status_code == 400
    assert "invalid JSON" in response.json()["detail"][0]["msg"]


def test_wrong_content_type_is_a_415(api: SyncApi) -> None:
    response = api.post(
        "/v1/articles",
        content=b'{"url": "https://e.com/a", "body": "x"}',
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 415
    assert locs(response) == [["header", "content-type"]]


def test_json_with_a_charset_parameter_is_accepted(api: SyncApi) -> None:
    response = api.post(
        "/v1/articles",
        content=json.dumps({"url": "https://e.com/a", "body": "x"}).encode(),
        headers={"content-type": "application/json; charset=utf-8"},
    )
    assert response.status_code == 202


def test_empty_list_is_a_422(api: SyncApi) -> None:
    response = api.post("/v1/articles", json=[])
    assert response.status_code == 422
    assert locs(response) == [["body"]]


def test_too_many_articles_is_a_413_naming_the_limit(api: SyncApi) -> None:
    articles = [{"url": f"https://e.com/{i}", "body": "x"} for i in range(6)]
    response = api.post("/v1/articles", json=articles)
    assert response.status_code == 413
    assert "at most 5" in response.json()["detail"][0]["msg"]


def test_body_over_the_limit_by_content_length_is_a_413(
    api: SyncApi, publisher: InMemoryPublisher
) -> None:
    big = {"url": "https://e.com/a", "body": "x" * (70 * 1024)}
    response = api.post("/v1/articles", json=big)
    assert response.status_code == 413
    assert publisher.published == []


def test_body_over_the_limit_without_content_length_is_a_413(api: SyncApi) -> None:
    async def chunks() -> Any:
        yield b'{"url": "https://e.com/a", "body": "'
        for _ in range(80):
            yield b"x" * 1024
        yield b'"}'

    response = api.post("/v1/articles", content=chunks(), headers=JSON)
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert response.status_code == 413


def test_lying_content_length_is_a_400(api: SyncApi) -> None:
    response = api.post("/v1/articles", content=b"{}", headers={**JSON, "content-length": "lots"})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        b"null",
        b"0",
        b'"x"',
        b"[1, 2]",
        b'[{"url": null}]',
        b"[" * 100_000,
        b'{"url": "https://e.com/a", "body": "x", "published_at": "2022-02-30T00:00:00"}',
        b'{"url": "https://e.com:99999/a", "body": "x"}',
        b'{"url": "https://e.com/a", "body": "x", "authors": "' + b"y" * 300 + b'"}',
        '{"url": "https://e.com/\ud800", "body": "\x00"}'.encode("utf-8", "surrogatepass"),
    ],
)
def test_bad_input_never_gets_a_5xx(api: SyncApi, payload: bytes) -> None:
    response = api.post("/v1/articles", content=payload, headers=JSON)
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["detail"]


def test_broker_unavailable_is_a_503_with_retry_after_and_no_ids(
    api: SyncApi, publisher: InMemoryPublisher, seed_article: dict[str, Any]
) -> None:
    publisher.fail()
    response = api.post("/v1/articles", json=seed_article)
    assert response.status_code == 503
    assert response.headers["retry-after"] == "7"
    assert "article_ids" not in response.json()


def test_record_too_large_for_the_broker_is_a_413(
    api: SyncApi, publisher: InMemoryPublisher, seed_article: dict[str, Any]
) -> None:
    publisher.fail_with = PoisonMessageError("too large")
    assert api.post("/v1/articles", json=seed_article).status_code == 413


def test_probes(api: SyncApi, publisher: InMemoryPublisher) -> None:
    assert api.get("/healthz").status_code == 200
    assert api.get("/readyz").status_code == 200
    publisher.is_ready = False
    assert api.get("/readyz").status_code == 503
    assert api.get("/healthz").status_code == 200


def test_metrics_count_received_accepted_rejected_and_failures(
    api: SyncApi, publisher: InMemoryPublisher, seed_article: dict[str, Any]
) -> None:
    api.post("/v1/articles", json=[seed_article, seed_article])
    api.post("/v1/articles", json=[{"url": "https://e.com/a"}, seed_article])
    api.post("/v1/articles", content=b"{", headers=JSON)
    publisher.fail()
    api.post("/v1/articles", json=seed_article)

    response = api.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    samples = {
        line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
        for line in response.text.splitlines()
        if line and not line.startswith("#")
    }
    assert samples["newsflow_ingest_articles_received_total"] == 5
    assert samples["newsflow_ingest_articles_accepted_total"] == 1
    assert samples["newsflow_ingest_articles_deduplicated_total"] == 1
    assert samples['newsflow_ingest_articles_rejected_total{reason="invalid"}'] == 1
    assert samples['newsflow_ingest_articles_rejected_total{reason="batch_rejected"}'] == 1
    assert samples['newsflow_ingest_articles_rejected_total{reason="broker_unavailable"}'] == 1
    assert samples['newsflow_ingest_requests_rejected_total{reason="malformed_json"}'] == 1
    assert samples["newsflow_ingest_publish_failures_total"] == 1
    assert samples["newsflow_ingest_publish_duration_seconds_count"] == 2


def test_two_apps_have_separate_metrics(settings: Any, seed_article: dict[str, Any]) -> None:
    from services.ingest.app import create_app

    one = SyncApi(create_app(settings, InMemoryPublisher()), headers=KEY_HEADERS)
    two = SyncApi(create_app(settings, InMemoryPublisher()), headers=KEY_HEADERS)
    one.post("/v1/articles", json=seed_article)
    assert "newsflow_ingest_articles_accepted_total 1.0" in one.get("/metrics").text
    assert "newsflow_ingest_articles_accepted_total 0.0" in two.get("/metrics").text


def test_openapi_documents_the_article_fields(api: SyncApi) -> None:
    spec = api.get("/openapi.json").json()
    body = spec["paths"]["/v1/articles"]["post"]["requestBody"]
    assert "url" in json.dumps(body)


def test_a_slow_publish_does_not_block_other_requests(
    settings: Any, seed_article: dict[str, Any]
) -> None:
    from services.ingest.app import create_app

    release = threading.Event()

    class SlowPublisher(InMemoryPublisher):
        def publish(self, articles: Any) -> None:
            release.wait(10)
            super().publish(articles)

    app = create_app(settings, SlowPublisher())

    async def scenario() -> tuple[int, int, bool]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://ingest", headers=KEY_HEADERS
        ) as client:
            post = asyncio.create_task(client.post("/v1/articles", json=seed_article))
            await asyncio.sleep(0.1)
            health = await asyncio.wait_for(client.get("/healthz"), timeout=5)
            publishing = not post.done()
            release.set()
            return health.status_code, (await post).status_code, publishing

    health_status, post_status, publishing = asyncio.run(scenario())
    assert health_status == 200
    assert publishing  # answered while the publish was still held
    assert post_status == 202
