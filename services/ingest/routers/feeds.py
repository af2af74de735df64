"""``/v1/feeds``: the RSS/Atom feeds that a background task polls into ``articles.raw`` (see
:mod:`services.ingest.feed_poller`). ``POST`` registers or updates one, ``GET`` lists them with
their polling state, ``DELETE /v1/feeds/{id}`` stops polling one. The writes need the write key
(:func:`services.ingest.deps.require_write_key`); ``GET`` is open.

Without a feed service (no ``NEWSFLOW_DATABASE_URL``) every route answers ``501``; a database
that is down answers ``503`` with ``Retry-After``.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from services.ingest.deps import Ingest, IngestContext, require_write_key
from services.ingest.domain.articles import URL_PATTERN, clean_line
from services.ingest.domain.batch import FieldError
from services.ingest.domain.url import canonicalize_url
from services.ingest.http import error_response, read_payload
from shared.errors import RetriableError
from shared.input_rules import control_character_message, refuse_url_control_characters

log = logging.getLogger(__name__)

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


_POST_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The feed was registered already; interval and source updated"},
    400: {"description": "Malformed headers, or the client disconnected"},
    401: {"description": "API key missing or not valid (not in dev mode)"},
    413: {"description": "Body too large"},
    415: {"description": "Content-Type is not application/json"},
    422: {"description": "Invalid feed; `detail[].loc` names the field"},
    429: {"description": "Rate limit exceeded; retry after `Retry-After`"},
    501: {"description": "Feeds are not enabled (no NEWSFLOW_DATABASE_URL)"},
    503: {"description": "Feeds database unavailable; retry after `Retry-After`"},
}
_DELETE_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"description": "API key missing or not valid (not in dev mode)"},
    404: {"description": "No such feed"},
    422: {"description": "The id holds control characters"},
    501: {"description": "Feeds are not enabled (no NEWSFLOW_DATABASE_URL)"},
}


def router(min_interval_s: int) -> APIRouter:
    """The feed routes; the documented request body names this server's minimum interval."""
    feeds = APIRouter()
    write_key = [Depends(require_write_key)]
    feeds.add_api_route(
        "/v1/feeds",
        post_feed,
        methods=["POST"],
        status_code=201,
        dependencies=write_key,
        openapi_extra=_request_schema(min_interval_s),
        responses=_POST_RESPONSES,
    )
    feeds.add_api_route("/v1/feeds", list_feeds, methods=["GET"])
    feeds.add_api_route(
        "/v1/feeds/{feed_id}",
        delete_feed,
        methods=["DELETE"],
        status_code=204,
        dependencies=write_key,
        responses=_DELETE_RESPONSES,
    )
    return feeds


async def post_feed(request: Request, ingest: Ingest) -> JSONResponse:
    """Register an RSS/Atom feed (idempotent: the id comes from the canonical URL). It is
    polled at once, then every ``interval_s``."""
    settings, feeds = ingest.settings, ingest.feeds
    if feeds is None:
        return _not_enabled()
    payload = await read_payload(
        request, max_body_bytes=settings.max_body_bytes, metrics=ingest.metrics
    )
    if isinstance(payload, JSONResponse):
        return payload
    try:
        feed = FeedIn.model_validate(json.loads(payload))
    except (ValueError, ValidationError) as exc:
        return error_response(422, _feed_errors(exc))
    interval = feed.interval_s if feed.interval_s is not None else settings.feed_interval_s
    if interval < settings.feed_min_interval_s:
        message = f"must be at least {settings.feed_min_interval_s} seconds"
        return error_response(422, [FieldError(("interval_s",), message, "greater_than_equal")])
    try:
        record, created = await run_in_threadpool(
            feeds.store.add_feed, url=feed.url, interval_s=interval, source=feed.source
        )
    except RetriableError as exc:
        return _unavailable(ingest, exc)
    feeds.wake()
    return JSONResponse(status_code=201 if created else 200, content=record.as_json())


async def list_feeds(ingest: Ingest) -> JSONResponse:
    """Every feed with its polling state (last poll, last error, next poll)."""
    if ingest.feeds is None:
        return _not_enabled()
    try:
        records = await run_in_threadpool(ingest.feeds.store.list_feeds)
    except RetriableError as exc:
        return _unavailable(ingest, exc)
    return JSONResponse(content={"feeds": [r.as_json() for r in records]})


async def delete_feed(feed_id: str, ingest: Ingest) -> Response:
    """Stop polling a feed (a feed of NEWSFLOW_FEEDS comes back at the next start)."""
    if ingest.feeds is None:
        return _not_enabled()
    bad_id = control_character_message(feed_id)
    if bad_id is not None:  # Postgres text cannot hold NUL: refused before any SQL
        return error_response(
            422, [FieldError(("feed_id",), bad_id, "control_character")], root="path"
        )
    try:
        deleted = await run_in_threadpool(ingest.feeds.store.delete_feed, feed_id)
    except RetriableError as exc:
        return _unavailable(ingest, exc)
    if not deleted:
        return error_response(
            404, [FieldError(("feed_id",), "no such feed", "not_found")], root="path"
        )
    return Response(status_code=204)


def _not_enabled() -> JSONResponse:
    message = "feeds are not enabled on this server: set NEWSFLOW_DATABASE_URL"
    return error_response(501, [FieldError((), message, "feeds_disabled")], root=None)


def _unavailable(ingest: IngestContext, exc: RetriableError) -> JSONResponse:
    log.warning("feeds: %s", exc)
    return error_response(
        503,
        [FieldError((), "the feeds database is unavailable", "database_unavailable")],
        root=None,
        headers={"Retry-After": str(ingest.settings.retry_after_s)},
    )


def _request_schema(min_interval_s: int) -> dict[str, Any]:
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
