"""An export abandoned by its client gives its database connection back: ``newsflow serve api``
with a pool of one connection still answers after downloads cut short."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from services.bench.export_memory import fill

from .api_server import serve_query_api

pytestmark = pytest.mark.integration


@pytest.fixture
def one_connection_api(database_url: str) -> Iterator[str]:
    fill(database_url, 3000)  # several batches, more than the socket buffers hold
    one_connection = {
        "NEWSFLOW_API_POOL_MIN": "1",
        "NEWSFLOW_API_POOL_MAX": "1",
        "NEWSFLOW_API_POOL_TIMEOUT_S": "3",
    }
    with serve_query_api(database_url=database_url, env=one_connection) as url:
        yield url


@pytest.mark.parametrize("kind", ["events", "claims"])
def test_an_abandoned_export_gives_its_connection_back(one_connection_api: str, kind: str) -> None:
    for _ in range(3):
        with httpx.stream(
            "GET", f"{one_connection_api}/v1/{kind}/export", params={"format": "jsonl"}
        ) as response:
            assert response.status_code == 200
            next(response.iter_bytes())  # the first chunk, then the client goes away

        after = httpx.get(f"{one_connection_api}/v1/{kind}", params={"limit": 1}, timeout=10)

        assert after.status_code == 200, after.text
