"""``GET /v1/places``: every place name of the stored articles, newest first, paginated."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from services.query.adapters import places
from services.query.adapters.places import PlaceFilters, PlacePage
from services.query.deps import Database, read
from services.query.errors import ERRORS, ParameterError
from services.query.filter_params import CountryParam, country_code
from services.query.params import (
    DEFAULT_LIMIT,
    ArticleIdFilter,
    Cursor,
    Limit,
    PageRequest,
    article_ref,
    next_cursor,
    page_request,
    text,
)

router = APIRouter(tags=["places"])


def places_request(
    place: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Part of the place's name (GeoNames or as written), any case.",
            examples=["lyon"],
        ),
    ] = None,
    country: CountryParam = None,
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
    article_id: ArticleIdFilter = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> PageRequest[PlaceFilters]:
    """The page of place mentions the query parameters ask for."""
    filters = PlaceFilters(
        place=text("place", place),
        country=country_code(country),
        geonameid=geonameid,
        article_id=text("article_id", article_id),
        near=_near(near),
    )
    return page_request("places", filters, cursor=cursor, limit=limit)


@router.get(
    "/v1/places",
    response_model=PlacePage,
    responses=ERRORS,
    summary="List place mentions (toponyms and demonyms resolved to GeoNames)",
)
def get_places(
    page: Annotated[PageRequest[PlaceFilters], Depends(places_request)], db: Database
) -> PlacePage:
    """Every place name of the stored articles' current extractions, newest first."""
    rows = read(
        db,
        lambda conn: places.list_places(
            conn, filters=page.filters, after=page.after, limit=page.limit + 1
        ),
    )
    items = [places.place_item(row, article_ref(row)) for row in rows[: page.limit]]
    return PlacePage(items=items, next=next_cursor(rows, page))


def _near(value: str | None) -> places.Near | None:
    if value is None:
        return None
    try:
        return places.parse_near(value)
    except ValueError as exc:
        raise ParameterError("near", str(exc)) from None
