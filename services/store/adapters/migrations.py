"""Schema migrations of the store: numbered ``.sql`` files shipped in ``services/store/migrations``.

Each file runs once, in its own transaction, and is recorded in ``schema_migrations`` in that same
transaction, so a crash leaves every migration either fully applied and recorded or not at all.
A session-level advisory lock serialises concurrent callers (several store workers starting at
once): the second one waits, then finds nothing left to do.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources

import psycopg

from shared.errors import RetriableError

log = logging.getLogger(__name__)

# Any constant works as long as nothing else in the database uses it: "newsflow" in ASCII.
MIGRATION_LOCK_ID = 0x6E657773666C6F77

_CREATE_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
)
"""


@dataclass(frozen=True)
class Migration:
    version: str
    sql: str


def bundled_migrations() -> list[Migration]:
    """The migrations shipped with the package, in the order they apply (by file name)."""
    folder = resources.files("services.store").joinpath("migrations")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
    return [Migration(version=f.name.removesuffix(".sql"), sql=f.read_text("utf-8")) for f in files]


def migrate(*, database_url: str, migrations: list[Migration] | None = None) -> list[str]:
    """Apply the migrations ``database_url`` has not seen yet; return the versions applied.

    Repeatable: a second call returns ``[]``. Safe to call from several processes at once.
    Raises :class:`RetriableError` when the database cannot be reached; a migration whose SQL
    fails raises the ``psycopg`` error after rolling that migration back (the ones before it stay
    applied).
    """
    pending_source = bundled_migrations() if migrations is None else migrations
    try:
        with psycopg.connect(database_url, autocommit=True) as conn:
            conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK_ID,))
            try:
                return _apply_pending(conn, migrations=pending_source)
            finally:
                conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK_ID,))
    except psycopg.OperationalError as exc:
        raise RetriableError(f"migrations: database unavailable: {exc}") from exc


def applied_versions(conn: psycopg.Connection) -> set[str]:
    rows = conn.execute("SELECT version FROM schema_migrations").fetchall()
    return {row[0] for row in rows}


def _apply_pending(conn: psycopg.Connection, *, migrations: list[Migration]) -> list[str]:
    # Only create the ledger when it is missing: CREATE … IF NOT EXISTS still needs the CREATE
    # privilege, which a least-privilege service role (newsflow_app) does not have. Such a role
    # gets here only to find everything applied.
    if conn.execute("SELECT to_regclass('schema_migrations')").fetchone() == (None,):
        conn.execute(_CREATE_LEDGER)
    done = applied_versions(conn)
    applied: list[str] = []
    for migration in migrations:
        if migration.version in done:
            continue
        with conn.transaction():
            # A file holds several statements; without parameters psycopg sends it as one
            # simple query, which Postgres runs statement by statement inside this transaction.
            conn.execute(migration.sql.encode("utf-8"))
            conn.execute(
                "INSERT INTO schema_migrations (version) VALUES (%s)", (migration.version,)
            )
        log.info("applied migration %s", migration.version)
        applied.append(migration.version)
    return applied
