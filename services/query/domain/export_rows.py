"""Export lines of claims and events: CSV rows flattened from the very items the list endpoints
return, and JSONL lines that are those items. An export therefore holds the rows the API lists,
in the same order, whatever the format.

>>> item = {"claim": {"claim_id": "c-1", "kind": "direct", "content": {"text": "No, "}, "speaker":
...     {"name": "Ann Lee", "type": "PERSON", "role": None}, "cue": None, "confidence": 0.9},
...     "article": None, "first_seen_at": "2022-03-31T09:00:00Z"}
>>> claim_row(item)[:6]
['c-1', 'direct', 'Ann Lee', 'PERSON', '', '']
>>> csv_line(["a", "b,c", ""])
'a,"b,c",\\r\\n'
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

EVENT_COLUMNS = (
    "event_id",
    "date",
    "type",
    "mode",
    "status",
    "trigger",
    "actors",
    "actor_countries",
    "targets",
    "target_countries",
    "place",
    "country",
    "lat",
    "lon",
    "geonameid",
    "place_source",
    "figures",
    "is_main",
    "confidence",
    "incident_id",
    "article_id",
    "source",
    "title",
    "url",
    "published_at",
    "first_seen_at",
)
CLAIM_COLUMNS = (
    "claim_id",
    "kind",
    "speaker",
    "speaker_type",
    "speaker_role",
    "cue",
    "content",
    "confidence",
    "article_id",
    "source",
    "title",
    "url",
    "published_at",
    "first_seen_at",
)
LIST_SEPARATOR = "; "


def event_row(item: Mapping[str, Any]) -> list[str]:
    """The CSV cells (``EVENT_COLUMNS``) of an event item as ``GET /v1/events`` returns it."""
    event = item["event"]
    # The place the text ties to the event, else the article's place it is set in; place_source
    # tells which (attached, sentence, lead: the text; dateline, article: the story's place).
    location = event.get("location") or event.get("setting") or {}
    time = event.get("time") or {}
    actors, targets = event.get("actors") or (), event.get("targets") or ()
    return [
        _cell(event["event_id"]),
        _cell(time.get("date")),
        _cell(event["type"]),
        _cell(event.get("mode")),
        _cell(event["status"]),
        _cell(event["trigger"]["text"]),
        LIST_SEPARATOR.join(participant_label(p) for p in actors),
        LIST_SEPARATOR.join(_cell(p.get("country")) for p in actors),
        LIST_SEPARATOR.join(participant_label(p) for p in targets),
        LIST_SEPARATOR.join(_cell(p.get("country")) for p in targets),
        _cell(location.get("name") or location.get("text")),
        _cell(location.get("country")),
        _cell(location.get("lat")),
        _cell(location.get("lon")),
        _cell(location.get("geonameid")),
        _cell(location.get("source")),
        LIST_SEPARATOR.join(f"{m['kind']}={m['value']}" for m in event.get("magnitudes") or ()),
        _cell(event.get("is_main")),
        _cell(event.get("confidence")),
        _cell(item.get("incident_id")),
        _cell(event["article_id"]),
        *_article_cells(item.get("article")),
        _cell(item.get("first_seen_at")),
    ]


def claim_row(item: Mapping[str, Any]) -> list[str]:
    """The CSV cells (``CLAIM_COLUMNS``) of a claim item as ``GET /v1/claims`` returns it."""
    claim = item["claim"]
    speaker = claim.get("speaker") or {}
    cue = claim.get("cue") or {}
    return [
        _cell(claim["claim_id"]),
        _cell(claim["kind"]),
        _cell(speaker.get("name")),
        _cell(speaker.get("type")),
        _cell(speaker.get("role")),
        _cell(cue.get("lemma")),
        _cell(claim["content"]["text"]),
        _cell(claim.get("confidence")),
        _cell(claim.get("article_id")),
        *_article_cells(item.get("article")),
        _cell(item.get("first_seen_at")),
    ]


def participant_label(participant: Mapping[str, Any]) -> str:
    """An actor or target as shown: its canonical name, else the words of the text."""
    return str(participant.get("name") or participant.get("text") or "")


def csv_line(cells: Sequence[str]) -> str:
    """One CSV record (RFC 4180: quoted where needed, CRLF). Cells are written as they are:
    a spreadsheet may read a cell starting with ``=`` as a formula."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(cells)
    return buffer.getvalue()


def _article_cells(article: Mapping[str, Any] | None) -> list[str]:
    article = article or {}
    return [
        _cell(article.get("source")),
        _cell(article.get("title")),
        _cell(article.get("url")),
        _cell(article.get("published_at")),
    ]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
