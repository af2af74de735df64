"""Polling RSS/Atom feeds into ``articles.raw``.

One poll of a feed: conditional GET of the feed (its last ``ETag``/``Last-Modified``); for each
entry not seen before, or changed since, the article is built from the entry — after fetching
its page and extracting the main text when the feed gives only a summary — validated and
cleaned exactly like a pushed article, versioned (new, next revision, or unchanged) and flagged
when it nearly duplicates a recent article. The new versions are published through the same
:class:`~services.ingest.adapters.publisher.ArticlePublisher` as ``POST /v1/articles``.

Delivery: the poll is recorded in Postgres (entries seen, article versions, the feed's new
validators) only **after** the broker acknowledged the articles. If publishing fails, nothing
is recorded except the failure, so the next poll fetches the whole feed again and publishes the
same versions (same ``article_id`` and ``revision``): at least once, harmless downstream. A
crash between the ack and the record does the same.

Scheduling: due feeds are leased in Postgres (``FOR UPDATE SKIP LOCKED``), so several ingest
replicas share the feeds without polling one twice; at most ``concurrency`` feeds are polled at
once per process. See :mod:`services.ingest.domain.feed_schedule` for the timing after
successes and failures (``Retry-After``, backoff with jitter).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from services.ingest.adapters.feed_store import FeedRecord, PgFeedStore, SeenEntry
from services.ingest.adapters.http_fetcher import (
    FetchError,
    FetchFailedError,
    FetchRefusedError,
    HttpFetcher,
)
from services.ingest.adapters.metrics import IngestMetrics
from services.ingest.adapters.publisher import ArticlePublisher
from services.ingest.domain.article_page import read_article_page
from services.ingest.domain.articles import ArticleRejectedError
from services.ingest.domain.feed_articles import (
    KnownArticle,
    article_payload,
    needs_page,
    next_version,
    to_feed_article,
)
from services.ingest.domain.feed_entries import FeedEntry, FeedParseError, parse_feed
from services.ingest.domain.feed_schedule import PollPolicy
from services.ingest.domain.html_text import MAX_HTML_DEPTH, HtmlTooDeepError
from services.ingest.domain.simhash import Fingerprint, simhash
from shared.backoff import backoff_delay
from shared.errors import NewsflowError, RetriableError
from shared.models import RawArticle

log = logging.getLogger(__name__)

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass(frozen=True, slots=True)
class EntryArticle:
    """An entry turned into :class:`ArticleIn` fields (``payload``) — or deferred, when the
    article page could not be fetched for now (the entry is looked at again next poll)."""

    entry: FeedEntry
    payload: dict[str, Any] | None
    deferred_reason: str | None = None

    def json_payload(self) -> dict[str, Any]:
        """``payload`` as JSON for ``POST /v1/articles``."""
        assert self.payload is not None
        return {
            key: value.isoformat() if isinstance(value, datetime) else value
            for key, value in self.payload.items()
        }


class EntryReader:
    """Builds article fields from feed entries, fetching the article page of entries whose
    feed text is shorter than ``min_text_chars`` (unless ``fetch_pages`` is off). A page
    nesting elements deeper than ``max_html_depth`` is not parsed: the feed's text is used."""

    def __init__(
        self,
        fetcher: HttpFetcher,
        *,
        min_text_chars: int,
        fetch_pages: bool = True,
        max_html_depth: int = MAX_HTML_DEPTH,
        metrics: IngestMetrics | None = None,
    ) -> None:
        self._fetcher = fetcher
        self._max_html_depth = max_html_depth
        self._min_text_chars = min_text_chars
        self._fetch_pages = fetch_pages
        self._metrics = metrics

    async def read(
        self, entry: FeedEntry, *, source: str | None, language: str | None
    ) -> EntryArticle:
        page = None
        depth = self._max_html_depth
        if self._fetch_pages and needs_page(
            entry, min_chars=self._min_text_chars, max_html_depth=depth
        ):
            assert entry.link is not None
            try:
                fetched = await self._fetcher.fetch(entry.link, accept=PAGE_ACCEPT)
                page = await asyncio.to_thread(
                    read_article_page, fetched.text(), url=fetched.url, max_depth=depth
                )
                self._count_page("ok" if page.text else "no_text")
            except FetchFailedError as exc:
                self._count_page("failed")
                return EntryArticle(entry, None, deferred_reason=str(exc))
            except FetchRefusedError as exc:  # the feed's own text is all there is
                self._count_page("refused")
                log.info("article page refused, using the feed's text: %s", exc)
            except HtmlTooDeepError as exc:  # not parsed: the feed's own text is all there is
                self._count_page("too_deep")
                log.info("article page %s not read, using the feed's text: %s", entry.link, exc)
        payload = article_payload(
            entry, page=page, source=source, language=language, max_html_depth=depth
        )
        return EntryArticle(entry, payload)

    def _count_page(self, outcome: str) -> None:
        if self._metrics is not None:
            self._metrics.feed_page_fetches.labels(outcome).inc()


async def read_feed_once(
    url: str, *, fetcher: HttpFetcher, reader: EntryReader, source: str | None = None
) -> list[EntryArticle]:
    """Fetch and parse one feed and build the articles of all its entries (no state kept):
    what ``newsflow ingest FEED_URL`` posts. Raises :class:`FetchError` or
    :class:`FeedParseError`."""
    fetched = await fetcher.fetch(url, accept=FEED_ACCEPT)
    feed = parse_feed(fetched.content, url=fetched.url, content_type=fetched.content_type)
    return [
        await reader.read(entry, source=source or feed.title, language=feed.language)
        for entry in feed.entries
    ]


@dataclass(frozen=True, slots=True)
class PollerOptions:
    concurrency: int = 4
    lease_s: float = 300.0
    idle_check_s: float = 5.0
    default_interval_s: int = 300
    config_feeds: tuple[str, ...] = ()
    near_duplicate_distance: int = 8
    near_duplicate_window_s: float = 72 * 3600.0
    max_html_depth: int = MAX_HTML_DEPTH


@dataclass
class PollReport:
    """What one poll of one feed did."""

    feed_id: str
    outcome: str  # fetched, not_modified, failed
    published: list[str] = field(default_factory=list)  # article ids, new and revised
    revised: int = 0
    unchanged: int = 0
    rejected: dict[str, str] = field(default_factory=dict)  # entry key -> reason
    deferred: int = 0
    near_duplicates: int = 0
    error: str | None = None


class FeedPoller:
    """Polls the due feeds of ``store`` until stopped. The poller runs in the service's event
    loop; database and broker calls (blocking clients) run in worker threads."""

    def __init__(
        self,
        *,
        store: PgFeedStore,
        fetcher: HttpFetcher,
        reader: EntryReader,
        publisher: ArticlePublisher,
        options: PollerOptions,
        policy: PollPolicy | None = None,
        metrics: IngestMetrics | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._store = store
        self._fetcher = fetcher
        self._reader = reader
        self._publisher = publisher
        self._options = options
        self._policy = policy or PollPolicy()
        self._metrics = metrics
        self._clock = clock
        self._wake = asyncio.Event()
        self._slots = asyncio.Semaphore(options.concurrency)

    def wake(self) -> None:
        """Look for due feeds now (a feed was just registered)."""
        self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        """Register the configured feeds, then poll due feeds until ``stop`` is set. Database
        outages are waited out (logged, retried with backoff); nothing here ends the loop but
        ``stop``."""
        registered = not self._options.config_feeds
        failures = 0
        while not stop.is_set():
            try:
                if not registered:
                    added = await asyncio.to_thread(
                        self._store.ensure_feeds,
                        urls=self._options.config_feeds,
                        interval_s=self._options.default_interval_s,
                    )
                    registered = True
                    log.info("configured feeds registered (%d new)", added)
                await self.poll_due()
                wait = await asyncio.to_thread(self._store.seconds_until_due)
                failures = 0
            except Exception as exc:  # the poller must outlive a database outage, or a bug
                failures += 1
                wait = backoff_delay(failures, base_s=1.0, cap_s=60.0, rng=self._policy.rng)
                if isinstance(exc, RetriableError):
                    log.warning("feed poller: %s; retrying in %.0f s", exc, wait)
                else:
                    log.exception("feed poller failed; retrying in %.0f s", wait)
            idle = (
                self._options.idle_check_s
                if wait is None
                else min(wait, self._options.idle_check_s)
            )
            await _wait_any(stop, self._wake, timeout_s=idle)
            self._wake.clear()

    async def poll_due(self) -> list[PollReport]:
        """Lease the feeds that are due and poll them, ``concurrency`` at a time."""
        feeds = await asyncio.to_thread(
            self._store.claim_due,
            limit=self._options.concurrency * 4,
            lease_s=self._options.lease_s,
        )
        return list(await asyncio.gather(*(self._poll_in_slot(feed) for feed in feeds)))

    async def _poll_in_slot(self, feed: FeedRecord) -> PollReport:
        async with self._slots:
            return await self.poll_feed(feed)

    async def poll_feed(self, feed: FeedRecord) -> PollReport:
        """Poll one (leased) feed and record the outcome. Never raises for the feed's own
        failures (they are recorded and scheduled); a database failure while recording
        propagates (the lease runs out and the feed is polled again)."""
        polled_at = self._clock()
        try:
            report = await self._fetch_and_publish(feed, polled_at=polled_at)
        except (NewsflowError, ValueError) as exc:
            if isinstance(exc, RetriableError) and not isinstance(exc, FetchError):
                log.warning("feed %s: %s", feed.url, exc)
            else:
                log.info("feed %s: %s", feed.url, exc)
            retry_after = exc.retry_after_s if isinstance(exc, FetchFailedError) else None
            status = exc.status if isinstance(exc, FetchError) else None
            await asyncio.to_thread(
                self._store.record_failure,
                feed=feed,
                status=status,
                error=str(exc),
                polled_at=polled_at,
                next_poll_at=self._policy.after_failure(
                    polled_at,
                    interval_s=feed.interval_s,
                    failures=feed.consecutive_failures + 1,
                    retry_after_s=retry_after,
                ),
            )
            report = PollReport(feed.feed_id, "failed", error=str(exc))
        self._count(report)
        return report

    async def _fetch_and_publish(self, feed: FeedRecord, *, polled_at: datetime) -> PollReport:
        fetched = await self._fetcher.fetch(
            feed.url, etag=feed.etag, last_modified=feed.last_modified, accept=FEED_ACCEPT
        )
        next_poll_at = self._policy.after_success(polled_at, interval_s=feed.interval_s)
        if fetched.not_modified:
            await asyncio.to_thread(
                self._store.record_success,
                feed=feed,
                status=304,
                etag=fetched.etag or feed.etag,
                last_modified=fetched.last_modified or feed.last_modified,
                polled_at=polled_at,
                next_poll_at=next_poll_at,
            )
            return PollReport(feed.feed_id, "not_modified")
        parsed = parse_feed(fetched.content, url=fetched.url, content_type=fetched.content_type)
        seen = await asyncio.to_thread(self._store.seen_entries, feed.feed_id)
        fresh = _distinct(e for e in parsed.entries if seen.get(e.key) != e.fingerprint)
        report = PollReport(feed.feed_id, "fetched")
        entries: list[SeenEntry] = []
        candidates: list[tuple[FeedEntry, RawArticle]] = []
        for entry in fresh:
            built = await self._reader.read(
                entry, source=feed.source or parsed.title, language=parsed.language
            )
            if built.payload is None:
                report.deferred += 1
                log.info(
                    "feed %s: entry %s deferred: %s", feed.url, entry.key, built.deferred_reason
                )
                continue
            try:
                article = to_feed_article(
                    built.payload,
                    received_at=polled_at,
                    original_url=entry.link,
                    max_html_depth=self._options.max_html_depth,
                )
            except (ValidationError, ArticleRejectedError) as exc:
                reason = _rejection(exc)
                report.rejected[entry.key] = reason
                entries.append(SeenEntry(entry.key, entry.fingerprint, "rejected"))
                log.info("feed %s: entry %s rejected: %s", feed.url, entry.key, reason)
                continue
            candidates.append((entry, article))
        versions = await self._versions(candidates, report=report)
        for (entry, article), version in zip(candidates, versions, strict=True):
            outcome = "unchanged" if version is None else "published"
            entries.append(SeenEntry(entry.key, entry.fingerprint, outcome, article.article_id))
        to_publish = _latest_per_article([v for v in versions if v is not None])
        if to_publish:
            await asyncio.to_thread(self._publisher.publish, to_publish)
        report.published = [a.article_id for a in to_publish]
        await asyncio.to_thread(
            self._store.record_success,
            feed=feed,
            status=fetched.status,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            polled_at=polled_at,
            next_poll_at=next_poll_at,
            entries=entries,
            articles=to_publish,
        )
        return report

    async def _versions(
        self, candidates: Sequence[tuple[FeedEntry, RawArticle]], *, report: PollReport
    ) -> list[RawArticle | None]:
        """Each candidate's version to publish (``None``: unchanged), compared with what was
        published before and, for new articles, with recent articles and each other."""
        if not candidates:
            return []
        known: dict[str, KnownArticle] = await asyncio.to_thread(
            self._store.known_articles, [a.article_id for _, a in candidates]
        )
        recent = await asyncio.to_thread(
            self._store.recent_fingerprints, window_s=self._options.near_duplicate_window_s
        )
        versions: list[RawArticle | None] = []
        for _, article in candidates:
            version = next_version(
                article,
                known=known.get(article.article_id),
                recent=recent,
                max_distance=self._options.near_duplicate_distance,
            )
            versions.append(version)
            if version is None:
                report.unchanged += 1
                continue
            # Later entries of this poll compare with this version, not with the old one.
            known[article.article_id] = KnownArticle(
                article.article_id,
                version.content_hash or "",
                version.revision or 1,
                version.near_duplicate_of,
            )
            if (version.revision or 1) > 1:
                report.revised += 1
            else:
                recent.append(
                    Fingerprint(
                        article.article_id, simhash(article.body), version.near_duplicate_of
                    )
                )
                if version.near_duplicate_of is not None:
                    report.near_duplicates += 1
        return versions

    def _count(self, report: PollReport) -> None:
        if self._metrics is None:
            return
        m = self._metrics
        m.feed_polls.labels(report.outcome).inc()
        m.feed_entries.labels("published").inc(len(report.published) - report.revised)
        m.feed_entries.labels("revised").inc(report.revised)
        m.feed_entries.labels("unchanged").inc(report.unchanged)
        m.feed_entries.labels("rejected").inc(len(report.rejected))
        m.feed_entries.labels("deferred").inc(report.deferred)
        m.feed_near_duplicates.inc(report.near_duplicates)


def _distinct(entries: Any) -> list[FeedEntry]:
    """Entries with distinct keys (a feed listing one entry twice: the first wins)."""
    by_key: dict[str, FeedEntry] = {}
    for entry in entries:
        by_key.setdefault(entry.key, entry)
    return list(by_key.values())


def _latest_per_article(articles: list[RawArticle]) -> list[RawArticle]:
    """One version per article_id (two entries of one poll may lead to one canonical URL):
    the highest revision."""
    by_id: dict[str, RawArticle] = {}
    for article in articles:
        by_id[article.article_id] = article
    return list(by_id.values())


def _rejection(exc: ValidationError | ArticleRejectedError) -> str:
    if isinstance(exc, ArticleRejectedError):
        return str(exc)
    first = exc.errors(include_url=False, include_input=False)[0]
    loc = ".".join(str(part) for part in first["loc"])
    return f"{loc}: {first['msg']}" if loc else first["msg"]


async def _wait_any(*events: asyncio.Event, timeout_s: float) -> None:
    waiters = [asyncio.create_task(event.wait()) for event in events]
    try:
        await asyncio.wait(
            waiters, timeout=max(0.0, timeout_s), return_when=asyncio.FIRST_COMPLETED
        )
    finally:
        for waiter in waiters:
            waiter.cancel()


__all__ = [
    "EntryArticle",
    "EntryReader",
    "FeedParseError",
    "FeedPoller",
    "PollReport",
    "PollerOptions",
    "read_feed_once",
]
