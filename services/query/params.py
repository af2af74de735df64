"""The query API's request parameters: the types they share, the checks FastAPI's validation
cannot make, and keyset pages.

Times and days are ISO-8601 strings, as ingest's ``published_at``: a number is not read as Unix
time (see :mod:`shared.input_rules`). A time without a zone is UTC.

A listing is one :class:`PageRequest`: its filters, the fingerprint of those filters (a cursor
is only valid with the filters it was made for), the page key after which to continue, and the
page's size. The route asks for ``limit + 1`` rows; a row beyond the page means there is a next
page (:func:`next_cursor`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any, Generic, Protocol, TypeVar

from fastapi import Query, Request
from pydantic import BeforeValidator

from services.query.adapters.responses import ArticleRef
from services.query.domain.cursor import (
    InvalidCursorError,
    PageKey,
    decode_cursor,
    encode_cursor,
    filters_fingerprint,
)
from services.query.errors import ParameterError
from shared.input_rules import control_character_message, iso_time_only

MAX_LIMIT = 500
DEFAULT_LIMIT = 50

IsoDateTime = Annotated[datetime, BeforeValidator(iso_time_only)]
IsoDate = Annotated[date, BeforeValidator(iso_time_only)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Cursor = Annotated[str | None, Query(description="The `next` of the previous page.")]
ArticleIdFilter = Annotated[str | None, Query(max_length=100)]


class Filters(Protocol):
    def as_dict(self) -> dict[str, Any]: ...


F = TypeVar("F", bound=Filters)


@dataclass(frozen=True)
class PageRequest(Generic[F]):
    """One page of a listing: ``limit`` rows matching ``filters`` after ``after``."""

    filters: F
    after: PageKey | None
    limit: int
    fingerprint: str


def page_request(listing: str, filters: F, *, cursor: str | None, limit: int) -> PageRequest[F]:
    """The page of ``listing`` (``claims``, ``events`` …) that ``cursor`` points to; a cursor
    made for another listing or other filters is a :class:`ParameterError`."""
    fingerprint = filters_fingerprint({"list": listing, **filters.as_dict()})
    return PageRequest(filters, _page_key(cursor, fingerprint), limit, fingerprint)


def next_cursor(rows: list[dict[str, Any]], page: PageRequest[Any]) -> str | None:
    """A cursor after the page's last row when a row beyond the page was found."""
    if len(rows) <= page.limit:
        return None
    last = rows[page.limit - 1]
    # Claims and events are sorted by their own time (``sort_at``), places by first_seen_at.
    sorted_at = last["sort_at"] if "sort_at" in last else last["first_seen_at"]
    return encode_cursor(PageKey(seen_at=sorted_at, id=last["row_id"]), filters=page.fingerprint)


def refuse_control_characters(request: Request) -> None:
    """Every route's first dependency: a query parameter or path id holding a control
    character (NUL, which Postgres text cannot hold, and the like) is refused with 422 naming
    it, before any other validation and before any SQL."""
    for name, value in request.path_params.items():
        message = control_character_message(value) if isinstance(value, str) else None
        if message is not None:
            raise ParameterError(name, message, "control_character", where="path")
    for name, value in request.query_params.multi_items():
        message = control_character_message(value)
        if message is not None:
            raise ParameterError(name, message, "control_character")


def text(name: str, value: str | None) -> str | None:
    """A text filter without surrounding blanks; a blank one is refused."""
    if value is None:
        return None
    stripped = value.strip()
    if not stripped:
        raise ParameterError(name, "must not be blank (leave the parameter out instead)")
    return stripped


def utc(value: datetime | None) -> datetime | None:
    """A time with its zone; one given without a zone is taken as UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def check_range(name: str, start: datetime | None, end: datetime | None) -> None:
    """``{name}_to`` must be later than ``{name}_from`` when both are given."""
    if start is not None and end is not None and end <= start:
        raise ParameterError(f"{name}_to", f"must be later than {name}_from")


def article_ref(row: dict[str, Any]) -> ArticleRef | None:
    """The article a listed row comes from, if it is stored yet (the ``ref_*`` columns)."""
    if row["ref_article_id"] is None:
        return None
    return ArticleRef(
        article_id=row["ref_article_id"],
        title=row["ref_title"],
        url=row["ref_url"],
        source=row["ref_source"],
        published_at=row["ref_published_at"],
    )


def _page_key(cursor: str | None, fingerprint: str) -> PageKey | None:
    if cursor is None:
        return None
    try:
        return decode_cursor(cursor, filters=fingerprint)
    except InvalidCursorError as exc:
        raise ParameterError("cursor", str(exc), "invalid_cursor") from None
