"""``GET /v1/events``: what happened, where and when, newest first, filtered and paginated."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from services.query.adapters import queries
from services.query.adapters.filters import EventFilters
from services.query.adapters.responses import EventItem, EventPage
from services.query.deps import Database, read
from services.query.errors import ERRORS
from services.query.filter_params import EventFilterParams
from services.query.params import (
    DEFAULT_LIMIT,
    Cursor,
    Limit,
    PageRequest,
    article_ref,
    next_cursor,
    page_request,
)

router = APIRouter(tags=["events"])


def events_request(
    filters: EventFilterParams, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> PageRequest[EventFilters]:
    """The page of events the query parameters ask for (the filters are those of
    :mod:`services.query.filter_params`, shared with the counts and the exports)."""
    return page_request("events", filters, cursor=cursor, limit=limit)


@router.get(
    "/v1/events",
    response_model=EventPage,
    responses=ERRORS,
    summary="List events (what happened, where, when)",
)
def get_events(
    page: Annotated[PageRequest[EventFilters], Depends(events_request)], db: Database
) -> EventPage:
    """Events, newest event time first (their date, else their article's publication),
    filtered by type, status, place, country, actor, target, outlet, time and text."""
    rows = read(
        db,
        lambda conn: queries.list_events(
            conn, filters=page.filters, after=page.after, limit=page.limit + 1
        ),
    )
    items = [
        EventItem(
            event=row["payload"],
            incident_id=row["incident_id"],
            article=article_ref(row),
            first_seen_at=row["first_seen_at"],
            updated_at=row["updated_at"],
        )
        for row in rows[: page.limit]
    ]
    return EventPage(items=items, next=next_cursor(rows, page))
