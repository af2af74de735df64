"""``GET /healthz`` (the process serves HTTP) and ``GET /readyz`` (Postgres answers with every
migration this code needs), for the stack's and Kubernetes' probes."""

from __future__ import annotations

import psycopg
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from psycopg_pool import PoolTimeout

from services.query.adapters import queries
from services.query.adapters.responses import Status
from services.query.deps import Database, Settings, read

router = APIRouter(tags=["probes"])


@router.get("/healthz", response_model=Status)
def healthz() -> Status:
    """The process is alive and serving HTTP."""
    return Status(status="ok")


@router.get(
    "/readyz",
    response_model=Status,
    responses={503: {"model": Status, "description": "Not ready; `status` says why"}},
)
def readyz(db: Database, settings: Settings) -> JSONResponse:
    """200 when Postgres answers and has every migration this code needs."""
    try:
        current = read(db, queries.schema_is_current)
    except (PoolTimeout, psycopg.Error):
        return JSONResponse(status_code=503, content={"status": "database unavailable"})
    if not current:
        return JSONResponse(
            status_code=503,
            content={"status": "database schema behind: run `newsflow init`"},
        )
    return JSONResponse(status_code=200, content={"status": "ready", "stack_id": settings.stack_id})
