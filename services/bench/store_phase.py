"""Phase 4 (database side): the store service alone against raw psycopg ``COPY``.

The rows are the sample's real extraction output (articles, claims, events), repeated with
suffixed ids until there are about ``target_rows`` of them. Copy ``k`` is moved ``k`` ×
:data:`COPY_SHIFT` later (publication and event dates), as a later month of news would be, so
that the copies form incidents of their own instead of swelling the same incident groups. The
store reads them from pre-filled topics, timed from its partition assignment (the mtime of its
readiness file) until every row is in (:func:`_wait_for_rows`); ``COPY`` writes the same rows
(built by the writer's own row functions) into the same, emptied tables in one transaction.
Both start from empty tables; :data:`ROUNDS` rounds of each, alternating, medians.
"""

from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import psycopg
from psycopg import sql

from services.bench.corpus import CorpusDoc, bench_url, raw_article
from services.bench.infra import Infra, Phase
from services.bench.processes import wait_for_files
from services.extract.domain.extractor import Extraction
from services.store.adapters.pg_writer import (
    _ARTICLES,
    _CLAIMS,
    _EVENTS,
    _article_row,
    _claim_row,
    _event_row,
)
from shared.codec import encode
from shared.kafka import make_producer
from shared.models import Claim, Event, RawArticle
from shared.topics import ARTICLES_RAW, CLAIMS_EXTRACTED, EVENTS_EXTRACTED

ROUNDS = 3
COPY_SHIFT = timedelta(days=30)


@dataclass(frozen=True)
class Rows:
    articles: list[RawArticle]
    claims: list[Claim]
    events: list[Event]

    @property
    def total(self) -> int:
        return len(self.articles) + len(self.claims) + len(self.events)


def build_rows(docs: list[CorpusDoc], extractions: list[Extraction], *, target_rows: int) -> Rows:
    """The extraction output of ``docs``, repeated under new ids up to ``target_rows``."""
    base = [raw_article(d, url=bench_url("store", i)) for i, d in enumerate(docs)]
    per_copy = len(base) + sum(len(x.claims) + len(x.events) for x in extractions)
    copies = max(1, math.ceil(target_rows / max(per_copy, 1)))
    articles: dict[str, RawArticle] = {}
    claims: dict[str, Claim] = {}
    events: dict[str, Event] = {}
    for k in range(copies):
        shift = k * COPY_SHIFT
        for article, extraction in zip(base, extractions, strict=True):
            aid = f"{article.article_id}-{k}"
            articles[aid] = article.model_copy(
                update={
                    "article_id": aid,
                    "url": f"{article.url}/{k}",
                    "published_at": article.published_at + shift,
                }
            )
            for c in extraction.claims:
                cid = f"{c.claim_id}-{aid}"
                claims[cid] = c.model_copy(update={"claim_id": cid, "article_id": aid})
            for e in extraction.events:
                eid = f"{e.event_id}-{aid}"
                events[eid] = _shifted(e, shift).model_copy(
                    update={"event_id": eid, "article_id": aid}
                )
    return Rows(list(articles.values()), list(claims.values()), list(events.values()))


def _shifted(event: Event, shift: timedelta) -> Event:
    if event.time is None or event.time.date is None or not shift:
        return event
    return event.model_copy(
        update={"time": event.time.model_copy(update={"date": event.time.date + shift})}
    )


def measure_store(infra: Infra, rows: Rows) -> dict[str, Any]:
    """:data:`ROUNDS` rounds of the store alone, each followed by a ``COPY`` of the same rows;
    the ratio is that of the medians (see the module docstring)."""
    store_seconds: list[float] = []
    copy_rates: list[float] = []
    for round_ in range(ROUNDS):
        store_seconds.append(_store_round(infra, rows, f"store{round_}"))
        _truncate(infra.database_url)
        copy_rates.append(rows.total / _copy(infra.database_url, rows))
    seconds = statistics.median(store_seconds)
    copy_rate = statistics.median(copy_rates)
    return {
        "rows": rows.total,
        "articles": len(rows.articles),
        "claims": len(rows.claims),
        "events": len(rows.events),
        "store_rows_per_s": rows.total / seconds,
        "store_seconds": seconds,
        "store_rounds_rows_per_s": [rows.total / s for s in store_seconds],
        "copy_rows_per_s": copy_rate,
        "copy_rounds_rows_per_s": copy_rates,
        "ratio_store_vs_copy": rows.total / seconds / copy_rate,
    }


def _store_round(infra: Infra, rows: Rows, name: str) -> float:
    """Seconds from the store's partition assignment until every row is in, from empty tables
    and topics of its own."""
    phase = Phase(infra, name)
    phase.create_topics()
    _truncate(infra.database_url)
    last = _prefill(phase, rows)
    store = phase.service("store")
    ready = phase.ready_file("store")
    try:
        store.start()
        wait_for_files([ready], [store])
        started = ready.stat().st_mtime
        finished = _wait_for_rows(
            infra.database_url, last, rows.total, store_check=store.check_alive
        )
    finally:
        store.stop()
    return finished - started


def _prefill(phase: Phase, rows: Rows) -> dict[str, list[str]]:
    """Produce the rows to their topics; returns, per table, the id of the last record of each
    partition (see :func:`_wait_for_rows`)."""
    kafka = phase.kafka
    producer = make_producer(kafka, linger_ms=20, batch_size=256 * 1024)
    last: dict[str, list[str]] = {}
    try:
        for table, topic, records in (
            ("articles", ARTICLES_RAW, rows.articles),
            ("claims", CLAIMS_EXTRACTED, rows.claims),
            ("events", EVENTS_EXTRACTED, rows.events),
        ):
            sent = [
                (
                    getattr(record, _ID_COLUMN[table]),
                    producer.send(
                        kafka.topic(topic), key=record.article_id.encode(), value=encode(record)
                    ),
                )
                for record in records
            ]
            producer.flush(timeout=120)
            by_partition = {future.get(timeout=60).partition: rid for rid, future in sent}
            last[table] = sorted(by_partition.values())
    finally:
        producer.close(timeout=10)
    return last


def _wait_for_rows(
    database_url: str, last: dict[str, list[str]], total: int, *, store_check: Any
) -> float:
    """When every row was in: polled every 20 ms by looking up the last record of each
    partition. One writer stores each partition in offset order, so when the last record of
    every partition is visible all the others are too (checked by an exact count once seen).
    Primary-key lookups cost Postgres almost nothing; counting the growing tables at every poll
    took up to 25 ms of its CPU each time, taken from the store being measured."""
    deadline = time.monotonic() + 600
    lookups = [
        (
            sql.SQL("SELECT count(*) FROM {} WHERE {} = ANY(%s)").format(
                sql.Identifier(table), sql.Identifier(_ID_COLUMN[table])
            ),
            ids,
        )
        for table, ids in last.items()
    ]
    with psycopg.connect(database_url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            store_check()
            if all(_count(conn, query, (ids,)) == len(ids) for query, ids in lookups):
                seen = time.time()
                stored = _count(conn, _COUNT_ALL, ())
                if stored != total:
                    raise RuntimeError(f"the store wrote {stored} rows, expected {total}")
                return seen
            time.sleep(0.02)
    raise TimeoutError(f"the store did not write {total} rows in 600s")


_COUNT_ALL = sql.SQL(
    "SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM claims)"
    " + (SELECT count(*) FROM events)"
)
_ID_COLUMN = {"articles": "article_id", "claims": "claim_id", "events": "event_id"}


def _count(
    conn: psycopg.Connection[Any], query: sql.Composed | sql.SQL, params: tuple[Any, ...]
) -> int:
    row = conn.execute(query, params).fetchone()
    return int(row[0]) if row is not None else 0


def _truncate(database_url: str) -> None:
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("TRUNCATE articles, claims, events, incidents, extractions CASCADE")


def _copy(database_url: str, rows: Rows) -> float:
    """Seconds to COPY every row in one transaction (row building included, as in the store)."""
    with psycopg.connect(database_url) as conn:
        started = time.perf_counter()
        with conn.cursor() as cur:
            # The writer's own COPY statements (same tables, same columns).
            with cur.copy(_ARTICLES.copy_into_table()) as copy:
                for a in rows.articles:
                    copy.write_row(_article_row(a))
            with cur.copy(_CLAIMS.copy_into_table()) as copy:
                for c in rows.claims:
                    copy.write_row(_claim_row(c))
            with cur.copy(_EVENTS.copy_into_table()) as copy:
                for e in rows.events:
                    copy.write_row(_event_row(e))
        conn.commit()
        return time.perf_counter() - started
