"""``GET /v1/events/counts`` and ``GET /v1/claims/counts``: how many events and claims the
listing's filters select, in all and per day, country, type, actor or speaker."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from services.query.adapters import counting
from services.query.deps import Database, read
from services.query.domain.countries import country_index
from services.query.domain.counts import fill_days
from services.query.errors import ERRORS
from services.query.filter_params import ClaimFilterParams, EventFilterParams

router = APIRouter()

DEFAULT_BUCKETS = 20
MAX_BUCKETS = 500
Buckets = Annotated[
    int,
    Query(
        ge=1,
        le=MAX_BUCKETS,
        description="At most this many buckets, largest first (`by=day`: every day, in order).",
    ),
]


class CountBucket(BaseModel):
    key: str = Field(description="The day (ISO), alpha-3 country, type, actor or speaker.")
    label: str | None = Field(None, description="A country's name; otherwise absent.")
    count: int


class Counts(BaseModel):
    """Selected rows in all and per bucket. A row with no key (an event without a country) is
    in ``total`` only; an event with two actors is in both actors' buckets. ``by=day`` lists
    every day from the first to the last with a count, zeros included (up to ten years)."""

    by: str
    total: int
    buckets: list[CountBucket]

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "by": "country",
                    "total": 42,
                    "buckets": [{"key": "UKR", "label": "Ukraine", "count": 30}],
                }
            ]
        }
    }


@router.get(
    "/v1/events/counts",
    response_model=Counts,
    response_model_exclude_none=True,
    responses=ERRORS,
    tags=["events"],
    summary="Count events per day, country, type or actor",
)
def get_event_counts(
    filters: EventFilterParams,
    db: Database,
    by: Annotated[counting.EventBucket, Query(description="What to count per.")] = "day",
    limit: Buckets = DEFAULT_BUCKETS,
) -> Counts:
    """The events the filters of `GET /v1/events` select, counted; days are of the event
    time (the event's date, else its article's publication)."""
    total, buckets = read(
        db, lambda conn: counting.count_events(conn, filters=filters, by=by, limit=limit)
    )
    return _counts(by, total, buckets)


@router.get(
    "/v1/claims/counts",
    response_model=Counts,
    response_model_exclude_none=True,
    responses=ERRORS,
    tags=["claims"],
    summary="Count claims per day or speaker",
)
def get_claim_counts(
    filters: ClaimFilterParams,
    db: Database,
    by: Annotated[counting.ClaimBucket, Query(description="What to count per.")] = "day",
    limit: Buckets = DEFAULT_BUCKETS,
) -> Counts:
    """The claims the filters of `GET /v1/claims` select, counted; days are of the article's
    publication."""
    total, buckets = read(
        db, lambda conn: counting.count_claims(conn, filters=filters, by=by, limit=limit)
    )
    return _counts(by, total, buckets)


def _counts(by: str, total: int, buckets: list[tuple[Any, int]]) -> Counts:
    if by == "day":
        days: list[tuple[date, int]] = buckets
        return Counts(
            by=by,
            total=total,
            buckets=[CountBucket(key=day.isoformat(), count=n) for day, n in fill_days(days)],
        )
    names = country_index()
    return Counts(
        by=by,
        total=total,
        buckets=[
            CountBucket(key=key, label=names.name(key) if by == "country" else None, count=n)
            for key, n in buckets
        ],
    )
