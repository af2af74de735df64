"""The Kafka message schemas, defined once.

Every message newsflow publishes is one of these frozen pydantic models. Producers, consumers,
the store and the JSON Schema export (``docs/schemas/``) all use them. Changes are additive:
consumers ignore unknown fields, and a breaking change is a new ``schema_version``.

Offsets in every span are ``[start, end)`` Python ``str`` indices into the article body as
published on ``articles.raw``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal[1] = 1

ClaimKind = Literal["direct", "indirect", "mixed"]
SpeakerType = Literal["PERSON", "ORG", "GPE", "NORP", "OTHER"]
EventStatus = Literal["occurred", "ongoing", "planned", "threatened", "negated", "hypothetical"]
EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "DISASTER",
    "ACCIDENT",
    "OTHER",
]
DatePrecision = Literal["day", "week", "month", "year"]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class TextSpan(_Frozen):
    """A piece of the body: its text and ``[start, end)`` offsets."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class RawArticle(_Frozen):
    """An accepted, cleaned article, published on ``articles.raw`` keyed by ``article_id``."""

    schema_version: Literal[1] = SCHEMA_VERSION
    article_id: str
    url: str = Field(description="Canonical URL the article_id is derived from.")
    original_url: str | None = None
    title: str | None = None
    body: str = Field(description="Cleaned body; every extracted span indexes into this text.")
    source: str | None = None
    published_at: dt.datetime
    received_at: dt.datetime
    language: str | None = None
    authors: tuple[str, ...] = ()
    boilerplate_removed: int = Field(0, ge=0, description="Lines dropped as boilerplate.")
    revision: int | None = Field(
        None,
        ge=1,
        description="1 for the first text seen at this canonical URL, one more "
        "each time the text changed (the article is then published again with the same "
        "article_id; the highest revision is the current one). Polled and pushed articles "
        "share the count when the ingest service has its database; absent otherwise.",
    )
    content_hash: str | None = Field(
        None,
        description="Hash of the cleaned title and body, to tell revisions apart: the same text "
        "has the same hash whichever way it came (push, bulk ingest, feed polling).",
    )
    near_duplicate_of: str | None = Field(
        None,
        description="Feed polling: article_id of an earlier article with nearly the same text "
        "(SimHash over word shingles), e.g. the same story at another URL.",
    )


class ExtractionSource(_Frozen):
    """The ``articles.raw`` record an extraction ran on. It orders the extractions of one article
    (its records share a partition): the later Kafka timestamp, then the later offset, is the
    newer extraction. A replay of the same record gives the same value."""

    timestamp_ms: int = Field(description="The record's Kafka timestamp, ms since the epoch.")
    partition: int = Field(ge=0)
    offset: int = Field(ge=0)

    @property
    def order(self) -> tuple[int, int]:
        return (self.timestamp_ms, self.offset)


class ClaimContent(_Frozen):
    text: str
    spans: tuple[tuple[int, int], ...]


class Speaker(_Frozen):
    name: str | None = Field(description="Canonical name after pronoun/nominal resolution.")
    type: SpeakerType = "OTHER"
    role: str | None = None
    mention: TextSpan | None = Field(None, description="The span in the text that introduces it.")


class Cue(_Frozen):
    text: str
    lemma: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Claim(_Frozen):
    """One attributed statement, published on ``claims.extracted`` keyed by ``article_id``."""

    schema_version: Literal[1] = SCHEMA_VERSION
    claim_id: str
    article_id: str
    kind: ClaimKind
    content: ClaimContent
    speaker: Speaker
    cue: Cue | None = None
    confidence: Confidence = 0.5
    extractor_version: str = ""
    extracted_from: ExtractionSource | None = Field(
        None, description="The articles.raw record extracted (absent from offline extraction)."
    )
    inner_speakers: tuple[Speaker, ...] = Field(
        (),
        description="Sources of attributions nested in the content and folded into this claim "
        '("intelligence" in "X said intelligence says ..."); the claim belongs to `speaker`.',
    )


class Participant(_Frozen):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    name: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-3.")
    sector: str | None = None


Precision = Literal["country", "region", "city"]

LocationSource = Literal["attached", "sentence", "dateline", "lead", "article"]
"""How an event's location was found; see :class:`Location`."""


class Location(_Frozen):
    """Where an event happened: one of the article's place names, resolved to GeoNames where
    the gazetteer has it (``text``, ``start``, ``end`` are that mention's, with the larger
    places written after it: "Dayton, Ohio")."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    name: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-3.")
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    precision: Precision | None = Field(
        None, description="How precisely the place is known: a country, a region, a city."
    )
    source: LocationSource | None = Field(
        None,
        description="How the place was tied to the event, surest first: attached (a place "
        "phrase the trigger or its clause governs: 'fighting in Kharkiv', 'the Kabul bombing'), "
        "sentence (named elsewhere in the event's sentence), lead (the main event only: "
        "another mention of it, or the headline's or lede's place, in the opening sentences), "
        "dateline (the article's wire dateline), article (the one country the article's "
        "places name far more often than any other or, for the main event, the one place it "
        "keeps naming). The last two are the story's place: an event's location only for the "
        "main event, else its setting. Absent in older extractions.",
    )


class Place(_Frozen):
    """A place name of an article (a toponym or a demonym), resolved to a GeoNames entry where
    the offline gazetteer has one. Fields other than the span are null when unresolved."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    name: str | None = Field(None, description="The GeoNames name of the resolved place.")
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)
    country: str | None = Field(None, description="ISO 3166-1 alpha-3.")
    geonameid: int | None = None
    feature: str | None = Field(
        None,
        description="GeoNames feature class and code: A.PCLI country, A.ADM1 first-order "
        "division, A.ADM2 second-order division, P.PPL populated place, P.PPLC capital.",
    )
    admin1: str | None = Field(None, description="GeoNames admin1 code within the country.")
    is_demonym: bool = Field(
        False, description='A demonym or adjective standing for the country ("Ukrainian").'
    )


class EventTime(_Frozen):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    date: dt.date | None = None
    precision: DatePrecision = "day"
    source: Literal["explicit", "relative", "publication"] = "relative"


class Magnitude(_Frozen):
    kind: str = Field(description="killed, injured, missing, arrested, displaced, participants…")
    value: int = Field(ge=0)
    cumulative: bool = False
    text: str | None = None


class Event(_Frozen):
    """One event mention, published on ``events.extracted`` keyed by ``article_id``."""

    schema_version: Literal[1] = SCHEMA_VERSION
    event_id: str
    article_id: str
    type: EventType
    mode: str | None = None
    status: EventStatus = "occurred"
    trigger: TextSpan
    actors: tuple[Participant, ...] = ()
    targets: tuple[Participant, ...] = ()
    location: Location | None = Field(
        None,
        description="Where the text says the event happened (see Location.source); the main "
        "event also takes the story's place (its lead's, dateline's or country's).",
    )
    setting: Location | None = Field(
        None,
        description="For an event other than the main one that the text places nowhere: the "
        "article's place (its wire dateline's, else the one country it is about; source "
        "'dateline' or 'article'). Context for maps and queries by country, not a place the "
        "text ties to this event: an argument-level consumer reads location only.",
    )
    time: EventTime | None = None
    magnitudes: tuple[Magnitude, ...] = ()
    is_main: bool = Field(
        False,
        description=(
            "The article's main event, at most one per article: the event its headline names, "
            "else the headline's own predicate (type OTHER), else an event of the lede (the "
            "first two sentences) or the lede's own predicate, else the most salient event."
        ),
    )
    confidence: Confidence = 0.5
    extractor_version: str = ""
    extracted_from: ExtractionSource | None = Field(
        None, description="The articles.raw record extracted (absent from offline extraction)."
    )
    cameo_code: str | None = Field(None, description="CAMEO code crosswalked from type and mode.")
    evidence: TextSpan | None = Field(None, description="The sentence that states the event.")
    reported_by_claim_id: str | None = Field(
        None, description="The claim whose content reports this event, if it is reported speech."
    )


class ExtractionManifest(_Frozen):
    """What one extraction of an article produced, published on ``articles.extracted`` keyed by
    ``article_id`` together with its claims and events.

    It tells subscribers which records are current: when an article is extracted again (a new
    extractor version, ``newsflow reprocess``, or a new revision of its text), the newest manifest
    lists the claims and events that replace everything earlier extractions published for it.
    Records of the article that it does not list are superseded.
    """

    schema_version: Literal[1] = SCHEMA_VERSION
    article_id: str
    extractor_version: str
    extracted_from: ExtractionSource = Field(
        description="The articles.raw record extracted; the newest (timestamp, then offset) "
        "extraction of an article wins."
    )
    extracted_at: dt.datetime = Field(description="When the extraction ran (informational).")
    revision: int | None = Field(None, ge=1, description="The article revision extracted.")
    claim_ids: tuple[str, ...] = ()
    event_ids: tuple[str, ...] = ()
    places: tuple[Place, ...] = Field(
        (),
        description="Every place name of the article (toponyms and demonyms), resolved to "
        "GeoNames where the offline gazetteer knows it. They travel in the manifest, not as "
        "records of their own: they have no identity beyond the article, and the newest "
        "manifest's list replaces the article's places wholesale.",
    )


class Retraction(_Frozen):
    """A claim or event withdrawn: a newer extraction of its article no longer contains it.

    Published by the store on the topic of the record it withdraws (``claims.extracted`` or
    ``events.extracted``), keyed by ``article_id``, after the records of the extraction that
    replaced it; its CloudEvents type is ``newsflow.claim.retracted.v1`` or
    ``newsflow.event.retracted.v1``. A subscriber that adds every extracted record and removes
    every retracted id, in topic order, holds what Postgres holds.
    """

    schema_version: Literal[1] = SCHEMA_VERSION
    retracted: Literal["claim", "event"] = Field(description="What kind of record it withdraws.")
    id: str = Field(description="The claim_id or event_id withdrawn.")
    article_id: str
    superseded_by: ExtractionSource | None = Field(
        None, description="The articles.raw record of the extraction that replaced it."
    )
    retracted_at: dt.datetime


class DeadLetter(_Frozen):
    """A record some stage could not process, with where it came from and why."""

    schema_version: Literal[1] = SCHEMA_VERSION
    stage: Literal["ingest", "extract", "store"]
    error_class: str
    error: str
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    key: str | None = None
    payload: str = Field(description="The original record, decoded as UTF-8 (replacement chars).")
    failed_at: dt.datetime


MESSAGE_MODELS: dict[str, type[BaseModel]] = {
    "RawArticle": RawArticle,
    "Claim": Claim,
    "Event": Event,
    "ExtractionManifest": ExtractionManifest,
    "DeadLetter": DeadLetter,
    "Retraction": Retraction,
}
