"""End to end: an article POSTed over HTTP travels ingest → Kafka → faust → store → Postgres."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from kafka import KafkaConsumer

from services.extract.domain.version import EXTRACTOR_VERSION
from services.ops.reprocess import ReprocessSettings, Selection, reprocess
from services.stack.broker import free_port
from services.stack.endpoints import read_endpoints
from services.stack.runner import Stack, restart_dead_services, running_stack
from services.stack.settings import StackSettings
from shared.models import Claim, Event, Retraction

pytestmark = pytest.mark.e2e

SEED = json.loads((Path(__file__).parent / "seed_article.json").read_text(encoding="utf-8"))


@pytest.fixture
def stack(
    kafka_bootstrap: str,
    database_url: str,
    topic_prefix: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> Iterator[Stack]:
    group = topic_prefix.rstrip(".")
    monkeypatch.setenv("NEWSFLOW_EXTRACT_APP_ID", f"{group}-extract")
    monkeypatch.setenv("NEWSFLOW_STORE_GROUP_ID", f"{group}-store")
    settings = StackSettings(
        kafka_bootstrap=kafka_bootstrap,
        database_url=database_url,
        topic_prefix=topic_prefix,
        topic_partitions=2,
        http_port=free_port(),
        state_dir=tmp_path,
    )
    with running_stack(settings) as running:
        recorded = read_endpoints(tmp_path)  # for the commands run beside the stack
        assert recorded is not None and recorded.kafka_bootstrap == running.kafka_bootstrap
        assert recorded.http_url == running.http_url and recorded.stack_id == running.stack_id
        ready = httpx.get(f"{running.http_url}/readyz", timeout=5).json()
        assert ready["stack_id"] == running.stack_id
        yield running
    assert read_endpoints(tmp_path) is None  # removed when the stack stops


def _counts(conn: psycopg.Connection[Any]) -> dict[str, int]:
    return {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
        for table in ("articles", "claims", "events")
    }


def _versions(conn: psycopg.Connection[Any], article_id: str) -> tuple[Any, ...]:
    """The stored article's received_at, revision, content_hash and its extraction's source."""
    row = conn.execute(
        "SELECT a.received_at, (a.payload->>'revision')::int, a.payload->>'content_hash',"
        " x.source_ts_ms, x.source_offset FROM articles a JOIN extractions x USING (article_id)"
        " WHERE article_id = %s",
        (article_id,),
    ).fetchone()
    assert row is not None
    return tuple(row)


def _wait_for(conn: psycopg.Connection[Any], query: str, *, timeout_s: float = 60) -> list[Any]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        rows = conn.execute(query).fetchall()
        if rows:
            return rows
        time.sleep(0.1)
    raise AssertionError(f"no rows for {query!r} after {timeout_s}s")


def _wait_until_settled(conn: psycopg.Connection[Any], *, settle_s: float = 3.0) -> dict[str, int]:
    last, since = _counts(conn), time.monotonic()
    while time.monotonic() - since < settle_s:
        time.sleep(0.2)
        now = _counts(conn)
        if now != last:
            last, since = now, time.monotonic()
    return last


def test_posted_seed_article_yields_stoltenberg_claim_and_mykolaiv_event(stack: Stack) -> None:
    posted_at = time.monotonic()
    response = httpx.post(f"{stack.http_url}/v1/articles", json=SEED, timeout=30)
    assert response.status_code == 202, response.text
    article_id = response.json()["article_ids"][0]

    with psycopg.connect(stack.database_url, autocommit=True) as conn:
        claims = _wait_for(
            conn,
            "SELECT claim_id FROM claims WHERE speaker_name = 'Jens Stoltenberg' "
            f"AND article_id = '{article_id}'",
        )
        events = _wait_for(
            conn,
            "SELECT event_id, event_date FROM events WHERE location_text = 'Mykolaiv' "
            f"AND article_id = '{article_id}'",
        )
        seconds_to_rows = time.monotonic() - posted_at
        print(f"\nPOST → claim and event rows in Postgres: {seconds_to_rows:.2f}s")
        assert claims
        assert any(str(date) == "2022-03-29" for _, date in events)

        before = _wait_until_settled(conn)
        first = _versions(conn, article_id)
        again = httpx.post(f"{stack.http_url}/v1/articles", json=SEED, timeout=30)
        assert again.status_code == 202
        assert again.json()["article_ids"] == [article_id]
        # The same text again is not published again: no second extraction, the stored article
        # (its received_at, revision and content_hash) and its extraction stay as they were.
        after = _wait_until_settled(conn, settle_s=5.0)
        assert after == before
        assert before["articles"] == 1
        assert _versions(conn, article_id) == first
        assert first[1] == 1 and first[2]  # revision 1, a content_hash


def test_killed_services_are_restarted_and_resume(stack: Stack) -> None:
    for name in ("extract", "store"):
        stack.processes[name].kill()
        stack.processes[name].wait()

    assert sorted(restart_dead_services(stack)) == ["extract", "store"]

    response = httpx.post(f"{stack.http_url}/v1/articles", json=SEED, timeout=30)
    assert response.status_code == 202, response.text
    with psycopg.connect(stack.database_url) as conn:
        _wait_for(
            conn, "SELECT 1 FROM claims WHERE speaker_name = 'Jens Stoltenberg'", timeout_s=90
        )
        _wait_for(conn, "SELECT 1 FROM events WHERE location_name ILIKE 'Mykola%'", timeout_s=30)
    assert restart_dead_services(stack) == []


def test_reprocess_replaces_an_older_extraction_without_duplicates(
    stack: Stack, topic_prefix: str
) -> None:
    response = httpx.post(f"{stack.http_url}/v1/articles", json=SEED, timeout=30)
    assert response.status_code == 202, response.text
    article_id = response.json()["article_ids"][0]
    with psycopg.connect(stack.database_url, autocommit=True) as conn:
        _wait_for(conn, f"SELECT 1 FROM extractions WHERE article_id = '{article_id}'")
        before = _wait_until_settled(conn)
        ids_before = _extracted_ids(conn)
        # Make the stored extraction look like an earlier extractor's, with one claim that the
        # current extractor does not find, and stored before extraction manifests existed.
        for table in ("claims", "events"):
            conn.execute(
                f"UPDATE {table} SET extractor_version = '0.0.1', source_ts_ms = NULL,"
                " source_offset = NULL"
            )
        conn.execute(
            "INSERT INTO claims (claim_id, article_id, kind, content_text, extractor_version,"
            " payload) VALUES ('c-found-by-0.0.1', %s, 'direct', 'stale', '0.0.1', '{}')",
            (article_id,),
        )
        conn.execute("DELETE FROM extractions")
        settings = ReprocessSettings(
            kafka_bootstrap=stack.kafka_bootstrap,
            database_url=stack.database_url,
            topic_prefix=topic_prefix,
        )
        selection = Selection(
            since=datetime(2022, 1, 1, tzinfo=UTC), extractor_version=EXTRACTOR_VERSION
        )

        result = reprocess(settings, selection, wait_s=90)

        assert (result.selected, result.published, result.pending) == (1, 1, 0)
        assert _wait_until_settled(conn) == before
        assert _extracted_ids(conn) == ids_before  # the stale claim is gone, nothing doubled
        versions = conn.execute(
            "SELECT extractor_version FROM claims UNION SELECT extractor_version FROM events"
        ).fetchall()
        assert versions == [(EXTRACTOR_VERSION,)]
        # Done once: a second run finds nothing left to re-extract.
        assert reprocess(settings, selection, dry_run=True).selected == 0


def _extracted_ids(conn: psycopg.Connection[Any]) -> set[str]:
    rows = conn.execute("SELECT claim_id FROM claims UNION ALL SELECT event_id FROM events")
    return {row[0] for row in rows.fetchall()}


def test_subscriber_applying_retractions_holds_what_postgres_holds_after_a_revision(
    stack: Stack, topic_prefix: str
) -> None:
    """Post an article, post a revision without its second half: a plain consumer of the
    claims and events topics that adds what is extracted and removes what is retracted ends
    with exactly the ids in Postgres."""
    first = httpx.post(f"{stack.http_url}/v1/articles", json=SEED, timeout=30)
    assert first.status_code == 202, first.text
    article_id = first.json()["article_ids"][0]
    with psycopg.connect(stack.database_url, autocommit=True) as conn:
        _wait_for(conn, f"SELECT 1 FROM extractions WHERE article_id = '{article_id}'")
        before = _extracted_ids(conn)
        revised = {**SEED, "body": SEED["body"][: len(SEED["body"]) // 2]}
        second = httpx.post(f"{stack.http_url}/v1/articles", json=revised, timeout=30)
        assert second.status_code == 202, second.text
        deadline = time.monotonic() + 90
        while _extracted_ids(conn) == before and time.monotonic() < deadline:
            time.sleep(0.5)
        _wait_until_settled(conn)
        time.sleep(2)  # the retractions follow the COMMIT that deleted the rows
        stored = _extracted_ids(conn)
    assert stored != before and before - stored, "the revision withdrew nothing"
    assert _subscriber_view(stack, topic_prefix) == stored


def _subscriber_view(stack: Stack, topic_prefix: str) -> set[str]:
    consumer = KafkaConsumer(
        f"{topic_prefix}claims.extracted",
        f"{topic_prefix}events.extracted",
        bootstrap_servers=stack.kafka_bootstrap,
        group_id=None,
        auto_offset_reset="earliest",
        consumer_timeout_ms=3000,
    )
    held: set[str] = set()
    try:
        for record in consumer:
            ce_type = dict(record.headers or []).get("ce_type", b"")
            if ce_type.endswith(b".retracted.v1"):
                held.discard(Retraction.model_validate_json(record.value).id)
            elif ce_type == b"newsflow.claim.extracted.v1":
                held.add(Claim.model_validate_json(record.value).claim_id)
            elif ce_type == b"newsflow.event.extracted.v1":
                held.add(Event.model_validate_json(record.value).event_id)
    finally:
        consumer.close()
    return held
