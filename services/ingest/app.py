"""The ingest service: HTTP API in, ``articles.raw`` out. This module only wires things: the
routes are in ``routers/`` (articles, feeds, probes), the write-key check in ``deps.py``, the
reading of bodies and the error answers in ``http.py``.

``create_app`` builds the FastAPI app around any :class:`ArticlePublisher` (tests pass an
in-memory one); ``run`` builds the Kafka publisher from the settings and serves the app with
uvicorn until SIGINT/SIGTERM.

Access: ``POST /v1/articles`` needs one of the configured API keys (``Authorization: Bearer`` or
``X-API-Key``; ``401`` otherwise) and is rate-limited per key (``429`` with ``Retry-After``).
In dev mode it needs no key and is rate-limited per client address. Without dev mode and
without a key the app refuses to be built (:class:`ConfigurationError`) rather than run open.
The probes, ``/metrics`` and ``GET /v1/feeds`` are open.

Feeds: with a :class:`~services.ingest.feeds.FeedService` (``run`` builds one when
``NEWSFLOW_DATABASE_URL`` is set), ``POST /v1/feeds`` and ``DELETE /v1/feeds/{id}`` (same key
check and rate limit as ``POST /v1/articles``) manage the RSS/Atom feeds that a background task
polls into ``articles.raw`` (see :mod:`services.ingest.feed_poller`).

Delivery: ``POST /v1/articles`` answers ``202`` only after the broker acknowledged every
article of the request. On ``503`` nothing is promised — some articles may have been written —
and the client retries; the retry is harmless because ``article_id`` is derived from the
canonical URL and every consumer upserts by it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

import uvicorn
from fastapi import FastAPI
from kafka.errors import KafkaError

from services.ingest.adapters.access import WriteAccess
from services.ingest.adapters.metrics import IngestMetrics
from services.ingest.adapters.publisher import (
    ArticlePublisher,
    KafkaArticlePublisher,
    ReconnectingPublisher,
    is_reachable,
)
from services.ingest.deps import IngestContext, answer_write_refusals
from services.ingest.domain.api_keys import ApiKeys
from services.ingest.domain.rate_limit import RateLimiter
from services.ingest.routers import articles, probes
from services.ingest.routers import feeds as feed_routes
from services.ingest.settings import IngestSettings
from shared.errors import BrokerUnavailableError, ConfigurationError
from shared.http_server import BodyDeadline, allow_every_method_of_the_path, serve
from shared.kafka import ensure_topics, make_producer
from shared.topics import ARTICLES_RAW

if TYPE_CHECKING:  # the poller's libraries (feedparser, trafilatura) load only when used
    from services.ingest.feeds import FeedService

log = logging.getLogger(__name__)


def create_app(
    settings: IngestSettings,
    publisher: ArticlePublisher,
    *,
    clock: Callable[[], float] = time.monotonic,
    feeds: FeedService | None = None,
) -> FastAPI:
    """The HTTP API. ``publisher`` is used from worker threads and must be thread-safe;
    ``clock`` drives the rate limiter (tests inject one). ``feeds`` enables ``/v1/feeds`` and
    runs its poller while the app is served; without it those answer ``501``.

    Raises :class:`ConfigurationError` when the write API would be open outside dev mode.
    """
    metrics = IngestMetrics()
    access = build_write_access(settings, metrics=metrics, clock=clock)
    app = FastAPI(
        title="newsflow ingest",
        summary="Push news articles; they are cleaned, identified and published on Kafka.",
        version="1",
        lifespan=_feeds_lifespan,
        # Off, as on the query API: FastAPI's /docs and /redoc pages load Swagger UI and ReDoc
        # from a CDN, and nothing here loads from elsewhere at run time. The schema is at
        # /openapi.json (open it in any OpenAPI viewer).
        docs_url=None,
        redoc_url=None,
    )
    app.state.ingest = IngestContext(settings, publisher, metrics, access, feeds)
    app.add_middleware(BodyDeadline, timeout_s=settings.http_body_timeout_s)
    allow_every_method_of_the_path(app)
    answer_write_refusals(app)
    app.include_router(articles.router(settings))
    app.include_router(probes.router)
    app.include_router(feed_routes.router(settings.feed_min_interval_s))
    return app


@contextlib.asynccontextmanager
async def _feeds_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Run the feed poller, if there is one, while the app is served."""
    ingest: IngestContext = app.state.ingest
    if ingest.feeds is not None:
        await ingest.feeds.start(ingest.metrics)
    try:
        yield
    finally:
        if ingest.feeds is not None:
            await ingest.feeds.stop()


def build_write_access(
    settings: IngestSettings,
    *,
    metrics: IngestMetrics,
    clock: Callable[[], float] = time.monotonic,
) -> WriteAccess:
    """The key check and rate limit of the write API, as configured.

    Raises :class:`ConfigurationError` when no key is configured outside dev mode: a service
    that silently accepted anyone's writes would be worse than one that does not start.
    """
    keys: ApiKeys | None = None
    if not settings.dev_mode:
        keys = ApiKeys(key.get_secret_value() for key in settings.write_api_keys())
        if not keys:
            raise ConfigurationError(
                "the write API needs an API key: set NEWSFLOW_API_KEYS (comma-separated) or "
                "NEWSFLOW_API_KEYS_FILE, or NEWSFLOW_DEV_MODE=true to run it without keys on a "
                "development machine"
            )
    limiter = (
        RateLimiter(
            rate_per_s=settings.rate_limit_per_s, burst=settings.rate_limit_burst, clock=clock
        )
        if settings.rate_limit_per_s > 0
        else None
    )
    return WriteAccess(keys=keys, limiter=limiter, metrics=metrics)


def describe_write_access(settings: IngestSettings) -> str:
    """One line for operators: does the write API need a key? (Never shows a key.)"""
    if settings.dev_mode:
        access, per = "open, no API key needed (NEWSFLOW_DEV_MODE=true)", "client address"
    else:
        count = len(settings.write_api_keys())
        access = (
            f"API key required ({count} configured; send 'Authorization: Bearer <key>' "
            "or 'X-API-Key: <key>')"
        )
        per = "key"
    limit = (
        f"rate limit {settings.rate_limit_per_s:g} requests/s per {per}, "
        f"bursts of {settings.rate_limit_burst}"
        if settings.rate_limit_per_s > 0
        else "no rate limit"
    )
    return f"write API: {access}; {limit}"


def run(settings: IngestSettings) -> None:
    """Serve the ingest API until SIGINT or SIGTERM, then close the producer and return.

    The broker connection is made in the background and re-made after failures, so the API
    starts even when the broker is briefly down (``POST`` answers ``503`` meanwhile).
    Raises :class:`ConfigurationError` before serving anything when no API key is configured
    outside dev mode.
    """
    publisher = ReconnectingPublisher(
        lambda: connect_kafka_publisher(settings),
        retry_interval_s=settings.reconnect_interval_s,
    )
    from services.ingest.feeds import FeedService

    feeds = (
        FeedService.from_settings(settings, publisher)
        if settings.database_url is not None
        else None
    )
    # With the feeds' database, pushes are versioned like polled articles: a text published
    # before (polled or pushed) is not published, nor extracted, again.
    app = create_app(settings, feeds.push_publisher() if feeds else publisher, feeds=feeds)
    threading.Thread(target=publisher.ready, name="connect-broker", daemon=True).start()
    announcement = describe_write_access(settings)
    try:
        serve(
            uvicorn.Config(
                app,
                host=settings.http_host,
                port=settings.http_port,
                log_level="info",
                timeout_keep_alive=settings.http_keep_alive_s,
            ),
            name="ingest API",
            announce=lambda address: [f"ingest API listening on {address}", announcement],
        )
    finally:
        publisher.close()
    log.info("ingest API stopped")


def connect_kafka_publisher(settings: IngestSettings) -> KafkaArticlePublisher:
    """Create the ``articles.raw`` topic if missing and an idempotent ``acks=all`` producer.

    Raises :class:`BrokerUnavailableError` quickly when no broker answers.
    """
    if not any(is_reachable(s, timeout_s=1.0) for s in settings.kafka_bootstrap.split(",")):
        raise BrokerUnavailableError(f"no broker reachable at {settings.kafka_bootstrap}")
    timeout_ms = int(settings.publish_timeout_s * 1000)
    try:
        ensure_topics(settings, (ARTICLES_RAW,), timeout_s=settings.publish_timeout_s)
        producer = make_producer(
            settings,
            bootstrap_timeout_ms=min(timeout_ms, 5_000),
            max_block_ms=min(timeout_ms, 5_000),
        )
    except KafkaError as exc:
        raise BrokerUnavailableError(
            f"cannot connect to {settings.kafka_bootstrap}: {exc!r}"
        ) from exc
    return KafkaArticlePublisher(
        producer, topic=settings.topic(ARTICLES_RAW), timeout_s=settings.publish_timeout_s
    )
