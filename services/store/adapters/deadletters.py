"""Publishing dead letters to Kafka and waiting for the acknowledgement."""

from __future__ import annotations

from collections.abc import Sequence

from kafka import KafkaProducer
from kafka.errors import KafkaError

from shared.cloudevents import headers_for
from shared.codec import encode
from shared.errors import BrokerUnavailableError
from shared.models import DeadLetter


class DeadLetterPublisher:
    """Sends :class:`DeadLetter` records to one topic, keyed like the record they replace.

    Contract: :meth:`publish` returns only once the broker acknowledged every letter (the
    producer is ``acks=all``), so committing the source offsets afterwards cannot lose one.
    On failure it raises :class:`BrokerUnavailableError`; some letters may already be written,
    so repeating the call may duplicate them (at-least-once). The producer belongs to the caller.
    """

    def __init__(self, producer: KafkaProducer, *, topic: str, timeout_s: float = 15.0) -> None:
        self._producer = producer
        self._topic = topic
        self._timeout_s = timeout_s

    def publish(self, letters: Sequence[DeadLetter]) -> None:
        if not letters:
            return
        try:
            futures = [
                self._producer.send(
                    self._topic,
                    key=letter.key.encode("utf-8") if letter.key is not None else None,
                    value=encode(letter),
                    headers=headers_for(letter, source="/newsflow/store"),
                )
                for letter in letters
            ]
            self._producer.flush(timeout=self._timeout_s)
            for future in futures:
                future.get(timeout=self._timeout_s)
        except KafkaError as exc:
            raise BrokerUnavailableError(f"dead-letter topic {self._topic}: {exc}") from exc
