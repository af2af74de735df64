"""The ingest service: HTTP API in, ``articles.raw`` out. This module only wires things.

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
import json
import logging
import signal
import socket
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any

import uvicorn
from fastapi import FastAPI, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from kafka.errors import KafkaError
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.requests import ClientDisconnect

from services.ingest.adapters.access import AccessRefused, Credentials, WriteAccess
from services.ingest.adapters.metrics import CONTENT_TYPE_LATEST, IngestMetrics
from services.ingest.adapters.publisher import (
    ArticlePublisher,
    KafkaArticlePublisher,
    ReconnectingPublisher,
    is_reachable,
)
from services.ingest.domain.api_keys import ApiKeys
from services.ingest.domain.articles import URL_PATTERN, ArticleIn, clean_line
from services.ingest.domain.batch import Batch, BatchError, FieldError, read_batch
from services.ingest.domain.rate_limit import RateLimiter
from services.ingest.domain.url import canonicalize_url
from services.ingest.settings import IngestSettings
from shared.errors import (
    BrokerUnavailableError,
    ConfigurationError,
    PoisonMessageError,
    RetriableError,
)
from shared.http_server import BodyDeadline, allow_every_method_of_the_path
from shared.input_rules import control_character_message, refuse_url_control_characters
from shared.kafka import ensure_topics, make_producer
from shared.topics import ARTICLES_RAW

if TYPE_CHECKING:  # the poller's libraries (feedparser, trafilatura) load only when used
    from services.ingest.feeds import FeedService

log = logging.getLogger(__name__)

# HTTP status for each way a push can be unreadable or invalid (see domain.batch.BatchError).
_BATCH_ERROR_STATUS = {
    "malformed_json": 400,
    "not_articles": 422,
    "empty": 422,
    "too_many_articles": 413,
    "invalid": 422,
}


# How a write request presents its key; declared as security schemes in the OpenAPI document.
_BEARER = HTTPBearer(auto_error=False, description="An API key as a bearer token.")
_API_KEY_HEADER = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="An API key (when no bearer token is sent)."
)


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

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if feeds is not None:
            await feeds.start(metrics)
        try:
            yield
        finally:
            if feeds is not None:
                await feeds.stop()

    app = FastAPI(
        title="newsflow ingest",
        summary="Push news articles; they are cleaned, identified and published on Kafka.",
        version="1",
        lifespan=lifespan,
        # Off, as on the query API: FastAPI's /docs and /redoc pages load Swagger UI and ReDoc
        # from a CDN, and nothing here loads from elsewhere at run time. The schema is at
        # /openapi.json (open it in any OpenAPI viewer).
        docs_url=None,
        redoc_url=None,
    )
    app.state.metrics = metrics
    app.state.access = access
    app.add_middleware(BodyDeadline, timeout_s=settings.http_body_timeout_s)
    allow_every_method_of_the_path(app)

    @app.post(
        "/v1/articles",
        status_code=202,
        openapi_extra=_articles_request_schema(settings.max_articles_per_request),
        responses={
            400: {"description": "Malformed JSON or headers"},
            401: {"description": "API key missing or not valid (not in dev mode)"},
            413: {"description": "Body or batch too large"},
            415: {"description": "Content-Type is not application/json"},
            422: {"description": "Invalid article; `detail[].loc` names the field"},
            429: {"description": "Rate limit of the API key exceeded; retry after `Retry-After`"},
            503: {"description": "Broker unavailable; retry after `Retry-After` seconds"},
        },
    )
    async def post_articles(
        request: Request,
        bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_BEARER)],
        api_key: Annotated[str | None, Security(_API_KEY_HEADER)],
    ) -> JSONResponse:
        """Accept one article object or a list of them.

        Answers ``202 {"accepted": n, "article_ids": [...], "duplicates": k}`` once the broker
        acknowledged all of them; ``article_ids`` are distinct, in order of first appearance.
        """
        refused = access.admit(_credentials(request, bearer, api_key))
        if refused is not None:
            return _refusal_response(refused)
        payload = await _read_payload(request, settings=settings, metrics=metrics)
        if isinstance(payload, JSONResponse):
            return payload
        try:
            batch = await run_in_threadpool(
                read_batch,
                payload,
                max_articles=settings.max_articles_per_request,
                received_at=datetime.now(UTC),
                max_html_depth=settings.max_html_depth,
            )
        except BatchError as exc:
            _count_batch_error(metrics, exc)
            return _errors(_BATCH_ERROR_STATUS.get(exc.reason, 422), exc.errors)
        metrics.received.inc(batch.received)
        metrics.deduplicated.inc(batch.duplicates)
        return await _publish(batch, publisher=publisher, settings=settings, metrics=metrics)

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        """The process is alive and serving HTTP."""
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz() -> JSONResponse:
        """200 when the broker is reachable, so articles pushed now can be accepted."""
        ready = await run_in_threadpool(publisher.ready)
        return JSONResponse(
            status_code=200 if ready else 503,
            content={
                "status": "ready" if ready else "broker unavailable",
                "stack_id": settings.stack_id,
            },
        )

    @app.get(
        "/metrics",
        response_class=PlainTextResponse,
        responses={200: {"description": "Prometheus text exposition format"}},
    )
    def metrics_endpoint() -> Response:
        return Response(content=metrics.exposition(), media_type=CONTENT_TYPE_LATEST)

    _add_feed_routes(app, feeds=feeds, access=access, settings=settings)
    return app


# A year between polls is already no polling; the column (feeds.interval_s) is a 32-bit integer,
# which a larger number would overflow after the feed was accepted (a 500 found by schemathesis).
MAX_FEED_INTERVAL_S = 366 * 24 * 3600


class FeedIn(BaseModel):
    """A feed to poll, as sent to ``POST /v1/feeds``."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    url: str = Field(
        min_length=1,
        max_length=2_048,
        description="RSS or Atom feed URL.",
        json_schema_extra={"pattern": URL_PATTERN},
    )
    interval_s: int | None = Field(
        None,
        le=MAX_FEED_INTERVAL_S,
        description="Seconds between polls (default NEWSFLOW_FEED_INTERVAL_S; at least "
        "NEWSFLOW_FEED_MIN_INTERVAL_S).",
    )
    source: str | None = Field(
        None, max_length=200, description="The articles' source (default: the feed's title)."
    )

    @field_validator("url")
    @classmethod
    def _url_is_http(cls, url: str) -> str:
        refuse_url_control_characters(url)  # the URL is stored as given
        canonicalize_url(url)  # raises ValueError naming the problem
        return url

    @field_validator("source")
    @classmethod
    def _source_is_one_clean_line(cls, source: str | None) -> str | None:
        # Cleaned like an article's source, which it becomes.
        return clean_line(source)


def _add_feed_routes(
    app: FastAPI, *, feeds: FeedService | None, access: WriteAccess, settings: IngestSettings
) -> None:
    def not_enabled() -> JSONResponse:
        message = "feeds are not enabled on this server: set NEWSFLOW_DATABASE_URL"
        return _errors(501, [FieldError((), message, "feeds_disabled")], root=None)

    def unavailable(exc: RetriableError) -> JSONResponse:
        log.warning("feeds: %s", exc)
        return _errors(
            503,
            [FieldError((), "the feeds database is unavailable", "database_unavailable")],
            root=None,
            headers={"Retry-After": str(settings.retry_after_s)},
        )

    @app.post(
        "/v1/feeds",
        status_code=201,
        openapi_extra=_feed_request_schema(settings.feed_min_interval_s),
        responses={
            200: {"description": "The feed was registered already; interval and source updated"},
            400: {"description": "Malformed headers, or the client disconnected"},
            401: {"description": "API key missing or not valid (not in dev mode)"},
            413: {"description": "Body too large"},
            415: {"description": "Content-Type is not application/json"},
            422: {"description": "Invalid feed; `detail[].loc` names the field"},
            429: {"description": "Rate limit exceeded; retry after `Retry-After`"},
            501: {"description": "Feeds are not enabled (no NEWSFLOW_DATABASE_URL)"},
            503: {"description": "Feeds database unavailable; retry after `Retry-After`"},
        },
    )
    async def post_feed(
        request: Request,
        bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_BEARER)],
        api_key: Annotated[str | None, Security(_API_KEY_HEADER)],
    ) -> JSONResponse:
        """Register an RSS/Atom feed (idempotent: the id comes from the canonical URL). It is
        polled at once, then every ``interval_s``."""
        refused = access.admit(_credentials(request, bearer, api_key))
        if refused is not None:
            return _refusal_response(refused)
        if feeds is None:
            return not_enabled()
        payload = await _read_payload(request, settings=settings, metrics=app.state.metrics)
        if isinstance(payload, JSONResponse):
            return payload
        try:
            feed = FeedIn.model_validate(json.loads(payload))
        except (ValueError, ValidationError) as exc:
            return _errors(422, _feed_errors(exc))
        interval = feed.interval_s if feed.interval_s is not None else settings.feed_interval_s
        if interval < settings.feed_min_interval_s:
            message = f"must be at least {settings.feed_min_interval_s} seconds"
            return _errors(422, [FieldError(("interval_s",), message, "greater_than_equal")])
        try:
            record, created = await run_in_threadpool(
                feeds.store.add_feed, url=feed.url, interval_s=interval, source=feed.source
            )
        except RetriableError as exc:
            return unavailable(exc)
        feeds.wake()
        return JSONResponse(status_code=201 if created else 200, content=record.as_json())

    @app.get("/v1/feeds")
    async def list_feeds() -> JSONResponse:
        """Every feed with its polling state (last poll, last error, next poll)."""
        if feeds is None:
            return not_enabled()
        try:
            records = await run_in_threadpool(feeds.store.list_feeds)
        except RetriableError as exc:
            return unavailable(exc)
        return JSONResponse(content={"feeds": [r.as_json() for r in records]})

    @app.delete(
        "/v1/feeds/{feed_id}",
        status_code=204,
        responses={
            401: {"description": "API key missing or not valid (not in dev mode)"},
            404: {"description": "No such feed"},
            422: {"description": "The id holds control characters"},
            501: {"description": "Feeds are not enabled (no NEWSFLOW_DATABASE_URL)"},
        },
    )
    async def delete_feed(
        feed_id: str,
        request: Request,
        bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_BEARER)],
        api_key: Annotated[str | None, Security(_API_KEY_HEADER)],
    ) -> Response:
        """Stop polling a feed (a feed of NEWSFLOW_FEEDS comes back at the next start)."""
        refused = access.admit(_credentials(request, bearer, api_key))
        if refused is not None:
            return _refusal_response(refused)
        if feeds is None:
            return not_enabled()
        bad_id = control_character_message(feed_id)
        if bad_id is not None:  # Postgres text cannot hold NUL: refused before any SQL
            return _errors(
                422, [FieldError(("feed_id",), bad_id, "control_character")], root="path"
            )
        try:
            deleted = await run_in_threadpool(feeds.store.delete_feed, feed_id)
        except RetriableError as exc:
            return unavailable(exc)
        if not deleted:
            return _errors(
                404, [FieldError(("feed_id",), "no such feed", "not_found")], root="path"
            )
        return Response(status_code=204)


def _feed_request_schema(min_interval_s: int) -> dict[str, Any]:
    feed = FeedIn.model_json_schema()
    # The configured minimum is a rule of this server: stated in its document.
    feed["properties"]["interval_s"]["anyOf"][0]["minimum"] = min_interval_s
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": feed}}}}


def _feed_errors(exc: ValueError | ValidationError) -> list[FieldError]:
    if isinstance(exc, ValidationError):
        return [
            FieldError(tuple(err["loc"]), err["msg"], err["type"])
            for err in exc.errors(include_url=False, include_input=False)
        ]
    return [FieldError((), f"invalid JSON: {exc}", "json_invalid")]


def _credentials(
    request: Request, bearer: HTTPAuthorizationCredentials | None, api_key: str | None
) -> Credentials:
    return Credentials(
        bearer=bearer.credentials if bearer is not None else None,
        api_key_header=api_key,
        client_address=request.client.host if request.client else "unknown",
    )


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
    server = _IngestServer(
        uvicorn.Config(
            app,
            host=settings.http_host,
            port=settings.http_port,
            log_level="info",
            timeout_keep_alive=settings.http_keep_alive_s,
        ),
        announcement=describe_write_access(settings),
    )
    threading.Thread(target=publisher.ready, name="connect-broker", daemon=True).start()
    try:
        server.run()
    except SystemExit as exc:  # uvicorn exits when it cannot bind; callers get our error type
        if server.started:
            raise
        raise ConfigurationError(
            f"ingest API cannot listen on {settings.http_host}:{settings.http_port}"
        ) from exc
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


# --- request helpers ---------------------------------------------------------------------------


async def _read_payload(
    request: Request, *, settings: IngestSettings, metrics: IngestMetrics
) -> bytes | JSONResponse:
    """The request body, or the error response for a request that cannot carry articles."""
    refusal = _check_headers(request, max_body_bytes=settings.max_body_bytes)
    if refusal is not None:
        metrics.requests_rejected.labels(refusal.reason).inc()
        return refusal.response
    try:
        return await _read_body(request, limit=settings.max_body_bytes)
    except _BodyTooLarge:
        metrics.requests_rejected.labels("body_too_large").inc()
        return _too_large(settings.max_body_bytes)
    except ClientDisconnect:
        metrics.requests_rejected.labels("client_disconnected").inc()
        return _errors(400, [FieldError((), "client disconnected", "disconnected")])


async def _publish(
    batch: Batch, *, publisher: ArticlePublisher, settings: IngestSettings, metrics: IngestMetrics
) -> JSONResponse:
    """Publish in a worker thread (kafka-python blocks); 202 only once every ack is in."""
    started = time.perf_counter()
    try:
        await run_in_threadpool(publisher.publish, batch.articles)
    except RetriableError as exc:
        log.warning("publish failed: %s", exc)
        metrics.publish_failures.inc()
        metrics.rejected.labels("broker_unavailable").inc(len(batch.articles))
        message = "the broker did not acknowledge the articles; retrying the request is safe"
        return _errors(
            503,
            [FieldError((), message, "broker_unavailable")],
            root=None,
            headers={"Retry-After": str(settings.retry_after_s)},
        )
    except PoisonMessageError as exc:
        metrics.publish_failures.inc()
        metrics.rejected.labels("too_large_for_broker").inc(len(batch.articles))
        return _errors(413, [FieldError((), str(exc), "too_large_for_broker")])
    finally:
        metrics.publish_seconds.observe(time.perf_counter() - started)
    metrics.accepted.inc(len(batch.articles))
    return JSONResponse(
        status_code=202,
        content={
            "accepted": len(batch.articles),
            "article_ids": batch.article_ids,
            "duplicates": batch.duplicates,
        },
    )


class _Refusal:
    def __init__(self, reason: str, response: JSONResponse) -> None:
        self.reason = reason
        self.response = response


class _BodyTooLarge(Exception):
    pass


def _check_headers(request: Request, *, max_body_bytes: int) -> _Refusal | None:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        return _Refusal(
            "unsupported_media_type",
            _errors(
                415,
                [FieldError(("content-type",), "must be application/json", "media_type")],
                root="header",
            ),
        )
    length = request.headers.get("content-length")
    if length is None:
        return None
    if not length.strip().isdigit():
        return _Refusal(
            "bad_content_length",
            _errors(
                400,
                [FieldError(("content-length",), "must be a number of bytes", "header")],
                root="header",
            ),
        )
    if int(length) > max_body_bytes:
        return _Refusal("body_too_large", _too_large(max_body_bytes))
    return None


async def _read_body(request: Request, *, limit: int) -> bytes:
    """The request body, refusing to buffer more than ``limit`` bytes (chunked uploads too)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _refusal_response(refused: AccessRefused) -> JSONResponse:
    return _errors(
        refused.status,
        [refused.error],
        root="header" if refused.error.loc else None,
        headers=refused.headers,
    )


def _too_large(limit: int) -> JSONResponse:
    return _errors(413, [FieldError((), f"request body larger than {limit} bytes", "too_large")])


def _count_batch_error(metrics: IngestMetrics, exc: BatchError) -> None:
    if not exc.rejected_articles:
        metrics.requests_rejected.labels(exc.reason).inc()
        return
    metrics.received.inc(sum(exc.rejected_articles.values()))
    for reason, count in exc.rejected_articles.items():
        if count:
            metrics.rejected.labels(reason).inc(count)


def _errors(
    status: int,
    errors: list[FieldError],
    *,
    root: str | None = "body",
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """FastAPI-style ``{"detail": [{"loc": [...], "msg": ..., "type": ...}]}``."""
    detail = [
        e.as_dict(root=root) if root else {"loc": list(e.loc), "msg": e.msg, "type": e.type}
        for e in errors
    ]
    return JSONResponse(status_code=status, content={"detail": detail}, headers=headers)


def _articles_request_schema(max_articles: int) -> dict[str, Any]:
    article = ArticleIn.model_json_schema()
    articles = {"type": "array", "items": article, "minItems": 1, "maxItems": max_articles}
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"oneOf": [article, articles]}}},
        }
    }


# --- server ------------------------------------------------------------------------------------


class _IngestServer(uvicorn.Server):
    """uvicorn, announcing the address it listens on, and returning normally on a signal.

    (uvicorn re-raises a caught SIGTERM after shutdown, which kills the process before the
    producer is closed.) ``announcement`` is printed after the address.
    """

    def __init__(self, config: uvicorn.Config, *, announcement: str = "") -> None:
        super().__init__(config)
        self._announcement = announcement

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and self.servers and self.servers[0].sockets:
            host, port = self.servers[0].sockets[0].getsockname()[:2]
            shown = f"[{host}]" if ":" in host else host
            print(f"ingest API listening on http://{shown}:{port}", flush=True)
            if self._announcement:
                print(self._announcement, flush=True)

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in _STOP_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
