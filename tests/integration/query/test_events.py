"""GET /v1/events on a real Postgres: every filter, and bad parameters."""

from __future__ import annotations

from datetime import date
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from .samples import BRUSSELS, LVIV, article, event, store

pytestmark = pytest.mark.integration


@pytest.fixture
def stored(conn: psycopg.Connection[Any]) -> dict[str, str]:
    """Five events of two articles; returns their event ids by a short name."""
    a, b = article(1), article(2)
    events = {
        "strike": event(a, 0, trigger="strike", killed=20, is_main=True),
        "shelling": event(a, 1, trigger="shelling", location=LVIV, day=date(2022, 3, 25)),
        "talks": event(
            b,
            0,
            type="CONSULT",
            trigger="talks",
            location=BRUSSELS,
            status="planned",
            day=date(2022, 4, 1),
        ),
        "threat": event(
            b,
            1,
            type="THREATEN",
            trigger="threatened",
            location=None,
            day=None,
            status="threatened",
        ),
        "aid": event(b, 2, type="AID", trigger="delivered", location=LVIV, day=date(2022, 3, 29)),
    }
    store(conn, articles=[a, b], events=list(events.values()))
    return {name: e.event_id for name, e in events.items()}


def _names(response: Any, stored: dict[str, str]) -> list[str]:
    assert response.status_code == 200, response.text
    by_id = {event_id: name for name, event_id in stored.items()}
    return sorted(by_id[item["event"]["event_id"]] for item in response.json()["items"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["aid", "shelling", "strike", "talks", "threat"]),
        ({"type": "ASSAULT"}, ["shelling", "strike"]),
        ({"type": ["CONSULT", "AID"]}, ["aid", "talks"]),
        ({"status": "planned"}, ["talks"]),
        ({"status": ["planned", "threatened"]}, ["talks", "threat"]),
        ({"country": "ukr"}, ["aid", "shelling", "strike"]),
        ({"place": "mykol"}, ["strike"]),  # geocoded name "Mykolayiv" or text "Mykolaiv"
        ({"place": "MYKOLAIV"}, ["strike"]),
        ({"geonameid": "702550"}, ["aid", "shelling"]),
        ({"date_from": "2022-03-29"}, ["aid", "strike", "talks"]),
        ({"date_to": "2022-03-29"}, ["aid", "shelling", "strike"]),
        ({"date_from": "2022-03-29", "date_to": "2022-03-29"}, ["aid", "strike"]),
        ({"q": "shelling"}, ["shelling"]),
        ({"q": "lviv"}, ["aid", "shelling"]),  # the place is searched too
        ({"is_main": "true"}, ["strike"]),
        ({"type": "ASSAULT", "country": "UKR", "date_from": "2022-03-28"}, ["strike"]),
    ],
)
def test_event_filters(
    client: TestClient, stored: dict[str, str], params: dict[str, Any], expected: list[str]
) -> None:
    assert _names(client.get("/v1/events", params=params), stored) == expected


def test_article_filter_and_the_attached_article(
    client: TestClient, stored: dict[str, str]
) -> None:
    a = article(1)

    response = client.get("/v1/events", params={"article_id": a.article_id})

    assert _names(response, stored) == ["shelling", "strike"]
    assert {item["article"]["url"] for item in response.json()["items"]} == {a.url}


def test_events_carry_their_incident(client: TestClient, stored: dict[str, str]) -> None:
    body = client.get("/v1/events", params={"is_main": "true"}).json()

    (item,) = body["items"]
    assert item["incident_id"] is not None and item["incident_id"].startswith("i-")
    assert item["event"]["magnitudes"] == [
        {"kind": "killed", "value": 20, "cumulative": True, "text": None}
    ]


@pytest.mark.parametrize(
    ("params", "loc", "needle"),
    [
        ({"type": "EXPLOSION"}, ["query", "type", 0], "ASSAULT"),
        ({"status": "rumoured"}, ["query", "status", 0], "occurred"),
        ({"country": "Mordor"}, ["query", "country"], "not a country name or ISO code"),
        ({"geonameid": "-3"}, ["query", "geonameid"], "greater than or equal to 1"),
        ({"date_from": "31/03/2022"}, ["query", "date_from"], "date"),
        ({"date_from": "2022-04-02", "date_to": "2022-04-01"}, ["query", "date_to"], "before"),
        ({"place": ""}, ["query", "place"], "must not be blank"),
    ],
)
def test_bad_event_parameters_get_422_naming_the_parameter(
    client: TestClient, params: dict[str, str], loc: list[Any], needle: str
) -> None:
    response = client.get("/v1/events", params=params)

    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == loc
    assert needle in error["msg"]
