"""The streaming extractor: a faust agent from ``articles.raw`` to ``claims.extracted``,
``events.extracted``, ``articles.extracted`` (one manifest per article: the ids of its claims and
events, so that a re-extraction supersedes the earlier one) and ``newsflow.deadletter``.

Delivery semantics (at-least-once, duplicates absorbed downstream):

* Articles are taken from the stream in batches (``take_events``) so that spaCy runs
  ``nlp.pipe`` over several texts at once. faust commits the offsets of *acked* messages
  periodically (and only up to the first message not acked).
* The agent takes one extra reference on every message of a batch, so ``take_events``' own ack
  does not count. A message is acked for real only after the broker acknowledged **every**
  record produced for its batch (claims, events, dead letters). So an offset is never committed
  ahead of its outputs: a crash at any point replays the uncommitted articles, and the replay
  produces the same claims and events with the same deterministic ids, which the store upserts.
* Pipelining: batch N is published (and then acked) while batch N+1 is parsed; at most one
  batch is in flight, and batches are acked in offset order (N+1 only after N).
* spaCy runs in a child process (``adapters/nlp_process.py``) with a time budget per article: the
  event loop keeps heartbeating, serving ``/metrics`` and answering SIGTERM during any parse,
  and an article over its budget is stopped and dead-lettered, so it cannot stall the partition
  (or stall it again after a restart).
* faust acks a message even when the agent raises. So the agent never lets an error escape for a
  record: an article that cannot be decoded or extracted goes to the dead-letter topic with the
  error and its source coordinates, and the stream goes on.
* A rebalance revokes partitions; uncommitted messages are replayed by the new owner (harmless,
  as above).
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

import faust
from faust.streams import Stream
from faust.types import EventT, StreamT

from services.extract.adapters import faust_transport
from services.extract.adapters.nlp_process import (
    ArticleBudgetExceededError,
    ArticleFailure,
    IsolatedNlp,
)
from services.extract.domain.extractor import ArticleText, Extraction
from services.extract.domain.version import EXTRACTOR_VERSION
from services.extract.metrics import ExtractMetrics
from services.extract.settings import ExtractSettings
from shared.cloudevents import CloudEventData, headers_for
from shared.codec import decode, encode
from shared.deadletters import dead_letter_for
from shared.errors import PoisonMessageError
from shared.metrics import start_metrics_server
from shared.models import DeadLetter, ExtractionManifest, ExtractionSource, RawArticle
from shared.readiness import mark_ready
from shared.runtime import tune_gc
from shared.topics import (
    ARTICLES_EXTRACTED,
    ARTICLES_RAW,
    CLAIMS_EXTRACTED,
    DEADLETTER,
    EVENTS_EXTRACTED,
)

log = logging.getLogger(__name__)

SEND_RETRY_MAX_S = 30.0
SOURCE = "/newsflow/extract"  # ce_source of the records this service publishes


@dataclass
class _Extracted:
    """A batch after the NLP, before publishing."""

    outcome: _Outcome
    undecodable: int
    nlp_outcome: _Outcome
    started: float


@dataclass
class _Outcome:
    """What one batch turns into: extractions to publish and records to dead-letter."""

    extractions: list[Extraction]
    dead_letters: list[DeadLetter]
    manifests: list[ExtractionManifest] = field(default_factory=list)

    def add(self, extraction: Extraction, article: RawArticle, event: EventT[bytes]) -> None:
        """One article's extraction, its records stamped with the source record they came
        from, and the manifest that lists them."""
        source = _source_of(event)
        claims = tuple(c.model_copy(update={"extracted_from": source}) for c in extraction.claims)
        events = tuple(e.model_copy(update={"extracted_from": source}) for e in extraction.events)
        self.extractions.append(Extraction(extraction.article_id, claims, events))
        self.manifests.append(
            ExtractionManifest(
                article_id=extraction.article_id,
                extractor_version=EXTRACTOR_VERSION,
                extracted_from=source,
                extracted_at=datetime.now(UTC),
                revision=article.revision,
                claim_ids=tuple(c.claim_id for c in claims),
                event_ids=tuple(e.event_id for e in events),
                places=extraction.places,
            )
        )


def create_app(
    settings: ExtractSettings,
    *,
    nlp: IsolatedNlp,
    metrics: ExtractMetrics | None = None,
) -> faust.App:
    """Build the faust app around a started NLP process; ``metrics`` (to serve or inspect)
    defaults to a registry of the app's own."""
    metrics = metrics if metrics is not None else ExtractMetrics()
    settings.extract_datadir.mkdir(parents=True, exist_ok=True)
    faust_transport.configure(fetch_max_wait_ms=settings.extract_fetch_max_wait_ms)
    app = faust.App(
        settings.extract_app_id,
        # newsflow:// is faust's aiokafka transport with a configurable fetch wait.
        broker=[
            f"{faust_transport.SCHEME}://{host}" for host in settings.kafka_bootstrap.split(",")
        ],
        broker_credentials=_faust_credentials(settings),
        datadir=str(settings.extract_datadir),
        store="memory://",
        topic_allow_declare=False,  # topics are created explicitly (shared.kafka.ensure_topics)
        topic_disable_leader=True,
        broker_session_timeout=settings.kafka_session_timeout_ms / 1000,
        broker_heartbeat_interval=settings.kafka_heartbeat_interval_ms / 1000,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        # A stop does not wait for the batch being parsed (it may take its whole time budget):
        # its messages are not acked, so their offsets are not committed and they are
        # extracted again after the restart, with the same ids.
        stream_wait_empty=False,
        web_enabled=settings.extract_web_port is not None,
        web_port=settings.extract_web_port or 6066,
    )
    worker = _BatchProcessor(app, settings, nlp, metrics)

    source = app.topic(
        settings.topic(ARTICLES_RAW),
        key_serializer="raw",
        value_serializer="raw",
    )

    @app.on_partitions_assigned.connect
    def on_assigned(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        mark_ready(settings.ready_file)

    async def refresh_consumer_lag() -> None:
        lags = _consumer_lag(app)
        if lags is not None:
            metrics.set_lag(lags)

    app.timer(interval=settings.extract_lag_interval_s, name="extract-consumer-lag")(
        refresh_consumer_lag
    )

    @app.agent(source, name="extract-articles")
    async def extract_articles(stream: StreamT[bytes]) -> None:
        publishing: asyncio.Future[None] | None = None  # batch N, published while N+1 is parsed
        async for batch in cast(Stream[bytes], stream).take_events(
            settings.extract_batch_size, within=settings.extract_batch_within_s
        ):
            # take_events acks a batch in its ``finally`` when the agent asks for the next one
            # (also when the agent is stopped or fails). One more reference on each message
            # keeps that ack from counting: the message is acked for real only after the
            # broker acknowledged all of its outputs, so faust never commits an article whose
            # claims and events may be unpublished; after a crash it is replayed.
            for event in batch:
                event.message.incref()
            extracted = await worker.extract(batch)  # batch N's publishing runs meanwhile
            if publishing is not None:
                await publishing  # one batch in flight at most; acks stay in offset order
            publishing = asyncio.ensure_future(worker.publish_and_ack(batch, extracted))
        if publishing is not None:
            await publishing

    return app


class _BatchProcessor:
    """Turns a batch of ``articles.raw`` events into published claims, events and dead letters."""

    def __init__(
        self,
        app: faust.App,
        settings: ExtractSettings,
        nlp: IsolatedNlp,
        metrics: ExtractMetrics,
    ) -> None:
        self._settings = settings
        # spaCy runs in a child process, so the event loop keeps heartbeating, serving
        # /metrics and answering SIGTERM however long an article takes (see nlp_process.py).
        self._nlp = nlp
        self._metrics = metrics
        self._app = app
        self._claims = settings.topic(CLAIMS_EXTRACTED)
        self._events = settings.topic(EVENTS_EXTRACTED)
        self._deadletters = settings.topic(DEADLETTER)
        self._manifests = settings.topic(ARTICLES_EXTRACTED)

    async def extract(self, batch: Sequence[EventT[bytes]]) -> _Extracted:
        """Decode and extract a batch (the NLP in the worker thread)."""
        started = time.monotonic()
        self._count_consumed(batch)
        articles, dead = self._decode(batch)
        nlp_started = time.monotonic()
        outcome = await self._extract(articles)
        self._observe_nlp(time.monotonic() - nlp_started, articles=len(articles))
        return _Extracted(
            outcome=_Outcome(
                extractions=outcome.extractions,
                dead_letters=dead + outcome.dead_letters,
                manifests=outcome.manifests,
            ),
            undecodable=len(dead),
            nlp_outcome=outcome,
            started=started,
        )

    async def publish_and_ack(self, batch: Sequence[EventT[bytes]], done: _Extracted) -> None:
        """Publish a batch's records, wait for the broker's acks, then ack its messages."""
        await self._publish(done.outcome)
        for event in batch:
            event.ack()  # drops the reference taken in the agent: now the offset may commit
        self._count_done(undecodable=done.undecodable, outcome=done.nlp_outcome)
        self._metrics.batch_seconds.observe(time.monotonic() - done.started)

    # -- metrics (counting only; no decision depends on them) ---------------------------

    def _count_consumed(self, batch: Sequence[EventT[bytes]]) -> None:
        self._metrics.batch_articles.observe(len(batch))
        for event in batch:
            self._metrics.consumed.labels(topic=event.message.topic).inc()

    def _observe_nlp(self, seconds: float, *, articles: int) -> None:
        for _ in range(articles):
            self._metrics.article_seconds.observe(seconds / articles)

    def _count_done(self, *, undecodable: int, outcome: _Outcome) -> None:
        """Count a batch whose records the broker has acknowledged, all of them."""
        m = self._metrics
        failed = len(outcome.dead_letters)
        claims = sum(len(x.claims) for x in outcome.extractions)
        events = sum(len(x.events) for x in outcome.extractions)
        m.articles.labels(outcome="extracted").inc(len(outcome.extractions))
        m.articles.labels(outcome="failed").inc(failed)
        m.articles.labels(outcome="undecodable").inc(undecodable)
        m.errors.labels(kind="decode").inc(undecodable)
        m.errors.labels(kind="extract").inc(failed)
        m.deadletters.labels(stage="extract").inc(undecodable + failed)
        m.claims.inc(claims)
        m.events.inc(events)
        m.produced.labels(topic=self._claims).inc(claims)
        m.produced.labels(topic=self._events).inc(events)
        m.produced.labels(topic=self._deadletters).inc(undecodable + failed)
        m.produced.labels(topic=self._manifests).inc(len(outcome.manifests))

    def _decode(
        self, batch: Sequence[EventT[bytes]]
    ) -> tuple[list[tuple[RawArticle, EventT[bytes]]], list[DeadLetter]]:
        articles: list[tuple[RawArticle, EventT[bytes]]] = []
        dead: list[DeadLetter] = []
        for event in batch:
            try:
                articles.append((decode(RawArticle, event.message.value), event))
            except PoisonMessageError as exc:
                dead.append(_dead_letter(exc, event))
        return articles, dead

    async def _extract(self, articles: list[tuple[RawArticle, EventT[bytes]]]) -> _Outcome:
        """Extract in the NLP process; an article it could not extract (an error, its time
        budget exceeded, the process died on it) becomes a dead letter, the rest goes on."""
        restarts = self._nlp.restarts
        results = await self._nlp.extract([_article_text(article) for article, _ in articles])
        self._metrics.errors.labels(kind="nlp_restart").inc(self._nlp.restarts - restarts)
        outcome = _Outcome([], [])
        for result, (article, event) in zip(results, articles, strict=True):
            if isinstance(result, ArticleFailure):
                if result.error_class == ArticleBudgetExceededError.__name__:
                    self._metrics.errors.labels(kind="timeout").inc()
                outcome.dead_letters.append(_dead_letter(result, event))
            else:
                outcome.add(result, article, event)
        return outcome

    async def _publish(self, outcome: _Outcome) -> None:
        """Publish the batch's records; on a broker failure, back off and publish them again.

        Never gives up while the worker runs: giving up would let faust ack (and later commit)
        articles whose claims and events were never written. Re-sending after a partial failure
        duplicates some records, which the deterministic ids make harmless.
        """
        delay = 0.5
        while True:
            try:
                await self._send_all(outcome)
                return
            except Exception as exc:  # aiokafka errors, timeouts: the broker is what failed
                self._metrics.errors.labels(kind="publish").inc()
                log.warning("publishing a batch failed (%r); retrying in %.1fs", exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, SEND_RETRY_MAX_S)

    async def _send_all(self, outcome: _Outcome) -> None:
        """Send every record and wait until the broker acknowledged all of them."""
        pending: list[Awaitable[Any]] = []
        for extraction in outcome.extractions:
            key = extraction.article_id.encode()
            for claim in extraction.claims:
                pending.append(await self._send(self._claims, key, claim))
            for ev in extraction.events:
                pending.append(await self._send(self._events, key, ev))
        for manifest in outcome.manifests:
            key = manifest.article_id.encode()
            pending.append(await self._send(self._manifests, key, manifest))
        for letter in outcome.dead_letters:
            key = (letter.key or "").encode()
            pending.append(await self._send(self._deadletters, key, letter))
            log.warning(
                "dead-lettered %s[%s]@%s: %s",
                letter.topic,
                letter.partition,
                letter.offset,
                letter.error,
                extra={"article_id": letter.key},
            )
        await asyncio.gather(*pending)

    async def _send(self, topic: str, key: bytes, record: CloudEventData) -> Awaitable[Any]:
        """Hand one record, with its CloudEvents headers, to the app's (aiokafka) producer; the
        awaitable resolves when the broker acknowledged it. faust's Topic.send layers (codecs,
        future messages, send sensors) are skipped: they cost more than the send."""
        fut: Awaitable[Any] = await self._app.producer.send(
            topic,
            key,
            encode(record),
            partition=None,
            timestamp=None,
            headers=headers_for(record, source=SOURCE),
        )
        return fut


def _article_text(article: RawArticle) -> ArticleText:
    return ArticleText(
        article_id=article.article_id,
        text=article.body,
        title=article.title,
        published_at=article.published_at,
    )


def _source_of(event: EventT[bytes]) -> ExtractionSource:
    msg = event.message
    # faust gives the record's timestamp in seconds; -1 (no timestamp) orders by offset alone.
    timestamp_ms = round(msg.timestamp * 1000) if msg.timestamp and msg.timestamp > 0 else 0
    return ExtractionSource(timestamp_ms=timestamp_ms, partition=msg.partition, offset=msg.offset)


def _dead_letter(exc: BaseException | ArticleFailure, event: EventT[bytes]) -> DeadLetter:
    msg = event.message
    return dead_letter_for(
        stage="extract",
        error=exc,
        topic=msg.topic,
        partition=msg.partition,
        offset=msg.offset,
        key=msg.key,
        payload=msg.value,
        failed_at=datetime.now(UTC),
    )


def _consumer_lag(app: faust.App) -> dict[tuple[str, int], int] | None:
    """Lag per assigned partition: highwater - committed offset of the group.

    faust has no public accessor for its committed offsets; it keeps them in
    ``Consumer._committed_offset``. Where that is missing (another faust version) or the consumer
    is not up yet, this answers None and the gauges are left as they are.
    """
    try:
        consumer = app.consumer
        committed = getattr(consumer, "_committed_offset", None)
        if committed is None:
            return None
        lags: dict[tuple[str, int], int] = {}
        for tp in consumer.assignment():
            highwater = consumer.highwater(tp)
            if highwater is None:
                continue
            done = committed.get(tp) or 0
            lags[(tp.topic, tp.partition)] = max(int(highwater) - int(done), 0)
        return lags
    except Exception as exc:  # a metric must never stop the worker
        log.debug("consumer lag unavailable: %r", exc)
        return None


def _faust_credentials(settings: ExtractSettings) -> Any:
    """SASL/SSL settings passed through to faust (None = plaintext)."""
    protocol = settings.kafka_security_protocol
    context = (
        ssl.create_default_context(cafile=settings.kafka_ssl_cafile)
        if protocol in ("SSL", "SASL_SSL")
        else None
    )
    if settings.kafka_sasl_mechanism is None:
        return faust.SSLCredentials(context) if context is not None else None
    password = settings.kafka_sasl_password
    return faust.SASLCredentials(
        username=settings.kafka_sasl_username or "",
        password=password.get_secret_value() if password is not None else "",
        mechanism=settings.kafka_sasl_mechanism,
        ssl_context=context,
    )


def run(settings: ExtractSettings) -> None:
    """Run the extract worker in the foreground until SIGINT/SIGTERM."""
    from faust.worker import Worker

    metrics = ExtractMetrics()
    port = settings.metrics_listen_port
    if port is not None:  # before the model loads: a liveness probe can reach it early
        start_metrics_server(metrics.registry, host=settings.metrics_host, port=port)
        log.info("extract metrics on http://%s:%d/metrics", settings.metrics_host, port)
    # Load the model before joining the group: the first batch then runs at full speed and a
    # worker that cannot load its model fails at start, not on its first article.
    nlp = IsolatedNlp(settings.extract_model, settings.extract_budget)
    nlp.start()
    app = create_app(settings, nlp=nlp, metrics=metrics)

    @app.on_before_shutdown.connect
    async def stop_nlp(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        nlp.stop()  # a parse in progress ends with its process; its batch was never acked

    tune_gc()  # see shared/runtime.py
    worker = Worker(
        app,
        loglevel=settings.log_level,
        redirect_stdouts=False,
        quiet=True,
        # Keep the handler `newsflow` installed (NEWSFLOW_LOG_FORMAT); mode would replace it.
        override_logging=not logging.getLogger().handlers,
    )
    worker.execute_from_commandline()
