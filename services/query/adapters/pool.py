"""The query API's Postgres connections: a psycopg_pool pool of autocommit connections.

Contract: the pool is created closed; :func:`open_pool` opens it without waiting for the database,
so the API starts (and ``/healthz`` answers) while Postgres is still coming up. A request that
cannot get a connection within ``timeout_s`` gets ``psycopg_pool.PoolTimeout``; a connection that
broke is checked and replaced by the pool on its next use. Every connection has a
``statement_timeout``, so one slow query cannot hold a connection for ever.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg_pool import ConnectionPool


def make_pool(
    *,
    database_url: str,
    min_size: int,
    max_size: int,
    timeout_s: float,
    statement_timeout_ms: int,
) -> ConnectionPool[psycopg.Connection[Any]]:
    """A closed pool; open it with :func:`open_pool` and close it with ``pool.close()``."""
    return ConnectionPool(
        database_url,
        min_size=min_size,
        max_size=max_size,
        timeout=timeout_s,
        open=False,
        name="newsflow-api",
        check=ConnectionPool.check_connection,
        kwargs={
            # Reads only; autocommit keeps no transaction open between statements.
            "autocommit": True,
            "application_name": "newsflow-api",
            "connect_timeout": max(1, int(timeout_s)),
            "options": f"-c statement_timeout={statement_timeout_ms}",
        },
    )


def open_pool(pool: ConnectionPool[psycopg.Connection[Any]]) -> None:
    """Start the pool's workers; connections are made in the background."""
    pool.open(wait=False)
