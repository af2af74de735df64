"""Publishing accepted articles on ``articles.raw``.

The HTTP API answers ``202`` only after :meth:`ArticlePublisher.publish` returned, i.e. after the
broker acknowledged every record (``acks=all``). Any failure is a
:class:`~shared.errors.BrokerUnavailableError` (retriable) or, for a record the broker can never
take, a :class:`~shared.errors.PoisonMessageError`.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable, Sequence
from typing import Protocol

from kafka import KafkaProducer
from kafka.errors import KafkaError, MessageSizeTooLargeError

from shared.cloudevents import headers_for
from shared.codec import encode
from shared.errors import BrokerUnavailableError, PoisonMessageError, RetriableError
from shared.models import RawArticle

log = logging.getLogger(__name__)


class ArticlePublisher(Protocol):
    """Port: where accepted articles go.

    ``publish`` returns only when every article is durably written, and raises otherwise.
    On failure *some* of the articles may have been written; calling ``publish`` again with the
    same articles is harmless (same ``article_id``, same key, idempotent downstream upserts).
    Implementations are safe to call from several threads at once.
    """

    def publish(self, articles: Sequence[RawArticle]) -> None: ...

    def ready(self) -> bool: ...

    def close(self) -> None: ...


SOURCE = "/newsflow/ingest"  # ce_source of the articles this service publishes


class KafkaArticlePublisher:
    """Sends each article to ``topic`` keyed by ``article_id`` and waits for the broker's acks.

    Contract of :meth:`publish`: returns after the broker acknowledged **all** records, within
    ``timeout_s`` of waiting for acks. A Kafka error or a timeout raises
    :class:`BrokerUnavailableError`; by then some records may already be written (or still be
    written later by the producer's own retries). A retry by the caller is harmless: the key
    and ``article_id`` are deterministic and every consumer upserts by ``article_id``. A record
    larger than the broker accepts raises :class:`PoisonMessageError` (retrying cannot help).

    The producer is the caller's (built by :func:`shared.kafka.make_producer`: idempotent,
    ``acks=all``); :meth:`close` flushes and closes it.
    """

    def __init__(self, producer: KafkaProducer, *, topic: str, timeout_s: float) -> None:
        self._producer = producer
        self._topic = topic
        self._timeout_s = timeout_s

    def publish(self, articles: Sequence[RawArticle]) -> None:
        deadline = time.monotonic() + self._timeout_s
        try:
            futures = [
                self._producer.send(
                    self._topic,
                    key=article.article_id.encode("utf-8"),
                    value=encode(article),
                    headers=headers_for(article, source=SOURCE),
                )
                for article in articles
            ]
            for future in futures:
                future.get(timeout=max(0.0, deadline - time.monotonic()))
        except MessageSizeTooLargeError as exc:
            raise PoisonMessageError(f"article too large for the broker: {exc}") from exc
        except KafkaError as exc:
            raise BrokerUnavailableError(
                f"broker did not acknowledge {len(articles)} article(s) on {self._topic}: {exc!r}"
            ) from exc

    def ready(self) -> bool:
        """True if a bootstrap broker accepts a TCP connection (cheap, never blocks long).

        It does not prove the broker will acknowledge: ``publish`` still reports that.
        """
        servers = self._producer.config["bootstrap_servers"]
        if isinstance(servers, str):
            servers = servers.split(",")
        return any(is_reachable(str(server), timeout_s=1.0) for server in servers)

    def close(self) -> None:
        """Flush for up to ``timeout_s``, then close; unacknowledged records are dropped
        (their requests got no ``202``)."""
        try:
            self._producer.close(timeout=self._timeout_s)
        except KafkaError as exc:
            log.warning("Kafka producer did not flush (%r); dropping unacknowledged records", exc)
            self._force_close()

    def _force_close(self) -> None:
        # kafka-python's close() gives up on a flush timeout *without* closing: its I/O thread
        # would go on retrying (and __del__/atexit raise). Stop the thread, which fails the
        # pending batches, then close for real.
        sender = getattr(self._producer, "_sender", None)
        if sender is not None:
            sender.force_close()
            sender.join(timeout=self._timeout_s)
        try:
            self._producer.close(timeout=0)
        except KafkaError as exc:
            log.warning("Kafka producer not closed cleanly: %r", exc)


def is_reachable(address: str, *, timeout_s: float) -> bool:
    """True if something accepts TCP connections at ``host:port``."""
    host, _, port = address.strip().rpartition(":")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout_s):
            return True
    except (OSError, ValueError):
        return False


class ReconnectingPublisher:
    """Builds the real publisher on first use and rebuilds it after a failure.

    This lets the HTTP API start while the broker is still down (``POST`` answers ``503``,
    ``/readyz`` ``503``) and recover by itself when it comes back. After a failed ``publish``
    the inner publisher is discarded and closed in the background, because a producer that
    lost its broker (e.g. an in-memory Tansu that restarted) can stay wedged; the next call
    connects afresh. After a failed connection attempt the next one waits ``retry_interval_s``;
    in between, calls fail fast with :class:`BrokerUnavailableError`.

    ``connect`` must raise a :class:`~shared.errors.RetriableError` when the broker is not
    reachable. ``publish`` has the contract of the inner publisher.
    """

    def __init__(
        self,
        connect: Callable[[], ArticlePublisher],
        *,
        retry_interval_s: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._connect = connect
        self._retry_interval_s = retry_interval_s
        self._clock = clock
        self._lock = threading.Lock()  # guards the fields below
        self._connect_lock = threading.Lock()
        self._inner: ArticlePublisher | None = None
        self._last_failure: float | None = None
        self._last_error: str = ""
        self._closed = False

    def publish(self, articles: Sequence[RawArticle]) -> None:
        inner = self._connected()
        try:
            inner.publish(articles)
        except RetriableError:
            self._discard(inner)
            raise

    def ready(self) -> bool:
        try:
            return self._connected().ready()
        except RetriableError:
            return False

    def close(self) -> None:
        with self._lock:
            inner, self._inner, self._closed = self._inner, None, True
        if inner is not None:
            inner.close()

    def _connected(self) -> ArticlePublisher:
        with self._lock:
            inner = self._usable_inner()
            if inner is not None:
                return inner
        # One connection attempt at a time, outside ``_lock`` so that close() and callers that
        # find a connection are never held up by a slow attempt.
        with self._connect_lock:
            with self._lock:
                inner = self._usable_inner()
                if inner is not None:  # another thread connected meanwhile
                    return inner
                if (
                    self._last_failure is not None
                    and self._clock() - self._last_failure < self._retry_interval_s
                ):
                    raise BrokerUnavailableError(f"not connected to the broker: {self._last_error}")
            try:
                inner = self._connect()
            except RetriableError as exc:
                with self._lock:
                    self._last_failure, self._last_error = self._clock(), str(exc)
                log.warning("cannot connect to the broker: %s", exc)
                raise
            with self._lock:
                closed = self._closed
                if not closed:
                    self._inner, self._last_failure = inner, None
            if closed:
                inner.close()
                raise BrokerUnavailableError("publisher is closed (shutting down)")
            log.info("connected to the broker")
            return inner

    def _usable_inner(self) -> ArticlePublisher | None:
        if self._closed:
            raise BrokerUnavailableError("publisher is closed (shutting down)")
        return self._inner

    def _discard(self, inner: ArticlePublisher) -> None:
        with self._lock:
            if self._inner is not inner:  # another thread already replaced it
                return
            self._inner = None
        threading.Thread(target=inner.close, name="close-stale-publisher", daemon=True).start()
