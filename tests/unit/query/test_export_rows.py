"""Export rows: an item of the listing flattened into CSV cells, and the days of a timeline."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from services.query.domain.counts import MAX_FILLED_DAYS, fill_days
from services.query.domain.export_rows import (
    CLAIM_COLUMNS,
    EVENT_COLUMNS,
    claim_row,
    csv_line,
    event_row,
)

EVENT_ITEM: dict[str, Any] = {
    "event": {
        "event_id": "e-1",
        "article_id": "a-1",
        "type": "ASSAULT",
        "mode": "drone",
        "status": "occurred",
        "trigger": {"text": "hit", "start": 4, "end": 7},
        "actors": [
            {"text": "the northern army", "name": "Northland", "country": "NRL"},
            {"text": "its allies", "name": None, "country": None},
        ],
        "targets": [{"text": "a depot", "name": None, "country": "SRL"}],
        "location": {
            "text": "Port Town",
            "name": "Port Town",
            "country": "SRL",
            "lat": 1.5,
            "lon": -2.25,
            "geonameid": 7,
            "source": "attached",
        },
        "time": {"text": "Monday", "date": "2031-05-05"},
        "magnitudes": [{"kind": "killed", "value": 3}, {"kind": "injured", "value": 11}],
        "is_main": True,
        "confidence": 0.75,
    },
    "incident_id": "i-9",
    "article": {
        "article_id": "a-1",
        "title": 'Depot hit, "many" hurt',
        "url": "https://news.invalid/1",
        "source": "Daily Example",
        "published_at": "2031-05-06T08:00:00Z",
    },
    "first_seen_at": "2031-05-06T08:01:00Z",
}


def test_an_event_row_names_actors_targets_place_figures_and_outlet() -> None:
    row = dict(zip(EVENT_COLUMNS, event_row(EVENT_ITEM), strict=True))

    assert row["actors"] == "Northland; its allies"
    assert row["actor_countries"] == "NRL; "
    assert row["targets"] == "a depot"
    assert row["target_countries"] == "SRL"
    assert (row["place"], row["country"], row["lat"], row["lon"]) == (
        "Port Town",
        "SRL",
        "1.5",
        "-2.25",
    )
    assert row["place_source"] == "attached"
    assert row["figures"] == "killed=3; injured=11"
    assert (row["date"], row["is_main"], row["incident_id"]) == ("2031-05-05", "true", "i-9")
    assert (row["source"], row["published_at"]) == ("Daily Example", "2031-05-06T08:00:00Z")


def test_an_event_without_place_date_or_article_has_empty_cells() -> None:
    event = {**EVENT_ITEM["event"], "location": None, "time": None, "actors": [], "magnitudes": []}
    row = dict(
        zip(EVENT_COLUMNS, event_row({**EVENT_ITEM, "event": event, "article": None}), strict=True)
    )

    assert row["place"] == row["lat"] == row["date"] == row["actors"] == row["figures"] == ""
    assert row["source"] == row["title"] == ""


def test_an_event_only_set_in_the_article_place_exports_that_place_and_its_source() -> None:
    setting = {"text": "Northland", "name": "Northland", "country": "NRL", "source": "article"}
    event = {**EVENT_ITEM["event"], "location": None, "setting": setting}
    row = dict(zip(EVENT_COLUMNS, event_row({**EVENT_ITEM, "event": event}), strict=True))

    assert (row["place"], row["country"], row["place_source"]) == ("Northland", "NRL", "article")


def test_a_claim_row_has_speaker_cue_content_and_outlet() -> None:
    item = {
        "claim": {
            "claim_id": "c-1",
            "article_id": "a-1",
            "kind": "indirect",
            "content": {"text": "that the depot, was empty"},
            "speaker": {"name": "Ann Other", "type": "PERSON", "role": "mayor"},
            "cue": {"text": "said", "lemma": "say"},
            "confidence": 0.5,
        },
        "article": EVENT_ITEM["article"],
        "first_seen_at": "2031-05-06T08:01:00Z",
    }
    row = dict(zip(CLAIM_COLUMNS, claim_row(item), strict=True))

    assert (row["speaker"], row["speaker_role"], row["cue"]) == ("Ann Other", "mayor", "say")
    assert row["content"] == "that the depot, was empty"
    assert row["source"] == "Daily Example"


def test_csv_cells_with_commas_quotes_and_newlines_read_back_as_written() -> None:
    cells = event_row(EVENT_ITEM)
    cells[5] = 'a "quoted",\nline'

    (read,) = csv.reader(io.StringIO(csv_line(cells)))

    assert read == cells


def test_missing_days_are_filled_with_zeros() -> None:
    counted = [(date(2031, 2, 27), 1), (date(2031, 3, 2), 4)]

    assert fill_days(counted) == [
        (date(2031, 2, 27), 1),
        (date(2031, 2, 28), 0),
        (date(2031, 3, 1), 0),
        (date(2031, 3, 2), 4),
    ]
    assert fill_days([]) == []


def test_a_span_of_days_too_wide_is_not_filled() -> None:
    counted = [(date(1900, 1, 1), 1), (date(2031, 1, 1), 2)]

    assert (date(2031, 1, 1) - date(1900, 1, 1)).days > MAX_FILLED_DAYS
    assert fill_days(counted) == counted
