"""Hostile parameters on a real Postgres: control characters in query parameters and path ids
are refused with a 422 naming the parameter before any SQL runs, the pooled connection stays
usable for the next request, and numeric times are refused like ingest refuses them."""

from __future__ import annotations

import threading
import time
from typing import Any

import psycopg
import pytest
import uvicorn
from fastapi.testclient import TestClient
from pydantic import SecretStr

from services.query.app import create_app, server_config
from services.query.settings import ApiSettings
from services.stack.broker import free_port
from tests.unit.ingest.test_http_limits import read_until_closed

from .samples import article, claim, store

pytestmark = pytest.mark.integration

CONTROL_CHARACTERS = ["%00", "a%00b", "%01", "%0B", "%1F", "%7F"]
QUERY_PARAMETERS = [
    ("/v1/claims", "speaker"),
    ("/v1/claims", "q"),
    ("/v1/claims", "article_id"),
    ("/v1/claims", "cursor"),
    ("/v1/events", "place"),
    ("/v1/events", "q"),
    ("/v1/events", "article_id"),
    ("/v1/events", "cursor"),
]


@pytest.fixture
def stored(conn: psycopg.Connection[Any]) -> str:
    """One article with a claim, to check the next request still finds it."""
    first = article(1)
    store(conn, articles=[first], claims=[claim(first, speaker="Maria Lindqvist")])
    return first.article_id


def assert_names(response: Any, loc: list[str]) -> None:
    assert response.status_code == 422, response.text
    [error] = response.json()["detail"]
    assert error["loc"] == loc
    assert "control character" in error["msg"]


def assert_pool_still_serves(client: TestClient, article_id: str) -> None:
    # api_pool_max=2: with both connections tried, a broken one would show up here.
    for _ in range(3):
        response = client.get("/v1/claims", params={"speaker": "lindqvist"})
        assert response.status_code == 200, response.text
        assert [i["article"]["article_id"] for i in response.json()["items"]] == [article_id]


@pytest.mark.parametrize(("path", "name"), QUERY_PARAMETERS)
@pytest.mark.parametrize("value", CONTROL_CHARACTERS)
def test_nul_in_query_parameter_is_4xx_and_next_request_works(
    client: TestClient, stored: str, path: str, name: str, value: str
) -> None:
    response = client.get(f"{path}?{name}={value}")
    assert_names(response, ["query", name])
    assert_pool_still_serves(client, stored)


@pytest.mark.parametrize("path", ["/v1/articles/a%00b", "/v1/incidents/i%00", "/v1/articles/%7F"])
def test_nul_in_path_id_is_422_naming_it_and_next_request_works(
    client: TestClient, stored: str, path: str
) -> None:
    name = "article_id" if path.startswith("/v1/articles") else "incident_id"
    assert_names(client.get(path), ["path", name])
    assert_pool_still_serves(client, stored)


def test_a_tab_in_a_search_is_text_not_a_control_character(client: TestClient, stored: str) -> None:
    assert client.get("/v1/claims?speaker=maria%09lindqvist").status_code == 200


@pytest.mark.parametrize("name", ["seen_from", "seen_to", "published_from", "published_to"])
@pytest.mark.parametrize("value", ["0.5", "1648737000", "-1", "1e9"])
def test_numeric_time_is_refused_like_ingest_refuses_it(
    client: TestClient, name: str, value: str
) -> None:
    response = client.get("/v1/claims", params={name: value})
    assert response.status_code == 422, response.text
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", name]
    assert "ISO-8601" in error["msg"]


def test_iso_times_are_still_accepted(client: TestClient, stored: str) -> None:
    response = client.get("/v1/events", params={"seen_from": "2022-03-29T00:00:00Z"})
    assert response.status_code == 200, response.text


def test_a_body_announced_to_the_query_api_and_never_sent_does_not_hold_the_connection(
    migrated_url: str,
) -> None:
    settings = ApiSettings(
        database_url=SecretStr(migrated_url),
        api_port=free_port(),
        api_body_timeout_s=1.0,
        api_keep_alive_s=1,
    )
    server = uvicorn.Server(server_config(create_app(settings), settings))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            assert thread.is_alive()
            time.sleep(0.02)
        request = b"GET /v1/claims HTTP/1.1\r\nHost: api\r\nContent-Length: 1000\r\n\r\n"
        base_url = f"http://127.0.0.1:{settings.api_port}"
        answer, _ = read_until_closed(base_url, request, limit_s=10)  # closed, not held
    finally:
        server.should_exit = True
        thread.join(15)
    assert answer.startswith(b"HTTP/1.1 200 "), answer[:200]
    # Closed after the keep-alive timeout of 1 s, not uvicorn's default of 5: read from the
    # server's configuration, not timed on a shared machine.
    assert server.config.timeout_keep_alive == 1


def test_405_allow_lists_the_methods_of_the_path(client: TestClient) -> None:
    response = client.post("/v1/claims")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"
