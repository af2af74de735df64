"""Phase 5: one extract worker against two in the same consumer group.

The workers start on empty topics and are given time to settle their group; then the sample's
articles (:data:`REPEATS` times, under distinct URLs) are produced straight onto
``articles.raw`` (no ingest, no store: only extract is measured) and a consumer without a group
counts the claims and events coming out. Articles/s = articles / (timestamp of the last output
record − first article produced). The CPU seconds each worker used in that window show what the
machine let them have.
"""

from __future__ import annotations

import time
from typing import Any

from kafka import KafkaConsumer, TopicPartition

from services.bench.corpus import CorpusDoc, bench_url, raw_article
from services.bench.infra import Infra, Phase
from services.bench.processes import ServiceProcess, cpu_seconds, stop_all, wait_for_files
from shared.codec import encode
from shared.kafka import make_producer
from shared.settings import KafkaSettings
from shared.topics import ARTICLES_RAW, CLAIMS_EXTRACTED, EVENTS_EXTRACTED

# The sample is produced this many times (distinct URLs): with two workers a single pass lasts
# only ~8 s, in which starting, draining and the uneven split of keys over partitions weigh
# several per cent.
REPEATS = 3
GROUP_SETTLE_S = 4.0  # after the last worker got its partitions: let the group stop moving
STABLE_S = 10.0


def measure_scale_out(
    infra: Infra,
    docs: list[CorpusDoc],
    *,
    expected_outputs: int,
    worker_counts: tuple[int, ...] = (1, 2),
) -> dict[str, Any]:
    runs = {str(n): _run(infra, docs, n, expected_outputs=expected_outputs) for n in worker_counts}
    out: dict[str, Any] = {"articles": len(docs), "runs": runs}
    if "1" in runs and "2" in runs:
        out["ratio_2_vs_1"] = runs["2"]["articles_per_s"] / runs["1"]["articles_per_s"]
    return out


def _run(
    infra: Infra, docs: list[CorpusDoc], workers: int, *, expected_outputs: int
) -> dict[str, Any]:
    phase = Phase(infra, f"scale{workers}")
    phase.create_topics()
    services = [phase.service("extract", name=f"extract-{i + 1}") for i in range(workers)]
    counter = _OutputCounter(phase.kafka)
    try:
        for service in services:
            service.start()
        wait_for_files([phase.ready_file(s.name) for s in services], services)
        time.sleep(GROUP_SETTLE_S)
        counter.drain()
        cpu_before = cpu_seconds(services)
        started = time.time()
        _produce(phase, docs)
        produced = time.time() - started
        last_ts = counter.wait_for(expected_outputs, services=services, stable_s=STABLE_S)
        cpu_after = cpu_seconds(services)
    finally:
        stop_all(services)
        counter.close()
    elapsed = last_ts - started
    return {
        "workers": workers,
        "articles_per_s": len(docs) / elapsed,
        "seconds": elapsed,
        "produce_seconds": produced,
        "outputs": counter.count,
        "cpu_s_per_worker": {s.name: cpu_after[s.name] - cpu_before[s.name] for s in services},
    }


def _produce(phase: Phase, docs: list[CorpusDoc]) -> None:
    kafka = phase.kafka
    producer = make_producer(kafka, linger_ms=10)
    try:
        for i, doc in enumerate(docs):
            article = raw_article(doc, url=bench_url(phase.name, i))
            producer.send(
                kafka.topic(ARTICLES_RAW), key=article.article_id.encode(), value=encode(article)
            )
        producer.flush(timeout=60)
    finally:
        producer.close(timeout=10)


class _OutputCounter:
    """Counts the records on the claims and events topics (every partition, no group)."""

    def __init__(self, kafka: KafkaSettings) -> None:
        self._consumer = KafkaConsumer(
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            fetch_max_wait_ms=100,
            **kafka.kafka_client_options(),
        )
        partitions = [
            TopicPartition(kafka.topic(t), p)
            for t in (CLAIMS_EXTRACTED, EVENTS_EXTRACTED)
            for p in range(kafka.topic_partitions)
        ]
        self._consumer.assign(partitions)
        self.count = 0
        self.last_timestamp_s = 0.0

    def drain(self) -> None:
        self._poll(0.2)

    def _poll(self, seconds: float) -> int:
        got = 0
        for records in self._consumer.poll(timeout_ms=int(seconds * 1000)).values():
            got += len(records)
            for record in records:
                self.last_timestamp_s = max(self.last_timestamp_s, record.timestamp / 1000)
        self.count += got
        return got

    def wait_for(self, expected: int, *, services: list[ServiceProcess], stable_s: float) -> float:
        """Until ``expected`` records were seen, or none came for ``stable_s``; returns the
        timestamp (epoch s) of the newest record."""
        quiet_since = time.monotonic()
        deadline = time.monotonic() + 1800
        while time.monotonic() < deadline:
            for service in services:
                service.check_alive()
            if self._poll(0.5):
                quiet_since = time.monotonic()
            if self.count >= expected or (
                self.count and time.monotonic() - quiet_since >= stable_s
            ):
                return self.last_timestamp_s
        raise TimeoutError(f"extract produced {self.count} of {expected} records in 1800s")

    def close(self) -> None:
        self._consumer.close(autocommit=False)
