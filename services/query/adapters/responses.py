"""Response models of the query API (its OpenAPI schema).

Claims and events are returned as the very messages of the Kafka topics (``shared.models.Claim``
and ``Event``), wrapped with what only the store knows: when the row was first seen, its incident,
and the article it comes from.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from shared.models import Claim, Event

_ARTICLE_EXAMPLE: dict[str, Any] = {
    "article_id": "a-5f0c1d2e3b4a59687766aa10",
    "title": "Russian strike hits Mykolaiv government building",
    "url": "https://news.example.com/world/mykolaiv-strike",
    "source": "example",
    "published_at": "2022-03-31T09:00:00Z",
}
_CLAIM_EXAMPLE: dict[str, Any] = {
    "claim_id": "c-0a1b2c3d4e5f60718293a4b5",
    "article_id": _ARTICLE_EXAMPLE["article_id"],
    "kind": "direct",
    "content": {"text": "We can expect additional offensive actions", "spans": [[1121, 1164]]},
    "speaker": {
        "name": "Jens Stoltenberg",
        "type": "PERSON",
        "role": "NATO Secretary General",
        "mention": {"text": "Stoltenberg", "start": 1196, "end": 1207},
    },
    "cue": {"text": "said", "lemma": "say", "start": 1208, "end": 1212},
    "confidence": 0.9,
}
_EVENT_EXAMPLE: dict[str, Any] = {
    "event_id": "e-9f8e7d6c5b4a39281706f5e4",
    "article_id": _ARTICLE_EXAMPLE["article_id"],
    "type": "ASSAULT",
    "mode": "missile",
    "status": "occurred",
    "trigger": {"text": "strike", "start": 9, "end": 15},
    "location": {
        "text": "Mykolaiv",
        "start": 21,
        "end": 29,
        "name": "Mykolayiv",
        "country": "UKR",
        "geonameid": 700569,
        "lat": 46.97,
        "lon": 32.0,
    },
    "time": {"text": "Tuesday", "start": 33, "end": 40, "date": "2022-03-29"},
    "magnitudes": [{"kind": "killed", "value": 20, "cumulative": True}],
    "is_main": True,
    "confidence": 0.8,
}
_CURSOR_EXAMPLE = "eyJ2IjoxLCJ0IjoiMjAyMi0wMy0zMVQwOTowNTowMCswMDowMCIsImkiOiJjLTBhMWIifQ"
_CLAIM_ITEM_EXAMPLE: dict[str, Any] = {
    "claim": _CLAIM_EXAMPLE,
    "article": _ARTICLE_EXAMPLE,
    "first_seen_at": "2022-03-31T09:05:02.123456Z",
    "updated_at": "2022-03-31T09:05:02.123456Z",
}
_EVENT_ITEM_EXAMPLE: dict[str, Any] = {
    "event": _EVENT_EXAMPLE,
    "incident_id": "i-3c2b1a0f9e8d7c6b5a493827",
    "article": _ARTICLE_EXAMPLE,
    "first_seen_at": "2022-03-31T09:05:02.123456Z",
    "updated_at": "2022-03-31T09:05:02.123456Z",
}


class ArticleRef(BaseModel):
    """The article a claim or event was extracted from."""

    article_id: str
    title: str | None
    url: str
    source: str | None
    published_at: datetime


class ClaimItem(BaseModel):
    """A stored claim: the ``claims.extracted`` message and where it stands in the store."""

    model_config = ConfigDict(json_schema_extra={"examples": [_CLAIM_ITEM_EXAMPLE]})

    claim: Claim
    article: ArticleRef | None = Field(
        description="Its article; null while the article is not stored yet (topics arrive in "
        "any order)."
    )
    first_seen_at: datetime = Field(description="When the store first wrote the claim.")
    updated_at: datetime = Field(description="When the stored claim last changed.")


class EventItem(BaseModel):
    """A stored event: the ``events.extracted`` message, its incident and its article."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EVENT_ITEM_EXAMPLE]})

    event: Event
    incident_id: str | None = Field(
        description="The incident the event is a mention of (GET /v1/incidents/{id}); null "
        "when it takes part in none (see docs/incidents.md)."
    )
    article: ArticleRef | None = Field(
        description="Its article; null while the article is not stored yet."
    )
    first_seen_at: datetime = Field(description="When the store first wrote the event.")
    updated_at: datetime = Field(description="When the stored event last changed.")


_NEXT_DESCRIPTION = (
    "Opaque cursor of the next page: repeat the request with `cursor` set to it (and the same "
    "filters). Null on the last page."
)


class ClaimPage(BaseModel):
    """One page of claims, newest first."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"items": [_CLAIM_ITEM_EXAMPLE], "next": _CURSOR_EXAMPLE}]}
    )

    items: list[ClaimItem]
    next: str | None = Field(description=_NEXT_DESCRIPTION)


class EventPage(BaseModel):
    """One page of events, newest first."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"items": [_EVENT_ITEM_EXAMPLE], "next": None}]}
    )

    items: list[EventItem]
    next: str | None = Field(description=_NEXT_DESCRIPTION)


class TollFigure(BaseModel):
    """The latest figure of one kind, and where it comes from."""

    value: int
    cumulative: bool
    event_id: str
    article_id: str
    published_at: datetime | None


_INCIDENT_EXAMPLE: dict[str, Any] = {
    "incident_id": "i-3c2b1a0f9e8d7c6b5a493827",
    "group_key": "ASSAULT|UKR|g:700569",
    "family": "ASSAULT",
    "type": "ASSAULT",
    "country": "UKR",
    "geonameid": 700569,
    "place_name": "Mykolayiv",
    "actors": ["Russia"],
    "first_date": "2022-03-29",
    "last_date": "2022-03-30",
    "killed": 20,
    "injured": 33,
    "toll": {
        "killed": {
            "value": 20,
            "cumulative": True,
            "event_id": "e-9f8e7d6c5b4a39281706f5e4",
            "article_id": "a-5f0c1d2e3b4a59687766aa10",
            "published_at": "2022-03-31T09:00:00Z",
        }
    },
    "toll_event_id": "e-9f8e7d6c5b4a39281706f5e4",
    "toll_article_id": "a-5f0c1d2e3b4a59687766aa10",
    "toll_published_at": "2022-03-31T09:00:00Z",
    "mention_count": 2,
    "article_count": 2,
    "first_seen_at": "2022-03-29T15:00:00Z",
    "updated_at": "2022-03-31T09:05:02Z",
}


class Incident(BaseModel):
    """A real-world incident: event mentions of many articles grouped, with its latest toll
    (rules in docs/incidents.md)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_INCIDENT_EXAMPLE]})

    incident_id: str = Field(description="Changes when an earlier-dated mention arrives.")
    group_key: str
    family: str = Field(description="The event type, compatible types folded (ACCIDENT→DISASTER).")
    type: str = Field(description="The most common type of its mentions.")
    country: str = Field(description="ISO 3166-1 alpha-3.")
    geonameid: int | None
    place_name: str | None
    actors: list[str]
    first_date: date
    last_date: date
    killed: int | None = Field(description="Latest reported figure (not the largest ever).")
    injured: int | None
    toll: dict[str, TollFigure] = Field(description="Latest figure of every kind reported.")
    toll_event_id: str | None
    toll_article_id: str | None
    toll_published_at: datetime | None
    mention_count: int
    article_count: int
    first_seen_at: datetime
    updated_at: datetime


class IncidentList(BaseModel):
    """The latest incidents, by last date (newest first)."""

    items: list[Incident]


class IncidentMention(BaseModel):
    """One event mention of an incident, with its article."""

    event_id: str
    article_id: str
    type: str
    status: str
    trigger_text: str
    location_name: str | None
    event_date: date | None
    magnitudes: str | None = Field(description='The figures it reports, e.g. "20 killed".')
    published_at: datetime | None
    title: str | None
    url: str | None


class TimelineDay(BaseModel):
    """How many mentions of an incident are dated one day (the event's date, else the UTC day
    its article was published)."""

    date: date
    mention_count: int
    article_count: int


class IncidentDetail(Incident):
    """An incident with every mention (oldest article first) and its timeline by date."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **_INCIDENT_EXAMPLE,
                    "mentions": [
                        {
                            "event_id": "e-9f8e7d6c5b4a39281706f5e4",
                            "article_id": "a-5f0c1d2e3b4a59687766aa10",
                            "type": "ASSAULT",
                            "status": "occurred",
                            "trigger_text": "strike",
                            "location_name": "Mykolayiv",
                            "event_date": "2022-03-29",
                            "magnitudes": "20 killed",
                            "published_at": "2022-03-31T09:00:00Z",
                            "title": "Russian strike hits Mykolaiv government building",
                            "url": "https://news.example.com/world/mykolaiv-strike",
                        }
                    ],
                    "timeline": [{"date": "2022-03-29", "mention_count": 1, "article_count": 1}],
                }
            ]
        }
    )

    mentions: list[IncidentMention]
    timeline: list[TimelineDay]


class ArticleOut(BaseModel):
    """A stored article (cleaned body: every span of its claims and events indexes into it)."""

    article_id: str
    url: str
    title: str | None
    source: str | None
    language: str | None
    authors: list[str]
    body: str
    published_at: datetime
    received_at: datetime
    first_seen_at: datetime
    updated_at: datetime


class ArticleEvent(BaseModel):
    event: Event
    incident_id: str | None


class ArticleDetail(BaseModel):
    """An article with its claims and events, in text order."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "article": {
                        **_ARTICLE_EXAMPLE,
                        "language": "en",
                        "authors": ["A. Writer"],
                        "body": "A strike on Mykolaiv on Tuesday …",
                        "received_at": "2022-03-31T09:05:00Z",
                        "first_seen_at": "2022-03-31T09:05:02Z",
                        "updated_at": "2022-03-31T09:05:02Z",
                    },
                    "claims": [_CLAIM_EXAMPLE],
                    "events": [{"event": _EVENT_EXAMPLE, "incident_id": None}],
                }
            ]
        }
    )

    article: ArticleOut
    claims: list[Claim]
    events: list[ArticleEvent]


class Problem(BaseModel):
    """An error: FastAPI's shape, ``detail[].loc`` naming the parameter at fault."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "detail": [
                        {
                            "loc": ["query", "cursor"],
                            "msg": "cursor was issued for other filters",
                            "type": "invalid_cursor",
                        }
                    ]
                }
            ]
        }
    )

    detail: list[dict[str, Any]] | str


class Status(BaseModel):
    status: str
    stack_id: str | None = Field(
        None, description="The `newsflow up` stack this process belongs to (NEWSFLOW_STACK_ID)."
    )
