"""Re-extractions settled by the newest ExtractionManifest, against a real Postgres: superseded
claims and events are deleted, leftovers of earlier extractions are skipped, in any order."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest

from services.store.adapters.migrations import migrate
from services.store.adapters.pg_writer import open_connection
from shared.models import Claim, Event, ExtractionManifest, ExtractionSource, RawArticle
from tests.integration.rows import upsert_batch

from .samples import make_article, make_claim, make_event

pytestmark = pytest.mark.integration

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
Record = RawArticle | Claim | Event | ExtractionManifest


@pytest.fixture
def conn(database_url: str) -> Iterator[psycopg.Connection[Any]]:
    migrate(database_url=database_url)
    with open_connection(database_url=database_url) as connection:
        yield connection


def _source(offset: int) -> ExtractionSource:
    return ExtractionSource(timestamp_ms=1_764_000_000_000 + offset, partition=0, offset=offset)


def _from(record: Claim | Event, offset: int) -> Any:
    return record.model_copy(
        update={"extractor_version": f"v{offset}", "extracted_from": _source(offset)}
    )


def _manifest(
    article: RawArticle, offset: int, claims: Sequence[Claim], events: Sequence[Event]
) -> ExtractionManifest:
    return ExtractionManifest(
        article_id=article.article_id,
        extractor_version=f"v{offset}",
        extracted_from=_source(offset),
        extracted_at=T0,
        claim_ids=tuple(c.claim_id for c in claims),
        event_ids=tuple(e.event_id for e in events),
    )


def _write(conn: psycopg.Connection[Any], records: Sequence[Record]) -> None:
    upsert_batch(
        conn,
        articles=[r for r in records if isinstance(r, RawArticle)],
        claims=[r for r in records if isinstance(r, Claim)],
        events=[r for r in records if isinstance(r, Event)],
        manifests=[r for r in records if isinstance(r, ExtractionManifest)],
    )


def _ids(conn: psycopg.Connection[Any]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    claims = conn.execute("SELECT claim_id, extractor_version FROM claims ORDER BY 1").fetchall()
    events = conn.execute("SELECT event_id, extractor_version FROM events ORDER BY 1").fetchall()
    return [tuple(r) for r in claims], [tuple(r) for r in events]  # type: ignore[misc]


def _two_extractions() -> tuple[RawArticle, list[Record], list[Record]]:
    """An article extracted from offset 1 (claim 0, events 0 and 1) and again from offset 2
    (a new version), which keeps claim 0 (same id), adds claim 1 and finds only event 1."""
    article = make_article(1)
    c0, e0, e1 = (
        _from(r, 1) for r in (make_claim(article), make_event(article), make_event(article, 1))
    )
    first = [c0, e0, e1, _manifest(article, 1, [c0], [e0, e1])]
    c0b, c1b = _from(make_claim(article, 0), 2), _from(make_claim(article, 1), 2)
    e1b = _from(make_event(article, 1), 2)
    return article, first, [c0b, c1b, e1b, _manifest(article, 2, [c0b, c1b], [e1b])]


def test_a_newer_extraction_replaces_the_records_of_the_older_one(
    conn: psycopg.Connection[Any],
) -> None:
    article, first, second = _two_extractions()
    _write(conn, [article, *first])
    claims, events = _ids(conn)
    assert [v for _, v in claims] == ["v1"] and len(events) == 2

    _write(conn, second)

    c0b, c1b, e1b, manifest = second
    assert isinstance(manifest, ExtractionManifest)
    assert _ids(conn) == (
        sorted([(c0b.claim_id, "v2"), (c1b.claim_id, "v2")]),  # type: ignore[union-attr]
        [(e1b.event_id, "v2")],  # type: ignore[union-attr]
    )
    row = conn.execute("SELECT extractor_version, source_offset FROM extractions").fetchall()
    assert row == [("v2", 2)]


def test_the_outcome_does_not_depend_on_the_order_the_topics_arrive_in(
    database_url: str, conn: psycopg.Connection[Any]
) -> None:
    article, first, second = _two_extractions()
    _write(conn, [article, *first, *second])
    expected = _ids(conn)
    chunks: list[list[Record]] = [first[:1], first[1:3], first[3:], second[:2], second[2:3]]
    chunks.append(second[3:])
    orders = list(itertools.permutations(range(len(chunks))))
    for n, order in enumerate(orders[:: max(len(orders) // 24, 1)]):
        with psycopg.connect(database_url, autocommit=True) as c:
            c.execute("TRUNCATE articles, claims, events, extractions, retraction_outbox")
        _write(conn, [article])
        for i in order:
            _write(conn, chunks[i])
        assert _ids(conn) == expected, f"order {n}: {order}"


def test_replaying_an_earlier_extraction_changes_nothing(conn: psycopg.Connection[Any]) -> None:
    article, first, second = _two_extractions()
    _write(conn, [article, *first, *second])
    before = _rows(conn)

    _write(conn, first)  # the v1 records and manifest, replayed from the topics
    _write(conn, second)  # and the v2 ones

    assert _rows(conn) == before


def _rows(conn: psycopg.Connection[Any]) -> list[list[tuple[Any, ...]]]:
    """Every row of the three tables, timestamps included."""
    return [
        [tuple(r) for r in conn.execute(query).fetchall()]
        for query in (
            "SELECT * FROM claims ORDER BY claim_id",
            "SELECT * FROM events ORDER BY event_id",
            "SELECT * FROM extractions ORDER BY article_id",
        )
    ]


def test_incidents_follow_the_events_a_re_extraction_deletes(conn: psycopg.Connection[Any]) -> None:
    article = make_article(2)
    strike = _from(make_event(article, 0), 1)
    _write(conn, [article, strike, _manifest(article, 1, [], [strike])])
    assert conn.execute("SELECT count(*) FROM incidents").fetchone() == (1,)

    _write(conn, [_manifest(article, 2, [], [])])  # the new extraction finds no event

    assert conn.execute("SELECT count(*) FROM events").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM incidents").fetchone() == (0,)


def test_articles_without_a_manifest_keep_every_record(conn: psycopg.Connection[Any]) -> None:
    article = make_article(3)
    _write(conn, [article, make_claim(article, 0), _from(make_claim(article, 1), 7)])
    assert len(_ids(conn)[0]) == 2


def test_an_older_record_never_overwrites_a_newer_one_with_the_same_id(
    conn: psycopg.Connection[Any],
) -> None:
    article, first, second = _two_extractions()
    _write(conn, [article, second[0]])  # claim 0 of the newer extraction, no manifest yet
    _write(conn, [first[0]])  # claim 0 of the older one, replayed
    _write(conn, [second[3]])  # the newer manifest
    assert _ids(conn)[0] == [(second[0].claim_id, "v2")]  # type: ignore[union-attr]


def _new_retractions(conn: psycopg.Connection[Any], after: int) -> tuple[list[str], int]:
    """Ids retracted by the outbox rows after ``seq`` ``after``, and the last seq."""
    rows = conn.execute(
        "SELECT seq, payload->>'id' FROM retraction_outbox WHERE seq > %s ORDER BY seq", (after,)
    ).fetchall()
    return [r[1] for r in rows], max([after, *(r[0] for r in rows)])


def test_ids_a_newer_extraction_withdraws_are_queued_as_retractions(
    conn: psycopg.Connection[Any],
) -> None:
    article, first, second = _two_extractions()
    _write(conn, [article, *first])
    assert _new_retractions(conn, 0)[0] == []  # a first extraction withdraws nothing

    _write(conn, second)

    e0 = first[1]
    assert isinstance(e0, Event)
    assert _new_retractions(conn, 0)[0] == [e0.event_id]  # claim 0 and event 1 stay


def test_adding_extracted_and_removing_retracted_ids_ends_with_the_stored_rows(
    database_url: str, conn: psycopg.Connection[Any]
) -> None:
    """What a subscriber does, in every order the topics can arrive in (and a replay of the
    earlier extraction at the end): its set equals the rows."""
    article, first, second = _two_extractions()
    chunks: list[list[Record]] = [first[:1], first[1:3], first[3:], second[:2], second[2:3]]
    chunks.append(second[3:])
    orders = list(itertools.permutations(range(len(chunks))))
    for n, order in enumerate(orders[:: max(len(orders) // 24, 1)]):
        with psycopg.connect(database_url, autocommit=True) as c:
            c.execute("TRUNCATE articles, claims, events, extractions, retraction_outbox")
        _write(conn, [article])
        held: set[str] = set()
        seq = 0
        for chunk in [*(chunks[i] for i in order), first]:
            held |= {r.claim_id for r in chunk if isinstance(r, Claim)}
            held |= {r.event_id for r in chunk if isinstance(r, Event)}
            _write(conn, chunk)
            retracted, seq = _new_retractions(conn, seq)
            held -= set(retracted)
        claims, events = _ids(conn)
        assert held == {i for i, _ in claims} | {i for i, _ in events}, f"order {n}: {order}"
