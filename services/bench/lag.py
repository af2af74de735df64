"""Consumer lag of a group: highwater marks against the group's committed offsets.

Tansu answers ``ListOffsets`` LATEST wrongly when the last batch holds several records (so
``end_offsets()`` is unusable there); the highwater mark a fetch response carries is right. So a
consumer without a group is assigned every partition, keeps fetching from the end, and its
``highwater(tp)`` after each poll is the head of the partition. The committed offsets come from
``OffsetFetch`` (the admin client); a partition the group never committed counts from 0.
"""

from __future__ import annotations

from kafka import KafkaConsumer, TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

from shared.settings import KafkaSettings


class LagMonitor:
    """Lag per group, in records. ``groups`` maps a group id to the topics it consumes (names
    as configured, i.e. prefixed)."""

    def __init__(self, kafka: KafkaSettings, groups: dict[str, tuple[str, ...]]) -> None:
        options = kafka.kafka_client_options()
        self._groups = {
            group: [TopicPartition(t, p) for t in topics for p in range(kafka.topic_partitions)]
            for group, topics in groups.items()
        }
        self._consumer = KafkaConsumer(
            enable_auto_commit=False,
            auto_offset_reset="latest",
            fetch_max_wait_ms=100,
            max_partition_fetch_bytes=64 * 1024,
            **options,
        )
        self._consumer.assign(sorted({tp for tps in self._groups.values() for tp in tps}))
        self._admin = KafkaAdminClient(**options, request_timeout_ms=10_000)

    def sample(self) -> dict[str, int | None]:
        """Lag of each group now; None for a group whose lag cannot be read yet."""
        for _ in range(3):  # each poll's fetch responses refresh the highwater marks
            self._consumer.poll(timeout_ms=150, max_records=10_000)
        out: dict[str, int | None] = {}
        for group, partitions in self._groups.items():
            try:
                committed = self._admin.list_group_offsets(group).get(group, {})
            except KafkaError:
                out[group] = None
                continue
            lag = 0
            for tp in partitions:
                head = self._consumer.highwater(tp)
                if head is None:
                    out[group] = None
                    break
                meta = committed.get(tp)
                done = meta.offset if meta is not None and meta.offset >= 0 else 0
                lag += max(head - done, 0)
            else:
                out[group] = lag
        return out

    def close(self) -> None:
        self._consumer.close(autocommit=False)
        self._admin.close()
