"""``/v1/feeds`` with control characters on a real Postgres: 422 naming the field (never the 500
of a NUL reaching Postgres), and the next request works."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from services.ingest.adapters.feed_store import PgFeedStore
from services.ingest.app import create_app
from services.ingest.feeds import FeedService
from services.ingest.settings import IngestSettings
from services.store.adapters.migrations import migrate
from tests.unit.ingest.support import KEY_HEADERS, InMemoryPublisher, SyncApi

pytestmark = pytest.mark.integration


@pytest.fixture
def api(ingest_settings: IngestSettings, database_url: str) -> SyncApi:
    migrate(database_url=database_url)
    settings = ingest_settings.model_copy(update={"database_url": SecretStr(database_url)})
    store = PgFeedStore(database_url)
    publisher = InMemoryPublisher()
    feeds = FeedService(settings, store=store, publisher=publisher, poll=False)
    return SyncApi(create_app(settings, publisher, feeds=feeds), headers=KEY_HEADERS)


def assert_feeds_still_work(api: SyncApi) -> None:
    created = api.post("/v1/feeds", json={"url": "https://e.example/ok.xml"})
    assert created.status_code in (200, 201), created.text
    assert api.get("/v1/feeds").status_code == 200


@pytest.mark.parametrize("url", ["https://e.example/feed\x00.xml", "https://e.example/\x01"])
def test_nul_in_feed_url_is_422_naming_url(api: SyncApi, url: str) -> None:
    response = api.post("/v1/feeds", json={"url": url})
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["body", "url"]
    assert_feeds_still_work(api)


def test_nul_in_feed_source_is_stripped_and_stored(api: SyncApi) -> None:
    response = api.post("/v1/feeds", json={"url": "https://e.example/s.xml", "source": "W\x00ire"})
    assert response.status_code == 201, response.text
    assert response.json()["source"] == "Wire"
    assert_feeds_still_work(api)


@pytest.mark.parametrize("feed_id", ["%00", "f-%00abc", "%7F"])
def test_nul_in_feed_id_to_delete_is_422_naming_it(api: SyncApi, feed_id: str) -> None:
    response = api.request("DELETE", f"/v1/feeds/{feed_id}")
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["path", "feed_id"]
    assert_feeds_still_work(api)
