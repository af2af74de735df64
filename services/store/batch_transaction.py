"""One batch of the store in one Postgres transaction: the order of its steps, in one place.

The adapters read and write tables (:mod:`~services.store.adapters.pg_writer`,
:mod:`~services.store.adapters.incidents`, :mod:`~services.store.adapters.retractions`); the
rules are pure (:mod:`~services.store.domain.extractions`, :mod:`~services.store.domain.incidents`);
:func:`store_batch` decides what happens when. The consumer loop
(:mod:`services.store.consumer`) calls it once per batch and commits the batch's offsets after
it returned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

import psycopg

from services.store.adapters.incidents import (
    assign_incidents,
    lock_articles,
    lock_incident_groups,
)
from services.store.adapters.pg_writer import (
    PreparedBatch,
    RowsExist,
    current_extractions,
    in_transaction,
    prepare_batch,
    replace_extractions,
    write_articles,
    write_claims,
    write_events,
)
from services.store.adapters.retractions import add_to_outbox
from services.store.domain.batching import StorableRecord
from services.store.domain.extractions import plan_extractions, retractions_for
from shared.models import Claim, Event


@dataclass(frozen=True)
class UpsertCounts:
    """Rows each table gained or changed. A pure replay counts 0 everywhere.

    ``skipped``: claims and events of an earlier extraction, not written (the article has a newer
    one); ``superseded``: stored claims and events deleted because a newer extraction replaced
    them (:mod:`services.store.domain.extractions`); ``retracted``: retractions queued in the
    outbox (:mod:`services.store.adapters.retractions`).
    """

    articles: int = 0
    claims: int = 0
    events: int = 0
    skipped: int = 0
    superseded: int = 0
    retracted: int = 0

    @property
    def total(self) -> int:
        return self.articles + self.claims + self.events

    def __add__(self, other: UpsertCounts) -> UpsertCounts:
        return UpsertCounts(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )


def store_batch(conn: psycopg.Connection[Any], prepared: PreparedBatch) -> UpsertCounts:
    """Store a batch in ONE transaction and COMMIT it. The steps, in this order:

    1. **lock the articles** of the batch (its articles and those of its claims, events and
       manifests): one advisory lock each, in sorted order, before anything is read;
    2. **read their current extractions**, under those locks (one round trip with step 1);
    3. **plan supersession** (pure): the manifests that replace a current extraction, the
       claims and events written, and the leftovers of an older extraction, skipped;
    4. **lock the incident groups** of the events written and of the stored events they move
       or supersede, and note their old state — the last lock: every lock comes before any
       write, so concurrent stores cannot deadlock on advisory locks;
    5. **write the tables**: articles, then the claims and events step 3 kept;
    6. **replace extractions**: store the replacing manifests, delete the claims and events
       they supersede, replace the articles' places;
    7. **queue retractions** of what step 6 deleted and step 3 skipped, in the outbox (the
       consumer publishes them after the COMMIT);
    8. **assign incidents**: regroup the locked groups from their new state;
    9. COMMIT.

    The first attempt COPYs the rows straight into their tables, as fast as a raw COPY; if one
    exists already (a replay, a revision, a re-extraction) the transaction is rolled back and
    done again with upserts that change only what differs.

    Duplicated ids in the input are fine (the batch is grouped and deduplicated by
    :func:`~services.store.adapters.pg_writer.prepare_batch`). ``conn`` must not be inside a
    transaction (an autocommit connection); it stays usable after a
    :class:`~shared.errors.PoisonMessageError` and should be discarded after a
    :class:`~shared.errors.RetriableError`.

    Failure contract — when this raises, the transaction was rolled back and nothing of the batch
    is visible; calling it again with the same records is always safe:

    * :class:`~shared.errors.RetriableError` — the database is unavailable or aborted the
      transaction (connection lost, admin shutdown, serialization failure, deadlock). Reconnect
      and repeat. If the connection died during COMMIT itself the outcome is unknown, which is
      why repeating must be (and is) harmless.
    * :class:`~shared.errors.PoisonMessageError` — Postgres refuses a value (e.g. a NUL
      character in text). Repeating the same batch fails the same way; store its records one at
      a time to find and dead-letter the culprit.
    * anything else (``psycopg.ProgrammingError`` …) is a bug and propagates unchanged.
    """
    try:
        return _store(conn, prepared, only_new=True)
    except RowsExist:
        return _store(conn, prepared, only_new=False)


def store_records(conn: psycopg.Connection[Any], records: Iterable[StorableRecord]) -> UpsertCounts:
    """:func:`store_batch` of these records, prepared here: for callers that hold models (a
    bench's loader, the tests)."""
    return store_batch(conn, prepare_batch(records))


def _store(
    conn: psycopg.Connection[Any], prepared: PreparedBatch, *, only_new: bool
) -> UpsertCounts:
    """One transaction of :func:`store_batch`; its steps are numbered there."""
    batch = prepared.tables
    with in_transaction(conn) as cur:
        # One round trip: the read starts after the locks were taken. The lock has a cursor of
        # its own: a cursor keeps only its last statement's result, and when the connection
        # dies between the two results, a shared cursor can be left holding the lock's rows.
        with conn.pipeline(), conn.cursor() as lock_cur:
            lock_articles(lock_cur, batch.article_ids)  # 1
            current = current_extractions(cur, batch.extracted_article_ids)  # 2
        plan = plan_extractions(current, batch.manifests)  # 3
        claims, skipped_claims = plan.split(batch.claims)
        events, skipped_events = plan.split(batch.events)
        incidents = lock_incident_groups(  # 4
            cur,
            articles=batch.articles,
            events=events,
            superseding=plan.replaced_articles,
            survives=lambda e: plan.survives(e.article_id, e.extracted_from),
        )
        written_articles = write_articles(cur, prepared, only_new=only_new)  # 5
        written_claims = write_claims(cur, prepared, claims, only_new=only_new)
        written_events = write_events(cur, prepared, events, only_new=only_new)
        deleted = replace_extractions(cur, plan.replacing)  # 6
        skipped: list[Claim | Event] = [*skipped_claims, *skipped_events]
        retractions = retractions_for(  # 7
            plan, stored=current, deleted=deleted, skipped=skipped, now=datetime.now(UTC)
        )
        add_to_outbox(cur, retractions)
        assign_incidents(cur, incidents)  # 8
    # 9: leaving in_transaction committed
    return UpsertCounts(
        articles=written_articles,
        claims=written_claims,
        events=written_events,
        skipped=len(skipped),
        superseded=len(deleted),
        retracted=len(retractions),
    )
