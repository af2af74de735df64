"""Places of the extraction manifests in Postgres: stored with the extraction, replaced by a newer
one, left alone by a replay or an older one."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest

from services.store.adapters.migrations import migrate
from services.store.adapters.pg_writer import open_connection
from shared.models import ExtractionManifest, ExtractionSource, Place
from tests.integration.rows import upsert_batch

pytestmark = pytest.mark.integration

LISBON = Place(
    start=0, end=6, text="Lisbon", name="Lisbon", lat=38.71667, lon=-9.13333, country="PRT",
    geonameid=2267057, feature="P.PPLC", admin1="14",
)  # fmt: skip
PORTUGUESE = Place(
    start=20, end=30, text="Portuguese", name="Portugal", country="PRT", geonameid=2264397,
    feature="A.PCLI", is_demonym=True,
)  # fmt: skip
PORTO = Place(
    start=40, end=45, text="Porto", name="Porto", lat=41.14961, lon=-8.61099, country="PRT",
    geonameid=2735943, feature="P.PPL", admin1="17",
)  # fmt: skip


@pytest.fixture
def conn(database_url: str) -> Iterator[psycopg.Connection[Any]]:
    migrate(database_url=database_url)
    with open_connection(database_url=database_url) as connection:
        yield connection


def _manifest(offset: int, places: Sequence[Place], article_id: str = "a-1") -> ExtractionManifest:
    return ExtractionManifest(
        article_id=article_id,
        extractor_version=f"v{offset}",
        extracted_from=ExtractionSource(
            timestamp_ms=1_764_000_000_000 + offset, partition=0, offset=offset
        ),
        extracted_at=datetime(2026, 12, 1, tzinfo=UTC),
        places=tuple(places),
    )


def _write(conn: psycopg.Connection[Any], manifests: Sequence[ExtractionManifest]) -> None:
    upsert_batch(conn, articles=[], claims=[], events=[], manifests=manifests)


def _stored(conn: psycopg.Connection[Any]) -> list[tuple[Any, ...]]:
    rows = conn.execute(
        "SELECT article_id, text, country, geonameid, is_demonym FROM places ORDER BY 1, 2"
    ).fetchall()
    return [tuple(row) for row in rows]


def test_the_places_of_an_extraction_are_stored_with_it(conn: psycopg.Connection[Any]) -> None:
    _write(conn, [_manifest(1, [LISBON, PORTUGUESE])])
    assert _stored(conn) == [
        ("a-1", "Lisbon", "PRT", 2267057, False),
        ("a-1", "Portuguese", "PRT", 2264397, True),
    ]


def test_a_newer_extraction_replaces_the_places_of_the_older_one(
    conn: psycopg.Connection[Any],
) -> None:
    _write(conn, [_manifest(1, [LISBON, PORTUGUESE])])
    _write(conn, [_manifest(2, [PORTO])])
    assert _stored(conn) == [("a-1", "Porto", "PRT", 2735943, False)]


def test_a_replayed_or_older_extraction_leaves_the_places_alone(
    conn: psycopg.Connection[Any],
) -> None:
    _write(conn, [_manifest(2, [PORTO])])
    _write(conn, [_manifest(2, [PORTO])])
    _write(conn, [_manifest(1, [LISBON, PORTUGUESE])])
    assert _stored(conn) == [("a-1", "Porto", "PRT", 2735943, False)]


def test_other_articles_keep_their_places(conn: psycopg.Connection[Any]) -> None:
    _write(conn, [_manifest(1, [LISBON]), _manifest(1, [PORTO], "a-2")])
    _write(conn, [_manifest(2, [], "a-2")])
    assert _stored(conn) == [("a-1", "Lisbon", "PRT", 2267057, False)]
