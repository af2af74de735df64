"""``GET /v1/events/export`` and ``GET /v1/claims/export``: every event or claim the listing's
filters select, as CSV or JSON Lines, streamed.

Memory stays flat whatever the size: rows come from a server-side cursor in batches
(:mod:`services.query.adapters.export`) and each batch is written out before the next is read.
A JSONL line is exactly an item of the listing; a CSV row is that item flattened
(:mod:`services.query.domain.export_rows`); the order is the listing's.

The export holds one pooled connection until it ends (a slow download keeps it; a client that
goes away gives it back). The connection is taken and the first batch read before the answer
starts, so a database that is down is still a ``503``; a failure later cuts the download short
(the client sees an incomplete body).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

import anyio
import psycopg
from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.types import Receive, Scope, Send

from services.query.adapters import export
from services.query.adapters.responses import ClaimItem, EventItem
from services.query.deps import Database, Pool
from services.query.domain.export_rows import (
    CLAIM_COLUMNS,
    EVENT_COLUMNS,
    claim_row,
    csv_line,
    event_row,
)
from services.query.errors import ERRORS
from services.query.filter_params import ClaimFilterParams, EventFilterParams
from services.query.params import article_ref

router = APIRouter()

Format = Annotated[
    Literal["csv", "jsonl"],
    Query(description="`csv` (a header row, then one row each) or `jsonl` (one item a line)."),
]
_MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}
_STREAMED: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/csv": {}, "application/x-ndjson": {}},
        "description": "The rows, streamed",
    },
    **ERRORS,
}
Rows = list[dict[str, Any]]


@router.get(
    "/v1/events/export",
    response_class=StreamingResponse,
    responses=_STREAMED,
    tags=["events"],
    summary="Export events as CSV or JSON Lines",
)
def export_events(filters: EventFilterParams, db: Database, format: Format = "csv") -> Any:
    """Every event the filters of `GET /v1/events` select, in its order (newest event time
    first)."""
    return _stream(
        db,
        lambda conn: export.event_batches(conn, filters=filters),
        name="events",
        format=format,
        item=_event_item,
        columns=EVENT_COLUMNS,
        row=event_row,
    )


@router.get(
    "/v1/claims/export",
    response_class=StreamingResponse,
    responses=_STREAMED,
    tags=["claims"],
    summary="Export claims as CSV or JSON Lines",
)
def export_claims(filters: ClaimFilterParams, db: Database, format: Format = "csv") -> Any:
    """Every claim the filters of `GET /v1/claims` select, in its order (newest article
    first)."""
    return _stream(
        db,
        lambda conn: export.claim_batches(conn, filters=filters),
        name="claims",
        format=format,
        item=_claim_item,
        columns=CLAIM_COLUMNS,
        row=claim_row,
    )


def _event_item(row: dict[str, Any]) -> EventItem:
    return EventItem(
        event=row["payload"],
        incident_id=row["incident_id"],
        article=article_ref(row),
        first_seen_at=row["first_seen_at"],
        updated_at=row["updated_at"],
    )


def _claim_item(row: dict[str, Any]) -> ClaimItem:
    return ClaimItem(
        claim=row["payload"],
        article=article_ref(row),
        first_seen_at=row["first_seen_at"],
        updated_at=row["updated_at"],
    )


def _stream(
    db: Pool,
    batches_of: Callable[[psycopg.Connection[Any]], Generator[Rows]],
    *,
    name: str,
    format: str,
    item: Callable[[dict[str, Any]], EventItem | ClaimItem],
    columns: Iterable[str],
    row: Callable[[dict[str, Any]], list[str]],
) -> StreamingResponse:
    conn = db.getconn()
    try:
        batches = batches_of(conn)
        first = next(batches, [])
    except BaseException:
        db.putconn(conn)
        raise
    released = False

    def release() -> None:
        """End the cursor's transaction and give the connection back, once."""
        nonlocal released
        if not released:
            released = True
            batches.close()
            db.putconn(conn)

    def encode(rows: Rows) -> str:
        items = [item(r) for r in rows]
        if format == "jsonl":
            return "".join(i.model_dump_json() + "\n" for i in items)
        return "".join(csv_line(row(i.model_dump(mode="json"))) for i in items)

    def body() -> Generator[str]:
        try:
            if format == "csv":
                yield csv_line(list(columns))
            yield encode(first)
            for rows in batches:
                yield encode(rows)
        finally:
            release()

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return _ReleasingStream(
        body(),
        release,
        media_type=_MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="{name}-{stamp}.{format}"'},
    )


class _ReleasingStream(StreamingResponse):
    """A streamed answer whose rows are closed and connection released however it ends.

    Starlette stops iterating when the client goes away but leaves a sync iterator suspended,
    holding its connection until it is garbage-collected: a few abandoned downloads would empty
    the pool (every other request a 503). Here the iterator is closed and ``release`` called
    after the answer, shielded from the cancellation that ended it.
    """

    def __init__(self, rows: Generator[str], release: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(rows, **kwargs)
        self._rows = rows
        self._release = release

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            with anyio.CancelScope(shield=True):
                await run_in_threadpool(self._close)

    def _close(self) -> None:
        self._rows.close()  # runs the generator's finally if it had started
        self._release()  # and releases if it had not
