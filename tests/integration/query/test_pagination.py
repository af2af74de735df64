"""Keyset pagination of the listings on a real Postgres: every row exactly once, in order, also
when a page boundary falls inside rows sharing their time (the claims of one article) and when
rows arrive while a client pages."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from .samples import PUBLISHED, article, claim, event, store

pytestmark = pytest.mark.integration


def _all_pages(client: TestClient, path: str, params: dict[str, Any], key: str) -> list[list[str]]:
    pages: list[list[str]] = []
    cursor: str | None = None
    while True:
        response = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append([item[key][f"{key}_id"] for item in body["items"]])
        cursor = body["next"]
        if cursor is None:
            return pages
        assert len(pages) < 100, "pagination does not end"


def test_claim_pages_list_every_claim_once_newest_first(
    conn: psycopg.Connection[Any], client: TestClient
) -> None:
    # Three articles of 7 claims: the claims of one article share its publication, their time,
    # so the id breaks the ties.
    batches = []
    for b in range(3):
        a = article(b, published=PUBLISHED + timedelta(hours=b))
        batch = [claim(a, n, speaker=f"speaker {b}-{n}") for n in range(7)]
        store(conn, articles=[a], claims=batch)
        batches.append(sorted((c.claim_id for c in batch), reverse=True))
    expected = [claim_id for batch in reversed(batches) for claim_id in batch]

    pages = _all_pages(client, "/v1/claims", {"limit": 5}, "claim")

    assert [len(p) for p in pages] == [5, 5, 5, 5, 1]
    assert [claim_id for page in pages for claim_id in page] == expected


def test_last_full_page_has_no_next(conn: psycopg.Connection[Any], client: TestClient) -> None:
    a = article(1)
    store(conn, articles=[a], claims=[claim(a, n) for n in range(4)])

    pages = _all_pages(client, "/v1/claims", {"limit": 2}, "claim")

    assert [len(p) for p in pages] == [2, 2]


def test_rows_stored_while_paging_do_not_shift_later_pages(
    conn: psycopg.Connection[Any], client: TestClient
) -> None:
    a = article(1)
    store(conn, articles=[a], claims=[claim(a, n) for n in range(6)])
    first = client.get("/v1/claims", params={"limit": 3}).json()

    later = article(2, published=PUBLISHED + timedelta(hours=1))
    store(conn, articles=[later], claims=[claim(later, n) for n in range(4)])  # before page 1
    second = client.get("/v1/claims", params={"limit": 3, "cursor": first["next"]}).json()

    seen = [i["claim"]["claim_id"] for i in first["items"] + second["items"]]
    original = sorted((claim(a, n).claim_id for n in range(6)), reverse=True)
    assert seen == original
    assert second["next"] is None


def test_event_pages_respect_filters(conn: psycopg.Connection[Any], client: TestClient) -> None:
    a = article(1)
    assaults = [event(a, n, trigger=f"strike{n}") for n in range(5)]
    others = [event(a, n, type="AID", trigger=f"aid{n}") for n in range(5, 9)]
    store(conn, articles=[a], events=assaults + others)

    pages = _all_pages(client, "/v1/events", {"limit": 2, "type": "ASSAULT"}, "event")

    assert [len(p) for p in pages] == [2, 2, 1]
    assert sorted(e for p in pages for e in p) == sorted(e.event_id for e in assaults)


def test_a_cursor_replayed_with_other_filters_is_refused(
    conn: psycopg.Connection[Any], client: TestClient
) -> None:
    a = article(1)
    store(conn, articles=[a], claims=[claim(a, n) for n in range(3)])
    cursor = client.get("/v1/claims", params={"limit": 1}).json()["next"]

    response = client.get("/v1/claims", params={"limit": 1, "cursor": cursor, "kind": "direct"})
    other_limit = client.get("/v1/claims", params={"limit": 2, "cursor": cursor})

    assert response.status_code == 422
    assert "other filters" in response.json()["detail"][0]["msg"]
    assert other_limit.status_code == 200  # the page size may change between pages


def test_a_claims_cursor_is_not_an_events_cursor(
    conn: psycopg.Connection[Any], client: TestClient
) -> None:
    a = article(1)
    store(conn, articles=[a], claims=[claim(a, n) for n in range(2)])
    cursor = client.get("/v1/claims", params={"limit": 1}).json()["next"]

    response = client.get("/v1/events", params={"cursor": cursor})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "cursor"]
