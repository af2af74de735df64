"""The store service end to end: records on the real broker → run() → rows in a real Postgres."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import psycopg
import pytest
from kafka import KafkaConsumer

from services.store.adapters.queries import count_rows
from services.store.settings import StoreSettings
from shared.codec import encode
from shared.topics import ARTICLES_RAW, CLAIMS_EXTRACTED, EVENTS_EXTRACTED

from .samples import make_article, make_claim, make_event
from .support import (
    Ends,
    RunningStore,
    committed_offsets,
    ends_of,
    merge_ends,
    produce,
    produce_models,
    read_dead_letters,
    wait_until,
)

pytestmark = pytest.mark.integration

StartStore = Callable[[StoreSettings], RunningStore]


def _rows(settings: StoreSettings) -> dict[str, int]:
    try:
        with psycopg.connect(settings.database_url.get_secret_value(), connect_timeout=2) as conn:
            return count_rows(conn)
    except psycopg.errors.UndefinedTable:
        return {"articles": 0, "claims": 0, "events": 0}


def _produce_stories(settings: StoreSettings, numbers: range) -> Ends:
    """One article, two claims and one event per story number."""
    articles = [make_article(n) for n in numbers]
    return merge_ends(
        produce_models(settings, ARTICLES_RAW, articles),
        produce_models(
            settings, CLAIMS_EXTRACTED, [make_claim(a, k) for a in articles for k in (0, 1)]
        ),
        produce_models(settings, EVENTS_EXTRACTED, [make_event(a) for a in articles]),
    )


def _all_committed(settings: StoreSettings, ends: Ends) -> bool:
    return committed_offsets(settings, settings.store_group_id, ends) == ends


def _committed_records(settings: StoreSettings, partitions: Ends) -> int:
    return sum(committed_offsets(settings, settings.store_group_id, partitions).values())


def test_store_writes_records_and_commits_offsets_only_after_rows_exist(
    store_settings: StoreSettings, start_store: StartStore
) -> None:
    store = start_store(store_settings)
    ends: Ends = {}
    samples: list[tuple[int, int]] = []
    for chunk in range(5):
        ends = merge_ends(
            ends, _produce_stories(store_settings, range(chunk * 10, chunk * 10 + 10))
        )
        for _ in range(5):
            # Committed first, rows second: rows can only have grown in between.
            committed = _committed_records(store_settings, ends)
            samples.append((committed, sum(_rows(store_settings).values())))
            time.sleep(0.1)

    wait_until(
        lambda: _all_committed(store_settings, ends),
        timeout_s=30,
        what="offsets committed",
        store=store,
    )
    store.shutdown()

    assert _rows(store_settings) == {"articles": 50, "claims": 100, "events": 50}
    # Every record is one distinct row, so at no time may more records be committed than stored.
    assert all(committed <= rows for committed, rows in samples), samples
    assert sum(ends.values()) == 200
    assert store.metrics.value("newsflow_store_records_stored_total", table="claims") == 100


def test_poison_records_are_dead_lettered_with_their_source_and_the_rest_is_stored(
    store_settings: StoreSettings, start_store: StartStore
) -> None:
    good = make_article(1)
    v99 = json.loads(encode(make_article(2)))
    v99["schema_version"] = 99
    nul = make_article(3, body="a NUL \x00 Postgres cannot store")
    landed = produce(
        store_settings,
        [
            (ARTICLES_RAW, b"a-v99", json.dumps(v99).encode()),
            (CLAIMS_EXTRACTED, b"a-bad", b"{this is not json"),
            (EVENTS_EXTRACTED, b"a-tomb", None),
            (ARTICLES_RAW, nul.article_id.encode(), encode(nul)),
            (ARTICLES_RAW, good.article_id.encode(), encode(good)),
            (CLAIMS_EXTRACTED, good.article_id.encode(), encode(make_claim(good))),
            (EVENTS_EXTRACTED, good.article_id.encode(), encode(make_event(good))),
        ],
    )
    ends = ends_of(landed)

    store = start_store(store_settings)
    wait_until(
        lambda: _all_committed(store_settings, ends),
        timeout_s=30,
        what="offsets committed",
        store=store,
    )
    letters = read_dead_letters(store_settings, expected=4, timeout_s=15)
    store.shutdown()

    assert _rows(store_settings) == {"articles": 1, "claims": 1, "events": 1}
    by_key = {letter.key: letter for letter in letters}
    assert sorted(by_key, key=str) == sorted(["a-v99", "a-bad", "a-tomb", nul.article_id], key=str)
    assert len(letters) == 4
    for letter in letters:
        assert letter.stage == "store"
        assert letter.error_class == "PoisonMessageError"
        assert (
            letter.topic is not None and letter.partition is not None and letter.offset is not None
        )
        assert landed[(letter.topic, letter.partition, letter.offset)] == (
            letter.payload.encode() if letter.payload else None
        )
    assert by_key["a-v99"].topic == store_settings.topic(ARTICLES_RAW)
    assert "schema_version" in by_key["a-v99"].error
    assert by_key["a-bad"].topic == store_settings.topic(CLAIMS_EXTRACTED)
    assert "NUL" in by_key[nul.article_id].error
    assert store.metrics.value("newsflow_deadletters_total", stage="store") == 4


def test_replayed_records_add_no_rows_and_change_nothing(
    store_settings: StoreSettings, start_store: StartStore
) -> None:
    first = _produce_stories(store_settings, range(20))
    store = start_store(store_settings)
    wait_until(
        lambda: _all_committed(store_settings, first), timeout_s=30, what="first pass", store=store
    )
    with psycopg.connect(store_settings.database_url.get_secret_value()) as conn:
        before = conn.execute("SELECT claim_id, updated_at FROM claims ORDER BY 1").fetchall()

    replay = _produce_stories(store_settings, range(20))
    wait_until(
        lambda: _all_committed(store_settings, replay), timeout_s=30, what="replay", store=store
    )
    store.shutdown()

    assert _rows(store_settings) == {"articles": 20, "claims": 40, "events": 20}
    with psycopg.connect(store_settings.database_url.get_secret_value()) as conn:
        after = conn.execute("SELECT claim_id, updated_at FROM claims ORDER BY 1").fetchall()
    assert after == before
    assert store.metrics.value("newsflow_store_records_stored_total", table="claims") == 80
    assert store.metrics.value("newsflow_store_rows_changed_total", table="claims") == 40


def _set_connections_allowed(settings: StoreSettings, allowed: bool, *, admin_url: str) -> None:
    dbname = psycopg.conninfo.conninfo_to_dict(settings.database_url.get_secret_value())["dbname"]
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(
            psycopg.sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS {}").format(
                psycopg.sql.Identifier(str(dbname)), psycopg.sql.Literal(allowed)
            )
        )
        if not allowed:
            _terminate_store_connections(admin, str(dbname))


def _terminate_store_connections(admin: psycopg.Connection[Any], dbname: str) -> int:
    rows = admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE datname = %s AND application_name = 'newsflow-store'",
        (dbname,),
    ).fetchall()
    return len(rows)


def test_database_outage_loses_nothing_and_stores_every_record_once(
    store_settings: StoreSettings, start_store: StartStore, postgres_server_url: str
) -> None:
    store = start_store(store_settings)
    before_outage = _produce_stories(store_settings, range(10))
    wait_until(
        lambda: _all_committed(store_settings, before_outage),
        timeout_s=30,
        what="before",
        store=store,
    )

    _set_connections_allowed(store_settings, False, admin_url=postgres_server_url)
    try:
        during = merge_ends(before_outage, _produce_stories(store_settings, range(10, 30)))
        time.sleep(2.0)  # the store polls, fails, backs off, fails to reconnect…
        assert committed_offsets(store_settings, store_settings.store_group_id, during) == {
            tp: before_outage.get(tp, 0) for tp in during
        }, "offsets of records that are not in Postgres were committed"
    finally:
        _set_connections_allowed(store_settings, True, admin_url=postgres_server_url)

    # A second, shorter cut while records keep flowing: kill the store's sessions mid-stream.
    everything = during
    for chunk in range(30, 60, 10):
        everything = merge_ends(
            everything, _produce_stories(store_settings, range(chunk, chunk + 10))
        )
        with psycopg.connect(postgres_server_url, autocommit=True) as admin:
            dbname = psycopg.conninfo.conninfo_to_dict(
                store_settings.database_url.get_secret_value()
            )
            _terminate_store_connections(admin, str(dbname["dbname"]))

    wait_until(
        lambda: _all_committed(store_settings, everything),
        timeout_s=40,
        what="recovery",
        store=store,
    )
    store.shutdown()

    assert _rows(store_settings) == {"articles": 60, "claims": 120, "events": 60}
    assert store.metrics.value("newsflow_store_retries_total") > 0
    with psycopg.connect(store_settings.database_url.get_secret_value()) as conn:
        ids = conn.execute("SELECT article_id FROM articles").fetchall()
    assert {r[0] for r in ids} == {make_article(n).article_id for n in range(60)}


def test_stopping_with_the_database_down_commits_nothing_of_the_batch_in_hand(
    store_settings: StoreSettings, start_store: StartStore, postgres_server_url: str
) -> None:
    store = start_store(store_settings)
    first = _produce_stories(store_settings, range(3))
    wait_until(
        lambda: _all_committed(store_settings, first), timeout_s=30, what="first batch", store=store
    )

    _set_connections_allowed(store_settings, False, admin_url=postgres_server_url)
    try:
        unstored = merge_ends(first, _produce_stories(store_settings, range(3, 6)))
        wait_until(
            lambda: store.metrics.value("newsflow_store_retries_total") > 0,
            timeout_s=15,
            what="a failed attempt",
        )
        store.shutdown()
    finally:
        _set_connections_allowed(store_settings, True, admin_url=postgres_server_url)

    assert committed_offsets(store_settings, store_settings.store_group_id, unstored) == {
        tp: first.get(tp, 0) for tp in unstored
    }
    # A new store in the same group picks the uncommitted records up.
    again = start_store(store_settings)
    wait_until(
        lambda: _all_committed(store_settings, unstored), timeout_s=30, what="pick-up", store=again
    )
    again.shutdown()
    assert _rows(store_settings) == {"articles": 6, "claims": 12, "events": 6}


def test_a_new_consumer_in_the_group_finds_nothing_left_to_read(
    store_settings: StoreSettings, start_store: StartStore
) -> None:
    ends = _produce_stories(store_settings, range(5))
    store = start_store(store_settings)
    wait_until(lambda: _rows(store_settings)["events"] == 5, timeout_s=30, what="rows", store=store)
    wait_until(
        lambda: _all_committed(store_settings, ends), timeout_s=10, what="commit", store=store
    )
    store.shutdown()

    consumer = KafkaConsumer(
        group_id=store_settings.store_group_id,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        **store_settings.kafka_client_options(),
    )
    try:
        consumer.assign(list(ends))
        leftover = [r for rs in consumer.poll(timeout_ms=1500).values() for r in rs]
        positions = {tp: consumer.position(tp) for tp in ends}
    finally:
        consumer.close(autocommit=False)
    assert leftover == []
    assert positions == ends


def test_rebalances_between_two_stores_lose_nothing_and_duplicate_no_rows(
    store_settings: StoreSettings, start_store: StartStore
) -> None:
    first = start_store(store_settings)
    ends = _produce_stories(store_settings, range(10))
    wait_until(lambda: _all_committed(store_settings, ends), timeout_s=30, what="A", store=first)

    second = start_store(store_settings)  # joining triggers a rebalance: the two share the work
    chunk = 10
    while second.metrics.value("newsflow_store_batches_total") == 0:
        assert chunk < 200, "the second store never got a partition"
        ends = merge_ends(ends, _produce_stories(store_settings, range(chunk, chunk + 10)))
        chunk += 10
        time.sleep(0.5)
    second.shutdown()  # leaving triggers another; the first store takes every partition back
    ends = merge_ends(ends, _produce_stories(store_settings, range(chunk, chunk + 10)))

    wait_until(lambda: _all_committed(store_settings, ends), timeout_s=40, what="all", store=first)
    first.shutdown()

    assert _rows(store_settings) == {
        "articles": chunk + 10,
        "claims": 2 * chunk + 20,
        "events": chunk + 10,
    }
