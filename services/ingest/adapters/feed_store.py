"""The feeds and the poller's memory in Postgres (tables of migration ``0005_feeds``), and
the versions published of each article (``feed_articles``: by the poller, and by pushes through
:class:`PgArticleVersions`).

Every :class:`PgFeedStore` method opens its own short connection (feeds are polled minutes
apart; a pool would only hold idle connections) and commits before returning. Any database
failure raises :class:`FeedStoreUnavailableError` (retriable); a database without the tables
says to run ``newsflow init``. Every write is idempotent or guarded by the feed's lease, so a
call may be repeated after an error.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

from services.ingest.adapters.micro_batch import MicroBatcher
from services.ingest.domain.feed_articles import KnownArticle
from services.ingest.domain.feed_entries import feed_id_for
from services.ingest.domain.simhash import Fingerprint, simhash, to_signed, to_unsigned
from shared.errors import RetriableError
from shared.input_rules import CONTROL_CHARACTERS
from shared.models import RawArticle

# Entries a feed no longer lists are forgotten after this long (feeds show recent entries only;
# one that reappears later is looked at again, and an unchanged text is not republished).
ENTRY_RETENTION = "30 days"

log = logging.getLogger(__name__)


class FeedStoreUnavailableError(RetriableError):
    """Postgres cannot be reached, or has not been migrated yet."""


@dataclass(frozen=True, slots=True)
class FeedRecord:
    feed_id: str
    url: str
    source: str | None
    interval_s: int
    origin: str
    etag: str | None
    last_modified: str | None
    last_status: int | None
    last_polled_at: datetime | None
    last_success_at: datetime | None
    last_error_at: datetime | None
    last_error: str | None
    consecutive_failures: int
    next_poll_at: datetime
    created_at: datetime

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name in self.__slots__:
            value = getattr(self, name)
            data[name] = value.isoformat() if isinstance(value, datetime) else value
        return data


@dataclass(frozen=True, slots=True)
class SeenEntry:
    """An entry handled in a poll: published (``article_id`` set), unchanged or rejected."""

    key: str
    fingerprint: str
    outcome: str
    article_id: str | None = None


_FEED_COLUMNS = ", ".join(FeedRecord.__slots__)


class PgFeedStore:
    def __init__(self, database_url: str, *, connect_timeout_s: int = 5) -> None:
        self._url = database_url
        self._connect_timeout_s = connect_timeout_s

    # --- the feeds API ---------------------------------------------------------------------

    def add_feed(
        self, *, url: str, interval_s: int, source: str | None, origin: str = "api"
    ) -> tuple[FeedRecord, bool]:
        """Register a feed, or update the interval and source of the one with the same canonical
        URL; returns it and whether it is new. It is due at once when new."""
        feed_id = feed_id_for(url)
        with self._connection() as conn:
            row = conn.execute(
                f"""
                INSERT INTO feeds (feed_id, url, source, interval_s, origin)
                VALUES (%(id)s, %(url)s, %(source)s, %(interval)s, %(origin)s)
                ON CONFLICT (feed_id) DO UPDATE SET
                    source = EXCLUDED.source, interval_s = EXCLUDED.interval_s,
                    origin = EXCLUDED.origin, updated_at = now()
                RETURNING {_FEED_COLUMNS}, (xmax = 0) AS created
                """,
                {
                    "id": feed_id,
                    "url": url,
                    "source": source,
                    "interval": interval_s,
                    "origin": origin,
                },
            ).fetchone()
        assert row is not None
        created = bool(row.pop("created"))
        return FeedRecord(**row), created

    def ensure_feeds(self, *, urls: Sequence[str], interval_s: int) -> int:
        """Register the configured feeds that are not registered yet (one registered through
        the API keeps its settings); returns how many were added."""
        added = 0
        with self._connection() as conn:
            for url in urls:
                cursor = conn.execute(
                    """
                    INSERT INTO feeds (feed_id, url, interval_s, origin)
                    VALUES (%s, %s, %s, 'config') ON CONFLICT (feed_id) DO NOTHING
                    """,
                    (feed_id_for(url), url, interval_s),
                )
                added += cursor.rowcount
        return added

    def list_feeds(self) -> list[FeedRecord]:
        with self._connection() as conn:
            rows = conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY created_at, feed_id")
            return [FeedRecord(**row) for row in rows.fetchall()]

    def delete_feed(self, feed_id: str) -> bool:
        """Remove a feed and its entries; the articles it brought stay. ``False`` if unknown."""
        with self._connection() as conn:
            return conn.execute("DELETE FROM feeds WHERE feed_id = %s", (feed_id,)).rowcount > 0

    # --- the poller --------------------------------------------------------------------------

    def claim_due(self, *, limit: int, lease_s: float) -> list[FeedRecord]:
        """Lease up to ``limit`` due feeds (oldest due first) that no one else holds."""
        with self._connection() as conn:
            rows = conn.execute(
                f"""
                UPDATE feeds SET lease_until = now() + make_interval(secs => %(lease)s)
                WHERE feed_id IN (
                    SELECT feed_id FROM feeds
                    WHERE next_poll_at <= now() AND (lease_until IS NULL OR lease_until < now())
                    ORDER BY next_poll_at LIMIT %(limit)s
                    FOR UPDATE SKIP LOCKED)
                RETURNING {_FEED_COLUMNS}
                """,
                {"lease": lease_s, "limit": limit},
            ).fetchall()
        return sorted((FeedRecord(**row) for row in rows), key=lambda f: f.next_poll_at)

    def seconds_until_due(self) -> float | None:
        """Seconds until the next feed is due (0 if one is), ``None`` without feeds."""
        with self._connection() as conn:
            row = conn.execute(
                "SELECT EXTRACT(EPOCH FROM min(greatest(next_poll_at, lease_until)) - now()) "
                "AS wait FROM feeds"
            ).fetchone()
        if row is None or row["wait"] is None:
            return None
        return max(0.0, float(row["wait"]))

    def seen_entries(self, feed_id: str) -> dict[str, str]:
        """Fingerprint of every entry of the feed handled before, by entry key."""
        with self._connection() as conn:
            rows = conn.execute(
                "SELECT entry_key, fingerprint FROM feed_entries WHERE feed_id = %s", (feed_id,)
            ).fetchall()
        return {row["entry_key"]: row["fingerprint"] for row in rows}

    def known_articles(self, article_ids: Sequence[str]) -> dict[str, KnownArticle]:
        if not article_ids:
            return {}
        with self._connection() as conn:
            return select_known_articles(conn, article_ids)

    def recent_fingerprints(self, *, window_s: float, limit: int = 50_000) -> list[Fingerprint]:
        """SimHashes of the articles first seen in the last ``window_s`` seconds, oldest first
        (so that a near duplicate points at the earliest article). Rows without one (pushed
        articles) are left out, so that a bulk ingest does not crowd the polled ones out of
        ``limit``."""
        with self._connection() as conn:
            rows = conn.execute(
                """
                SELECT article_id, simhash, near_duplicate_of FROM (
                    SELECT * FROM feed_articles
                    WHERE first_seen_at > now() - make_interval(secs => %s) AND simhash <> 0
                    ORDER BY first_seen_at DESC LIMIT %s) recent
                ORDER BY first_seen_at, article_id
                """,
                (window_s, limit),
            ).fetchall()
        return [
            Fingerprint(row["article_id"], to_unsigned(row["simhash"]), row["near_duplicate_of"])
            for row in rows
        ]

    def record_success(
        self,
        *,
        feed: FeedRecord,
        status: int,
        etag: str | None,
        last_modified: str | None,
        polled_at: datetime,
        next_poll_at: datetime,
        entries: Sequence[SeenEntry] = (),
        articles: Sequence[RawArticle] = (),
    ) -> None:
        """After the articles of a poll were acknowledged by the broker: remember them, the
        entries handled and the feed's new validators, in one transaction, and release the
        lease. (A crash before this commit makes the next poll publish the same versions again:
        same ids, same revisions, harmless.)"""
        with self._connection() as conn, conn.transaction():
            upsert_known_articles(conn, articles)
            if entries:
                with conn.cursor() as cursor:
                    cursor.executemany(
                        """
                        INSERT INTO feed_entries (feed_id, entry_key, fingerprint, article_id,
                                                  outcome)
                        VALUES (%s, %s, %s, %s, %s)
                        ON CONFLICT (feed_id, entry_key) DO UPDATE SET
                            fingerprint = EXCLUDED.fingerprint,
                            article_id = coalesce(EXCLUDED.article_id, feed_entries.article_id),
                            outcome = EXCLUDED.outcome, last_seen_at = now()
                        """,
                        [
                            (feed.feed_id, e.key, e.fingerprint, e.article_id, e.outcome)
                            for e in entries
                        ],
                    )
            conn.execute(
                """
                UPDATE feeds SET etag = %(etag)s, last_modified = %(lm)s, last_status = %(status)s,
                    last_polled_at = %(at)s, last_success_at = %(at)s, consecutive_failures = 0,
                    next_poll_at = %(next)s, lease_until = NULL, updated_at = now()
                WHERE feed_id = %(id)s
                """,
                {
                    "etag": etag,
                    "lm": last_modified,
                    "status": status,
                    "at": polled_at,
                    "next": next_poll_at,
                    "id": feed.feed_id,
                },
            )
            conn.execute(
                "DELETE FROM feed_entries WHERE feed_id = %s "
                f"AND last_seen_at < now() - interval '{ENTRY_RETENTION}'",
                (feed.feed_id,),
            )

    def record_failure(
        self,
        *,
        feed: FeedRecord,
        status: int | None,
        error: str,
        polled_at: datetime,
        next_poll_at: datetime,
    ) -> None:
        """Count a failed poll, keep the validators of the last success, release the lease."""
        with self._connection() as conn:
            conn.execute(
                """
                UPDATE feeds SET last_status = %(status)s, last_polled_at = %(at)s,
                    last_error_at = %(at)s, last_error = %(error)s,
                    consecutive_failures = consecutive_failures + 1,
                    next_poll_at = %(next)s, lease_until = NULL, updated_at = now()
                WHERE feed_id = %(id)s
                """,
                {
                    "status": status,
                    "at": polled_at,
                    # The message may quote the feed (a parser error): no NUL for Postgres.
                    "error": CONTROL_CHARACTERS.sub("", error[:1000]),
                    "next": next_poll_at,
                    "id": feed.feed_id,
                },
            )

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[dict[str, Any]]]:
        try:
            with psycopg.connect(
                self._url, connect_timeout=self._connect_timeout_s, row_factory=dict_row
            ) as conn:
                yield conn
        except psycopg.errors.UndefinedTable as exc:
            raise FeedStoreUnavailableError(MISSING_TABLES) from exc
        except psycopg.OperationalError as exc:
            raise FeedStoreUnavailableError(f"feeds database unavailable: {exc}") from exc


class PgArticleVersions:
    """The versions published of each article (``feed_articles``), for the pushes of
    ``POST /v1/articles`` (:class:`~services.ingest.versioned_publisher.VersionedPublisher`):
    the same rows as :class:`PgFeedStore`'s, through a small pool of connections, since pushes
    come many a second where polls come minutes apart. The pool opens in the background (the
    API starts while Postgres does); a lookup that gets no connection within ``timeout_s``, or
    whose connection fails, raises :class:`FeedStoreUnavailableError`. Both calls may be
    repeated.

    Two small statements for every push cut one process from ~1,030 to ~420 pushes/s
    (docs/benchmarks.md), so:

    * lookups are batched: the ones that arrive while a ``SELECT`` is in flight are answered
      together by the next one (:class:`~services.ingest.adapters.micro_batch.MicroBatcher`;
      a lookup on its own runs at once);
    * records are written behind: :meth:`record_articles` puts the versions in memory, where
      the lookups of this process see them at once, and returns; a thread writes what is
      pending in one upsert per round, and :meth:`close` writes the rest (or drops them with
      a warning once a write fails). A version not written (the database failed, the process
      died first) is what a record failing always meant: the next push of that text publishes
      the same version again. Versions (without their text: :class:`PublishedVersion`) leave
      memory once written; while the database is down at most :data:`MAX_PENDING_VERSIONS`
      wait (the oldest are dropped, with a warning).
    """

    def __init__(self, database_url: str, *, max_size: int = 4, timeout_s: float = 2.0) -> None:
        self._pool: ConnectionPool[psycopg.Connection[dict[str, Any]]] = ConnectionPool(
            database_url,
            min_size=1,
            max_size=max_size,
            timeout=timeout_s,
            open=False,
            name="newsflow-ingest-versions",
            kwargs={
                "autocommit": True,
                "row_factory": dict_row,
                "application_name": "newsflow-ingest",
                "connect_timeout": max(1, int(timeout_s)),
                # A record lost in a database crash only means the same version published
                # again; waiting for the WAL flush cost ~3 ms a push.
                "options": "-c synchronous_commit=off",
            },
        )
        self._pool.open(wait=False)
        self._lookups: MicroBatcher[Sequence[str], dict[str, KnownArticle]] = MicroBatcher(
            self._select_known, max_items=MAX_IDS_PER_STATEMENT, size=len
        )
        self._pending: dict[str, PublishedVersion] = {}  # recorded, not written; by article_id
        self._pending_changed = threading.Condition()
        self._closing = False
        self._writer = threading.Thread(
            target=self._write_pending, name="article-versions-writer", daemon=True
        )
        self._writer.start()

    def known_articles(self, article_ids: Sequence[str]) -> dict[str, KnownArticle]:
        if not article_ids:
            return {}
        # Read memory before the table: a version written meanwhile is in the table by then.
        with self._pending_changed:
            pending = {i: self._pending[i] for i in article_ids if i in self._pending}
        known = self._lookups.submit(article_ids)
        for article_id, version in pending.items():
            stored = known.get(article_id)
            if stored is None or stored.revision <= version.known.revision:
                known[article_id] = version.known
        return known

    def record_articles(self, articles: Sequence[RawArticle]) -> None:
        """Record the versions published; written to the table shortly after (see above)."""
        if not articles:
            return
        with self._pending_changed:
            if self._closing:
                raise FeedStoreUnavailableError("article versions are closed")
            for version in map(published_version, articles):
                article_id = version.known.article_id
                kept = self._pending.get(article_id)
                if kept is None or version.known.revision >= kept.known.revision:
                    self._pending.pop(article_id, None)  # to the end: the newest
                    self._pending[article_id] = version
            while len(self._pending) > MAX_PENDING_VERSIONS:
                dropped = next(iter(self._pending))
                del self._pending[dropped]
                log.warning("article version of %s not recorded: too many pending", dropped)
            self._pending_changed.notify()

    def close(self) -> None:
        """Write the pending versions (while the database answers), then close the pool."""
        with self._pending_changed:
            self._closing = True
            self._pending_changed.notify()
        self._writer.join()
        self._pool.close()

    def _select_known(self, requests: Sequence[Sequence[str]]) -> list[dict[str, KnownArticle]]:
        with self._connection() as conn:
            known = select_known_articles(conn, list({i: None for ids in requests for i in ids}))
        return [{i: known[i] for i in ids if i in known} for ids in requests]

    def _write_pending(self) -> None:
        """The writer thread: one upsert of what is pending (at most
        :data:`MAX_IDS_PER_STATEMENT` versions) every :data:`WRITE_BEHIND_S` at most, until
        closed and nothing is left."""
        while True:
            with self._pending_changed:
                while not self._pending and not self._closing:
                    self._pending_changed.wait()
                # Let the versions of the next few milliseconds join this statement.
                self._pending_changed.wait_for(lambda: self._closing, timeout=WRITE_BEHIND_S)
                if not self._pending:
                    return
                batch = dict(itertools.islice(self._pending.items(), MAX_IDS_PER_STATEMENT))
            failed = True
            try:
                with self._connection() as conn:
                    upsert_versions(conn, list(batch.values()))
                failed = False
            except FeedStoreUnavailableError as exc:  # the next push of such a text republishes it
                log.warning("%d published version(s) not recorded: %s", len(batch), exc)
            except Exception:  # not this thread's to die of: the same, with the traceback
                log.exception("%d published version(s) not recorded", len(batch))
            with self._pending_changed:
                for article_id, version in batch.items():
                    if self._pending.get(article_id) is version:
                        del self._pending[article_id]
                if failed and self._closing and self._pending:  # no waiting for each batch
                    log.warning("%d published version(s) not recorded", len(self._pending))
                    self._pending.clear()

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[dict[str, Any]]]:
        try:
            with self._pool.connection() as conn:
                yield conn
        except psycopg.errors.UndefinedTable as exc:
            raise FeedStoreUnavailableError(MISSING_TABLES) from exc
        except (psycopg.OperationalError, PoolTimeout) as exc:
            raise FeedStoreUnavailableError(f"article versions unavailable: {exc}") from exc


# Article ids one batched statement of PgArticleVersions asks for or writes at most (a request
# larger than this still goes in one statement of its own).
MAX_IDS_PER_STATEMENT = 1000
# Versions PgArticleVersions keeps in memory waiting to be written (a few seconds of pushes;
# past it the database is not keeping up or is down, and the oldest are dropped).
MAX_PENDING_VERSIONS = 20_000
# How long a version recorded waits for others to share its statement (at 1,000 pushes/s: one
# upsert of ~20 rows instead of 20 upserts).
WRITE_BEHIND_S = 0.02

MISSING_TABLES = "the feeds tables are missing: run `newsflow init` (database migrations)"


def select_known_articles(
    conn: psycopg.Connection[dict[str, Any]], article_ids: Sequence[str]
) -> dict[str, KnownArticle]:
    rows = conn.execute(
        "SELECT article_id, content_hash, revision, near_duplicate_of FROM feed_articles "
        "WHERE article_id = ANY(%s)",
        (list(article_ids),),
    ).fetchall()
    return {row["article_id"]: KnownArticle(**row) for row in rows}


@dataclass(frozen=True, slots=True)
class PublishedVersion:
    """A published version as ``feed_articles`` records it: no text, so that the versions a
    :class:`PgArticleVersions` holds until written stay small."""

    known: KnownArticle
    url: str
    simhash: int = 0  # signed, as stored; 0: not computed


def published_version(article: RawArticle, *, fingerprint: bool = False) -> PublishedVersion:
    """What recording ``article`` writes (its SimHash only with ``fingerprint``: milliseconds)."""
    known = KnownArticle(
        article.article_id,
        article.content_hash or "",
        article.revision or 1,
        article.near_duplicate_of,
    )
    return PublishedVersion(
        known, article.url, to_signed(simhash(article.body)) if fingerprint else 0
    )


def upsert_known_articles(
    conn: psycopg.Connection[Any], articles: Sequence[RawArticle], *, fingerprints: bool = True
) -> None:
    """Record the versions published (the highest revision stays), in one statement. Without
    ``fingerprints`` (pushes: a SimHash costs milliseconds per article) a new row's SimHash is
    0, which near duplicate detection skips, and a known row keeps its own."""
    upsert_versions(conn, [published_version(a, fingerprint=fingerprints) for a in articles])


def upsert_versions(conn: psycopg.Connection[Any], versions: Sequence[PublishedVersion]) -> None:
    """:func:`upsert_known_articles` of versions already built."""
    latest: dict[str, KnownArticle] = {}  # one row per article and statement: its highest revision
    rows: dict[str, PublishedVersion] = {}
    for version in versions:
        kept = latest.get(version.known.article_id)
        if kept is None or version.known.revision >= kept.revision:
            latest[version.known.article_id] = version.known
            rows[version.known.article_id] = version
    if not rows:
        return
    conn.execute(
        """
        INSERT INTO feed_articles (article_id, url, content_hash, revision, simhash,
                                   near_duplicate_of)
        SELECT * FROM unnest(%s::text[], %s::text[], %s::text[], %s::int[], %s::bigint[],
                             %s::text[])
        ON CONFLICT (article_id) DO UPDATE SET
            url = EXCLUDED.url, content_hash = EXCLUDED.content_hash,
            revision = greatest(feed_articles.revision, EXCLUDED.revision),
            simhash = CASE EXCLUDED.simhash WHEN 0 THEN feed_articles.simhash
                           ELSE EXCLUDED.simhash END,
            revised_at = now()
        """,
        (
            list(rows),
            [v.url for v in rows.values()],
            [v.known.content_hash for v in rows.values()],
            [v.known.revision for v in rows.values()],
            [v.simhash for v in rows.values()],
            [v.known.near_duplicate_of for v in rows.values()],
        ),
    )
