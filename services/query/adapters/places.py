"""``GET /v1/places``: the query and the answer's models (rows of migration 0008's ``places``).

Filters: part of the place's name (GeoNames name or as written), ISO alpha-3 country, GeoNames
id, article, and ``near=lat,lon,km`` — a great-circle distance (haversine, R = 6,371 km) from a
point, with a latitude band first so that Postgres can use the ``lat`` index. Every value is a
query parameter; listings are newest first by ``(first_seen_at, place_id)`` like the others.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, LiteralString

import psycopg
from psycopg import sql
from psycopg.rows import dict_row
from pydantic import BaseModel, Field

from services.query.adapters.responses import ArticleRef
from services.query.domain.cursor import PageKey
from shared.models import Place

EARTH_RADIUS_KM = 6371.0
MAX_NEAR_KM = 20_040.0
"""Half the Earth's circumference: every point is nearer than this."""

_ARTICLE_REF: LiteralString = """
    a.article_id AS ref_article_id, a.title AS ref_title, a.url AS ref_url,
    a.source AS ref_source, a.published_at AS ref_published_at
"""


@dataclass(frozen=True)
class Near:
    """Within ``km`` kilometres of (``lat``, ``lon``)."""

    lat: float
    lon: float
    km: float


def parse_near(text: str) -> Near:
    """``"lat,lon,km"`` as a :class:`Near`; :class:`ValueError` naming what is wrong.

    >>> parse_near("45.76, 4.84, 50")
    Near(lat=45.76, lon=4.84, km=50.0)
    """
    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 3:
        raise ValueError("must be lat,lon,km (three numbers separated by commas)")
    try:
        lat, lon, km = (float(part) for part in parts)
    except ValueError:
        raise ValueError("must be lat,lon,km (three numbers separated by commas)") from None
    if not all(math.isfinite(value) for value in (lat, lon, km)):
        raise ValueError("must be finite numbers")
    if not -90 <= lat <= 90 or not -180 <= lon <= 180:
        raise ValueError("lat must be within [-90, 90] and lon within [-180, 180]")
    if not 0 < km <= MAX_NEAR_KM:
        raise ValueError(f"km must be more than 0 and at most {MAX_NEAR_KM:.0f}")
    return Near(lat, lon, km)


@dataclass(frozen=True)
class PlaceFilters:
    """Filters of ``GET /v1/places``; ``None`` means "any"."""

    place: str | None = None
    country: str | None = None
    geonameid: int | None = None
    article_id: str | None = None
    near: Near | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class PlaceItem(BaseModel):
    """A stored place mention and its article."""

    place: Place
    article_id: str
    article: ArticleRef | None = Field(
        description="Its article; null while the article is not stored yet."
    )
    first_seen_at: datetime


class PlacePage(BaseModel):
    """One page of place mentions, newest first."""

    items: list[PlaceItem]
    next: str | None = Field(
        description="Cursor of the next page (pass it as `cursor`); null on the last page."
    )


def list_places(
    conn: psycopg.Connection[Any], *, filters: PlaceFilters, after: PageKey | None, limit: int
) -> list[dict[str, Any]]:
    """Up to ``limit`` place rows after ``after``, newest first, with the article's ``ref_*``."""
    conditions: list[sql.Composable] = []
    params: dict[str, Any] = {"limit": limit}
    if filters.place is not None:
        conditions.append(
            sql.SQL(r"(p.name ILIKE %(place)s ESCAPE '\' OR p.text ILIKE %(place)s ESCAPE '\')")
        )
        params["place"] = f"%{_escape_like(filters.place)}%"
    if filters.country is not None:
        conditions.append(sql.SQL("p.country = %(country)s"))
        params["country"] = filters.country
    if filters.geonameid is not None:
        conditions.append(sql.SQL("p.geonameid = %(geonameid)s"))
        params["geonameid"] = filters.geonameid
    if filters.article_id is not None:
        conditions.append(sql.SQL("p.article_id = %(article_id)s"))
        params["article_id"] = filters.article_id
    if filters.near is not None:
        _near(conditions, params, filters.near)
    if after is not None:
        conditions.append(sql.SQL("(p.first_seen_at, p.place_id) < (%(after_seen)s, %(after_id)s)"))
        params["after_seen"] = after.seen_at
        params["after_id"] = after.id
    where = sql.SQL(" AND ").join(conditions) if conditions else sql.SQL("TRUE")
    query = sql.SQL(
        "SELECT p.*, p.place_id AS row_id, "
        + _ARTICLE_REF
        + """FROM places AS p LEFT JOIN articles AS a ON a.article_id = p.article_id
        WHERE {where}
        ORDER BY p.first_seen_at DESC, p.place_id DESC
        LIMIT %(limit)s"""
    ).format(where=where)
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(query, params)
        return cur.fetchall()


def _near(conditions: list[sql.Composable], params: dict[str, Any], near: Near) -> None:
    band = math.degrees(near.km / EARTH_RADIUS_KM)
    params.update(
        near_lat=near.lat,
        near_lon=near.lon,
        near_km=near.km,
        near_lat_min=near.lat - band,
        near_lat_max=near.lat + band,
    )
    conditions.append(sql.SQL("p.lat BETWEEN %(near_lat_min)s AND %(near_lat_max)s"))
    conditions.append(
        sql.SQL(
            "2 * 6371.0 * asin(sqrt(least(1.0,"
            " power(sin(radians(p.lat - %(near_lat)s) / 2), 2)"
            " + cos(radians(%(near_lat)s)) * cos(radians(p.lat))"
            " * power(sin(radians(p.lon - %(near_lon)s) / 2), 2)))) <= %(near_km)s"
        )
    )


def place_item(row: dict[str, Any], article: ArticleRef | None) -> PlaceItem:
    """A ``places`` row as the API answers it."""
    return PlaceItem(
        place=Place(
            start=row["start_char"],
            end=row["end_char"],
            text=row["text"],
            name=row["name"],
            lat=row["lat"],
            lon=row["lon"],
            country=row["country"],
            geonameid=row["geonameid"],
            feature=row["feature"],
            admin1=row["admin1"],
            is_demonym=row["is_demonym"],
        ),
        article_id=row["article_id"],
        article=article,
        first_seen_at=row["first_seen_at"],
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
