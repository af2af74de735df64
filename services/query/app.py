"""The query API: read claims, events, places, incidents and articles from the store's Postgres,
and the live page at ``/``. This module only wires things: the routes are in ``routers/`` (one
``APIRouter`` per resource), the SQL in ``adapters/``, the error answers in ``errors.py``.

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
from collections.abc import AsyncIterator

import uvicorn
from fastapi import Depends, FastAPI

from services.query.adapters.pool import make_pool, open_pool
from services.query.deps import Pool
from services.query.errors import add_error_handlers
from services.query.metrics import mount_metrics
from services.query.params import refuse_control_characters
from services.query.routers import (
    articles,
    claims,
    countries,
    counts,
    events,
    exports,
    incidents,
    page,
    places,
    probes,
)
from services.query.settings import ApiSettings
from shared.http_server import BodyDeadline, allow_every_method_of_the_path, serve

log = logging.getLogger(__name__)

_ROUTERS = (claims.router, events.router, places.router, incidents.router, articles.router)
_ANALYSIS_ROUTERS = (counts.router, exports.router, countries.router)  # issue 17


def create_app(settings: ApiSettings, *, pool: Pool | None = None) -> FastAPI:
    """The query API. Without ``pool`` it makes its own from ``settings`` and opens and closes it
    with the app's lifespan; a pool passed in is used as it is and left open."""
    page.index_html()  # a package without its page fails here, not at the first visit
    app = FastAPI(
        title="newsflow query API",
        summary="Claims, events, incidents and articles extracted from the news, as stored.",
        description=(
            "Read side of newsflow. Lists are newest first (events by event time, claims by "
            "their article's publication, places by when the store first saw them) and "
            "paginated with an opaque cursor: pass the `next` of a page as `cursor`, with the "
            "same filters, to get the following page. Counts and exports take the listings' "
            "filters. The live page is at `/`."
        ),
        version="1",
        lifespan=_pool_lifespan,
        # FastAPI's /docs and /redoc pages load their scripts from a CDN; nothing here may load
        # from elsewhere at run time. The schema itself is at /openapi.json.
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(refuse_control_characters)],
    )
    app.state.settings = settings
    app.state.pool = pool if pool is not None else _pool_from(settings)
    app.state.own_pool = pool is None
    app.add_middleware(BodyDeadline, timeout_s=settings.api_body_timeout_s)
    allow_every_method_of_the_path(app)
    add_error_handlers(app)
    app.mount("/static", page.static_files(), name="static")
    app.include_router(page.router)
    app.state.metrics = mount_metrics(app)  # GET /metrics (Prometheus)
    for router in (*_ROUTERS, *_ANALYSIS_ROUTERS):
        app.include_router(router)
    app.include_router(probes.router)
    return app


def run(settings: ApiSettings) -> None:
    """Serve the query API and the live page until SIGINT or SIGTERM, then close the pool.

    Raises :class:`ConfigurationError` when it cannot listen on the configured address.
    """
    serve(server_config(create_app(settings), settings), name="query API", announce=_announce)
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


@contextlib.asynccontextmanager
async def _pool_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Open the app's own pool while it is served, and close it after (a pool passed to
    :func:`create_app` is the caller's to open and close)."""
    if app.state.own_pool:
        open_pool(app.state.pool)
    try:
        yield
    finally:
        if app.state.own_pool:
            app.state.pool.close()


def _announce(address: str) -> list[str]:
    return [
        f"query API listening on {address}/v1 (schema: /openapi.json)",
        f"live page: {address}/",
    ]


def _pool_from(settings: ApiSettings) -> Pool:
    return make_pool(
        database_url=settings.database_url.get_secret_value(),
        min_size=settings.api_pool_min,
        max_size=settings.api_pool_max,
        timeout_s=settings.api_pool_timeout_s,
        statement_timeout_ms=settings.api_statement_timeout_ms,
    )
