"""Operating the dead-letter topic: list, export and replay the records a stage gave up on.

A dead letter carries the original record (``payload``, ``key``) and where it came from
(``topic``, ``partition``, ``offset``). The workflow after a bad record or a fixed bug:

1. ``newsflow deadletter export --out letters.jsonl`` — one DeadLetter JSON per line;
2. fix the payloads in the file (or not, when the bug was in newsflow and is fixed now);
3. ``newsflow deadletter replay --input letters.jsonl`` — each payload is validated against its
   topic's message model and published again to its source topic with its original key.

Replaying is safe to repeat: records carry deterministic ids, so a record replayed twice still
ends as one row. Records that are still invalid are reported and not published.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kafka import KafkaConsumer, TopicPartition
from pydantic import BaseModel

from shared.codec import decode
from shared.errors import PoisonMessageError
from shared.kafka import make_producer
from shared.models import Claim, DeadLetter, Event, RawArticle
from shared.settings import KafkaSettings
from shared.topics import ARTICLES_RAW, CLAIMS_EXTRACTED, DEADLETTER, EVENTS_EXTRACTED


def read_dead_letters(settings: KafkaSettings, *, timeout_s: float = 10.0) -> Iterator[DeadLetter]:
    """Every dead letter on the topic, oldest first per partition, up to the current end."""
    consumer = KafkaConsumer(
        **settings.kafka_client_options(), group_id=None, enable_auto_commit=False
    )
    try:
        topic = settings.topic(DEADLETTER)
        partitions = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        if not tps:
            return
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        yield from _drain(consumer, tps, timeout_s=timeout_s)
    finally:
        consumer.close()


def _drain(
    consumer: KafkaConsumer, tps: list[TopicPartition], *, timeout_s: float
) -> Iterator[DeadLetter]:
    """Poll until each partition's position reaches its highwater mark (known after a fetch;
    ``end_offsets()`` is unreliable on Tansu) or nothing arrives for ``timeout_s``."""
    idle_since = time.monotonic()
    while time.monotonic() - idle_since < timeout_s:
        polled = consumer.poll(timeout_ms=500)
        for records in polled.values():
            for record in records:
                idle_since = time.monotonic()
                try:
                    yield decode(DeadLetter, record.value)
                except PoisonMessageError:
                    continue  # not a dead letter (someone wrote junk here); nothing to replay
        if all(_at_end(consumer, tp) for tp in tps):
            return


def _at_end(consumer: KafkaConsumer, tp: TopicPartition) -> bool:
    highwater = consumer.highwater(tp)
    if highwater is None:
        return False
    return bool(consumer.position(tp) >= highwater)


def export_dead_letters(
    settings: KafkaSettings, out: Path, *, stage: str | None = None, timeout_s: float = 10.0
) -> int:
    """Write the dead letters (of ``stage`` only, if given) to ``out`` as JSONL; their count."""
    count = 0
    with out.open("w", encoding="utf-8") as fh:
        for letter in read_dead_letters(settings, timeout_s=timeout_s):
            if stage is not None and letter.stage != stage:
                continue
            fh.write(letter.model_dump_json() + "\n")
            count += 1
    return count


@dataclass
class ReplayReport:
    published: int = 0
    still_invalid: list[str] = field(default_factory=list)
    unknown_topic: list[str] = field(default_factory=list)


def replay_dead_letters(
    settings: KafkaSettings, letters: Path, *, dry_run: bool = False
) -> ReplayReport:
    """Publish each letter's payload to its source topic with its key, after validating it
    against that topic's message model. ``dry_run`` validates only."""
    models = _models_by_topic(settings)
    report = ReplayReport()
    producer = None if dry_run else make_producer(settings)
    try:
        for number, line in enumerate(letters.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{letters}:{number}"
            try:
                letter = DeadLetter.model_validate_json(line)
            except ValueError as exc:
                report.still_invalid.append(f"{where}: not a dead letter: {_first_line(exc)}")
                continue
            model = models.get(letter.topic or "")
            if model is None:
                report.unknown_topic.append(f"{where}: topic {letter.topic!r}")
                continue
            try:
                decode(model, letter.payload)
            except PoisonMessageError as exc:
                report.still_invalid.append(f"{where}: {_first_line(exc)}")
                continue
            if producer is not None:
                key = letter.key.encode() if letter.key is not None else None
                producer.send(letter.topic, key=key, value=letter.payload.encode("utf-8"))
            report.published += 1
        if producer is not None:
            producer.flush(timeout=30)
    finally:
        if producer is not None:
            producer.close(timeout=10)
    return report


def _models_by_topic(settings: KafkaSettings) -> dict[str, type[BaseModel]]:
    return {
        settings.topic(ARTICLES_RAW): RawArticle,
        settings.topic(CLAIMS_EXTRACTED): Claim,
        settings.topic(EVENTS_EXTRACTED): Event,
    }


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def summarize(letter: DeadLetter) -> dict[str, str]:
    """One row of ``newsflow deadletter list``."""
    return {
        "failed_at": letter.failed_at.isoformat(timespec="seconds"),
        "stage": letter.stage,
        "source": f"{letter.topic}[{letter.partition}]@{letter.offset}",
        "key": letter.key or "",
        "error": f"{letter.error_class}: {letter.error}"[:160],
    }
