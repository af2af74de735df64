"""``POST /v1/articles``: one article or a list of them, published on ``articles.raw``.

Delivery: ``202`` only after the broker acknowledged every article of the request. On ``503``
nothing is promised — some articles may have been written — and the client retries; the retry
is harmless because ``article_id`` is derived from the canonical URL and every consumer upserts
by it.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from services.ingest.adapters.metrics import IngestMetrics
from services.ingest.adapters.publisher import ArticlePublisher
from services.ingest.deps import Ingest, require_write_key
from services.ingest.domain.articles import ArticleIn
from services.ingest.domain.batch import Batch, BatchError, FieldError, read_batch
from services.ingest.http import error_response, read_payload
from services.ingest.settings import IngestSettings
from shared.errors import PoisonMessageError, RetriableError

log = logging.getLogger(__name__)

# HTTP status for each way a push can be unreadable or invalid (see domain.batch.BatchError).
_BATCH_ERROR_STATUS = {
    "malformed_json": 400,
    "not_articles": 422,
    "empty": 422,
    "too_many_articles": 413,
    "invalid": 422,
}

_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "Malformed JSON or headers"},
    401: {"description": "API key missing or not valid (not in dev mode)"},
    413: {"description": "Body or batch too large"},
    415: {"description": "Content-Type is not application/json"},
    422: {"description": "Invalid article; `detail[].loc` names the field"},
    429: {"description": "Rate limit of the API key exceeded; retry after `Retry-After`"},
    503: {"description": "Broker unavailable; retry after `Retry-After` seconds"},
}


def router(settings: IngestSettings) -> APIRouter:
    """The articles route; its documented request body names this server's batch limit."""
    articles = APIRouter()
    articles.add_api_route(
        "/v1/articles",
        post_articles,
        methods=["POST"],
        status_code=202,
        dependencies=[Depends(require_write_key)],
        openapi_extra=_request_schema(settings.max_articles_per_request),
        responses=_RESPONSES,
    )
    return articles


async def post_articles(request: Request, ingest: Ingest) -> JSONResponse:
    """Accept one article object or a list of them.

    Answers ``202 {"accepted": n, "article_ids": [...], "duplicates": k}`` once the broker
    acknowledged all of them; ``article_ids`` are distinct, in order of first appearance.
    """
    settings, metrics = ingest.settings, ingest.metrics
    payload = await read_payload(request, max_body_bytes=settings.max_body_bytes, metrics=metrics)
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
        return error_response(_BATCH_ERROR_STATUS.get(exc.reason, 422), exc.errors)
    metrics.received.inc(batch.received)
    metrics.deduplicated.inc(batch.duplicates)
    return await _publish(batch, publisher=ingest.publisher, settings=settings, metrics=metrics)


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
        return error_response(
            503,
            [FieldError((), message, "broker_unavailable")],
            root=None,
            headers={"Retry-After": str(settings.retry_after_s)},
        )
    except PoisonMessageError as exc:
        metrics.publish_failures.inc()
        metrics.rejected.labels("too_large_for_broker").inc(len(batch.articles))
        return error_response(413, [FieldError((), str(exc), "too_large_for_broker")])
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


def _count_batch_error(metrics: IngestMetrics, exc: BatchError) -> None:
    if not exc.rejected_articles:
        metrics.requests_rejected.labels(exc.reason).inc()
        return
    metrics.received.inc(sum(exc.rejected_articles.values()))
    for reason, count in exc.rejected_articles.items():
        if count:
            metrics.rejected.labels(reason).inc(count)


def _request_schema(max_articles: int) -> dict[str, Any]:
    article = ArticleIn.model_json_schema()
    articles = {"type": "array", "items": article, "minItems": 1, "maxItems": max_articles}
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"oneOf": [article, articles]}}},
        }
    }
