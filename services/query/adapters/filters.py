"""The filters of the claim and event endpoints as SQL conditions: one definition for the
listings, the counts and the exports, so that a count, an export and a listing with the same
filters speak of the same rows.

Statements select ``FROM events AS e LEFT JOIN articles AS a`` (claims: ``claims AS c``); every
value is a query parameter and the conditions are fixed fragments (:mod:`psycopg.sql`), one per
filter that is set.

**Event time** is when the event happened as far as the store knows: its own date (midnight UTC),
else its article's publication, else when the store first saw it. Events are listed and exported
newest first by it, and counted per day of it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any, LiteralString

from psycopg import sql

EVENT_TIME: LiteralString = (
    "coalesce((e.event_date::timestamp AT TIME ZONE 'UTC'), a.published_at, e.first_seen_at)"
)
EVENT_DAY: LiteralString = "((" + EVENT_TIME + ") AT TIME ZONE 'UTC')::date"
# Claims have no date of their own: a claim is dated by its article's publication.
CLAIM_DAY: LiteralString = "((a.published_at) AT TIME ZONE 'UTC')::date"


@dataclass(frozen=True)
class EventFilters:
    """Filters of the event endpoints; ``None``/empty means "any". ``date_from``/``date_to`` are
    inclusive days of the event's own date; ``[since, until)`` bounds its event time;
    ``country`` is an alpha-3 code (names are resolved before); ``actor``, ``target``,
    ``place`` and ``source`` match part of the text, any case."""

    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    country: str | None = None
    place: str | None = None
    geonameid: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    since: datetime | None = None
    until: datetime | None = None
    article_id: str | None = None
    q: str | None = None
    is_main: bool | None = None
    actor: str | None = None
    target: str | None = None
    source: str | None = None
    seen_from: datetime | None = None
    seen_to: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ClaimFilters:
    """Filters of the claim endpoints; ``None`` means "any". Time ranges are ``[from, to)``;
    ``[since, until)`` bounds the article's publication too (the claim's own time)."""

    speaker: str | None = None
    q: str | None = None
    article_id: str | None = None
    kind: str | None = None
    source: str | None = None
    published_from: datetime | None = None
    published_to: datetime | None = None
    since: datetime | None = None
    until: datetime | None = None
    seen_from: datetime | None = None
    seen_to: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Conditions:
    """SQL conditions joined by AND, with their parameters."""

    def __init__(self) -> None:
        self.parts: list[sql.Composable] = []
        self.params: dict[str, Any] = {}

    def add(self, fragment: LiteralString, **params: Any) -> None:
        self.parts.append(sql.SQL(fragment))
        self.params.update(params)

    def where(self) -> sql.Composable:
        return sql.SQL(" AND ").join(self.parts) if self.parts else sql.SQL("TRUE")


def event_conditions(filters: EventFilters) -> Conditions:
    """The conditions selecting the events ``filters`` describe (aliases ``e`` and ``a``)."""
    where = Conditions()
    if filters.types:
        where.add("e.type = ANY(%(types)s)", types=list(filters.types))
    if filters.statuses:
        where.add("e.status = ANY(%(statuses)s)", statuses=list(filters.statuses))
    if filters.country is not None:
        where.add("e.country = %(country)s", country=filters.country)
    if filters.place is not None:
        where.add(
            r"(e.location_name ILIKE %(place)s ESCAPE '\' OR e.location_text ILIKE %(place)s"
            r" ESCAPE '\')",
            place=contains(filters.place),
        )
    if filters.geonameid is not None:
        where.add("e.geonameid = %(geonameid)s", geonameid=filters.geonameid)
    if filters.date_from is not None:
        where.add("e.event_date >= %(date_from)s", date_from=filters.date_from)
    if filters.date_to is not None:
        where.add("e.event_date <= %(date_to)s", date_to=filters.date_to)
    if filters.since is not None:
        where.add(EVENT_TIME + " >= %(since)s", since=filters.since)
    if filters.until is not None:
        where.add(EVENT_TIME + " < %(until)s", until=filters.until)
    if filters.article_id is not None:
        where.add("e.article_id = %(article_id)s", article_id=filters.article_id)
    if filters.q is not None:
        where.add("e.search_tsv @@ websearch_to_tsquery('english', %(q)s)", q=filters.q)
    if filters.is_main is not None:
        where.add("e.is_main = %(is_main)s", is_main=filters.is_main)
    if filters.actor is not None:
        where.add(_participant_matches("actors", "actor"), actor=contains(filters.actor))
    if filters.target is not None:
        where.add(_participant_matches("targets", "target"), target=contains(filters.target))
    if filters.source is not None:
        where.add(r"a.source ILIKE %(source)s ESCAPE '\'", source=contains(filters.source))
    if filters.seen_from is not None:
        where.add("e.first_seen_at >= %(seen_from)s", seen_from=filters.seen_from)
    if filters.seen_to is not None:
        where.add("e.first_seen_at < %(seen_to)s", seen_to=filters.seen_to)
    return where


def claim_conditions(filters: ClaimFilters) -> Conditions:
    """The conditions selecting the claims ``filters`` describe (aliases ``c`` and ``a``)."""
    where = Conditions()
    if filters.speaker is not None:
        where.add(r"c.speaker_name ILIKE %(speaker)s ESCAPE '\'", speaker=contains(filters.speaker))
    if filters.q is not None:
        where.add("c.content_tsv @@ websearch_to_tsquery('english', %(q)s)", q=filters.q)
    if filters.article_id is not None:
        where.add("c.article_id = %(article_id)s", article_id=filters.article_id)
    if filters.kind is not None:
        where.add("c.kind = %(kind)s", kind=filters.kind)
    if filters.source is not None:
        where.add(r"a.source ILIKE %(source)s ESCAPE '\'", source=contains(filters.source))
    if filters.published_from is not None:
        where.add("a.published_at >= %(published_from)s", published_from=filters.published_from)
    if filters.published_to is not None:
        where.add("a.published_at < %(published_to)s", published_to=filters.published_to)
    if filters.since is not None:
        where.add("a.published_at >= %(since)s", since=filters.since)
    if filters.until is not None:
        where.add("a.published_at < %(until)s", until=filters.until)
    if filters.seen_from is not None:
        where.add("c.first_seen_at >= %(seen_from)s", seen_from=filters.seen_from)
    if filters.seen_to is not None:
        where.add("c.first_seen_at < %(seen_to)s", seen_to=filters.seen_to)
    return where


def contains(text: str) -> str:
    r"""A ``LIKE`` pattern matching ``text`` anywhere, literally (escape character ``\``).

    >>> contains("100%_sure\\")
    '%100\\%\\_sure\\\\%'
    """
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _participant_matches(field: LiteralString, param: LiteralString) -> LiteralString:
    # An actor or target is named by its canonical name or, without one, by the words written.
    return (
        "EXISTS (SELECT FROM jsonb_array_elements(e.payload -> '" + field + "') AS p"
        " WHERE coalesce(p ->> 'name', p ->> 'text') ILIKE %(" + param + ")s ESCAPE '\\'"
        " OR p ->> 'text' ILIKE %(" + param + ")s ESCAPE '\\')"
    )
