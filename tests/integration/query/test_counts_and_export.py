"""The analyst's endpoints on a real Postgres: counts per day, country, type, actor and speaker;
CSV and JSONL exports holding exactly the listing's rows; the filters people type (a country by
name, ``since=7d``, the outlet, actors and targets)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from services.query.domain.export_rows import CLAIM_COLUMNS, EVENT_COLUMNS
from shared.models import Event, Participant, RawArticle

from .samples import BRUSSELS, LVIV, article, claim, event, store

pytestmark = pytest.mark.integration

NOW = datetime.now(UTC)


def _with_source(a: RawArticle, source: str) -> RawArticle:
    return a.model_copy(update={"source": source})


def _acted(e: Event, actors: tuple[str, ...] = (), targets: tuple[str, ...] = ()) -> Event:
    def people(names: tuple[str, ...]) -> tuple[Participant, ...]:
        return tuple(Participant(text=n.lower(), start=0, end=len(n), name=n) for n in names)

    return e.model_copy(update={"actors": people(actors), "targets": people(targets)})


@pytest.fixture
def stored(conn: psycopg.Connection[Any]) -> dict[str, str]:
    """Five events and three claims from three outlets; two events happened this week."""
    kyiv = _with_source(article(1, title="Strikes in Ukraine"), "Kyiv Post")
    wire = _with_source(article(2, title="Talks in Brussels"), "Wire")
    recent = _with_source(
        article(3, title="This week", published=NOW - timedelta(days=2)), "Kyiv Post"
    )
    events = {
        "strike": _acted(
            event(kyiv, 0, trigger="strike", killed=20), ("Russia",), ("Mykolaiv council",)
        ),
        "shelling": _acted(
            event(kyiv, 1, trigger="shelling", location=LVIV, day=date(2022, 3, 27)),
            ("Russia",),
        ),
        "talks": _acted(
            event(wire, 0, type="CONSULT", trigger="talks", location=BRUSSELS, day=None),
            ("NATO", "Ukraine"),
        ),
        "raid": _acted(
            event(recent, 0, trigger="raid", day=(NOW - timedelta(days=2)).date()),
            ("Russia",),
            ("Odesa port",),
        ),
        "aid": event(recent, 1, type="AID", trigger="delivered", location=None, day=None),
    }
    claims = {
        "stoltenberg": claim(wire, 0, speaker="Jens Stoltenberg"),
        "kim": claim(kyiv, 1, speaker="Vitaliy Kim", text="The building was hit"),
        "kim-again": claim(recent, 2, speaker="Vitaliy Kim", text="Rescuers are at work"),
    }
    store(
        conn,
        articles=[kyiv, wire, recent],
        events=list(events.values()),
        claims=list(claims.values()),
    )
    return {
        **{name: e.event_id for name, e in events.items()},
        **{name: c.claim_id for name, c in claims.items()},
    }


def _ok(response: Any) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def _event_names(body: dict[str, Any], stored: dict[str, str]) -> list[str]:
    by_id = {row_id: name for name, row_id in stored.items()}
    return [by_id[item["event"]["event_id"]] for item in body["items"]]


def _all_items(client: TestClient, path: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Every item of a listing, page after page."""
    items: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        page = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = _ok(client.get(path, params={**params, **page}))
        items += body["items"]
        cursor = body["next"]
        if cursor is None:
            return items


def test_events_are_listed_by_event_time_newest_first(
    client: TestClient, stored: dict[str, str]
) -> None:
    # talks and aid have no date: they are dated by their articles (2022-03-31, two days ago).
    body = _ok(client.get("/v1/events"))

    assert _event_names(body, stored) == ["aid", "raid", "talks", "strike", "shelling"]


@pytest.mark.parametrize("country", ["Ukraine", "ukraine", "UKR", "ua", " the Ukraine "])
def test_country_filter_takes_a_name_or_an_iso_code(
    client: TestClient, stored: dict[str, str], country: str
) -> None:
    body = _ok(client.get("/v1/events", params={"country": country}))

    assert sorted(_event_names(body, stored)) == ["raid", "shelling", "strike"]


def test_an_unknown_country_is_a_422_that_suggests_names(client: TestClient) -> None:
    response = client.get("/v1/events/counts", params={"country": "Ukrane"})

    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["query", "country"]
    assert "Ukraine" in error["msg"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"since": "7d"}, ["aid", "raid"]),
        ({"since": "2022-03-28", "until": "2022-04-01"}, ["strike", "talks"]),
        ({"actor": "russ"}, ["raid", "shelling", "strike"]),
        ({"actor": "nato"}, ["talks"]),
        ({"target": "odesa"}, ["raid"]),
        ({"source": "kyiv post"}, ["aid", "raid", "shelling", "strike"]),
        ({"source": "wire", "actor": "ukraine"}, ["talks"]),
    ],
)
def test_event_filters_people_type(
    client: TestClient, stored: dict[str, str], params: dict[str, str], expected: list[str]
) -> None:
    body = _ok(client.get("/v1/events", params=params))

    assert sorted(_event_names(body, stored)) == expected


def test_claim_filters_since_and_outlet(client: TestClient, stored: dict[str, str]) -> None:
    recent = _ok(client.get("/v1/claims", params={"since": "7d"}))
    kyiv = _ok(client.get("/v1/claims", params={"source": "KYIV"}))

    assert [i["claim"]["claim_id"] for i in recent["items"]] == [stored["kim-again"]]
    assert {i["claim"]["claim_id"] for i in kyiv["items"]} == {stored["kim"], stored["kim-again"]}
    assert {i["article"]["source"] for i in kyiv["items"]} == {"Kyiv Post"}


def test_a_bad_since_is_a_422_naming_it(client: TestClient) -> None:
    response = client.get("/v1/claims", params={"since": "last week"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "since"]


def test_event_counts_per_day_country_type_and_actor(
    client: TestClient, stored: dict[str, str]
) -> None:
    recent_day = (NOW - timedelta(days=2)).date().isoformat()

    by_day = _ok(client.get("/v1/events/counts", params={"by": "day", "until": "2022-04-01"}))
    by_country = _ok(client.get("/v1/events/counts", params={"by": "country"}))
    by_type = _ok(client.get("/v1/events/counts", params={"by": "type", "country": "Ukraine"}))
    by_actor = _ok(client.get("/v1/events/counts", params={"by": "actor"}))
    recent = _ok(client.get("/v1/events/counts", params={"by": "day", "since": "7d"}))

    assert by_day == {
        "by": "day",
        "total": 3,
        "buckets": [
            {"key": "2022-03-27", "count": 1},
            {"key": "2022-03-28", "count": 0},
            {"key": "2022-03-29", "count": 1},
            {"key": "2022-03-30", "count": 0},
            {"key": "2022-03-31", "count": 1},
        ],
    }
    assert by_country["total"] == 5  # aid has no place: counted, in no country
    assert by_country["buckets"] == [
        {"key": "UKR", "label": "Ukraine", "count": 3},
        {"key": "BEL", "label": "Belgium", "count": 1},
    ]
    assert by_type["buckets"] == [{"key": "ASSAULT", "count": 3}]
    assert by_actor["buckets"] == [
        {"key": "Russia", "count": 3},
        {"key": "NATO", "count": 1},
        {"key": "Ukraine", "count": 1},
    ]
    assert recent["buckets"] == [{"key": recent_day, "count": 2}]


def test_claim_counts_per_day_and_speaker(client: TestClient, stored: dict[str, str]) -> None:
    by_speaker = _ok(client.get("/v1/claims/counts", params={"by": "speaker"}))
    by_day = _ok(client.get("/v1/claims/counts", params={"by": "day", "source": "kyiv"}))

    assert by_speaker["total"] == 3
    assert by_speaker["buckets"] == [
        {"key": "Vitaliy Kim", "count": 2},
        {"key": "Jens Stoltenberg", "count": 1},
    ]
    assert by_day["total"] == 2
    assert by_day["buckets"][0] == {"key": "2022-03-31", "count": 1}
    assert by_day["buckets"][-1] == {
        "key": (NOW - timedelta(days=2)).date().isoformat(),
        "count": 1,
    }
    assert sum(b["count"] for b in by_day["buckets"]) == 2


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/v1/events", {}),
        ("/v1/events", {"country": "Ukraine", "actor": "russia"}),
        ("/v1/claims", {}),
        ("/v1/claims", {"speaker": "kim", "since": "30d"}),
    ],
)
def test_jsonl_export_holds_exactly_the_listings_items_in_its_order(
    client: TestClient, stored: dict[str, str], path: str, params: dict[str, str]
) -> None:
    listed = _all_items(client, path, params)

    response = client.get(f"{path}/export", params={**params, "format": "jsonl"})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert "attachment" in response.headers["content-disposition"]
    exported = [json.loads(line) for line in response.text.splitlines()]
    assert exported == listed
    assert listed  # the filters select something


def test_csv_export_flattens_the_listing_with_actors_targets_and_outlet(
    client: TestClient, stored: dict[str, str]
) -> None:
    listed = _all_items(client, "/v1/events", {"country": "UKR"})

    response = client.get("/v1/events/export", params={"country": "Ukraine", "format": "csv"})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert [r["event_id"] for r in rows] == [i["event"]["event_id"] for i in listed]
    strike = next(r for r in rows if r["event_id"] == stored["strike"])
    assert strike["actors"] == "Russia"
    assert strike["targets"] == "Mykolaiv council"
    assert strike["source"] == "Kyiv Post"
    assert strike["country"] == "UKR"
    assert strike["figures"] == "killed=20"
    assert (strike["lat"], strike["lon"]) == ("46.97", "32.0")


def test_claim_csv_export_has_a_header_and_a_row_per_claim(
    client: TestClient, stored: dict[str, str]
) -> None:
    response = client.get("/v1/claims/export")  # CSV by default

    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == list(CLAIM_COLUMNS)
    assert sorted(r[0] for r in rows[1:]) == sorted(
        stored[n] for n in ("stoltenberg", "kim", "kim-again")
    )


def test_an_export_with_no_rows_is_a_header_only(client: TestClient) -> None:
    csv_text = client.get("/v1/events/export", params={"country": "France"}).text
    jsonl = client.get("/v1/claims/export", params={"format": "jsonl"}).text

    assert csv_text == ",".join(EVENT_COLUMNS) + "\r\n"
    assert jsonl == ""


def test_countries_lists_names_and_codes(client: TestClient) -> None:
    body = _ok(client.get("/v1/countries"))

    assert {"code": "UKR", "name": "Ukraine"} in body["items"]
    assert len(body["items"]) > 200
