"""The store's batch transaction (``store_batch``, through the tests' ``upsert_batch``) and the
query helpers against a real Postgres."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, LiteralString

import psycopg
import pytest
from psycopg import sql

from services.store.adapters.migrations import migrate
from services.store.adapters.pg_writer import open_connection
from services.store.adapters.queries import claims_for_articles, count_rows, events_for_articles
from services.store.batch_transaction import UpsertCounts
from shared.errors import PoisonMessageError, RetriableError
from tests.integration.rows import latest_claims, latest_events, upsert_batch

from .samples import make_article, make_claim, make_event

pytestmark = pytest.mark.integration


@pytest.fixture
def conn(database_url: str) -> Iterator[psycopg.Connection[Any]]:
    migrate(database_url=database_url)
    with open_connection(database_url=database_url) as connection:
        yield connection


def _snapshot(conn: psycopg.Connection[Any]) -> list[tuple[Any, ...]]:
    """Every row of the three tables, timestamps included."""
    rows: list[tuple[Any, ...]] = []
    for table, key in (("articles", "article_id"), ("claims", "claim_id"), ("events", "event_id")):
        query = sql.SQL("SELECT * FROM {} ORDER BY {}").format(
            sql.Identifier(table), sql.Identifier(key)
        )
        rows += conn.execute(query).fetchall()
    return rows


def _one(conn: psycopg.Connection[Any], query: LiteralString) -> tuple[Any, ...]:
    row = conn.execute(query).fetchone()
    assert row is not None
    return tuple(row)


def test_upsert_batch_stores_key_columns_of_articles_claims_and_events(
    conn: psycopg.Connection[Any],
) -> None:
    article = make_article(1)

    counts = upsert_batch(
        conn, articles=[article], claims=[make_claim(article)], events=[make_event(article)]
    )

    assert counts == UpsertCounts(articles=1, claims=1, events=1)
    assert count_rows(conn) == {"articles": 1, "claims": 1, "events": 1}
    [claim] = latest_claims(conn)
    assert (claim["speaker_name"], claim["kind"], claim["cue_lemma"], claim["content_text"]) == (
        "Oleksandr Senkevych",
        "direct",
        "say",
        "We will rebuild,",
    )
    assert claim["confidence"] == pytest.approx(0.8)
    [event] = latest_events(conn)
    assert (event["type"], event["status"], event["trigger_text"], event["location_name"]) == (
        "ASSAULT",
        "occurred",
        "struck",
        "Mykolayiv",
    )
    assert (event["country"], event["geonameid"], event["event_date"], event["is_main"]) == (
        "UKR",
        700569,
        date(2022, 3, 29),
        True,
    )
    authors, payload = _one(conn, "SELECT authors, payload FROM articles")
    assert authors == ["A. Writer", "B. Editor"]
    assert payload["article_id"] == article.article_id


def test_an_event_only_set_in_the_article_place_stores_that_place_in_the_place_columns(
    conn: psycopg.Connection[Any],
) -> None:
    article = make_article(1)
    placed = make_event(article, is_main=False)
    assert placed.location is not None
    setting = placed.location.model_copy(update={"source": "dateline"})
    event = placed.model_copy(update={"location": None, "setting": setting})

    upsert_batch(conn, articles=[article], claims=[], events=[event])

    [row] = latest_events(conn)
    assert (row["location_name"], row["country"], row["geonameid"]) == (
        "Mykolayiv",
        "UKR",
        700569,
    )
    (payload,) = _one(conn, "SELECT payload FROM events")
    assert payload["location"] is None and payload["setting"]["source"] == "dateline"


def test_replaying_a_batch_adds_no_rows_and_changes_nothing(conn: psycopg.Connection[Any]) -> None:
    articles = [make_article(n) for n in range(3)]
    claims = [make_claim(a, n) for a in articles for n in range(2)]
    events = [make_event(a) for a in articles]
    upsert_batch(conn, articles=articles, claims=claims, events=events)
    before = _snapshot(conn)

    replay = upsert_batch(conn, articles=articles, claims=claims, events=events)

    assert replay == UpsertCounts()
    assert _snapshot(conn) == before  # updated_at included: untouched
    assert count_rows(conn) == {"articles": 3, "claims": 6, "events": 3}


def test_a_changed_payload_updates_the_row_and_keeps_first_seen(
    conn: psycopg.Connection[Any],
) -> None:
    article = make_article(1)
    upsert_batch(conn, articles=[article], claims=[make_claim(article, confidence=0.4)], events=[])
    first_seen, updated = _one(conn, "SELECT first_seen_at, updated_at FROM claims")

    counts = upsert_batch(
        conn, articles=[article], claims=[make_claim(article, confidence=0.9)], events=[]
    )

    assert counts == UpsertCounts(claims=1)
    row = conn.execute(
        "SELECT confidence, payload->>'confidence', first_seen_at, updated_at FROM claims"
    ).fetchone()
    assert row is not None
    assert row[0] == pytest.approx(0.9)
    assert float(row[1]) == pytest.approx(0.9)
    assert row[2] == first_seen
    assert row[3] > updated
    assert count_rows(conn)["claims"] == 1


def test_duplicate_ids_in_one_batch_store_one_row_with_the_last_record(
    conn: psycopg.Connection[Any],
) -> None:
    old, new = make_article(1, title="old"), make_article(1, title="new")

    counts = upsert_batch(conn, articles=[old, make_article(2), new], claims=[], events=[])

    assert counts.articles == 2
    title = conn.execute(
        "SELECT title FROM articles WHERE article_id = %s", (old.article_id,)
    ).fetchone()
    assert title == ("new",)


def test_a_value_postgres_rejects_rolls_back_the_whole_batch(
    conn: psycopg.Connection[Any],
) -> None:
    good, bad = make_article(1), make_article(2, body="NUL \x00 inside")

    with pytest.raises(PoisonMessageError):
        upsert_batch(conn, articles=[good, bad], claims=[make_claim(good)], events=[])

    assert count_rows(conn) == {"articles": 0, "claims": 0, "events": 0}
    # The connection is still usable for the record-by-record retry.
    assert upsert_batch(conn, articles=[good], claims=[], events=[]).articles == 1


def test_a_lost_connection_is_retriable_and_commits_nothing(
    conn: psycopg.Connection[Any], database_url: str
) -> None:
    with psycopg.connect(database_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (conn.info.backend_pid,))

        with pytest.raises(RetriableError):
            upsert_batch(conn, articles=[make_article(1)], claims=[], events=[])

        assert admin.execute("SELECT count(*) FROM articles").fetchone() == (0,)


def test_count_rows_can_be_limited_to_one_article(conn: psycopg.Connection[Any]) -> None:
    one, two = make_article(1), make_article(2)
    upsert_batch(
        conn,
        articles=[one, two],
        claims=[make_claim(one, 0), make_claim(one, 1), make_claim(two)],
        events=[make_event(two)],
    )

    assert count_rows(conn, article_id=one.article_id) == {"articles": 1, "claims": 2, "events": 0}
    assert count_rows(conn, article_id="a-missing") == {"articles": 0, "claims": 0, "events": 0}
    assert len(latest_claims(conn, limit=2)) == 2


def test_rows_for_articles_come_in_text_order_with_magnitudes(
    conn: psycopg.Connection[Any],
) -> None:
    one, two, other = make_article(1), make_article(2), make_article(3)
    upsert_batch(
        conn,
        articles=[one, two, other],
        claims=[make_claim(one, 5), make_claim(one, 0), make_claim(two), make_claim(other)],
        events=[make_event(one, 3, is_main=False), make_event(one, 0), make_event(other)],
    )

    claims = claims_for_articles(conn, article_ids=[one.article_id, two.article_id])
    events = events_for_articles(conn, article_ids=[one.article_id])

    assert count_rows(conn, article_ids=[one.article_id, two.article_id]) == {
        "articles": 2,
        "claims": 3,
        "events": 2,
    }
    by_article = [c for c in claims if c["article_id"] == one.article_id]
    assert [c["claim_id"] for c in by_article] == [
        make_claim(one, 0).claim_id,
        make_claim(one, 5).claim_id,
    ]
    assert {c["article_id"] for c in claims} == {one.article_id, two.article_id}
    assert [e["is_main"] for e in events] == [True, False]
    assert events[0]["magnitudes"] == "20 killed, 3 injured"
    assert count_rows(conn, article_ids=[]) == {"articles": 0, "claims": 0, "events": 0}
