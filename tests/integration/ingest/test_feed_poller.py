"""Feed polling end to end: a local web server serving feeds and article pages, the real
broker's ``articles.raw`` and the poller's state in a real Postgres."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import httpx
import psycopg
import pytest

from services.ingest.adapters.feed_store import FeedRecord, PgFeedStore
from services.ingest.adapters.http_fetcher import HttpFetcher
from services.ingest.adapters.publisher import ReconnectingPublisher
from services.ingest.app import connect_kafka_publisher
from services.ingest.domain.feed_schedule import PollPolicy
from services.ingest.feed_poller import EntryReader, FeedPoller, PollerOptions, PollReport
from services.ingest.settings import IngestSettings
from services.store.adapters.migrations import migrate
from shared.codec import decode
from shared.models import RawArticle
from tests.integration.ingest.conftest import read_records
from tests.unit.ingest.feed_server import (
    OTHER_STORY,
    STORY,
    FeedServer,
    Resource,
    article_page,
    atom,
    feed_server,
    http_date,
    rss,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as running:
        yield running


@pytest.fixture
def store(database_url: str) -> PgFeedStore:
    migrate(database_url=database_url)
    return PgFeedStore(database_url)


@pytest.fixture
def publisher(ingest_settings: IngestSettings) -> Iterator[ReconnectingPublisher]:
    publisher = ReconnectingPublisher(
        lambda: connect_kafka_publisher(ingest_settings), retry_interval_s=0
    )
    yield publisher
    publisher.close()


@dataclass
class Poll:
    """Runs polls of one feed the way the service does, one at a time."""

    store: PgFeedStore
    publisher: ReconnectingPublisher
    timeout_s: float = 5.0
    max_bytes: int = 1_000_000

    def once(self, feed_id: str) -> PollReport:
        async def go() -> PollReport:
            async with httpx.AsyncClient() as client:
                fetcher = HttpFetcher(
                    client, timeout_s=self.timeout_s, max_bytes=self.max_bytes, user_agent="t"
                )
                poller = FeedPoller(
                    store=self.store,
                    fetcher=fetcher,
                    reader=EntryReader(fetcher, min_text_chars=200),
                    publisher=self.publisher,
                    options=PollerOptions(near_duplicate_distance=8),
                    policy=PollPolicy(backoff_base_s=10, backoff_cap_s=600, jitter=0.0),
                )
                feed = _feed(self.store, feed_id)
                assert feed is not None
                return await poller.poll_feed(feed)

        return asyncio.run(go())


def _feed(store: PgFeedStore, feed_id: str) -> FeedRecord | None:
    return next((f for f in store.list_feeds() if f.feed_id == feed_id), None)


@pytest.fixture
def poll(store: PgFeedStore, publisher: ReconnectingPublisher) -> Poll:
    return Poll(store, publisher)


def articles_on_topic(settings: IngestSettings, expected: int) -> list[RawArticle]:
    return [decode(RawArticle, value) for _, value in read_records(settings, expected=expected)]


def add(store: PgFeedStore, url: str, interval_s: int = 300) -> FeedRecord:
    feed, _ = store.add_feed(url=url, interval_s=interval_s, source=None)
    return feed


def test_summary_only_entries_are_fetched_extracted_and_published_under_their_canonical_url(
    server: FeedServer, store: PgFeedStore, poll: Poll, ingest_settings: IngestSettings
) -> None:
    server.serve(
        "/news/bridge",
        Resource(article_page(*STORY, canonical="/news/bridge-reopens?utm_source=x"), "text/html"),
    )
    full_text = " ".join(OTHER_STORY)
    feed_url = server.serve(
        "/rss",
        Resource(
            rss(
                {"link": server.url("/news/bridge?utm_source=rss"), "summary": "Teaser only."},
                {"link": server.url("/news/flood"), "content": f"<p>{full_text}</p>"},
            ),
            etag='"r1"',
        ),
    )
    feed = add(store, feed_url)

    report = poll.once(feed.feed_id)

    assert report.outcome == "fetched" and len(report.published) == 2
    by_url = {a.url: a for a in articles_on_topic(ingest_settings, expected=2)}
    bridge = by_url[server.url("/news/bridge-reopens")]
    assert STORY[1] in bridge.body and "Copyright" not in bridge.body
    assert bridge.original_url == server.url("/news/bridge?utm_source=rss")
    assert (bridge.revision, bridge.source, bridge.near_duplicate_of) == (1, "Example News", None)
    flood = by_url[server.url("/news/flood")]
    assert flood.body == full_text
    assert server.requests_to("/news/flood") == []  # the feed had the full text

    state = _feed(store, feed.feed_id)
    assert state is not None
    assert (state.etag, state.last_status, state.consecutive_failures) == ('"r1"', 200, 0)
    assert state.next_poll_at - state.last_polled_at == timedelta(seconds=300)  # type: ignore[operator]


def test_an_unchanged_feed_is_a_304_and_publishes_nothing(
    server: FeedServer, store: PgFeedStore, poll: Poll, ingest_settings: IngestSettings
) -> None:
    stamp = http_date(1_700_000_000)
    feed_url = server.serve(
        "/atom",
        Resource(atom({"link": server.url("/a"), "summary": " ".join(STORY)}), last_modified=stamp),
    )
    feed = add(store, feed_url)
    assert len(poll.once(feed.feed_id).published) == 1

    second = poll.once(feed.feed_id)

    assert second.outcome == "not_modified"
    assert server.requests_to("/atom")[-1].headers["if-modified-since"] == stamp
    assert len(articles_on_topic(ingest_settings, expected=1)) == 1
    state = _feed(store, feed.feed_id)
    assert state is not None and state.last_status == 304


def test_a_changed_page_is_published_again_as_the_next_revision_of_the_same_article(
    server: FeedServer, store: PgFeedStore, poll: Poll, ingest_settings: IngestSettings
) -> None:
    server.serve("/story", Resource(article_page(*STORY), "text/html"))
    item = {"link": server.url("/story"), "summary": "Teaser."}
    feed_url = server.serve("/rss", Resource(rss(item)))
    feed = add(store, feed_url)
    poll.once(feed.feed_id)

    # The feed lists the entry with an update; the page now has a correction.
    server.serve("/rss", Resource(rss({**item, "summary": "Teaser (updated)."})))
    corrected = (STORY[0].replace("12 million", "14 million"), *STORY[1:])
    server.serve("/story", Resource(article_page(*corrected), "text/html"))
    report = poll.once(feed.feed_id)
    # Listed again, unchanged: nothing to do.
    again = poll.once(feed.feed_id)

    assert report.revised == 1
    assert again.published == [] and again.unchanged == 0
    first, second = articles_on_topic(ingest_settings, expected=2)
    assert first.article_id == second.article_id
    assert (first.revision, second.revision) == (1, 2)
    assert "14 million" in second.body and first.content_hash != second.content_hash


def test_the_same_story_at_two_urls_is_flagged_as_a_near_duplicate(
    server: FeedServer, store: PgFeedStore, poll: Poll, ingest_settings: IngestSettings
) -> None:
    text = " ".join(STORY)
    feed_a = add(
        store, server.serve("/a.xml", Resource(rss({"link": server.url("/a/1"), "content": text})))
    )
    feed_b = add(
        store,
        server.serve(
            "/b.xml",
            Resource(rss({"link": server.url("/b/9"), "content": "By Staff Reporter. " + text})),
        ),
    )
    poll.once(feed_a.feed_id)

    report = poll.once(feed_b.feed_id)

    assert report.near_duplicates == 1
    by_url = {a.url: a for a in articles_on_topic(ingest_settings, expected=2)}
    original, copy = by_url[server.url("/a/1")], by_url[server.url("/b/9")]
    assert copy.near_duplicate_of == original.article_id
    assert original.near_duplicate_of is None


def test_retry_after_of_a_429_sets_the_next_poll_and_counts_a_failure(
    server: FeedServer, store: PgFeedStore, poll: Poll
) -> None:
    feed = add(store, server.serve("/rss", Resource(status=429, headers={"Retry-After": "900"})))

    report = poll.once(feed.feed_id)

    state = _feed(store, feed.feed_id)
    assert report.outcome == "failed" and state is not None
    assert (state.last_status, state.consecutive_failures) == (429, 1)
    assert state.next_poll_at - state.last_polled_at == timedelta(seconds=900)  # type: ignore[operator]


def test_failures_back_off_exponentially_and_a_success_resets_them(
    server: FeedServer, store: PgFeedStore, poll: Poll
) -> None:
    feed = add(store, server.serve("/rss", Resource(status=500)))
    gaps = []
    for _ in range(3):
        poll.once(feed.feed_id)
        state = _feed(store, feed.feed_id)
        assert state is not None and state.last_polled_at is not None
        gaps.append((state.next_poll_at - state.last_polled_at).total_seconds())
    assert gaps == [10, 20, 40]  # PollPolicy(backoff_base_s=10, jitter=0)
    assert state.consecutive_failures == 3 and state.last_error is not None

    server.serve("/rss", Resource(rss()))
    poll.once(feed.feed_id)
    state = _feed(store, feed.feed_id)
    assert state is not None and state.consecutive_failures == 0


def test_a_feed_that_answers_too_slowly_or_too_much_fails_without_holding_the_poller(
    server: FeedServer, store: PgFeedStore, poll: Poll
) -> None:
    slow = add(store, server.serve("/slow", Resource(rss(), delay_s=3)))
    big = add(store, server.serve("/big", Resource(b"<rss>" + b" " * 2_000_000)))
    poll.timeout_s = 0.5
    # Failed: cut off by the timeout (waited for, the answer after 3 s would have been read).
    assert poll.once(slow.feed_id).outcome == "failed"
    assert poll.once(big.feed_id).outcome == "failed"
    state = _feed(store, big.feed_id)
    assert state is not None and "limit" in (state.last_error or "")


def test_an_entry_whose_page_is_unavailable_is_deferred_then_published(
    server: FeedServer, store: PgFeedStore, poll: Poll, ingest_settings: IngestSettings
) -> None:
    server.serve("/story", Resource(status=503))
    feed = add(store, server.serve("/rss", Resource(rss({"link": server.url("/story")}))))
    first = poll.once(feed.feed_id)
    server.serve("/story", Resource(article_page(*STORY), "text/html"))
    second = poll.once(feed.feed_id)
    assert (first.deferred, first.published) == (1, [])
    assert len(second.published) == 1
    [article] = articles_on_topic(ingest_settings, expected=1)
    assert STORY[2] in article.body


def test_an_invalid_entry_is_rejected_once_and_does_not_block_the_others(
    server: FeedServer, store: PgFeedStore, poll: Poll, database_url: str
) -> None:
    feed = add(
        store,
        server.serve(
            "/rss",
            Resource(
                rss(
                    {"link": "ftp://e.com/x", "summary": "Not an http URL."},
                    {"link": server.url("/ok"), "content": " ".join(STORY)},
                )
            ),
        ),
    )
    report = poll.once(feed.feed_id)
    assert len(report.published) == 1 and len(report.rejected) == 1
    assert "url" in next(iter(report.rejected.values()))
    with psycopg.connect(database_url) as conn:
        outcomes = conn.execute("SELECT outcome FROM feed_entries ORDER BY outcome").fetchall()
    assert outcomes == [("published",), ("rejected",)]


def test_due_feeds_are_leased_so_two_pollers_never_poll_one_feed_twice(
    server: FeedServer, store: PgFeedStore
) -> None:
    for n in range(3):
        add(store, server.url(f"/feed{n}"))
    first = store.claim_due(limit=10, lease_s=60)
    second = store.claim_due(limit=10, lease_s=60)
    assert len(first) == 3 and second == []
    assert store.seconds_until_due() == pytest.approx(60, abs=5)


def test_a_crash_before_the_poll_was_recorded_republishes_the_same_versions(
    server: FeedServer, store: PgFeedStore, poll: Poll, ingest_settings: IngestSettings
) -> None:
    feed = add(
        store,
        server.serve("/rss", Resource(rss({"link": server.url("/a"), "content": " ".join(STORY)}))),
    )
    original = store.record_success
    calls = {"n": 0}

    def crash_once(**kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("killed between the broker's ack and the database commit")
        original(**kwargs)  # type: ignore[arg-type]

    store.record_success = crash_once  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        poll.once(feed.feed_id)
    poll.once(feed.feed_id)

    first, second = articles_on_topic(ingest_settings, expected=2)
    assert (first.article_id, first.revision, first.content_hash) == (
        second.article_id,
        second.revision,
        second.content_hash,
    )


def test_a_page_nested_too_deep_is_not_parsed_and_the_feed_text_is_published(
    server: FeedServer, store: PgFeedStore, poll: Poll, ingest_settings: IngestSettings
) -> None:
    deep_page = ("<html><body>" + "<div>" * 100_000 + "Deep." + "</div>" * 100_000).encode()
    server.serve("/news/deep", Resource(deep_page, "text/html"))
    feed_url = server.serve(
        "/rss", Resource(rss({"link": server.url("/news/deep"), "summary": "Teaser text."}))
    )
    feed = add(store, feed_url)

    report = poll.once(feed.feed_id)  # what refusing it costs: newsflow bench --only html

    assert report.outcome == "fetched" and len(report.published) == 1
    [published] = articles_on_topic(ingest_settings, expected=1)
    assert published.body == "Teaser text."


def test_an_entry_nested_too_deep_or_keyed_with_nul_is_recorded_and_the_others_published(
    server: FeedServer, store: PgFeedStore, poll: Poll, ingest_settings: IngestSettings
) -> None:
    deep = "<div>" * 2_000 + "Deep." + "</div>" * 2_000
    feed_url = server.serve(
        "/rss",
        Resource(
            rss(
                {"link": server.url("/news/deep"), "content": deep},
                {"link": server.url("/news/nul"), "guid": "id&#0;1", "content": " ".join(STORY)},
                {"link": server.url("/news/ok"), "content": " ".join(OTHER_STORY)},
            )
        ),
    )
    feed = add(store, feed_url)

    report = poll.once(feed.feed_id)

    assert report.outcome == "fetched", report.error
    assert list(report.rejected.values()) == ["html: html nests deeper than 512 elements"]
    assert len(report.published) == 2
    again = poll.once(feed.feed_id)  # nothing it recorded makes the next poll fail
    assert again.outcome == "fetched" and again.error is None
