"""The ingest API's HTTP edges: a body that never comes is cut off (408), a 405 lists every
method of the path, and the OpenAPI document says what is really sent and answered."""

from __future__ import annotations

import socket
import time

import pytest
from pydantic import SecretStr

from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from tests.integration.ingest.served import served
from tests.unit.ingest.support import TEST_API_KEY, InMemoryPublisher, SyncApi

BODY_TIMEOUT_S = 1.0


def read_until_closed(base_url: str, request: bytes, *, limit_s: float) -> tuple[bytes, float]:
    """Send raw bytes, read until the server closes; the answer and how long that took."""
    host, port = base_url.removeprefix("http://").split(":")
    started = time.monotonic()
    with socket.create_connection((host, int(port))) as conn:
        conn.settimeout(limit_s)
        conn.sendall(request)
        answer = b""
        try:
            while chunk := conn.recv(65536):
                answer += chunk
        except TimeoutError:
            pytest.fail(f"the connection was still open after {limit_s} s: {answer[:200]!r}")
    return answer, time.monotonic() - started


def test_a_body_announced_and_never_sent_gets_408_and_the_connection_closes() -> None:
    settings = IngestSettings(
        dev_mode=False,
        api_keys=SecretStr(TEST_API_KEY),
        api_keys_file=None,
        http_body_timeout_s=BODY_TIMEOUT_S,
    )
    request = (
        b"POST /v1/articles HTTP/1.1\r\nHost: ingest\r\nContent-Type: application/json\r\n"
        b"X-API-Key: " + TEST_API_KEY.encode() + b"\r\nContent-Length: 1000\r\n\r\n{"
    )
    with served(create_app(settings, InMemoryPublisher())) as base_url:
        answer, seconds = read_until_closed(base_url, request, limit_s=10)
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert b"did not arrive within 1 seconds" in answer
    assert seconds >= BODY_TIMEOUT_S  # not cut before its time; how soon after is not timed


def test_a_body_sent_in_time_is_read_as_usual(api: SyncApi) -> None:
    response = api.post("/v1/articles", json={"url": "https://e.example/a", "body": "Text."})
    assert response.status_code == 202


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("OPTIONS", "/v1/feeds", "GET, POST"),
        ("PUT", "/v1/feeds", "GET, POST"),
        ("OPTIONS", "/v1/articles", "POST"),
        ("GET", "/v1/feeds/f-1", "DELETE"),
    ],
)
def test_405_allow_lists_every_method_of_the_path(
    api: SyncApi, method: str, path: str, allow: str
) -> None:
    response = api.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allow


def test_openapi_says_metrics_is_text_and_feeds_post_documents_its_refusals(api: SyncApi) -> None:
    schema = api.get("/openapi.json").json()
    metrics = schema["paths"]["/metrics"]["get"]["responses"]["200"]["content"]
    assert list(metrics) == ["text/plain"]
    assert api.get("/metrics").headers["content-type"].startswith("text/plain")
    documented = set(schema["paths"]["/v1/feeds"]["post"]["responses"])
    assert {"400", "401", "413", "415", "422", "429", "503"} <= documented
