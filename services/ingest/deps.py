"""What the ingest API's routes take from the app (FastAPI dependencies).

:data:`Ingest` is what :func:`services.ingest.app.create_app` wired: settings, publisher,
metrics, the feed service (or ``None``) and the write access. :func:`require_write_key` is the
one check of every write route (``POST /v1/articles``, ``POST /v1/feeds``,
``DELETE /v1/feeds/{id}``): the API key, then the rate limit, before the body is read. A
refused request raises :class:`WriteRefusedError`, answered ``401``/``429`` by the handler
:func:`answer_write_refusals` installs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, FastAPI, Request, Security
from fastapi.responses import JSONResponse
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from services.ingest.adapters.access import AccessRefused, Credentials, WriteAccess
from services.ingest.adapters.metrics import IngestMetrics
from services.ingest.adapters.publisher import ArticlePublisher
from services.ingest.http import refusal_response
from services.ingest.settings import IngestSettings

if TYPE_CHECKING:  # the poller's libraries (feedparser, trafilatura) load only when used
    from services.ingest.feeds import FeedService


@dataclass(frozen=True)
class IngestContext:
    """The ingest app's parts, as ``create_app`` built them (``app.state.ingest``)."""

    settings: IngestSettings
    publisher: ArticlePublisher
    metrics: IngestMetrics
    access: WriteAccess
    feeds: FeedService | None


async def _context(request: Request) -> IngestContext:
    context: IngestContext = request.app.state.ingest
    return context


Ingest = Annotated[IngestContext, Depends(_context)]

# How a write request presents its key; declared as security schemes in the OpenAPI document.
_BEARER = HTTPBearer(auto_error=False, description="An API key as a bearer token.")
_API_KEY_HEADER = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="An API key (when no bearer token is sent)."
)


class WriteRefusedError(Exception):
    """A write request without a valid key, or over its rate limit."""

    def __init__(self, refused: AccessRefused) -> None:
        super().__init__(refused.reason)
        self.refused = refused


async def require_write_key(
    request: Request,
    context: Ingest,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_BEARER)],
    api_key: Annotated[str | None, Security(_API_KEY_HEADER)],
) -> None:
    """Admit the request (key, then rate limit) or raise :class:`WriteRefusedError`."""
    refused = context.access.admit(
        Credentials(
            bearer=bearer.credentials if bearer is not None else None,
            api_key_header=api_key,
            client_address=request.client.host if request.client else "unknown",
        )
    )
    if refused is not None:
        raise WriteRefusedError(refused)


def answer_write_refusals(app: FastAPI) -> None:
    """Answer :class:`WriteRefusedError` with its status, error and headers."""

    @app.exception_handler(WriteRefusedError)
    async def refused(request: Request, exc: WriteRefusedError) -> JSONResponse:
        return refusal_response(exc.refused)
