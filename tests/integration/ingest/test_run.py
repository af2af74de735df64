"""``run()`` as a process: announces its address and whether writes need a key, serves, stops
cleanly on SIGTERM/SIGINT; refuses to start without a key outside dev mode."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from services.ingest.app import run
from services.ingest.settings import IngestSettings
from services.stack.broker import free_port
from shared.errors import ConfigurationError
from tests.unit.ingest.conftest import SEED_ARTICLE
from tests.unit.ingest.support import KEY_HEADERS, TEST_API_KEY

pytestmark = pytest.mark.integration

LISTENING = re.compile(r"ingest API listening on (http://127\.0\.0\.1:\d+)")
RUN = (
    "from services.ingest.app import run; "
    "from services.ingest.settings import IngestSettings; "
    "run(IngestSettings())"
)


def service_env(bootstrap: str, topic_prefix: str) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("NEWSFLOW_API_KEYS_FILE", "NEWSFLOW_DEV_MODE")
    }
    return {
        **env,
        "NEWSFLOW_HTTP_PORT": "0",
        "NEWSFLOW_KAFKA_BOOTSTRAP": bootstrap,
        "NEWSFLOW_TOPIC_PREFIX": topic_prefix,
        "NEWSFLOW_PUBLISH_TIMEOUT_S": "3",
        "NEWSFLOW_API_KEYS": TEST_API_KEY,
    }


@contextmanager
def ingest_process(
    bootstrap: str, topic_prefix: str
) -> Iterator[tuple[subprocess.Popen[str], str]]:
    env = service_env(bootstrap, topic_prefix)
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # the first thing it prints
        match = LISTENING.search(line)
        assert match, f"unexpected first line {line!r}"
        announcement = proc.stdout.readline()
        assert "write API: API key required (1 configured" in announcement, announcement
        assert TEST_API_KEY not in announcement
        yield proc, match.group(1)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def post_seed(base: str) -> httpx.Response:
    return httpx.post(
        f"{base}/v1/articles",
        content=SEED_ARTICLE.read_bytes(),
        headers={"content-type": "application/json", **KEY_HEADERS},
        timeout=30,
    )


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_run_serves_posts_and_stops_cleanly_on_a_signal(
    kafka_bootstrap: str, topic_prefix: str, stop_signal: signal.Signals
) -> None:
    with ingest_process(kafka_bootstrap, topic_prefix) as (proc, base):
        assert httpx.get(f"{base}/healthz").status_code == 200
        unauthorized = httpx.post(f"{base}/v1/articles", json={"url": "https://e.com/a"})
        assert unauthorized.status_code == 401
        response = post_seed(base)
        assert response.status_code == 202, response.text
        assert httpx.get(f"{base}/readyz").status_code == 200
        proc.send_signal(stop_signal)
        assert proc.wait(timeout=20) == 0


def test_run_starts_without_a_broker_and_answers_503(topic_prefix: str) -> None:
    with ingest_process(f"127.0.0.1:{free_port()}", topic_prefix) as (proc, base):
        response = post_seed(base)  # its client gives up after 30 s: a hang fails the test
        assert response.status_code == 503
        assert "retry-after" in response.headers
        assert httpx.get(f"{base}/readyz").status_code == 503
        assert httpx.get(f"{base}/healthz").status_code == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0


def test_run_on_a_port_in_use_raises_configuration_error(topic_prefix: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        settings = IngestSettings(
            http_port=taken.getsockname()[1],
            kafka_bootstrap=f"127.0.0.1:{free_port()}",
            topic_prefix=topic_prefix,
        )
        with pytest.raises(ConfigurationError):
            run(settings)


def test_serve_ingest_without_an_api_key_refuses_to_start(topic_prefix: str) -> None:
    env = service_env(f"127.0.0.1:{free_port()}", topic_prefix)
    del env["NEWSFLOW_API_KEYS"]
    done = subprocess.run(
        [sys.executable, "-m", "services.cli", "serve", "ingest"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "the write API needs an API key" in done.stderr
    assert "listening" not in done.stdout
