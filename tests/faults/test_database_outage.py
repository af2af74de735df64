"""Postgres goes away under load: the store's connections are killed and the database refuses
new ones for a few seconds, several times while articles stream through. The store backs off,
resumes by itself, and the rows end equal to an undisturbed run's.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import psycopg
import pytest
from psycopg import conninfo, sql

from services.stack.postgres import with_dbname
from shared.kafka import ensure_topics
from shared.settings import KafkaSettings
from tests.faults.harness import (
    Service,
    kill_points,
    publish_stream,
    reference_for,
    service_env,
    stored_contents,
    stored_rows,
    synthetic_articles,
    wait_for_rows,
)

pytestmark = pytest.mark.faults

ARTICLES = 600
OUTAGES = 3
OUTAGE_S = 4.0


def test_database_outages_under_load_lose_nothing(
    kafka_bootstrap: str, topic_prefix: str, database_url: str, tmp_path: Path
) -> None:
    settings = KafkaSettings(
        kafka_bootstrap=kafka_bootstrap, topic_prefix=topic_prefix, topic_partitions=4
    )
    ensure_topics(settings)
    articles = synthetic_articles(ARTICLES, seed=4242)
    reference = reference_for(articles)
    rng = random.Random(4242)
    points = kill_points(rng, reference.total, OUTAGES)
    services = [
        Service(name, service_env(settings, database_url, tmp_path), tmp_path)
        for name in ("store", "extract")
    ]
    terminated = 0
    try:
        for service in services:
            service.start()
        publisher = publish_stream(settings, articles, per_second=200)
        for point in points:
            deadline = time.monotonic() + 240
            while stored_rows(database_url).total < point and time.monotonic() < deadline:
                time.sleep(0.2)
            terminated += _outage(database_url, seconds=OUTAGE_S)
        publisher.join(timeout=120)
        stored = wait_for_rows(database_url, reference, services, timeout_s=240)
    finally:
        _allow_connections(database_url, True)
        for service in services:
            service.stop()

    print(
        f"\n{OUTAGES} database outages of {OUTAGE_S:.0f}s at rows {points}, "
        f"{terminated} connections killed: expected {reference.total}, stored {stored.total}"
    )
    assert terminated >= OUTAGES  # the store really lost its connection each time
    assert stored.claim_ids == reference.claim_ids
    assert stored.event_ids == reference.event_ids
    assert stored.article_ids == reference.article_ids
    contents = stored_contents(database_url)  # and every row as the undisturbed run has it
    assert all(contents.get(i) == fields for i, fields in reference.contents.items())


def _outage(database_url: str, *, seconds: float) -> int:
    """Refuse new connections, kill the existing ones, wait, allow connections again."""
    _allow_connections(database_url, False)
    dbname = conninfo.conninfo_to_dict(database_url)["dbname"]
    with psycopg.connect(with_dbname(database_url, "postgres"), autocommit=True) as conn:
        killed = conn.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (dbname,),
        ).fetchone()
    time.sleep(seconds)
    _allow_connections(database_url, True)
    return int(killed[0]) if killed else 0


def _allow_connections(database_url: str, allow: bool) -> None:
    dbname = str(conninfo.conninfo_to_dict(database_url)["dbname"])
    with psycopg.connect(with_dbname(database_url, "postgres"), autocommit=True) as conn:
        conn.execute(
            sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS {}").format(
                sql.Identifier(dbname), sql.SQL("true" if allow else "false")
            )
        )
