"""A feed polled by the feed poller, then the same feed through ``newsflow ingest FEED_URL``
(issue 16): the ingest API wired the way ``newsflow serve ingest`` wires it (real broker, real
Postgres, the feed served by the test), and the records on ``articles.raw`` written by the
store's writer."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import psycopg
import pytest
from pydantic import SecretStr

from services.ingest.adapters.feed_store import PgArticleVersions, PgFeedStore
from services.ingest.adapters.http_fetcher import HttpFetcher
from services.ingest.adapters.publisher import ReconnectingPublisher
from services.ingest.app import connect_kafka_publisher, create_app
from services.ingest.bulk import BulkProgress, IngestClient, ingest_feed, read_feed_entries
from services.ingest.domain.articles import ArticleIn, to_raw_article
from services.ingest.domain.feed_schedule import PollPolicy
from services.ingest.feed_poller import EntryReader, FeedPoller, PollerOptions, PollReport
from services.ingest.feeds import FeedService
from services.ingest.settings import IngestSettings
from services.store.adapters.migrations import migrate
from services.store.adapters.pg_writer import open_connection
from shared.codec import decode
from shared.models import RawArticle
from tests.integration.ingest.conftest import read_records
from tests.integration.ingest.served import served
from tests.integration.rows import upsert_batch
from tests.unit.ingest.feed_server import (
    OTHER_STORY,
    STORY,
    FeedServer,
    Resource,
    article_page,
    feed_server,
    rss,
)
from tests.unit.ingest.support import KEY_HEADERS

pytestmark = pytest.mark.integration


@pytest.fixture
def settings(ingest_settings: IngestSettings, database_url: str) -> IngestSettings:
    migrate(database_url=database_url)
    return ingest_settings.model_copy(update={"database_url": SecretStr(database_url)})


@pytest.fixture
def publisher(settings: IngestSettings) -> Iterator[ReconnectingPublisher]:
    publisher = ReconnectingPublisher(lambda: connect_kafka_publisher(settings), retry_interval_s=0)
    yield publisher
    publisher.close()


@pytest.fixture
def site() -> Iterator[FeedServer]:
    with feed_server() as running:
        running.serve("/story", Resource(article_page(*STORY), "text/html"))
        running.serve(
            "/rss",
            Resource(
                rss(
                    {"link": running.url("/story?utm_source=rss"), "summary": "Teaser."},
                    {"link": running.url("/flood"), "content": f"<p>{' '.join(OTHER_STORY)}</p>"},
                )
            ),
        )
        yield running


def poll_once(store: PgFeedStore, publisher: ReconnectingPublisher, feed_url: str) -> PollReport:
    feed, _ = store.add_feed(url=feed_url, interval_s=300, source=None)

    async def go() -> PollReport:
        async with httpx.AsyncClient() as client:
            fetcher = HttpFetcher(client, timeout_s=5, max_bytes=1_000_000, user_agent="t")
            poller = FeedPoller(
                store=store,
                fetcher=fetcher,
                reader=EntryReader(fetcher, min_text_chars=200),
                publisher=publisher,
                options=PollerOptions(),
                policy=PollPolicy(jitter=0.0),
            )
            return await poller.poll_feed(feed)

    return asyncio.run(go())


def ingest_feed_url(
    settings: IngestSettings, publisher: ReconnectingPublisher, feed_url: str
) -> BulkProgress:
    """``newsflow ingest FEED_URL`` against an ingest API built as ``newsflow serve ingest``
    builds it (feeds on, so its pushes are versioned in the feeds' database)."""
    feeds = FeedService.from_settings(settings, publisher)
    app = create_app(settings, feeds.push_publisher(), feeds=feeds)
    with (
        served(app) as base,
        httpx.Client(base_url=base, headers=KEY_HEADERS, timeout=30) as http,
    ):
        return ingest_feed(
            feed_url,
            client=IngestClient(http),
            batch_size=10,
            read_feed=lambda url: read_feed_entries(
                url, timeout_s=5, max_bytes=1_000_000, min_text_chars=200, user_agent="t"
            ),
        )


def store_topic(settings: IngestSettings, database_url: str, expected: int) -> list[RawArticle]:
    """Every record on ``articles.raw``, in order, written by the store's writer."""
    articles = [decode(RawArticle, value) for _, value in read_records(settings, expected=expected)]
    with open_connection(database_url=database_url) as conn:
        for article in articles:  # one batch each, as a consumer reading them one by one
            upsert_batch(conn, articles=[article], claims=[], events=[])
    return articles


def stored_versions(database_url: str) -> dict[str, tuple[Any, Any]]:
    with psycopg.connect(database_url) as conn:
        rows = conn.execute(
            "SELECT url, payload->'revision', payload->>'content_hash' FROM articles"
        ).fetchall()
    return {url: (revision, digest) for url, revision, digest in rows}


def test_a_polled_feed_ingested_again_is_not_published_again_and_keeps_its_versions(
    settings: IngestSettings,
    publisher: ReconnectingPublisher,
    database_url: str,
    site: FeedServer,
) -> None:
    feed_url = site.url("/rss")
    store = PgFeedStore(database_url)
    assert len(poll_once(store, publisher, feed_url).published) == 2
    polled = {a.url: (a.revision, a.content_hash) for a in store_topic(settings, database_url, 2)}

    result = ingest_feed_url(settings, publisher, feed_url)

    assert (result.accepted, result.rejected) == (2, 0)
    # No new record on articles.raw: nothing for the extractor to extract again.
    on_topic = store_topic(settings, database_url, 2)
    assert len(on_topic) == 2
    assert {revision for revision, _ in polled.values()} == {1}
    assert all(digest for _, digest in polled.values())
    assert stored_versions(database_url) == polled


def test_a_pushed_correction_of_a_polled_article_is_its_next_revision(
    settings: IngestSettings,
    publisher: ReconnectingPublisher,
    database_url: str,
    site: FeedServer,
) -> None:
    feed_url = site.url("/rss")
    poll_once(PgFeedStore(database_url), publisher, feed_url)
    corrected = (STORY[0].replace("12 million", "14 million"), *STORY[1:])
    site.serve("/story", Resource(article_page(*corrected), "text/html"))

    ingest_feed_url(settings, publisher, feed_url)

    on_topic = store_topic(settings, database_url, 3)
    assert len(on_topic) == 3  # the flood story is unchanged
    first, second = (a for a in on_topic if a.url == site.url("/story"))
    assert (first.revision, second.revision) == (1, 2)
    assert "14 million" in second.body and first.content_hash != second.content_hash
    assert stored_versions(database_url)[site.url("/story")] == (2, second.content_hash)


def test_pushed_versions_are_known_but_not_near_duplicate_candidates(database_url: str) -> None:
    migrate(database_url=database_url)
    pushed = to_raw_article(
        ArticleIn(url="https://push.example/a", title="T", body=" ".join(STORY)),
        received_at=datetime.now(UTC),
    )
    versions = PgArticleVersions(database_url)
    try:
        versions.record_articles([pushed.model_copy(update={"revision": 1})])
        known = versions.known_articles([pushed.article_id])
    finally:
        versions.close()

    assert known[pushed.article_id].content_hash == pushed.content_hash
    # A SimHash is not computed for pushes: they must not fill the poller's window of
    # recent fingerprints.
    assert PgFeedStore(database_url).recent_fingerprints(window_s=3600) == []
