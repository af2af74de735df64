"""The ingest API loads nothing from elsewhere: FastAPI's /docs and /redoc pages (Swagger UI and
ReDoc from a CDN) are off, as on the query API; the schema is served at /openapi.json."""

from __future__ import annotations

import pytest

from tests.unit.ingest.support import SyncApi


@pytest.mark.parametrize("path", ["/docs", "/redoc", "/docs/oauth2-redirect"])
def test_the_cdn_documentation_pages_are_off(api: SyncApi, path: str) -> None:
    response = api.get(path)
    assert response.status_code == 404
    assert "cdn" not in response.text.lower()


def test_the_openapi_schema_is_served(api: SyncApi) -> None:
    response = api.get("/openapi.json")
    assert response.status_code == 200
    assert "/v1/articles" in response.json()["paths"]
