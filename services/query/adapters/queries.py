"""The query API's SQL: filtered, keyset-paginated listings of claims and events, and one article
with its claims and events. Incidents are read with :mod:`services.query.adapters.incidents`.

Every value reaches Postgres as a query parameter; the statements are composed only from the
fixed fragments below (:mod:`psycopg.sql`), one per filter that is set, so each query Postgres
plans has just the conditions it needs.

Listings are newest first by ``(first_seen_at, id)`` (see :mod:`services.query.domain.cursor`).
They read in autocommit, one statement per page: a row stored while a client pages may show up
on a later first page rather than in the pages after the cursor, but no row is listed twice.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any, LiteralString

import psycopg
from psycopg import sql
from psycopg.rows import dict_row

from services.query.domain.cursor import PageKey
from services.store.adapters.migrations import applied_versions, bundled_migrations

# The article a claim or event comes from, if it is stored yet (the topics arrive in any order).
_ARTICLE_REF: LiteralString = """
    a.article_id AS ref_article_id, a.title AS ref_title, a.url AS ref_url,
    a.source AS ref_source, a.published_at AS ref_published_at
"""


@dataclass(frozen=True)
class ClaimFilters:
    """Filters of ``GET /v1/claims``; ``None`` means "any". Time ranges are ``[from, to)``."""

    speaker: str | None = None
    q: str | None = None
    article_id: str | None = None
    kind: str | None = None
    published_from: datetime | None = None
    published_to: datetime | None = None
    seen_from: datetime | None = None
    seen_to: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class EventFilters:
    """Filters of ``GET /v1/events``; ``None``/empty means "any". ``date_from``/``date_to`` are
    inclusive days of the event's own date."""

    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    country: str | None = None
    place: str | None = None
    geonameid: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    article_id: str | None = None
    q: str | None = None
    is_main: bool | None = None
    seen_from: datetime | None = None
    seen_to: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def list_claims(
    conn: psycopg.Connection[Any], *, filters: ClaimFilters, after: PageKey | None, limit: int
) -> list[dict[str, Any]]:
    """Up to ``limit`` claims after ``after``, newest first. Each row has ``payload`` (the stored
    ``Claim``), ``first_seen_at``, ``updated_at`` and the ``ref_*`` columns of its article."""
    conditions: list[sql.Composable] = []
    params: dict[str, Any] = {"limit": limit}
    if filters.speaker is not None:
        conditions.append(sql.SQL(r"c.speaker_name ILIKE %(speaker)s ESCAPE '\'"))
        params["speaker"] = f"%{escape_like(filters.speaker)}%"
    if filters.q is not None:
        conditions.append(sql.SQL("c.content_tsv @@ websearch_to_tsquery('english', %(q)s)"))
        params["q"] = filters.q
    if filters.article_id is not None:
        conditions.append(sql.SQL("c.article_id = %(article_id)s"))
        params["article_id"] = filters.article_id
    if filters.kind is not None:
        conditions.append(sql.SQL("c.kind = %(kind)s"))
        params["kind"] = filters.kind
    _time_range(
        conditions,
        params,
        "a.published_at",
        "published",
        filters.published_from,
        filters.published_to,
    )
    _time_range(conditions, params, "c.first_seen_at", "seen", filters.seen_from, filters.seen_to)
    _after(conditions, params, sort_id="c.claim_id", after=after, seen="c.first_seen_at")
    query = sql.SQL(
        "SELECT c.payload, c.first_seen_at, c.updated_at, c.claim_id AS row_id, "
        + _ARTICLE_REF
        + """FROM claims AS c LEFT JOIN articles AS a ON a.article_id = c.article_id
        WHERE {where}
        ORDER BY c.first_seen_at DESC, c.claim_id DESC
        LIMIT %(limit)s"""
    ).format(where=_all_of(conditions))
    return _rows(conn, query, params)


def list_events(
    conn: psycopg.Connection[Any], *, filters: EventFilters, after: PageKey | None, limit: int
) -> list[dict[str, Any]]:
    """Up to ``limit`` events after ``after``, newest first. Each row has ``payload`` (the stored
    ``Event``), ``incident_id``, ``first_seen_at``, ``updated_at`` and the article's ``ref_*``."""
    conditions: list[sql.Composable] = []
    params: dict[str, Any] = {"limit": limit}
    if filters.types:
        conditions.append(sql.SQL("e.type = ANY(%(types)s)"))
        params["types"] = list(filters.types)
    if filters.statuses:
        conditions.append(sql.SQL("e.status = ANY(%(statuses)s)"))
        params["statuses"] = list(filters.statuses)
    if filters.country is not None:
        conditions.append(sql.SQL("e.country = %(country)s"))
        params["country"] = filters.country
    if filters.place is not None:
        conditions.append(
            sql.SQL(
                r"(e.location_name ILIKE %(place)s ESCAPE '\'"
                r" OR e.location_text ILIKE %(place)s ESCAPE '\')"
            )
        )
        params["place"] = f"%{escape_like(filters.place)}%"
    if filters.geonameid is not None:
        conditions.append(sql.SQL("e.geonameid = %(geonameid)s"))
        params["geonameid"] = filters.geonameid
    if filters.date_from is not None:
        conditions.append(sql.SQL("e.event_date >= %(date_from)s"))
        params["date_from"] = filters.date_from
    if filters.date_to is not None:
        conditions.append(sql.SQL("e.event_date <= %(date_to)s"))
        params["date_to"] = filters.date_to
    if filters.article_id is not None:
        conditions.append(sql.SQL("e.article_id = %(article_id)s"))
        params["article_id"] = filters.article_id
    if filters.q is not None:
        conditions.append(sql.SQL("e.search_tsv @@ websearch_to_tsquery('english', %(q)s)"))
        params["q"] = filters.q
    if filters.is_main is not None:
        conditions.append(sql.SQL("e.is_main = %(is_main)s"))
        params["is_main"] = filters.is_main
    _time_range(conditions, params, "e.first_seen_at", "seen", filters.seen_from, filters.seen_to)
    _after(conditions, params, sort_id="e.event_id", after=after, seen="e.first_seen_at")
    query = sql.SQL(
        "SELECT e.payload, e.incident_id, e.first_seen_at, e.updated_at, e.event_id AS row_id, "
        + _ARTICLE_REF
        + """FROM events AS e LEFT JOIN articles AS a ON a.article_id = e.article_id
        WHERE {where}
        ORDER BY e.first_seen_at DESC, e.event_id DESC
        LIMIT %(limit)s"""
    ).format(where=_all_of(conditions))
    return _rows(conn, query, params)


def article_detail(conn: psycopg.Connection[Any], *, article_id: str) -> dict[str, Any] | None:
    """The article row with ``claims`` (stored ``Claim`` payloads) and ``events`` (rows with
    ``payload`` and ``incident_id``), each in text order; ``None`` if the article is not stored.

    Claims and events of an article that is not stored yet are not returned here: list them with
    ``article_id`` on the listings.
    """
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            """SELECT article_id, url, title, source, language, authors, body, published_at,
                   received_at, first_seen_at, updated_at
            FROM articles WHERE article_id = %s""",
            (article_id,),
        )
        article = cur.fetchone()
        if article is None:
            return None
        cur.execute(
            """SELECT payload FROM claims WHERE article_id = %s
            ORDER BY (payload #>> '{content,spans,0,0}')::int NULLS LAST, claim_id""",
            (article_id,),
        )
        article["claims"] = [row["payload"] for row in cur.fetchall()]
        cur.execute(
            """SELECT payload, incident_id FROM events WHERE article_id = %s
            ORDER BY (payload #>> '{trigger,start}')::int NULLS LAST, event_id""",
            (article_id,),
        )
        article["events"] = cur.fetchall()
    return article


def schema_is_current(conn: psycopg.Connection[Any]) -> bool:
    """Whether every migration shipped with this code has been applied to the database."""
    try:
        done = applied_versions(conn)
    except psycopg.errors.UndefinedTable:
        return False
    return {m.version for m in bundled_migrations()} <= done


def escape_like(text: str) -> str:
    r"""``text`` matched literally inside a ``LIKE`` pattern (escape character ``\``).

    >>> escape_like("100%_sure\\")
    '100\\%\\_sure\\\\'
    """
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _time_range(
    conditions: list[sql.Composable],
    params: dict[str, Any],
    column: LiteralString,
    name: LiteralString,
    start: datetime | None,
    end: datetime | None,
) -> None:
    if start is not None:
        conditions.append(sql.SQL(column + " >= %(" + name + "_from)s"))
        params[f"{name}_from"] = start
    if end is not None:
        conditions.append(sql.SQL(column + " < %(" + name + "_to)s"))
        params[f"{name}_to"] = end


def _after(
    conditions: list[sql.Composable],
    params: dict[str, Any],
    *,
    seen: LiteralString,
    sort_id: LiteralString,
    after: PageKey | None,
) -> None:
    if after is None:
        return
    # A row comparison, which Postgres answers from the (first_seen_at, id) index.
    conditions.append(sql.SQL("(" + seen + ", " + sort_id + ") < (%(after_seen)s, %(after_id)s)"))
    params["after_seen"] = after.seen_at
    params["after_id"] = after.id


def _all_of(conditions: list[sql.Composable]) -> sql.Composable:
    return sql.SQL(" AND ").join(conditions) if conditions else sql.SQL("TRUE")


def _rows(
    conn: psycopg.Connection[Any], query: sql.Composed, params: dict[str, Any]
) -> list[dict[str, Any]]:
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(query, params)
        return cur.fetchall()
