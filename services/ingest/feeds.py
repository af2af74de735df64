"""The feeds of one ingest process: the registry behind ``/v1/feeds`` and the background poller.

``FeedService.start`` (called when the HTTP server starts) registers ``NEWSFLOW_FEEDS`` and runs
the :class:`~services.ingest.feed_poller.FeedPoller` as an asyncio task in the server's event
loop; ``stop`` ends it and closes its HTTP client. The poller publishes with the same publisher
as ``POST /v1/articles``, and :meth:`FeedService.push_publisher` is what ``POST /v1/articles``
publishes through: pushed articles versioned in the same table as polled ones (see
:mod:`services.ingest.versioned_publisher`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import httpx

from services.ingest.adapters.feed_store import PgArticleVersions, PgFeedStore
from services.ingest.adapters.http_fetcher import HttpFetcher, make_client
from services.ingest.adapters.metrics import IngestMetrics
from services.ingest.adapters.publisher import ArticlePublisher
from services.ingest.domain.feed_schedule import PollPolicy
from services.ingest.feed_poller import EntryReader, FeedPoller, PollerOptions
from services.ingest.settings import IngestSettings
from services.ingest.versioned_publisher import VersionedPublisher
from shared.errors import ConfigurationError

log = logging.getLogger(__name__)


class FeedService:
    """``poll=False`` serves the registry only (tests of the API). ``client`` replaces the HTTP
    client the poller would make (tests; it is then the caller's to close)."""

    def __init__(
        self,
        settings: IngestSettings,
        *,
        store: PgFeedStore,
        publisher: ArticlePublisher,
        poll: bool = True,
        policy: PollPolicy | None = None,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self._publisher = publisher
        self._poll = poll
        self._policy = policy or PollPolicy(
            backoff_base_s=settings.feed_backoff_base_s, backoff_cap_s=settings.feed_backoff_cap_s
        )
        self._client = client
        self._owns_client = client is None
        self._config_feeds = settings.feed_urls()
        self.poller: FeedPoller | None = None
        self._task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()
        self._versions: PgArticleVersions | None = None

    @classmethod
    def from_settings(cls, settings: IngestSettings, publisher: ArticlePublisher) -> FeedService:
        if settings.database_url is None:
            raise ConfigurationError("feeds need NEWSFLOW_DATABASE_URL")
        return cls(
            settings,
            store=PgFeedStore(settings.database_url.get_secret_value()),
            publisher=publisher,
        )

    def push_publisher(self) -> ArticlePublisher:
        """The publisher for ``POST /v1/articles``: the poller's, publishing only texts not
        published before (by a poll or a push) at their canonical URL. Its connection pool
        is closed by :meth:`stop`."""
        if self._versions is None:
            assert self.settings.database_url is not None
            self._versions = PgArticleVersions(self.settings.database_url.get_secret_value())
        return VersionedPublisher(self._publisher, versions=self._versions)

    async def start(self, metrics: IngestMetrics) -> None:
        if not self._poll:
            return
        s = self.settings
        if self._client is None:
            self._client = make_client(max_connections=max(10, 2 * s.feed_concurrency))
        fetcher = HttpFetcher(
            self._client,
            timeout_s=s.feed_timeout_s,
            max_bytes=s.feed_max_bytes,
            user_agent=s.feed_user_agent,
        )
        reader = EntryReader(
            fetcher,
            min_text_chars=s.feed_min_text_chars,
            fetch_pages=s.feed_fetch_pages,
            max_html_depth=s.max_html_depth,
            metrics=metrics,
        )
        self.poller = FeedPoller(
            store=self.store,
            fetcher=fetcher,
            reader=reader,
            publisher=self._publisher,
            options=PollerOptions(
                concurrency=s.feed_concurrency,
                lease_s=max(300.0, 4 * s.feed_timeout_s),
                default_interval_s=s.feed_interval_s,
                config_feeds=self._config_feeds,
                near_duplicate_distance=s.feed_near_duplicate_bits,
                near_duplicate_window_s=s.feed_near_duplicate_window_h * 3600,
                max_html_depth=s.max_html_depth,
            ),
            policy=self._policy,
            metrics=metrics,
        )
        self._stop = asyncio.Event()
        self._task = asyncio.create_task(self.poller.run(self._stop), name="feed-poller")
        log.info("feed poller started (%d configured feeds)", len(self._config_feeds))

    def wake(self) -> None:
        if self.poller is not None:
            self.poller.wake()

    async def stop(self, *, timeout_s: float = 10.0) -> None:
        """Stop polling: a poll under way may finish (its articles were published or not; the
        state says which) for up to ``timeout_s``, then it is cancelled."""
        self._stop.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(self._task, timeout=timeout_s)
            except TimeoutError:
                log.warning("feed poller did not stop in %.0f s; cancelled", timeout_s)
            except Exception:
                log.exception("feed poller failed")
            self._task = None
        if self._client is not None and self._owns_client:
            with contextlib.suppress(Exception):
                await self._client.aclose()
            self._client = None
        if self._versions is not None:
            await asyncio.to_thread(self._versions.close)
            self._versions = None
