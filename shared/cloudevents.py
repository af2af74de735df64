"""CloudEvents 1.0 headers on every record newsflow publishes (Kafka protocol binding, binary
content mode: the record value is the event data, the attributes are ``ce_``-prefixed headers).

A subscriber can route, filter and check versions without parsing the value: ``ce_type`` names
the kind of record and its schema version (``newsflow.claim.extracted.v1``), ``ce_subject`` the
record it is about (the claim, event or article id), ``ce_dataschema`` the JSON Schema of the
value (``docs/schemas/``, whose ``$id`` is the same URI). ``ce_id`` is the record's
deterministic id (qualified where one id has several records, e.g. an article's revisions), so
a re-sent record carries the same ``ce_source`` + ``ce_id``, as the specification allows for
duplicates.

>>> from datetime import UTC, datetime
>>> from shared.models import DeadLetter
>>> letter = DeadLetter(stage="store", error_class="E", error="bad", topic="t", partition=0,
...     offset=7, key="a-1", payload="{}", failed_at=datetime(2026, 1, 2, tzinfo=UTC))
>>> dict(headers_for(letter, source="/newsflow/store"))["ce_type"]
b'newsflow.deadletter.v1'
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime

from pydantic import BaseModel

from shared.models import Claim, DeadLetter, Event, ExtractionManifest, RawArticle, Retraction

SPEC_VERSION = "1.0"
CONTENT_TYPE = "application/json"
SCHEMA_URI = "urn:newsflow:schema:{name}:v{version}"
"""The ``$id`` of each JSON Schema in ``docs/schemas/`` and the ``ce_dataschema`` of its records."""

Headers = list[tuple[str, bytes]]

# Per model: the ce_type stem (the version is appended) and the name of its schema file.
_TYPES: dict[type[BaseModel], tuple[str, str]] = {
    RawArticle: ("newsflow.article.received", "RawArticle"),
    Claim: ("newsflow.claim.extracted", "Claim"),
    Event: ("newsflow.event.extracted", "Event"),
    ExtractionManifest: ("newsflow.extraction.completed", "ExtractionManifest"),
    DeadLetter: ("newsflow.deadletter", "DeadLetter"),
    Retraction: ("newsflow.{retracted}.retracted", "Retraction"),  # claim or event
}

TYPE_STEMS: dict[type[BaseModel], tuple[str, ...]] = {
    model: (stem,) for model, (stem, _) in _TYPES.items()
}
"""The ``ce_type`` values of each message model, without their version suffix."""
TYPE_STEMS[Retraction] = ("newsflow.claim.retracted", "newsflow.event.retracted")

CloudEventData = RawArticle | Claim | Event | ExtractionManifest | DeadLetter | Retraction


def schema_uri(model: type[BaseModel], version: int = 1) -> str:
    """The URI that names a message model's JSON Schema (its ``$id``)."""
    return SCHEMA_URI.format(name=_TYPES[model][1], version=version)


def event_type(record: CloudEventData) -> str:
    """``ce_type``: what the record is, with its schema version."""
    stem, _ = _TYPES[type(record)]
    if isinstance(record, Retraction):
        stem = stem.format(retracted=record.retracted)
    return f"{stem}.v{record.schema_version}"


def is_retraction(headers: Sequence[tuple[str, bytes]] | None) -> bool:
    """Whether a record's CloudEvents type says it is a :class:`Retraction`."""
    ce_type = dict(headers or ()).get("ce_type", b"")
    return ce_type.startswith(b"newsflow.") and b".retracted.v" in ce_type


def headers_for(record: CloudEventData, *, source: str, time: datetime | None = None) -> Headers:
    """The CloudEvents headers of one record (``source`` names the producing service, e.g.
    ``/newsflow/extract``; ``time`` defaults to now)."""
    subject, ce_id = _subject_and_id(record)
    attributes = {
        "ce_specversion": SPEC_VERSION,
        "ce_id": ce_id,
        "ce_source": source,
        "ce_type": event_type(record),
        "ce_subject": subject,
        "ce_time": (time or datetime.now(UTC)).isoformat(),
        "ce_dataschema": schema_uri(type(record), record.schema_version),
        "content-type": CONTENT_TYPE,
    }
    return [(name, value.encode("utf-8")) for name, value in attributes.items()]


def _subject_and_id(record: CloudEventData) -> tuple[str, str]:
    if isinstance(record, Claim):
        return record.claim_id, record.claim_id
    if isinstance(record, Event):
        return record.event_id, record.event_id
    if isinstance(record, RawArticle):  # one article, several texts over time: one id each
        text = f"{record.title or ''}\x1f{record.body}".encode()
        version = record.content_hash or hashlib.sha256(text).hexdigest()[:16]
        return record.article_id, f"{record.article_id}:{version}"
    if isinstance(record, ExtractionManifest):
        source = record.extracted_from
        return record.article_id, f"{record.article_id}@{source.partition}:{source.offset}"
    if isinstance(record, Retraction):
        by = record.superseded_by
        return record.id, f"{record.id}:retracted@{by.partition}:{by.offset}" if by else record.id
    origin = f"{record.topic}:{record.partition}:{record.offset}"
    return record.key or origin, f"{record.stage}:{origin}:{record.key}"
