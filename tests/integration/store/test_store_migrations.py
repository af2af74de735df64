"""Store migrations against a real Postgres."""

from __future__ import annotations

import threading

import psycopg
import pytest

from services.store.adapters.migrations import Migration, bundled_migrations, migrate
from shared.errors import RetriableError

pytestmark = pytest.mark.integration

ALL_VERSIONS = [m.version for m in bundled_migrations()]


def _tables(database_url: str) -> set[str]:
    with psycopg.connect(database_url) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
    return {r[0] for r in rows}


def _recorded(database_url: str) -> list[str]:
    with psycopg.connect(database_url) as conn:
        rows = conn.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    return [r[0] for r in rows]


def test_migrate_creates_the_tables_and_records_the_version(database_url: str) -> None:
    applied = migrate(database_url=database_url)

    assert applied == ALL_VERSIONS
    assert {"articles", "claims", "events", "schema_migrations"} <= _tables(database_url)
    assert _recorded(database_url) == ALL_VERSIONS


def test_migrate_twice_applies_nothing_the_second_time(database_url: str) -> None:
    migrate(database_url=database_url)

    assert migrate(database_url=database_url) == []
    assert _recorded(database_url) == ALL_VERSIONS


def test_concurrent_migrations_apply_each_version_exactly_once(database_url: str) -> None:
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            results.append(migrate(database_url=database_url))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)

    assert errors == []
    assert sorted(results) == [[], [], [], ALL_VERSIONS]


def test_a_failing_migration_is_rolled_back_and_not_recorded(database_url: str) -> None:
    broken = Migration(
        version="9999_broken",
        sql="CREATE TABLE half_done (id int); SELECT * FROM no_such_table;",
    )

    with pytest.raises(psycopg.errors.UndefinedTable):
        migrate(database_url=database_url, migrations=[*bundled_migrations(), broken])

    assert _recorded(database_url) == ALL_VERSIONS  # the ones before it stay applied
    assert "half_done" not in _tables(database_url)


def test_an_unreachable_database_is_a_retriable_error() -> None:
    from services.stack.broker import free_port

    nobody_listens = f"postgresql://postgres@127.0.0.1:{free_port()}/newsflow?connect_timeout=2"

    with pytest.raises(RetriableError):
        migrate(database_url=nobody_listens)
