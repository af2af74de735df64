"""Probes, the OpenAPI document and the live page's assets, against a real Postgres."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from services.query.app import create_app
from services.query.settings import ApiSettings
from services.stack.broker import free_port

pytestmark = pytest.mark.integration


def test_ready_on_a_migrated_database(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "stack_id": None}
    response = client.get("/readyz")
    assert (response.status_code, response.json()) == (200, {"status": "ready", "stack_id": None})


def test_not_ready_until_the_schema_is_migrated(database_url: str) -> None:
    settings = ApiSettings(database_url=SecretStr(database_url))
    with TestClient(create_app(settings)) as client:
        response = client.get("/readyz")

    assert response.status_code == 503
    assert "newsflow init" in response.json()["status"]


@pytest.fixture
def client_without_database() -> Iterator[TestClient]:
    # A port nothing listens on: the pool can never connect.
    url = f"postgresql://postgres@127.0.0.1:{free_port()}/newsflow"
    settings = ApiSettings(database_url=SecretStr(url), api_pool_timeout_s=0.5)
    with TestClient(create_app(settings)) as client:
        yield client


def test_database_down_is_503_with_retry_after_not_500(
    client_without_database: TestClient,
) -> None:
    response = client_without_database.get("/v1/claims")

    assert response.status_code == 503
    assert response.headers["retry-after"]
    assert "database unavailable" in response.json()["detail"][0]["msg"]
    assert client_without_database.get("/healthz").status_code == 200
    assert client_without_database.get("/readyz").status_code == 503


def test_openapi_documents_every_endpoint_with_models_and_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()

    assert set(spec["paths"]) >= {
        "/v1/claims",
        "/v1/events",
        "/v1/incidents",
        "/v1/incidents/{incident_id}",
        "/v1/articles/{article_id}",
        "/healthz",
        "/readyz",
    }
    claims = spec["paths"]["/v1/claims"]["get"]
    assert claims["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ClaimPage"
    }
    assert "422" in claims["responses"] and "503" in claims["responses"]
    assert {p["name"] for p in claims["parameters"]} >= {"speaker", "q", "limit", "cursor"}
    schemas = spec["components"]["schemas"]
    for name in ("ClaimPage", "EventPage", "IncidentDetail", "ArticleDetail"):
        assert schemas[name].get("examples"), name
        assert schemas[name].get("description"), name


def test_the_live_page_and_its_assets_are_served_locally(client: TestClient) -> None:
    page = client.get("/")

    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "/static/app.js" in page.text
    for asset, kind in (("/static/app.js", "javascript"), ("/static/style.css", "text/css")):
        response = client.get(asset)
        assert response.status_code == 200
        assert kind in response.headers["content-type"]
    # Nothing the page references lives elsewhere.
    for text in (page.text, client.get("/static/app.js").text):
        assert "http://" not in text and "https://" not in text
