"""``/v1/feeds`` on a real Postgres, and the poller running inside the served app."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from pydantic import SecretStr

from services.ingest.adapters.feed_store import PgFeedStore
from services.ingest.adapters.publisher import ReconnectingPublisher
from services.ingest.app import connect_kafka_publisher, create_app
from services.ingest.domain.feed_entries import feed_id_for
from services.ingest.feeds import FeedService
from services.ingest.settings import IngestSettings
from services.store.adapters.migrations import migrate
from shared.codec import decode
from shared.models import RawArticle
from tests.integration.ingest.conftest import read_records
from tests.integration.ingest.served import served
from tests.unit.ingest.feed_server import STORY, FeedServer, Resource, feed_server, rss
from tests.unit.ingest.support import KEY_HEADERS, InMemoryPublisher, SyncApi

pytestmark = pytest.mark.integration


@pytest.fixture
def feed_settings(ingest_settings: IngestSettings, database_url: str) -> IngestSettings:
    migrate(database_url=database_url)
    return ingest_settings.model_copy(
        update={"database_url": SecretStr(database_url), "feed_min_interval_s": 30}
    )


@pytest.fixture
def api(feed_settings: IngestSettings) -> SyncApi:
    assert feed_settings.database_url is not None
    store = PgFeedStore(feed_settings.database_url.get_secret_value())
    publisher = InMemoryPublisher()
    feeds = FeedService(feed_settings, store=store, publisher=publisher, poll=False)
    return SyncApi(create_app(feed_settings, publisher, feeds=feeds), headers=KEY_HEADERS)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as running:
        yield running


def test_a_feed_is_registered_listed_and_deleted(api: SyncApi) -> None:
    created = api.post("/v1/feeds", json={"url": "https://e.com/rss", "interval_s": 600})
    assert created.status_code == 201, created.text
    feed = created.json()
    assert feed["feed_id"] == feed_id_for("https://e.com/rss")
    assert (feed["interval_s"], feed["origin"], feed["consecutive_failures"]) == (600, "api", 0)

    again = api.post("/v1/feeds", json={"url": "https://E.com/rss?utm_source=x", "source": "E"})
    assert again.status_code == 200
    assert again.json()["feed_id"] == feed["feed_id"] and again.json()["source"] == "E"

    listed = api.get("/v1/feeds").json()["feeds"]
    assert [f["feed_id"] for f in listed] == [feed["feed_id"]]

    assert api.request("DELETE", f"/v1/feeds/{feed['feed_id']}").status_code == 204
    assert api.request("DELETE", f"/v1/feeds/{feed['feed_id']}").status_code == 404
    assert api.get("/v1/feeds").json()["feeds"] == []


def test_writing_feeds_needs_the_api_key(api: SyncApi) -> None:
    anonymous = SyncApi(api.app)
    assert anonymous.post("/v1/feeds", json={"url": "https://e.com/rss"}).status_code == 401
    assert anonymous.request("DELETE", "/v1/feeds/f-x").status_code == 401
    assert anonymous.get("/v1/feeds").status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"url": "ftp://e.com/rss"}, "url"),
        ({"url": "https://e.com/rss", "interval_s": 5}, "interval_s"),
        ({"url": "https://e.com/rss", "every": 5}, "every"),
        ({}, "url"),
    ],
)
def test_an_invalid_feed_gets_a_422_naming_the_field(
    api: SyncApi, body: dict[str, object], field: str
) -> None:
    response = api.post("/v1/feeds", json=body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", field]


def test_without_a_database_the_feed_api_says_it_is_not_enabled(
    ingest_settings: IngestSettings,
) -> None:
    api = SyncApi(create_app(ingest_settings, InMemoryPublisher()), headers=KEY_HEADERS)
    assert api.get("/v1/feeds").status_code == 501
    assert api.post("/v1/feeds", json={"url": "https://e.com/rss"}).status_code == 501


def test_the_served_app_polls_a_feed_registered_through_the_api_onto_articles_raw(
    feed_settings: IngestSettings, server: FeedServer
) -> None:
    assert feed_settings.database_url is not None
    feed_url = server.serve(
        "/rss", Resource(rss({"link": server.url("/story"), "content": " ".join(STORY)}))
    )
    configured_url = server.serve("/configured.xml", Resource(rss()))
    settings = feed_settings.model_copy(update={"feeds": configured_url})
    publisher = ReconnectingPublisher(lambda: connect_kafka_publisher(settings), retry_interval_s=0)
    store = PgFeedStore(feed_settings.database_url.get_secret_value())
    app = create_app(
        settings, publisher, feeds=FeedService(settings, store=store, publisher=publisher)
    )
    try:
        with served(app) as base:
            response = httpx.post(
                f"{base}/v1/feeds", json={"url": feed_url, "interval_s": 60}, headers=KEY_HEADERS
            )
            assert response.status_code == 201, response.text
            [(key, value)] = read_records(settings, expected=1)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                feeds = httpx.get(f"{base}/v1/feeds").json()["feeds"]
                if all(f["last_success_at"] for f in feeds) and len(feeds) == 2:
                    break
                time.sleep(0.2)
            metrics = httpx.get(f"{base}/metrics").text
    finally:
        publisher.close()
    article = decode(RawArticle, value)
    assert key.decode() == article.article_id and article.url == server.url("/story")
    assert {f["origin"] for f in feeds} == {"api", "config"}
    assert 'newsflow_ingest_feed_polls_total{outcome="fetched"} 2.0' in metrics
    assert 'newsflow_ingest_feed_entries_total{outcome="published"} 1.0' in metrics
