"""The filters of the claim and event endpoints as FastAPI dependencies: one declaration of the
query parameters for the listings, the counts and the exports, so the three take the same
filters and read them the same way.

What people type is accepted: a country by name or ISO code (``Ukraine``, ``UA``, ``UKR``), and
``since``/``until`` as an age (``7d``) or an ISO date or date-time; what cannot be read is a
``422`` naming the parameter (an unknown country with the names it is close to).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Query

from services.query.adapters.filters import ClaimFilters, EventFilters
from services.query.domain.countries import UnknownCountryError, country_index
from services.query.domain.when import MAX_TEXT, BadTimeError, parse_since
from services.query.errors import ParameterError
from services.query.params import ArticleIdFilter, IsoDate, IsoDateTime, check_range, text, utc
from shared.models import ClaimKind, EventStatus, EventType

Q_DESCRIPTION = (
    'Full-text search (English stemming; web-search syntax: `"exact phrase"`, `or`, `-exclude`).'
)
SINCE_DESCRIPTION = (
    "From this time on: an age before now (`30m`, `24h`, `7d`, `2w`) or an ISO date or "
    "date-time (without a zone: UTC)."
)
UNTIL_DESCRIPTION = "Before this time (exclusive); same forms as `since`."

CountryParam = Annotated[
    str | None,
    Query(
        max_length=100,
        description="Country of the place: its name or ISO 3166-1 code, any case.",
        examples=["Ukraine", "UKR"],
    ),
]
Source = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Part of the outlet's name (the article's `source`), any case.",
        examples=["bbc"],
    ),
]
Since = Annotated[
    str | None, Query(max_length=MAX_TEXT, description=SINCE_DESCRIPTION, examples=["7d"])
]
Until = Annotated[str | None, Query(max_length=MAX_TEXT, description=UNTIL_DESCRIPTION)]


def event_filters(
    type: Annotated[
        list[EventType] | None,
        Query(description="Event type(s); repeat the parameter for several."),
    ] = None,
    status: Annotated[
        list[EventStatus] | None,
        Query(description="Status(es); repeat the parameter for several."),
    ] = None,
    country: CountryParam = None,
    place: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Part of the place's name (geocoded or as written), any case.",
            examples=["mykolaiv"],
        ),
    ] = None,
    geonameid: Annotated[
        int | None, Query(ge=1, description="GeoNames id of the place.", examples=[700569])
    ] = None,
    date_from: Annotated[
        IsoDate | None, Query(description="Events dated on or after this day.")
    ] = None,
    date_to: Annotated[
        IsoDate | None, Query(description="Events dated on or before this day.")
    ] = None,
    since: Since = None,
    until: Until = None,
    actor: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Part of an actor's name (or of its words in the text), any case.",
            examples=["russia"],
        ),
    ] = None,
    target: Annotated[
        str | None,
        Query(max_length=200, description="Part of a target's name (or words), any case."),
    ] = None,
    source: Source = None,
    article_id: ArticleIdFilter = None,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description="Full-text search over trigger, place and the stating sentence.",
        ),
    ] = None,
    is_main: Annotated[
        bool | None, Query(description="Only the main event of each article (or not).")
    ] = None,
    seen_from: Annotated[
        IsoDateTime | None, Query(description="Events first stored at or after.")
    ] = None,
    seen_to: Annotated[
        IsoDateTime | None, Query(description="Events first stored before (exclusive).")
    ] = None,
) -> EventFilters:
    """The event filters of the query parameters. ``since``/``until`` bound the event time (the
    event's date, else its article's publication)."""
    if date_from is not None and date_to is not None and date_to < date_from:
        raise ParameterError("date_to", "must not be before date_from")
    filters = EventFilters(
        types=tuple(sorted(set(type or ()))),
        statuses=tuple(sorted(set(status or ()))),
        country=country_code(country),
        place=text("place", place),
        geonameid=geonameid,
        date_from=date_from,
        date_to=date_to,
        since=_when("since", since),
        until=_when("until", until),
        article_id=text("article_id", article_id),
        q=text("q", q),
        is_main=is_main,
        actor=text("actor", actor),
        target=text("target", target),
        source=text("source", source),
        seen_from=utc(seen_from),
        seen_to=utc(seen_to),
    )
    check_range("seen", filters.seen_from, filters.seen_to)
    _check_since_until(filters.since, filters.until)
    return filters


def claim_filters(
    speaker: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Part of the speaker's canonical name, any case.",
            examples=["stoltenberg"],
        ),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description="Full-text search over the claim's content (English stemming; "
            'web-search syntax: `"exact phrase"`, `or`, `-exclude`).',
            examples=["offensive actions"],
        ),
    ] = None,
    article_id: ArticleIdFilter = None,
    kind: Annotated[ClaimKind | None, Query()] = None,
    source: Source = None,
    since: Since = None,
    until: Until = None,
    published_from: Annotated[
        IsoDateTime | None,
        Query(
            description="Articles published at or after (ISO-8601; without a zone: UTC).",
            examples=["2022-03-29T00:00:00Z"],
        ),
    ] = None,
    published_to: Annotated[
        IsoDateTime | None, Query(description="Articles published before (exclusive).")
    ] = None,
    seen_from: Annotated[
        IsoDateTime | None, Query(description="Claims first stored at or after.")
    ] = None,
    seen_to: Annotated[
        IsoDateTime | None, Query(description="Claims first stored before (exclusive).")
    ] = None,
) -> ClaimFilters:
    """The claim filters of the query parameters. ``since``/``until`` bound the article's
    publication, a claim's own time."""
    filters = ClaimFilters(
        speaker=text("speaker", speaker),
        q=text("q", q),
        article_id=text("article_id", article_id),
        kind=kind,
        source=text("source", source),
        since=_when("since", since),
        until=_when("until", until),
        published_from=utc(published_from),
        published_to=utc(published_to),
        seen_from=utc(seen_from),
        seen_to=utc(seen_to),
    )
    check_range("published", filters.published_from, filters.published_to)
    check_range("seen", filters.seen_from, filters.seen_to)
    _check_since_until(filters.since, filters.until)
    return filters


EventFilterParams = Annotated[EventFilters, Depends(event_filters)]
ClaimFilterParams = Annotated[ClaimFilters, Depends(claim_filters)]


def country_code(value: str | None) -> str | None:
    """The alpha-3 code of the ``country`` parameter (a name or an ISO code); 422 if unknown."""
    name = text("country", value)
    if name is None:
        return None
    try:
        return country_index().resolve(name)
    except UnknownCountryError as exc:
        raise ParameterError("country", str(exc), "unknown_country") from None


def _when(name: str, value: str | None) -> datetime | None:
    given = text(name, value)
    if given is None:
        return None
    try:
        return parse_since(given, now=datetime.now(UTC))
    except BadTimeError as exc:
        raise ParameterError(name, str(exc)) from None


def _check_since_until(since: datetime | None, until: datetime | None) -> None:
    if since is not None and until is not None and until <= since:
        raise ParameterError("until", "must be later than since")
