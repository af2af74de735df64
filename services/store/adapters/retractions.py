"""The retraction outbox: written in the store's batch transaction, published after its COMMIT.

:func:`add_to_outbox` queues retractions in ``retraction_outbox`` inside the transaction that
replaces an extraction (``pg_writer``), so they exist exactly when the deletions they announce
do. :class:`RetractionPublisher` then sends them to the topic of the record they withdraw
(``claims.extracted`` / ``events.extracted``, keyed by ``article_id``: the partition of the
article's records, after them) and deletes the rows the broker acknowledged.

Failure contract of :meth:`RetractionPublisher.drain`: rows are deleted only after the broker
acknowledged them, in the same call; on a broker error it raises
:class:`BrokerUnavailableError` and the rows stay for the next call, so a retraction may be
published twice (removing an id twice is harmless) but never lost. Rows are taken with
``FOR UPDATE SKIP LOCKED``: several store processes drain one outbox without sending a row
twice at the same time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString

import psycopg
from kafka import KafkaProducer
from kafka.errors import KafkaError

from shared.cloudevents import headers_for
from shared.codec import encode
from shared.errors import BrokerUnavailableError, RetriableError
from shared.models import Retraction

SOURCE = "/newsflow/store"  # ce_source of the retractions
DRAIN_BATCH = 500  # rows per transaction of drain(): bounds the memory and the lock time

_INSERT: LiteralString = (
    "INSERT INTO retraction_outbox (article_id, record_type, payload) VALUES (%s, %s, %s)"
)
_TAKE: LiteralString = (
    "SELECT seq, payload FROM retraction_outbox ORDER BY seq LIMIT %s FOR UPDATE SKIP LOCKED"
)
_DELETE: LiteralString = "DELETE FROM retraction_outbox WHERE seq = ANY(%s)"


def add_to_outbox(cur: psycopg.Cursor[Any], retractions: Sequence[Retraction]) -> None:
    """Queue ``retractions`` in the caller's transaction."""
    if retractions:
        cur.executemany(
            _INSERT, [(r.article_id, r.retracted, r.model_dump_json()) for r in retractions]
        )


class RetractionPublisher:
    """Publishes the outbox's retractions (see the module docstring for the contract)."""

    def __init__(
        self,
        producer: KafkaProducer,
        *,
        topics: dict[str, str],
        timeout_s: float = 15.0,
    ) -> None:
        self._producer = producer
        self._topics = topics  # record type ("claim", "event") → topic
        self._timeout_s = timeout_s

    def drain(self, conn: psycopg.Connection[Any]) -> int:
        """Publish every queued retraction; returns how many were published. Raises
        :class:`RetriableError` (a broker or database outage): call again later."""
        try:
            return self._drain(conn)
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            raise RetriableError(f"retractions: database unavailable: {exc}") from exc

    def _drain(self, conn: psycopg.Connection[Any]) -> int:
        published = 0
        while True:
            with conn.transaction(), conn.cursor() as cur:
                cur.execute(_TAKE, (DRAIN_BATCH,))
                rows = cur.fetchall()
                if not rows:
                    return published
                self._publish([Retraction.model_validate(row[1]) for row in rows])
                cur.execute(_DELETE, ([row[0] for row in rows],))
            published += len(rows)

    def _publish(self, retractions: list[Retraction]) -> None:
        try:
            futures = [
                self._producer.send(
                    self._topics[r.retracted],
                    key=r.article_id.encode("utf-8"),
                    value=encode(r),
                    headers=headers_for(r, source=SOURCE),
                )
                for r in retractions
            ]
            self._producer.flush(timeout=self._timeout_s)
            for future in futures:
                future.get(timeout=self._timeout_s)
        except KafkaError as exc:
            raise BrokerUnavailableError(f"retractions: {exc}") from exc
