"""GET /v1/places on a real Postgres: the filters (name, country, GeoNames id, article, near),
paging and bad parameters."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from shared.models import ExtractionManifest, ExtractionSource, Place
from tests.integration.rows import upsert_batch

from .samples import article

pytestmark = pytest.mark.integration

LYON = Place(
    start=0, end=4, text="Lyon", name="Lyon", lat=45.74846, lon=4.84671, country="FRA",
    geonameid=2996944, feature="P.PPL", admin1="84",
)  # fmt: skip
VILLEURBANNE = Place(
    start=10, end=22, text="Villeurbanne", name="Villeurbanne", lat=45.76601, lon=4.8795,
    country="FRA", geonameid=2968254, feature="P.PPL", admin1="84",
)  # fmt: skip
PORTO_ALEGRE = Place(
    start=0, end=12, text="Porto Alegre", name="Porto Alegre", lat=-30.03283, lon=-51.23019,
    country="BRA", geonameid=3452925, feature="P.PPL", admin1="23",
)  # fmt: skip
BRAZILIAN = Place(
    start=20, end=29, text="Brazilian", name="Brazil", country="BRA", geonameid=3469034,
    feature="A.PCLI", is_demonym=True,
)  # fmt: skip


def _manifest(article_id: str, places: tuple[Place, ...]) -> ExtractionManifest:
    return ExtractionManifest(
        article_id=article_id,
        extractor_version="test",
        extracted_from=ExtractionSource(timestamp_ms=1_764_000_000_000, partition=0, offset=1),
        extracted_at=datetime(2026, 12, 1, tzinfo=UTC),
        places=places,
    )


@pytest.fixture
def ids(conn: psycopg.Connection[Any]) -> tuple[str, str]:
    a, b = article(1), article(2)
    upsert_batch(
        conn,
        articles=[a, b],
        claims=[],
        events=[],
        manifests=[
            _manifest(a.article_id, (LYON, VILLEURBANNE)),
            _manifest(b.article_id, (PORTO_ALEGRE, BRAZILIAN)),
        ],
    )
    return a.article_id, b.article_id


def _texts(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/v1/places", params=params)
    assert response.status_code == 200, response.text
    return sorted(item["place"]["text"] for item in response.json()["items"])


def test_places_filtered_by_country_name_and_geonames_id(
    client: TestClient, ids: tuple[str, str]
) -> None:
    assert _texts(client, country="fra") == ["Lyon", "Villeurbanne"]
    assert _texts(client, country="France") == ["Lyon", "Villeurbanne"]
    assert _texts(client, place="porto") == ["Porto Alegre"]
    assert _texts(client, place="brazil") == ["Brazilian"]
    assert _texts(client, geonameid=2996944) == ["Lyon"]
    assert _texts(client, article_id=ids[1]) == ["Brazilian", "Porto Alegre"]


def test_places_near_a_point(client: TestClient, ids: tuple[str, str]) -> None:
    assert _texts(client, near="45.76,4.84,5") == ["Lyon", "Villeurbanne"]
    assert _texts(client, near="45.7485,4.8467,1") == ["Lyon"]
    assert _texts(client, near="-30,-51,100") == ["Porto Alegre"]
    assert _texts(client, near="0,0,100") == []


def test_a_place_item_carries_the_resolution_and_the_article(
    client: TestClient, ids: tuple[str, str]
) -> None:
    item = client.get("/v1/places", params={"geonameid": 3469034}).json()["items"][0]
    assert item["place"]["is_demonym"] is True
    assert item["place"]["feature"] == "A.PCLI"
    assert item["article"]["article_id"] == ids[1]


def test_places_are_paged(client: TestClient, ids: tuple[str, str]) -> None:
    seen: list[str] = []
    params: dict[str, Any] = {"limit": 3}
    while True:
        page = client.get("/v1/places", params=params).json()
        seen += [item["place"]["text"] for item in page["items"]]
        if page["next"] is None:
            break
        params["cursor"] = page["next"]
    assert sorted(seen) == ["Brazilian", "Lyon", "Porto Alegre", "Villeurbanne"]


@pytest.mark.parametrize(
    "near", ["45,4", "a,b,c", "91,0,10", "0,181,10", "0,0,0", "0,0,30000", "nan,0,1"]
)
def test_a_bad_near_is_refused_naming_it(client: TestClient, near: str) -> None:
    response = client.get("/v1/places", params={"near": near})
    assert response.status_code == 422
    assert "near" in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"geonameid": 2**70},
        {"place": "%_\\"},
        {"near": "1e308,0,1"},
        {"country": "FRANCE"},
        {"cursor": "not-a-cursor"},
    ],
)
def test_hostile_parameters_never_get_a_5xx(client: TestClient, params: dict[str, Any]) -> None:
    response = client.get("/v1/places", params=params)
    assert response.status_code < 500, response.text
