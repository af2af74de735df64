"""``newsflow serve api`` as a process of its own, for tests that need the real server (its
pool, its streaming, the page in a browser) rather than the app in-process."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping

import httpx

from services.stack.broker import free_port

READY_TIMEOUT_S = 30


@contextlib.contextmanager
def serve_query_api(*, database_url: str, env: Mapping[str, str] | None = None) -> Iterator[str]:
    """The base URL of the query API on a free port once its ``/readyz`` answers 200; the
    process is stopped on leaving. ``env`` adds settings (``NEWSFLOW_API_POOL_MAX``, ...).

    Fails if the process exits, or is not ready within ``READY_TIMEOUT_S``.
    """
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "serve", "api"],
        env={
            **os.environ,
            "NEWSFLOW_DATABASE_URL": database_url,
            "NEWSFLOW_API_PORT": str(port),
            **(env or {}),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(proc, url)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def _wait_until_ready(proc: subprocess.Popen[bytes], url: str) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        assert proc.poll() is None, "newsflow serve api exited"
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                return
        time.sleep(0.2)
    raise AssertionError(f"query API not ready in {READY_TIMEOUT_S}s")
