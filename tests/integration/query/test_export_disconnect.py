"""An export abandoned by its client gives its database connection back: ``newsflow serve api``
with a pool of one connection still answers after downloads cut short."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from services.bench.export_memory import fill
from services.stack.broker import free_port

pytestmark = pytest.mark.integration


@pytest.fixture
def one_connection_api(database_url: str) -> Iterator[str]:
    fill(database_url, 3000)  # several batches, more than the socket buffers hold
    port = free_port()
    env = {
        **os.environ,
        "NEWSFLOW_DATABASE_URL": database_url,
        "NEWSFLOW_API_PORT": str(port),
        "NEWSFLOW_API_POOL_MIN": "1",
        "NEWSFLOW_API_POOL_MAX": "1",
        "NEWSFLOW_API_POOL_TIMEOUT_S": "3",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "serve", "api"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert proc.poll() is None, "newsflow serve api exited"
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            time.sleep(0.2)
        else:
            raise AssertionError("query API not ready in 30s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=15)


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
