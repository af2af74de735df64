"""Helpers of the store's integration tests: producing records, reading committed offsets and
dead letters, waiting for a condition."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kafka import KafkaConsumer, TopicPartition
from pydantic import BaseModel

from services.store.metrics import StoreMetrics
from shared.codec import decode, encode
from shared.kafka import make_producer
from shared.models import DeadLetter
from shared.settings import KafkaSettings
from shared.topics import DEADLETTER

Ends = dict[TopicPartition, int]


@dataclass
class RunningStore:
    """A store running ``run()`` in a thread (see the ``start_store`` fixture)."""

    stop: threading.Event
    thread: threading.Thread
    metrics: StoreMetrics
    errors: list[BaseException]

    def raise_if_dead(self) -> None:
        if self.errors:
            raise AssertionError("the store thread died") from self.errors[0]

    def shutdown(self, timeout_s: float = 20.0) -> None:
        self.stop.set()
        self.thread.join(timeout_s)
        assert not self.thread.is_alive(), "store did not stop"
        self.raise_if_dead()


def wait_until(
    predicate: Callable[[], bool],
    *,
    timeout_s: float,
    what: str,
    store: RunningStore | None = None,
) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if store is not None:
            store.raise_if_dead()
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout_s:.0f}s waiting for {what}")


def produce(
    settings: KafkaSettings, records: Iterable[tuple[str, bytes | None, bytes | None]]
) -> dict[tuple[str, int, int], bytes | None]:
    """Produce ``(topic, key, value)`` triples (topic unprefixed), wait for every ack, and return
    where each landed: ``{(topic, partition, offset): value}``."""
    producer = make_producer(settings)
    try:
        futures = [
            (producer.send(settings.topic(topic), key=key, value=value), value)
            for topic, key, value in records
        ]
        producer.flush(timeout=15)
        landed = {}
        for future, value in futures:
            meta = future.get(timeout=15)
            landed[(meta.topic, meta.partition, meta.offset)] = value
        return landed
    finally:
        producer.close(timeout=5)


def produce_models(settings: KafkaSettings, topic: str, models: Iterable[BaseModel]) -> Ends:
    """Produce messages keyed by ``article_id``; return the end offset of each partition used."""
    landed = produce(
        settings,
        ((topic, str(getattr(m, "article_id")).encode(), encode(m)) for m in models),  # noqa: B009
    )
    return ends_of(landed)


def ends_of(landed: Iterable[tuple[str, int, int]]) -> Ends:
    ends: Ends = {}
    for topic, partition, offset in landed:
        tp = TopicPartition(topic, partition)
        ends[tp] = max(ends.get(tp, 0), offset + 1)
    return ends


def merge_ends(*parts: Ends) -> Ends:
    merged: Ends = {}
    for part in parts:
        for tp, end in part.items():
            merged[tp] = max(merged.get(tp, 0), end)
    return merged


def committed_offsets(
    settings: KafkaSettings, group_id: str, partitions: Iterable[TopicPartition]
) -> Ends:
    """The group's committed offsets, read by a consumer that never joins the group."""
    consumer = KafkaConsumer(
        group_id=group_id, enable_auto_commit=False, **settings.kafka_client_options()
    )
    try:
        return {tp: consumer.committed(tp) or 0 for tp in partitions}
    finally:
        consumer.close(autocommit=False)


def read_dead_letters(
    settings: KafkaSettings, *, expected: int, timeout_s: float
) -> list[DeadLetter]:
    consumer = KafkaConsumer(
        settings.topic(DEADLETTER),
        group_id=None,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        **settings.kafka_client_options(),
    )
    letters: list[DeadLetter] = []
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline and len(letters) < expected:
            for records in consumer.poll(timeout_ms=300).values():
                letters.extend(decode(DeadLetter, r.value) for r in records)
        # A little longer, to see extra letters that should not be there.
        for records in consumer.poll(timeout_ms=500).values():
            letters.extend(decode(DeadLetter, r.value) for r in records)
        return letters
    finally:
        consumer.close()
