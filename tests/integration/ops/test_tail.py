"""``newsflow tail`` as a user runs it: a subprocess on the test broker that shows a claim
produced after it started, and stops cleanly on Ctrl-C (SIGINT)."""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import IO

import pytest

from shared.codec import encode
from shared.kafka import ensure_topics, make_producer
from shared.settings import KafkaSettings
from shared.topics import CLAIMS_EXTRACTED, EVENTS_EXTRACTED
from tests.integration.query.samples import article, claim, event

pytestmark = pytest.mark.integration


class Tail:
    """A running ``newsflow tail`` with its output lines collected by reader threads."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc
        self.stdout: queue.Queue[str] = queue.Queue()
        self.stderr: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        for stream, sink in ((proc.stdout, self.stdout), (proc.stderr, self.stderr)):
            threading.Thread(target=_pump, args=(stream, sink), daemon=True).start()

    def wait_for(self, sink: queue.Queue[str], needle: str, *, timeout_s: float) -> str:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                line = sink.get(timeout=0.2)
            except queue.Empty:
                assert self.proc.poll() is None, f"tail exited early: {self.seen}"
                continue
            self.seen.append(line)
            if needle in line:
                return line
        raise AssertionError(f"{needle!r} not shown within {timeout_s}s; saw {self.seen}")


def _pump(stream: IO[str] | None, sink: queue.Queue[str]) -> None:
    assert stream is not None
    for line in stream:
        sink.put(line.rstrip("\n"))


@pytest.fixture
def settings(kafka_bootstrap: str, topic_prefix: str) -> KafkaSettings:
    return KafkaSettings(kafka_bootstrap=kafka_bootstrap, topic_prefix=topic_prefix)


@contextlib.contextmanager
def _start_tail(settings: KafkaSettings, *args: str) -> Iterator[Tail]:
    env = {
        **os.environ,
        "NEWSFLOW_KAFKA_BOOTSTRAP": settings.kafka_bootstrap,
        "NEWSFLOW_TOPIC_PREFIX": settings.topic_prefix,
        "NEWSFLOW_TOPIC_PARTITIONS": "2",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "tail", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield Tail(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _produce(settings: KafkaSettings, topic: str, *messages: object) -> None:
    producer = make_producer(settings)
    try:
        for message in messages:
            producer.send(
                settings.topic(topic),
                key=message.article_id.encode(),  # type: ignore[attr-defined]
                value=encode(message),  # type: ignore[arg-type]
            ).get(timeout=15)
    finally:
        producer.close(timeout=5)


def test_tail_claims_shows_a_claim_produced_after_it_started_and_stops_on_ctrl_c(
    settings: KafkaSettings,
) -> None:
    a = article(1)
    # The topic appears only after tail started: it waits for it rather than failing.
    with _start_tail(settings, "claims") as tail:
        tail.wait_for(tail.stderr, "waiting for topic", timeout_s=30)
        ensure_topics(settings, (CLAIMS_EXTRACTED,))
        _produce(settings, CLAIMS_EXTRACTED, claim(a, 0, speaker="Before Start"))
        tail.wait_for(tail.stderr, "following", timeout_s=30)
        time.sleep(0.5)
        _produce(
            settings, CLAIMS_EXTRACTED, claim(a, 1, speaker="Jens Stoltenberg", role="NATO chief")
        )

        line = tail.wait_for(tail.stdout, "Jens Stoltenberg", timeout_s=30)

        assert "(NATO chief)" in line
        assert "“We can expect additional offensive actions”" in line
        assert a.article_id in line
        tail.proc.send_signal(signal.SIGINT)
        assert tail.proc.wait(timeout=15) == 0
        remaining = (tail.proc.stderr.read() if tail.proc.stderr else "") or ""
        assert "Traceback" not in remaining


def test_tail_events_from_the_beginning_shows_earlier_events(settings: KafkaSettings) -> None:
    a = article(1)
    ensure_topics(settings, (EVENTS_EXTRACTED,))
    _produce(settings, EVENTS_EXTRACTED, event(a, 0, trigger="strike", killed=20))

    with _start_tail(settings, "events", "--from-beginning") as tail:
        line = tail.wait_for(tail.stdout, "ASSAULT", timeout_s=30)

        assert "Mykolayiv (UKR)" in line
        assert "2022-03-29" in line and "20 killed" in line
        tail.proc.send_signal(signal.SIGTERM)
        assert tail.proc.wait(timeout=15) == 0
