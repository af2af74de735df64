"""The reconnect policy, with stand-in publishers (the Kafka side is covered by integration
tests)."""

from __future__ import annotations

import threading
import time

import pytest

from services.ingest.adapters.publisher import ReconnectingPublisher
from shared.errors import BrokerUnavailableError, PoisonMessageError
from tests.unit.ingest.support import InMemoryPublisher


class Connector:
    def __init__(self) -> None:
        self.down = False
        self.made: list[InMemoryPublisher] = []

    def __call__(self) -> InMemoryPublisher:
        if self.down:
            raise BrokerUnavailableError("no broker")
        self.made.append(InMemoryPublisher())
        return self.made[-1]


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def wait_until_closed(publisher: InMemoryPublisher) -> None:
    deadline = time.monotonic() + 2
    while not publisher.closed and time.monotonic() < deadline:
        time.sleep(0.01)


def test_connects_lazily_and_reuses_the_connection() -> None:
    connect = Connector()
    publisher = ReconnectingPublisher(connect)
    assert connect.made == []
    publisher.publish([])
    publisher.publish([])
    assert len(connect.made) == 1


def test_unreachable_broker_fails_fast_until_the_retry_interval_passed() -> None:
    connect, clock = Connector(), Clock()
    connect.down = True
    publisher = ReconnectingPublisher(connect, retry_interval_s=5, clock=clock)
    with pytest.raises(BrokerUnavailableError):
        publisher.publish([])
    connect.down = False
    with pytest.raises(BrokerUnavailableError):  # too soon to try again
        publisher.publish([])
    assert not publisher.ready()
    clock.now += 5
    assert publisher.ready()
    publisher.publish([])


def test_a_failed_publish_discards_the_connection_and_the_next_call_reconnects() -> None:
    connect = Connector()
    publisher = ReconnectingPublisher(connect)
    publisher.publish([])
    first = connect.made[0]
    first.fail()
    with pytest.raises(BrokerUnavailableError):
        publisher.publish([])
    wait_until_closed(first)
    assert first.closed
    publisher.publish([])
    assert len(connect.made) == 2


def test_a_poison_record_keeps_the_connection() -> None:
    connect = Connector()
    publisher = ReconnectingPublisher(connect)
    publisher.publish([])
    connect.made[0].fail_with = PoisonMessageError("too big")
    with pytest.raises(PoisonMessageError):
        publisher.publish([])
    assert not connect.made[0].closed
    assert len(connect.made) == 1


def test_close_closes_the_connection_and_refuses_further_publishing() -> None:
    connect = Connector()
    publisher = ReconnectingPublisher(connect)
    publisher.publish([])
    publisher.close()
    assert connect.made[0].closed
    with pytest.raises(BrokerUnavailableError):
        publisher.publish([])


def test_close_does_not_wait_for_a_slow_connection_and_closes_it_when_it_arrives() -> None:
    connecting, release = threading.Event(), threading.Event()
    late = InMemoryPublisher()
    arrived: list[InMemoryPublisher] = []

    def slow_connect() -> InMemoryPublisher:
        connecting.set()
        release.wait(60)  # a close that waited for it would return only after this
        arrived.append(late)
        return late

    publisher = ReconnectingPublisher(slow_connect)
    outcome: list[BaseException | None] = []

    def publish() -> None:
        try:
            publisher.publish([])
            outcome.append(None)
        except BrokerUnavailableError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=publish)
    worker.start()
    assert connecting.wait(5)
    publisher.close()
    assert arrived == []  # close returned while the connection was still being made
    release.set()
    worker.join(5)
    assert isinstance(outcome[0], BrokerUnavailableError)
    assert late.closed
