"""How the ingest API reads a write request's body and words its refusals: every error in
FastAPI's shape ``{"detail": [{"loc": [...], "msg": ..., "type": ...}]}``.

A body is read only after its headers passed: ``415`` when it is not JSON, ``400`` for a
``Content-Length`` that is no number, ``413`` when the announced or the received size passes
``max_body_bytes`` (a chunked upload is cut off there, never buffered whole), ``400`` when the
client goes away mid-body. Each refusal is counted in ``newsflow_ingest_requests_rejected_total``.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import JSONResponse
from starlette.requests import ClientDisconnect

from services.ingest.adapters.access import AccessRefused
from services.ingest.adapters.metrics import IngestMetrics
from services.ingest.domain.batch import FieldError


async def read_payload(
    request: Request, *, max_body_bytes: int, metrics: IngestMetrics
) -> bytes | JSONResponse:
    """The request body, or the error response for a request that cannot carry one."""
    refusal = _check_headers(request, max_body_bytes=max_body_bytes)
    if refusal is not None:
        metrics.requests_rejected.labels(refusal.reason).inc()
        return refusal.response
    try:
        return await _read_body(request, limit=max_body_bytes)
    except _BodyTooLargeError:
        metrics.requests_rejected.labels("body_too_large").inc()
        return too_large(max_body_bytes)
    except ClientDisconnect:
        metrics.requests_rejected.labels("client_disconnected").inc()
        return error_response(400, [FieldError((), "client disconnected", "disconnected")])


def error_response(
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


def refusal_response(refused: AccessRefused) -> JSONResponse:
    """The answer to a write request without a valid key, or over its rate."""
    return error_response(
        refused.status,
        [refused.error],
        root="header" if refused.error.loc else None,
        headers=refused.headers,
    )


def too_large(limit: int) -> JSONResponse:
    message = f"request body larger than {limit} bytes"
    return error_response(413, [FieldError((), message, "too_large")])


@dataclass(frozen=True)
class _Refusal:
    reason: str
    response: JSONResponse


class _BodyTooLargeError(Exception):
    pass


def _check_headers(request: Request, *, max_body_bytes: int) -> _Refusal | None:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        return _Refusal(
            "unsupported_media_type",
            error_response(
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
            error_response(
                400,
                [FieldError(("content-length",), "must be a number of bytes", "header")],
                root="header",
            ),
        )
    if int(length) > max_body_bytes:
        return _Refusal("body_too_large", too_large(max_body_bytes))
    return None


async def _read_body(request: Request, *, limit: int) -> bytes:
    """The request body, refusing to buffer more than ``limit`` bytes (chunked uploads too)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _BodyTooLargeError
        chunks.append(chunk)
    return b"".join(chunks)
