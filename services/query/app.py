"""The query API: read claims, events, incidents and articles from the store's Postgres, and the
live page at ``/``. This module only wires things; SQL is in ``adapters/queries.py``.

``create_app`` builds the FastAPI app around a psycopg_pool pool (its own, made from the
settings, or one the caller passes and owns); ``run`` serves it with uvicorn until SIGINT or
SIGTERM (``newsflow serve api``).

Errors: a bad parameter gets ``422`` in FastAPI's shape (``detail[].loc`` names the parameter),
an unknown id ``404``, and a database that is down or too slow ``503`` with ``Retry-After``.
Never a ``5xx`` for bad input.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, date, datetime
from importlib import resources
from typing import Annotated, Any, TypeVar

import psycopg
import uvicorn
from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from psycopg_pool import ConnectionPool, PoolTimeout
from pydantic import BeforeValidator

from services.query.adapters import incidents, places, queries
from services.query.adapters.places import PlacePage
from services.query.adapters.pool import make_pool, open_pool
from services.query.adapters.responses import (
    ArticleDetail,
    ArticleRef,
    ClaimItem,
    ClaimPage,
    EventItem,
    EventPage,
    IncidentDetail,
    IncidentList,
    Problem,
    Status,
)
from services.query.domain.cursor import (
    InvalidCursorError,
    PageKey,
    decode_cursor,
    encode_cursor,
    filters_fingerprint,
)
from services.query.domain.timeline import timeline
from services.query.metrics import mount_metrics
from services.query.settings import ApiSettings
from shared.errors import ConfigurationError
from shared.http_server import BodyDeadline, allow_every_method_of_the_path
from shared.input_rules import control_character_message, iso_time_only
from shared.models import ClaimKind, EventStatus, EventType

log = logging.getLogger(__name__)

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
RETRY_AFTER_S = 2

Pool = ConnectionPool[psycopg.Connection[Any]]
T = TypeVar("T")

# The live page may load only what this app serves: no CDN, nothing from elsewhere at run time.
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
}

_ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": Problem, "description": "A parameter is not valid; `detail[].loc` names it"},
    503: {"model": Problem, "description": "Database unavailable or too slow; retry later"},
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No such id"}}


class ParameterError(Exception):
    """A request parameter that passed type validation but makes no sense (answered with 422).
    ``where`` is ``query`` or ``path``."""

    def __init__(
        self, name: str, message: str, kind: str = "value_error", *, where: str = "query"
    ) -> None:
        super().__init__(message)
        self.name = name
        self.message = message
        self.kind = kind
        self.where = where


# Times and days are ISO-8601 strings, as ingest's published_at: a number is not read as Unix
# time (see shared.input_rules).
IsoDateTime = Annotated[datetime, BeforeValidator(iso_time_only)]
IsoDate = Annotated[date, BeforeValidator(iso_time_only)]


def refuse_control_characters(request: Request) -> None:
    """Every route's first dependency: a query parameter or path id holding a control
    character (NUL, which Postgres text cannot hold, and the like) is refused with 422 naming
    it, before any other validation and before any SQL."""
    for name, value in request.path_params.items():
        message = control_character_message(value) if isinstance(value, str) else None
        if message is not None:
            raise ParameterError(name, message, "control_character", where="path")
    for name, value in request.query_params.multi_items():
        message = control_character_message(value)
        if message is not None:
            raise ParameterError(name, message, "control_character")


def create_app(settings: ApiSettings, *, pool: Pool | None = None) -> FastAPI:
    """The query API. Without ``pool`` it makes its own from ``settings`` and opens and closes it
    with the app's lifespan; a pool passed in is used as it is and left open."""
    own_pool = pool is None
    db: Pool = pool if pool is not None else _pool_from(settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if own_pool:
            open_pool(db)
        try:
            yield
        finally:
            if own_pool:
                db.close()

    app = FastAPI(
        title="newsflow query API",
        summary="Claims, events, incidents and articles extracted from the news, as stored.",
        description=(
            "Read side of newsflow. Lists are newest first (by when the store first saw a row) "
            "and paginated with an opaque cursor: pass the `next` of a page as `cursor`, with "
            "the same filters, to get the following page. The live page is at `/`."
        ),
        version="1",
        lifespan=lifespan,
        # FastAPI's /docs and /redoc pages load their scripts from a CDN; nothing here may load
        # from elsewhere at run time. The schema itself is at /openapi.json.
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(refuse_control_characters)],
    )
    app.add_middleware(BodyDeadline, timeout_s=settings.api_body_timeout_s)
    allow_every_method_of_the_path(app)
    _add_error_handlers(app)
    _add_page(app)
    app.state.metrics = mount_metrics(app)  # GET /metrics (Prometheus)

    def read(work: Callable[[psycopg.Connection[Any]], T]) -> T:
        with db.connection() as conn:
            return work(conn)

    @app.get(
        "/v1/claims",
        response_model=ClaimPage,
        responses=_ERRORS,
        tags=["claims"],
        summary="List claims (who said what)",
    )
    def get_claims(
        speaker: Annotated[
            str | None,
            Query(
                max_length=200,
                description="Part of the speaker's canonical name, any case.",
                examples=["stoltenberg"],
            ),
        ] = None,
        q: Annotated[
            str | None,
            Query(
                max_length=500,
                description="Full-text search over the claim's content (English stemming; "
                'web-search syntax: `"exact phrase"`, `or`, `-exclude`).',
                examples=["offensive actions"],
            ),
        ] = None,
        article_id: Annotated[str | None, Query(max_length=100)] = None,
        kind: Annotated[ClaimKind | None, Query()] = None,
        published_from: Annotated[
            IsoDateTime | None,
            Query(
                description="Articles published at or after (ISO-8601; without a zone: UTC).",
                examples=["2022-03-29T00:00:00Z"],
            ),
        ] = None,
        published_to: Annotated[
            IsoDateTime | None, Query(description="Articles published before (exclusive).")
        ] = None,
        seen_from: Annotated[
            IsoDateTime | None, Query(description="Claims first stored at or after.")
        ] = None,
        seen_to: Annotated[
            IsoDateTime | None, Query(description="Claims first stored before (exclusive).")
        ] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
        cursor: Annotated[str | None, Query(description="The `next` of the previous page.")] = None,
    ) -> ClaimPage:
        """Claims, newest first, filtered by speaker, text, article, kind and time."""
        filters = queries.ClaimFilters(
            speaker=_text("speaker", speaker),
            q=_text("q", q),
            article_id=_text("article_id", article_id),
            kind=kind,
            published_from=_utc(published_from),
            published_to=_utc(published_to),
            seen_from=_utc(seen_from),
            seen_to=_utc(seen_to),
        )
        _check_range("published", filters.published_from, filters.published_to)
        _check_range("seen", filters.seen_from, filters.seen_to)
        fingerprint = filters_fingerprint({"list": "claims", **filters.as_dict()})
        after = _page_key(cursor, fingerprint)
        rows = read(
            lambda conn: queries.list_claims(conn, filters=filters, after=after, limit=limit + 1)
        )
        items = [
            ClaimItem(
                claim=row["payload"],
                article=_article_ref(row),
                first_seen_at=row["first_seen_at"],
                updated_at=row["updated_at"],
            )
            for row in rows[:limit]
        ]
        return ClaimPage(items=items, next=_next_cursor(rows, limit, fingerprint))

    @app.get(
        "/v1/events",
        response_model=EventPage,
        responses=_ERRORS,
        tags=["events"],
        summary="List events (what happened, where, when)",
    )
    def get_events(
        type: Annotated[
            list[EventType] | None,
            Query(description="Event type(s); repeat the parameter for several."),
        ] = None,
        status: Annotated[
            list[EventStatus] | None,
            Query(description="Status(es); repeat the parameter for several."),
        ] = None,
        country: Annotated[
            str | None,
            Query(
                pattern="^[A-Za-z]{3}$",
                description="ISO 3166-1 alpha-3 country of the event's place.",
                examples=["UKR"],
            ),
        ] = None,
        place: Annotated[
            str | None,
            Query(
                max_length=200,
                description="Part of the place's name (geocoded or as written), any case.",
                examples=["mykolaiv"],
            ),
        ] = None,
        geonameid: Annotated[
            int | None, Query(ge=1, description="GeoNames id of the place.", examples=[700569])
        ] = None,
        date_from: Annotated[
            IsoDate | None, Query(description="Events dated on or after this day.")
        ] = None,
        date_to: Annotated[
            IsoDate | None, Query(description="Events dated on or before this day.")
        ] = None,
        article_id: Annotated[str | None, Query(max_length=100)] = None,
        q: Annotated[
            str | None,
            Query(
                max_length=500,
                description="Full-text search over trigger, place and the stating sentence.",
            ),
        ] = None,
        is_main: Annotated[
            bool | None, Query(description="Only the main event of each article (or not).")
        ] = None,
        seen_from: Annotated[
            IsoDateTime | None, Query(description="Events first stored at or after.")
        ] = None,
        seen_to: Annotated[
            IsoDateTime | None, Query(description="Events first stored before (exclusive).")
        ] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
        cursor: Annotated[str | None, Query(description="The `next` of the previous page.")] = None,
    ) -> EventPage:
        """Events, newest first, filtered by type, status, place, date and text."""
        filters = queries.EventFilters(
            types=tuple(sorted(set(type or ()))),
            statuses=tuple(sorted(set(status or ()))),
            country=country.upper() if country else None,
            place=_text("place", place),
            geonameid=geonameid,
            date_from=date_from,
            date_to=date_to,
            article_id=_text("article_id", article_id),
            q=_text("q", q),
            is_main=is_main,
            seen_from=_utc(seen_from),
            seen_to=_utc(seen_to),
        )
        if date_from is not None and date_to is not None and date_to < date_from:
            raise ParameterError("date_to", "must not be before date_from")
        _check_range("seen", filters.seen_from, filters.seen_to)
        fingerprint = filters_fingerprint({"list": "events", **filters.as_dict()})
        after = _page_key(cursor, fingerprint)
        rows = read(
            lambda conn: queries.list_events(conn, filters=filters, after=after, limit=limit + 1)
        )
        items = [
            EventItem(
                event=row["payload"],
                incident_id=row["incident_id"],
                article=_article_ref(row),
                first_seen_at=row["first_seen_at"],
                updated_at=row["updated_at"],
            )
            for row in rows[:limit]
        ]
        return EventPage(items=items, next=_next_cursor(rows, limit, fingerprint))

    @app.get(
        "/v1/places",
        response_model=PlacePage,
        responses=_ERRORS,
        tags=["places"],
        summary="List place mentions (toponyms and demonyms resolved to GeoNames)",
    )
    def get_places(
        place: Annotated[
            str | None,
            Query(
                max_length=200,
                description="Part of the place's name (GeoNames or as written), any case.",
                examples=["lyon"],
            ),
        ] = None,
        country: Annotated[
            str | None,
            Query(
                pattern="^[A-Za-z]{3}$",
                description="ISO 3166-1 alpha-3 country of the place.",
                examples=["FRA"],
            ),
        ] = None,
        geonameid: Annotated[
            int | None, Query(ge=1, description="GeoNames id of the place.", examples=[2996944])
        ] = None,
        near: Annotated[
            str | None,
            Query(
                max_length=100,
                description="`lat,lon,km`: places within km kilometres (great circle) of the "
                "point; only resolved places have a point.",
                examples=["45.76,4.84,50"],
            ),
        ] = None,
        article_id: Annotated[str | None, Query(max_length=100)] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
        cursor: Annotated[str | None, Query(description="The `next` of the previous page.")] = None,
    ) -> PlacePage:
        """Every place name of the stored articles' current extractions, newest first."""
        filters = places.PlaceFilters(
            place=_text("place", place),
            country=country.upper() if country else None,
            geonameid=geonameid,
            article_id=_text("article_id", article_id),
            near=_near(near),
        )
        fingerprint = filters_fingerprint({"list": "places", **filters.as_dict()})
        after = _page_key(cursor, fingerprint)
        rows = read(
            lambda conn: places.list_places(conn, filters=filters, after=after, limit=limit + 1)
        )
        items = [places.place_item(row, _article_ref(row)) for row in rows[:limit]]
        return PlacePage(items=items, next=_next_cursor(rows, limit, fingerprint))

    @app.get(
        "/v1/incidents",
        response_model=IncidentList,
        responses=_ERRORS,
        tags=["incidents"],
        summary="The latest incidents",
    )
    def get_incidents(
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    ) -> IncidentList:
        """The ``limit`` incidents with the most recent dates, newest first, each with its
        latest toll. (Not paginated: incidents regroup as reports arrive, so their ids and order
        are not stable keys; follow an event's ``incident_id`` instead.)"""
        rows = read(lambda conn: incidents.latest_incidents(conn, limit=limit))
        return IncidentList.model_validate({"items": rows})

    @app.get(
        "/v1/incidents/{incident_id}",
        response_model=IncidentDetail,
        responses={**_ERRORS, **_NOT_FOUND},
        tags=["incidents"],
        summary="One incident with its mentions, timeline and toll",
    )
    def get_incident(
        incident_id: Annotated[str, Path(max_length=100, examples=["i-3c2b1a0f9e8d7c6b5a493827"])],
    ) -> IncidentDetail:
        """The incident, every event mention of it (oldest article first) with its article,
        and the mentions counted by date."""
        detail = read(lambda conn: incidents.incident_with_mentions(conn, incident_id=incident_id))
        if detail is None:
            raise _NotFound("incident_id", f"no incident {incident_id!r}")
        days = [vars(entry) for entry in timeline(detail["mentions"])]
        return IncidentDetail.model_validate({**detail, "timeline": days})

    @app.get(
        "/v1/articles/{article_id}",
        response_model=ArticleDetail,
        responses={**_ERRORS, **_NOT_FOUND},
        tags=["articles"],
        summary="One article with its claims and events",
    )
    def get_article(
        article_id: Annotated[str, Path(max_length=100, examples=["a-5f0c1d2e3b4a59687766aa10"])],
    ) -> ArticleDetail:
        """The stored article (cleaned body) with its claims and events in text order."""
        detail = read(lambda conn: queries.article_detail(conn, article_id=article_id))
        if detail is None:
            raise _NotFound("article_id", f"no article {article_id!r}")
        claims, events = detail.pop("claims"), detail.pop("events")
        detail["authors"] = detail["authors"] or []
        return ArticleDetail.model_validate(
            {
                "article": detail,
                "claims": claims,
                "events": [
                    {"event": e["payload"], "incident_id": e["incident_id"]} for e in events
                ],
            }
        )

    @app.get("/healthz", response_model=Status, tags=["probes"])
    def healthz() -> Status:
        """The process is alive and serving HTTP."""
        return Status(status="ok")

    @app.get(
        "/readyz",
        response_model=Status,
        tags=["probes"],
        responses={503: {"model": Status, "description": "Not ready; `status` says why"}},
    )
    def readyz() -> JSONResponse:
        """200 when Postgres answers and has every migration this code needs."""
        try:
            current = read(queries.schema_is_current)
        except (PoolTimeout, psycopg.Error):
            return JSONResponse(status_code=503, content={"status": "database unavailable"})
        if not current:
            return JSONResponse(
                status_code=503,
                content={"status": "database schema behind: run `newsflow init`"},
            )
        return JSONResponse(
            status_code=200, content={"status": "ready", "stack_id": settings.stack_id}
        )

    return app


def run(settings: ApiSettings) -> None:
    """Serve the query API and the live page until SIGINT or SIGTERM, then close the pool.

    Raises :class:`ConfigurationError` when it cannot listen on the configured address.
    """
    server = _ApiServer(server_config(create_app(settings), settings))
    try:
        server.run()
    except SystemExit as exc:  # uvicorn exits when it cannot bind; callers get our error type
        if server.started:
            raise
        raise ConfigurationError(
            f"query API cannot listen on {settings.api_host}:{settings.api_port}"
        ) from exc
    log.info("query API stopped")


def server_config(app: FastAPI, settings: ApiSettings) -> uvicorn.Config:
    """uvicorn's configuration for serving ``app``: address and connection timeouts."""
    return uvicorn.Config(
        app,
        host=settings.api_host,
        port=settings.api_port,
        log_level="info",
        timeout_keep_alive=settings.api_keep_alive_s,
    )


# --- parameters --------------------------------------------------------------------------------


def _text(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    stripped = value.strip()
    if not stripped:
        raise ParameterError(name, "must not be blank (leave the parameter out instead)")
    return stripped


def _utc(value: datetime | None) -> datetime | None:
    """A time with its zone; one given without a zone is taken as UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def _check_range(name: str, start: datetime | None, end: datetime | None) -> None:
    if start is not None and end is not None and end <= start:
        raise ParameterError(f"{name}_to", f"must be later than {name}_from")


def _near(value: str | None) -> places.Near | None:
    if value is None:
        return None
    try:
        return places.parse_near(value)
    except ValueError as exc:
        raise ParameterError("near", str(exc)) from None


def _page_key(cursor: str | None, fingerprint: str) -> PageKey | None:
    if cursor is None:
        return None
    try:
        return decode_cursor(cursor, filters=fingerprint)
    except InvalidCursorError as exc:
        raise ParameterError("cursor", str(exc), "invalid_cursor") from None


def _next_cursor(rows: list[dict[str, Any]], limit: int, fingerprint: str) -> str | None:
    """A cursor after the page's last row when a row beyond the page was found."""
    if len(rows) <= limit:
        return None
    last = rows[limit - 1]
    return encode_cursor(
        PageKey(seen_at=last["first_seen_at"], id=last["row_id"]), filters=fingerprint
    )


def _article_ref(row: dict[str, Any]) -> ArticleRef | None:
    if row["ref_article_id"] is None:
        return None
    return ArticleRef(
        article_id=row["ref_article_id"],
        title=row["ref_title"],
        url=row["ref_url"],
        source=row["ref_source"],
        published_at=row["ref_published_at"],
    )


# --- errors ------------------------------------------------------------------------------------


class _NotFound(Exception):
    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ParameterError)
    async def bad_parameter(request: Request, exc: ParameterError) -> JSONResponse:
        return _problem(422, [exc.where, exc.name], exc.message, exc.kind)

    @app.exception_handler(_NotFound)
    async def not_found(request: Request, exc: _NotFound) -> JSONResponse:
        return _problem(404, ["path", exc.name], exc.message, "not_found")

    @app.exception_handler(PoolTimeout)
    async def no_connection(request: Request, exc: PoolTimeout) -> JSONResponse:
        log.warning("query API: no database connection: %s", exc)
        return _unavailable("database unavailable: no connection could be had in time")

    @app.exception_handler(psycopg.OperationalError)
    async def database_error(request: Request, exc: psycopg.OperationalError) -> JSONResponse:
        # Connection lost, server shutting down, or statement_timeout (QueryCanceled).
        log.warning("query API: database error: %s", exc)
        return _unavailable("database unavailable or the query took too long")


def _problem(status: int, loc: list[str], message: str, kind: str) -> JSONResponse:
    return JSONResponse(
        status_code=status, content={"detail": [{"loc": loc, "msg": message, "type": kind}]}
    )


def _unavailable(message: str) -> JSONResponse:
    return JSONResponse(
        status_code=503,
        content={"detail": [{"loc": [], "msg": message, "type": "unavailable"}]},
        headers={"Retry-After": str(RETRY_AFTER_S)},
    )


# --- the live page -----------------------------------------------------------------------------


def _add_page(app: FastAPI) -> None:
    static = resources.files("services.query").joinpath("static")
    index_html = static.joinpath("index.html").read_text(encoding="utf-8")
    app.mount("/static", StaticFiles(packages=[("services.query", "static")]), name="static")

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def page() -> HTMLResponse:
        return HTMLResponse(index_html, headers=_PAGE_HEADERS)


def _pool_from(settings: ApiSettings) -> Pool:
    return make_pool(
        database_url=settings.database_url.get_secret_value(),
        min_size=settings.api_pool_min,
        max_size=settings.api_pool_max,
        timeout_s=settings.api_pool_timeout_s,
        statement_timeout_ms=settings.api_statement_timeout_ms,
    )


# --- server ------------------------------------------------------------------------------------


class _ApiServer(uvicorn.Server):
    """uvicorn, announcing where it listens, and returning normally on SIGINT/SIGTERM (uvicorn
    re-raises a caught SIGTERM after shutdown, which would skip closing the pool)."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and self.servers and self.servers[0].sockets:
            host, port = self.servers[0].sockets[0].getsockname()[:2]
            shown = f"[{host}]" if ":" in host else host
            print(
                f"query API listening on http://{shown}:{port}/v1 (schema: /openapi.json)",
                flush=True,
            )
            print(f"live page: http://{shown}:{port}/", flush=True)

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        stop_signals = (signal.SIGINT, signal.SIGTERM)
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in stop_signals}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
