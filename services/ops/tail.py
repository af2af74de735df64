"""``newsflow tail claims|events``: follow the extracted claims or events as they arrive.

Source: the Kafka topic, read by a consumer without a group (``group_id=None``) that assigns
itself every partition and starts at their end (or, with ``from_beginning``, at their start).
Kafka is the natural live source: a record shows up the moment the extractor publishes it, in
the order of each partition, and reading it changes nothing for anyone — no group joins or
rebalances, no committed offsets, no load on Postgres. Polling the query API instead would add
the store's batching delay and a query every second per viewer, and could only approximate
"new since I started" from timestamps.

Consequences: tail shows what the extractor published, including records the store may yet
reject, and a replay after a crash shows its duplicates again (same ids). Partitions added while
tail runs are not followed. On the embedded Tansu broker "the end" can be a few records early
(its ListOffsets answer is off when the last batch holds several records; see DESIGN.md), so
tail may start with a handful of recent records.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from kafka import KafkaConsumer, TopicPartition
from kafka.errors import KafkaError
from rich.text import Text

from shared.cloudevents import is_retraction
from shared.codec import decode
from shared.errors import BrokerUnavailableError, PoisonMessageError
from shared.models import Claim, Event, Retraction
from shared.settings import KafkaSettings
from shared.topics import CLAIMS_EXTRACTED, EVENTS_EXTRACTED

TailKind = Literal["claims", "events"]
TOPICS: dict[TailKind, str] = {"claims": CLAIMS_EXTRACTED, "events": EVENTS_EXTRACTED}


@dataclass(frozen=True)
class Undecodable:
    """A record on the topic that is not a valid message (shown, then skipped)."""

    partition: int
    offset: int
    error: str


def follow(
    settings: KafkaSettings,
    *,
    kind: TailKind,
    stop: threading.Event,
    from_beginning: bool = False,
    on_ready: Callable[[str], None] = lambda message: None,
    poll_timeout_ms: int = 500,
) -> Iterator[Claim | Event | Retraction | Undecodable]:
    """Yield the claims (or events) published from now on (or from the start), until ``stop``
    is set. ``on_ready`` is called once the consumer has its partitions and its start positions,
    so a record published after it is guaranteed to be yielded; while the topic does not exist
    yet it is called with a waiting message instead.

    Raises :class:`BrokerUnavailableError` when no broker answers at the start.
    """
    topic = settings.topic(TOPICS[kind])
    try:
        consumer = KafkaConsumer(
            **settings.kafka_client_options(),
            group_id=None,
            enable_auto_commit=False,
            allow_auto_create_topics=False,  # a viewer must not create topics
        )
    except KafkaError as exc:
        raise BrokerUnavailableError(
            f"Kafka at {settings.kafka_bootstrap} not reachable: {exc}"
        ) from exc
    try:
        partitions = _wait_for_partitions(consumer, topic, stop=stop, on_waiting=on_ready)
        if not partitions:
            return
        consumer.assign(partitions)
        if from_beginning:
            consumer.seek_to_beginning(*partitions)
        else:
            consumer.seek_to_end(*partitions)
        for tp in partitions:  # resolve the start offsets now, not lazily at the first fetch
            consumer.position(tp)
        where = "from the beginning" if from_beginning else "new records only"
        on_ready(f"following {topic} ({len(partitions)} partitions, {where}); Ctrl-C stops")
        yield from _records(consumer, kind=kind, stop=stop, poll_timeout_ms=poll_timeout_ms)
    finally:
        consumer.close()


def _wait_for_partitions(
    consumer: KafkaConsumer,
    topic: str,
    *,
    stop: threading.Event,
    on_waiting: Callable[[str], None],
) -> list[TopicPartition]:
    announced = False
    while not stop.is_set():
        found = consumer.partitions_for_topic(topic)
        if found:
            return [TopicPartition(topic, p) for p in sorted(found)]
        if not announced:
            on_waiting(f"waiting for topic {topic} to exist…")
            announced = True
        stop.wait(1.0)
    return []


def _records(
    consumer: KafkaConsumer, *, kind: TailKind, stop: threading.Event, poll_timeout_ms: int
) -> Iterator[Claim | Event | Retraction | Undecodable]:
    model: type[Claim] | type[Event] = Claim if kind == "claims" else Event
    while not stop.is_set():
        polled = consumer.poll(timeout_ms=poll_timeout_ms)
        for tp in sorted(polled, key=lambda t: t.partition):
            for record in polled[tp]:
                try:
                    if is_retraction(record.headers):
                        yield decode(Retraction, record.value)
                        continue
                    yield decode(model, record.value)
                except PoisonMessageError as exc:
                    yield Undecodable(
                        partition=record.partition, offset=record.offset, error=str(exc)
                    )


def render(item: Claim | Event | Retraction | Undecodable) -> Text:
    """One line for a record: who said what, or what happened where and when.

    >>> from shared.models import ClaimContent, Speaker
    >>> claim = Claim(claim_id="c-1", article_id="a-1", kind="direct",
    ...               content=ClaimContent(text="We will rebuild", spans=((0, 15),)),
    ...               speaker=Speaker(name="Oleksandr Senkevych", type="PERSON", role="mayor"))
    >>> render(claim).plain
    'claim  Oleksandr Senkevych (mayor)  direct  “We will rebuild”  a-1'
    """
    if isinstance(item, Claim):
        return _claim_line(item)
    if isinstance(item, Event):
        return _event_line(item)
    if isinstance(item, Retraction):
        return Text(f"✕ retracted {item.retracted} {item.id} of {item.article_id}", style="dim")
    return Text(
        f"skipped an undecodable record (partition {item.partition}, offset {item.offset}): "
        f"{item.error}",
        style="red",
    )


def _claim_line(claim: Claim) -> Text:
    speaker = claim.speaker.name or "(unknown speaker)"
    role = f" ({claim.speaker.role})" if claim.speaker.role else ""
    return Text.assemble(
        ("claim  ", "dim"),
        (speaker, "bold cyan"),
        (role, "cyan"),
        "  ",
        (claim.kind, "magenta"),
        "  ",
        f"“{claim.content.text}”",
        "  ",
        (claim.article_id, "dim"),
    )


def _event_line(event: Event) -> Text:
    location = event.location or event.setting
    place = (location.name or location.text) if location else "somewhere"
    country = f" ({location.country})" if location and location.country else ""
    if event.location is None and location is not None:
        place = f"set in {place}"
    day = f" on {event.time.date.isoformat()}" if event.time and event.time.date else ""
    figures = ", ".join(f"{m.value} {m.kind}" for m in event.magnitudes)
    return Text.assemble(
        ("event  ", "dim"),
        (event.type, "bold yellow"),
        f" {event.status}  ",
        (f"{place}{country}", "green"),
        day,
        f"  “{event.trigger.text}”",
        (f"  {figures}" if figures else "", "red"),
        "  ",
        (event.article_id, "dim"),
    )
