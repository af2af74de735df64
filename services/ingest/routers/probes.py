"""``GET /healthz`` (the process serves HTTP), ``GET /readyz`` (the broker is reachable, so an
article pushed now can be accepted) and ``GET /metrics`` (Prometheus). All open: no key."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from services.ingest.adapters.metrics import CONTENT_TYPE_LATEST
from services.ingest.deps import Ingest

router = APIRouter()


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process is alive and serving HTTP."""
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(ingest: Ingest) -> JSONResponse:
    """200 when the broker is reachable, so articles pushed now can be accepted."""
    ready = await run_in_threadpool(ingest.publisher.ready)
    return JSONResponse(
        status_code=200 if ready else 503,
        content={
            "status": "ready" if ready else "broker unavailable",
            "stack_id": ingest.settings.stack_id,
        },
    )


@router.get(
    "/metrics",
    response_class=PlainTextResponse,
    responses={200: {"description": "Prometheus text exposition format"}},
)
def metrics_endpoint(ingest: Ingest) -> Response:
    return Response(content=ingest.metrics.exposition(), media_type=CONTENT_TYPE_LATEST)
