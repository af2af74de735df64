"""``GET /v1/claims``: who said what, newest first, filtered and paginated."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from services.query.adapters import queries
from services.query.adapters.filters import ClaimFilters
from services.query.adapters.responses import ClaimItem, ClaimPage
from services.query.deps import Database, read
from services.query.errors import ERRORS
from services.query.filter_params import ClaimFilterParams
from services.query.params import (
    DEFAULT_LIMIT,
    Cursor,
    Limit,
    PageRequest,
    article_ref,
    next_cursor,
    page_request,
)

router = APIRouter(tags=["claims"])


def claims_request(
    filters: ClaimFilterParams, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None
) -> PageRequest[ClaimFilters]:
    """The page of claims the query parameters ask for (the filters are those of
    :mod:`services.query.filter_params`, shared with the counts and the exports)."""
    return page_request("claims", filters, cursor=cursor, limit=limit)


@router.get(
    "/v1/claims",
    response_model=ClaimPage,
    responses=ERRORS,
    summary="List claims (who said what)",
)
def get_claims(
    page: Annotated[PageRequest[ClaimFilters], Depends(claims_request)], db: Database
) -> ClaimPage:
    """Claims, newest article first, filtered by speaker, text, outlet, article, kind and
    time."""
    rows = read(
        db,
        lambda conn: queries.list_claims(
            conn, filters=page.filters, after=page.after, limit=page.limit + 1
        ),
    )
    items = [
        ClaimItem(
            claim=row["payload"],
            article=article_ref(row),
            first_seen_at=row["first_seen_at"],
            updated_at=row["updated_at"],
        )
        for row in rows[: page.limit]
    ]
    return ClaimPage(items=items, next=next_cursor(rows, page))
