"""Access to the write API over HTTP: API keys (401), rate limit (429), dev mode, refusing to
start open. The probes and metrics stay open."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from pydantic import SecretStr

from services.ingest.app import create_app, describe_write_access, run
from services.ingest.domain.api_keys import fingerprint
from services.ingest.settings import IngestSettings
from shared.errors import ConfigurationError
from tests.unit.ingest.support import TEST_API_KEY, InMemoryPublisher, SyncApi

OTHER_KEY = "other-key-abcdefghijklmnop"


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def keyed_settings(**overrides: Any) -> IngestSettings:
    values: dict[str, Any] = {
        "dev_mode": False,
        "api_keys": SecretStr(f"{TEST_API_KEY},{OTHER_KEY}"),
        "api_keys_file": None,
        "rate_limit_per_s": 1.0,
        "rate_limit_burst": 2,
        **overrides,
    }
    return IngestSettings(**values)


def problem(response: Any) -> dict[str, Any]:
    [error] = response.json()["detail"]
    assert isinstance(error, dict)
    return error


@pytest.fixture
def open_api(publisher: InMemoryPublisher) -> SyncApi:
    """An app requiring keys, called *without* default headers."""
    return SyncApi(create_app(keyed_settings(rate_limit_per_s=0), publisher))


def test_missing_key_is_a_401_naming_the_headers_with_www_authenticate(
    open_api: SyncApi, publisher: InMemoryPublisher, seed_article: dict[str, Any]
) -> None:
    response = open_api.post("/v1/articles", json=seed_article)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == 'Bearer realm="newsflow"'
    error = problem(response)
    assert error["type"] == "missing_api_key"
    assert error["loc"] == ["header", "authorization"]
    assert "Authorization: Bearer" in error["msg"] and "X-API-Key" in error["msg"]
    assert publisher.published == []


@pytest.mark.parametrize(
    ("headers", "loc"),
    [
        ({"Authorization": "Bearer wrong-key-0123456789abc"}, "authorization"),
        ({"X-API-Key": "wrong-key-0123456789abc"}, "x-api-key"),
        ({"X-API-Key": TEST_API_KEY[:-1]}, "x-api-key"),
        ({"Authorization": f"Bearer {TEST_API_KEY}x"}, "authorization"),
    ],
)
def test_wrong_key_in_either_header_is_a_401_invalid_token(
    open_api: SyncApi,
    publisher: InMemoryPublisher,
    seed_article: dict[str, Any],
    headers: dict[str, str],
    loc: str,
) -> None:
    response = open_api.post("/v1/articles", json=seed_article, headers=headers)
    assert response.status_code == 401
    assert 'error="invalid_token"' in response.headers["www-authenticate"]
    assert problem(response) == {
        "loc": ["header", loc],
        "msg": "invalid API key",
        "type": "invalid_api_key",
    }
    assert publisher.published == []


def test_a_non_bearer_authorization_counts_as_no_key(
    open_api: SyncApi, seed_article: dict[str, Any]
) -> None:
    headers = {"Authorization": f"Basic {TEST_API_KEY}"}
    response = open_api.post("/v1/articles", json=seed_article, headers=headers)
    assert response.status_code == 401
    assert problem(response)["type"] == "missing_api_key"


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": f"Bearer {TEST_API_KEY}"},
        {"authorization": f"bearer {OTHER_KEY}"},
        {"X-API-Key": TEST_API_KEY},
        {"x-api-key": OTHER_KEY},
        {"Authorization": f"Bearer {TEST_API_KEY}", "X-API-Key": "ignored-when-bearer-given"},
    ],
)
def test_right_key_in_either_header_is_accepted(
    open_api: SyncApi,
    publisher: InMemoryPublisher,
    seed_article: dict[str, Any],
    headers: dict[str, str],
) -> None:
    response = open_api.post("/v1/articles", json=seed_article, headers=headers)
    assert response.status_code == 202, response.text
    assert len(publisher.published) == 1


def test_key_is_checked_before_the_body_is_read(open_api: SyncApi) -> None:
    # No key and an unreadable body: the answer is about the key, not the body.
    response = open_api.post("/v1/articles", content=b"{", headers={"content-type": "text/plain"})
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/v1/articles"), ("POST", "/v1/feeds"), ("DELETE", "/v1/feeds/f-x")],
)
def test_every_write_route_refuses_a_request_without_a_key_first(
    open_api: SyncApi, method: str, path: str
) -> None:
    # No feed service here: the key is checked before the 501 of the feed routes.
    response = open_api.request(method, path, json={"url": "https://e.example/rss"})
    assert response.status_code == 401
    assert problem(response)["type"] == "missing_api_key"


def test_the_open_feed_listing_needs_no_key(open_api: SyncApi) -> None:
    assert open_api.get("/v1/feeds").status_code == 501  # not enabled, but not refused


def test_probes_metrics_and_openapi_need_no_key(open_api: SyncApi) -> None:
    for path in ("/healthz", "/readyz", "/metrics", "/openapi.json"):
        assert open_api.get(path).status_code == 200, path


def test_openapi_documents_both_ways_of_sending_a_key(open_api: SyncApi) -> None:
    spec = open_api.get("/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    assert schemes["HTTPBearer"]["scheme"] == "bearer"
    assert schemes["APIKeyHeader"]["name"] == "X-API-Key"
    assert "401" in spec["paths"]["/v1/articles"]["post"]["responses"]
    assert "429" in spec["paths"]["/v1/articles"]["post"]["responses"]


def test_dev_mode_needs_no_key(publisher: InMemoryPublisher, seed_article: dict[str, Any]) -> None:
    api = SyncApi(create_app(IngestSettings(dev_mode=True, api_keys=None), publisher))
    assert api.post("/v1/articles", json=seed_article).status_code == 202
    assert "no API key needed" in describe_write_access(IngestSettings(dev_mode=True))


def test_without_keys_outside_dev_mode_the_app_refuses_to_be_built() -> None:
    settings = IngestSettings(dev_mode=False, api_keys=None, api_keys_file=None)
    with pytest.raises(ConfigurationError, match="NEWSFLOW_API_KEYS"):
        create_app(settings, InMemoryPublisher())


def test_without_keys_outside_dev_mode_run_refuses_to_start() -> None:
    settings = IngestSettings(dev_mode=False, api_keys=None, api_keys_file=None, http_port=0)
    with pytest.raises(ConfigurationError, match="NEWSFLOW_DEV_MODE=true"):
        run(settings)


def test_serve_ingest_without_keys_exits_with_the_reason(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from services.cli import main

    for name in ("NEWSFLOW_API_KEYS", "NEWSFLOW_API_KEYS_FILE", "NEWSFLOW_DEV_MODE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEWSFLOW_HTTP_PORT", "0")
    assert main(["serve", "ingest"]) == 2
    assert "the write API needs an API key" in capsys.readouterr().err


def test_over_the_rate_a_key_gets_429_with_retry_after_and_a_json_error(
    publisher: InMemoryPublisher, seed_article: dict[str, Any]
) -> None:
    clock = FakeClock()
    api = SyncApi(create_app(keyed_settings(), publisher, clock=clock))
    key = {"X-API-Key": TEST_API_KEY}
    for _ in range(2):  # the burst
        assert api.post("/v1/articles", json=seed_article, headers=key).status_code == 202
    limited = api.post("/v1/articles", json=seed_article, headers=key)
    assert limited.status_code == 429
    assert limited.headers["retry-after"] == "1"
    error = problem(limited)
    assert error["type"] == "rate_limited"
    assert "rate limit" in error["msg"] and "retry after 1 s" in error["msg"]
    assert len(publisher.published) == 2  # the refused request published nothing

    other = {"Authorization": f"Bearer {OTHER_KEY}"}  # another key has its own bucket
    assert api.post("/v1/articles", json=seed_article, headers=other).status_code == 202
    clock.now += 1.0
    assert api.post("/v1/articles", json=seed_article, headers=key).status_code == 202


def test_retry_after_counts_whole_seconds_until_the_next_request_is_allowed(
    publisher: InMemoryPublisher, seed_article: dict[str, Any]
) -> None:
    clock = FakeClock()
    api = SyncApi(
        create_app(
            keyed_settings(rate_limit_per_s=0.25, rate_limit_burst=1), publisher, clock=clock
        )
    )
    key = {"X-API-Key": TEST_API_KEY}
    api.post("/v1/articles", json=seed_article, headers=key)
    assert api.post("/v1/articles", json=seed_article, headers=key).headers["retry-after"] == "4"
    clock.now += 2.5
    assert api.post("/v1/articles", json=seed_article, headers=key).headers["retry-after"] == "2"


def test_unauthenticated_requests_do_not_use_up_a_keys_rate(
    publisher: InMemoryPublisher, seed_article: dict[str, Any]
) -> None:
    api = SyncApi(create_app(keyed_settings(), publisher, clock=FakeClock()))
    statuses = [api.post("/v1/articles", json=seed_article).status_code for _ in range(5)]
    assert statuses == [401, 401, 429, 429, 429]  # throttled per address, not per key
    key = {"X-API-Key": TEST_API_KEY}
    assert api.post("/v1/articles", json=seed_article, headers=key).status_code == 202


def test_requests_with_a_wrong_key_count_against_the_rate_limit(
    publisher: InMemoryPublisher, seed_article: dict[str, Any]
) -> None:
    # Issue 11: 300 requests with a wrong key in a burst were all 401, none 429.
    settings = keyed_settings(rate_limit_per_s=100.0, rate_limit_burst=200)
    api = SyncApi(create_app(settings, publisher, clock=FakeClock()))
    wrong = {"X-API-Key": "wrong-key-0123456789abcdef"}
    answers = [api.post("/v1/articles", json=seed_article, headers=wrong) for _ in range(300)]
    statuses = [a.status_code for a in answers]
    assert statuses.count(401) == 200 and statuses.count(429) == 100
    limited = answers[-1]
    assert limited.headers["retry-after"].isdigit()
    assert "this client address" in problem(limited)["msg"]


def test_dev_mode_limits_per_client_address(
    publisher: InMemoryPublisher, seed_article: dict[str, Any]
) -> None:
    settings = IngestSettings(dev_mode=True, rate_limit_per_s=1.0, rate_limit_burst=1)
    api = SyncApi(create_app(settings, publisher, clock=FakeClock()))
    assert api.post("/v1/articles", json=seed_article).status_code == 202
    limited = api.post("/v1/articles", json=seed_article)
    assert limited.status_code == 429
    assert "client address" in problem(limited)["msg"]


def test_rate_limit_zero_turns_the_limit_off(
    publisher: InMemoryPublisher, seed_article: dict[str, Any]
) -> None:
    api = SyncApi(create_app(keyed_settings(rate_limit_per_s=0, rate_limit_burst=1), publisher))
    key = {"X-API-Key": TEST_API_KEY}
    assert {
        api.post("/v1/articles", json=seed_article, headers=key).status_code for _ in range(5)
    } == {202}


def test_keys_never_reach_logs_or_metrics_only_their_fingerprints(
    publisher: InMemoryPublisher,
    seed_article: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = keyed_settings()
    api = SyncApi(create_app(settings, publisher, clock=FakeClock()))
    wrong = "wrong-key-0123456789abcdef"
    api.post("/v1/articles", json=seed_article, headers={"X-API-Key": wrong})
    for _ in range(3):
        api.post("/v1/articles", json=seed_article, headers={"X-API-Key": TEST_API_KEY})
    metrics = api.get("/metrics").text
    announced = describe_write_access(settings)
    for text in (metrics, caplog.text, announced):
        for secret in (TEST_API_KEY, OTHER_KEY, wrong):
            assert secret not in text
    assert (
        f'newsflow_ingest_write_requests_total{{api_key="{fingerprint(TEST_API_KEY)}"}} 2.0'
        in metrics
    )
    assert (
        f'newsflow_ingest_requests_rate_limited_total{{api_key="{fingerprint(TEST_API_KEY)}"}} 1.0'
        in metrics
    )
    assert 'newsflow_ingest_requests_rejected_total{reason="unauthorized"} 1.0' in metrics
    assert 'newsflow_ingest_requests_rejected_total{reason="rate_limited"} 1.0' in metrics
    assert f"key:{fingerprint(TEST_API_KEY)}" in caplog.text
    assert "API key required (2 configured" in announced
