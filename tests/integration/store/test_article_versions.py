"""The stored article and its versions (``revision``, ``content_hash``) against a real Postgres:
a copy of the text already stored changes nothing; another text replaces it (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import psycopg
import pytest

from services.store.adapters.migrations import migrate
from services.store.adapters.pg_writer import open_connection
from services.store.batch_transaction import UpsertCounts
from shared.models import RawArticle
from tests.integration.rows import upsert_batch

from .samples import make_article

pytestmark = pytest.mark.integration


@pytest.fixture
def conn(database_url: str) -> Iterator[psycopg.Connection[Any]]:
    migrate(database_url=database_url)
    with open_connection(database_url=database_url) as connection:
        yield connection


def version(article: RawArticle, **changes: Any) -> RawArticle:
    return article.model_copy(update=changes)


def stored(conn: psycopg.Connection[Any]) -> tuple[Any, ...]:
    row = conn.execute(
        "SELECT payload->'revision', payload->>'content_hash', body, updated_at FROM articles"
    ).fetchone()
    assert row is not None
    return tuple(row)


def test_an_unversioned_copy_of_the_stored_text_keeps_the_stored_revision(
    conn: psycopg.Connection[Any],
) -> None:
    polled = version(make_article(1), revision=2, content_hash="h2")
    upsert_batch(conn, articles=[polled], claims=[], events=[])
    before = stored(conn)
    # The same text pushed by an ingest without its database: received later, no revision.
    pushed = version(
        polled,
        revision=None,
        received_at=polled.received_at + timedelta(hours=1),
        original_url="https://news.example.com/story/1?utm_source=x",
    )

    counts = upsert_batch(conn, articles=[pushed], claims=[], events=[])

    assert counts == UpsertCounts()
    assert stored(conn) == before
    assert before[:2] == (2, "h2")


def test_another_text_replaces_the_stored_article(conn: psycopg.Connection[Any]) -> None:
    first = version(make_article(1), revision=1, content_hash="h1")
    upsert_batch(conn, articles=[first], claims=[], events=[])
    corrected = version(first, body=first.body + " More.", revision=2, content_hash="h2")

    counts = upsert_batch(conn, articles=[corrected], claims=[], events=[])

    assert counts == UpsertCounts(articles=1)
    assert stored(conn)[:3] == (2, "h2", corrected.body)


def test_articles_stored_without_a_content_hash_are_still_updated(
    conn: psycopg.Connection[Any],
) -> None:
    old = make_article(1)  # stored before every article had a content_hash
    upsert_batch(conn, articles=[old], claims=[], events=[])

    counts = upsert_batch(
        conn, articles=[version(old, title="Corrected", content_hash="h")], claims=[], events=[]
    )

    assert counts == UpsertCounts(articles=1)
    assert stored(conn)[:2] == (None, "h")
