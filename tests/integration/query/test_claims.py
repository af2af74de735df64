"""GET /v1/claims on a real Postgres: filters, the article attached, and bad parameters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from .samples import PUBLISHED, article, claim, db_now, store

pytestmark = pytest.mark.integration


def _speakers(response: Any) -> list[str | None]:
    assert response.status_code == 200, response.text
    return [item["claim"]["speaker"]["name"] for item in response.json()["items"]]


def test_claims_come_back_newest_first_with_their_article(
    conn: psycopg.Connection[Any], client: TestClient
) -> None:
    # Newest first by the claim's time, its article's publication.
    first, second = article(1, published=PUBLISHED - timedelta(days=1)), article(2)
    store(conn, articles=[first], claims=[claim(first, speaker="Older Speaker")])
    store(conn, articles=[second], claims=[claim(second, speaker="Newer Speaker")])

    body = client.get("/v1/claims").json()

    assert [i["claim"]["speaker"]["name"] for i in body["items"]] == [
        "Newer Speaker",
        "Older Speaker",
    ]
    assert body["next"] is None
    newest = body["items"][0]
    assert newest["article"]["article_id"] == second.article_id
    assert newest["article"]["title"] == "Story 2"
    assert newest["claim"]["content"]["text"] == "We can expect additional offensive actions"


def test_claim_whose_article_is_not_stored_yet_has_a_null_article(
    conn: psycopg.Connection[Any], client: TestClient
) -> None:
    store(conn, claims=[claim(article(1))])

    (item,) = client.get("/v1/claims").json()["items"]

    assert item["article"] is None


def test_speaker_filter_is_case_insensitive_and_partial(
    conn: psycopg.Connection[Any], client: TestClient
) -> None:
    a = article(1)
    store(
        conn,
        articles=[a],
        claims=[
            claim(a, 0, speaker="Jens Stoltenberg"),
            claim(a, 1, speaker="Volodymyr Zelensky"),
            claim(a, 2, speaker=None),
        ],
    )

    assert _speakers(client.get("/v1/claims", params={"speaker": "STOLTEN"})) == [
        "Jens Stoltenberg"
    ]
    assert _speakers(client.get("/v1/claims", params={"speaker": "  zelensky "})) == [
        "Volodymyr Zelensky"
    ]


def test_like_wildcards_in_the_speaker_filter_match_literally(
    conn: psycopg.Connection[Any], client: TestClient
) -> None:
    a = article(1)
    store(conn, articles=[a], claims=[claim(a, 0, speaker="Jens Stoltenberg")])

    assert _speakers(client.get("/v1/claims", params={"speaker": "%"})) == []
    assert _speakers(client.get("/v1/claims", params={"speaker": "J_ns"})) == []


def test_full_text_search_stems_and_supports_phrases_and_exclusion(
    conn: psycopg.Connection[Any], client: TestClient
) -> None:
    a = article(1)
    store(
        conn,
        articles=[a],
        claims=[
            claim(a, 0, speaker="A", text="Missiles struck the port overnight"),
            claim(a, 1, speaker="B", text="The talks will resume on Friday"),
            claim(a, 2, speaker="C", text="Another missile strike is expected at the port"),
        ],
    )

    def search(q: str) -> list[str | None]:
        return sorted(s or "" for s in _speakers(client.get("/v1/claims", params={"q": q})))

    assert search("missile") == ["A", "C"]  # "Missiles" stems to "missil" too
    assert search('"talks will resume"') == ["B"]
    assert search("missile -strike") == ["A"]
    assert search("port or friday") == ["A", "B", "C"]
    assert search("the") == []  # only a stop word: nothing to match


def test_article_and_kind_filters(conn: psycopg.Connection[Any], client: TestClient) -> None:
    a, b = article(1), article(2)
    store(
        conn,
        articles=[a, b],
        claims=[
            claim(a, 0, speaker="A direct"),
            claim(a, 1, speaker="A indirect", kind="indirect"),
            claim(b, 0, speaker="B direct"),
        ],
    )

    by_article = client.get("/v1/claims", params={"article_id": a.article_id})
    assert sorted(s or "" for s in _speakers(by_article)) == ["A direct", "A indirect"]
    by_kind = client.get("/v1/claims", params={"kind": "indirect"})
    assert _speakers(by_kind) == ["A indirect"]


def test_published_range_is_from_inclusive_to_exclusive(
    conn: psycopg.Connection[Any], client: TestClient
) -> None:
    day = datetime(2022, 3, 30, tzinfo=UTC)
    early, on_time, late = (
        article(1, published=day - timedelta(hours=1)),
        article(2, published=day),
        article(3, published=day + timedelta(days=1)),
    )
    store(
        conn,
        articles=[early, on_time, late],
        claims=[claim(early, speaker="early"), claim(on_time, speaker="on time"),
                claim(late, speaker="late")],
    )  # fmt: skip

    response = client.get(
        "/v1/claims",
        params={"published_from": "2022-03-30T00:00:00Z", "published_to": "2022-03-31"},
    )

    assert _speakers(response) == ["on time"]


def test_naive_times_are_taken_as_utc(conn: psycopg.Connection[Any], client: TestClient) -> None:
    a = article(1, published=datetime(2022, 3, 30, 12, tzinfo=UTC))
    store(conn, articles=[a], claims=[claim(a)])

    inside = client.get("/v1/claims", params={"published_from": "2022-03-30T11:59:00"})
    outside = client.get("/v1/claims", params={"published_from": "2022-03-30T12:00:01"})

    assert len(inside.json()["items"]) == 1
    assert outside.json()["items"] == []


def test_seen_range_selects_claims_by_when_they_were_stored(
    conn: psycopg.Connection[Any], client: TestClient
) -> None:
    a = article(1)
    store(conn, articles=[a], claims=[claim(a, 0, speaker="before")])
    boundary = db_now(conn)
    store(conn, claims=[claim(a, 1, speaker="after")])

    after = client.get("/v1/claims", params={"seen_from": boundary.isoformat()})
    before = client.get("/v1/claims", params={"seen_to": boundary.isoformat()})

    assert _speakers(after) == ["after"]
    assert _speakers(before) == ["before"]


@pytest.mark.parametrize(
    ("params", "loc", "needle"),
    [
        ({"limit": "0"}, ["query", "limit"], "greater than or equal to 1"),
        ({"limit": "501"}, ["query", "limit"], "less than or equal to 500"),
        ({"limit": "ten"}, ["query", "limit"], "valid integer"),
        ({"kind": "rumour"}, ["query", "kind"], "direct"),
        ({"published_from": "yesterday"}, ["query", "published_from"], "datetime"),
        ({"speaker": "   "}, ["query", "speaker"], "must not be blank"),
        (
            {"published_from": "2022-03-31", "published_to": "2022-03-30"},
            ["query", "published_to"],
            "later than published_from",
        ),
        ({"cursor": "not-a-cursor"}, ["query", "cursor"], "cursor is not valid"),
    ],
)
def test_bad_parameters_get_422_naming_the_parameter(
    client: TestClient, params: dict[str, str], loc: list[str], needle: str
) -> None:
    response = client.get("/v1/claims", params=params)

    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == loc
    assert needle in error["msg"]
