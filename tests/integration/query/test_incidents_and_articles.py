"""GET /v1/incidents, /v1/incidents/{id} and /v1/articles/{id} on a real Postgres, with rows
written by the store's own upsert (which also groups events into incidents)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from .samples import LVIV, article, claim, event, store

pytestmark = pytest.mark.integration


@pytest.fixture
def mykolaiv_strike(conn: psycopg.Connection[Any]) -> list[str]:
    """One strike reported by three articles over two days, the toll rising from 12 to 20;
    returns the article ids, oldest first."""
    reports = [
        (article(1, published=datetime(2022, 3, 29, 15, tzinfo=UTC)), date(2022, 3, 29), 12),
        (article(2, published=datetime(2022, 3, 30, 8, tzinfo=UTC)), date(2022, 3, 29), 15),
        (article(3, published=datetime(2022, 3, 30, 18, tzinfo=UTC)), date(2022, 3, 30), 20),
    ]
    for a, day, killed in reports:
        store(conn, articles=[a], events=[event(a, day=day, killed=killed)])
    other = article(9, published=datetime(2022, 3, 20, tzinfo=UTC))
    store(conn, articles=[other], events=[event(other, location=LVIV, day=date(2022, 3, 20))])
    return [a.article_id for a, _, _ in reports]


def test_latest_incidents_newest_first_with_their_toll(
    client: TestClient, mykolaiv_strike: list[str]
) -> None:
    body = client.get("/v1/incidents").json()

    assert [i["place_name"] for i in body["items"]] == ["Mykolayiv", "Lviv"]
    strike = body["items"][0]
    assert strike["killed"] == 20
    assert strike["toll"]["killed"]["article_id"] == mykolaiv_strike[-1]
    assert (strike["first_date"], strike["last_date"]) == ("2022-03-29", "2022-03-30")
    assert (strike["mention_count"], strike["article_count"]) == (3, 3)
    assert len(client.get("/v1/incidents", params={"limit": 1}).json()["items"]) == 1


def test_one_incident_with_mentions_timeline_and_toll(
    client: TestClient, mykolaiv_strike: list[str]
) -> None:
    incident_id = client.get("/v1/incidents").json()["items"][0]["incident_id"]

    response = client.get(f"/v1/incidents/{incident_id}")

    assert response.status_code == 200, response.text
    incident = response.json()
    assert [m["article_id"] for m in incident["mentions"]] == mykolaiv_strike
    assert [m["magnitudes"] for m in incident["mentions"]] == [
        "12 killed",
        "15 killed",
        "20 killed",
    ]
    assert incident["mentions"][0]["title"] == "Story 1"
    assert incident["timeline"] == [
        {"date": "2022-03-29", "mention_count": 2, "article_count": 2},
        {"date": "2022-03-30", "mention_count": 1, "article_count": 1},
    ]
    assert incident["toll"]["killed"]["value"] == 20


def test_unknown_incident_is_404(client: TestClient) -> None:
    response = client.get("/v1/incidents/i-nope")

    assert response.status_code == 404
    assert response.json()["detail"][0]["loc"] == ["path", "incident_id"]


def test_article_with_its_claims_and_events_in_text_order(
    conn: psycopg.Connection[Any], client: TestClient
) -> None:
    a = article(1, title="Strike on Mykolaiv")
    claims = [claim(a, 3, speaker="Later"), claim(a, 1, speaker="Earlier")]
    events = [event(a, 5, trigger="shelling"), event(a, 2, trigger="strike", killed=20)]
    store(conn, articles=[a], claims=claims, events=events)
    store(conn, articles=[article(2)], claims=[claim(article(2))])  # another article's

    response = client.get(f"/v1/articles/{a.article_id}")

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["article"]["title"] == "Strike on Mykolaiv"
    assert body["article"]["authors"] == ["A. Writer"]
    assert body["article"]["body"] == a.body
    assert [c["speaker"]["name"] for c in body["claims"]] == ["Earlier", "Later"]
    assert [e["event"]["trigger"]["text"] for e in body["events"]] == ["strike", "shelling"]
    assert all(e["incident_id"] is not None for e in body["events"])


def test_unknown_article_is_404(client: TestClient) -> None:
    response = client.get("/v1/articles/a-unknown")

    assert response.status_code == 404
    assert "no article" in response.json()["detail"][0]["msg"]
