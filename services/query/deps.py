"""What the query API's routes take from the app (FastAPI dependencies): its Postgres pool and
its settings, both put on ``app.state`` by :func:`services.query.app.create_app`.

A route reads with ``read(db, work)``: ``work`` runs on one pooled connection (autocommit), in
the worker thread FastAPI runs the (sync) route in. A pool that has no connection in time raises
``PoolTimeout``, answered ``503`` (:mod:`services.query.errors`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import psycopg
from fastapi import Depends, Request
from psycopg_pool import ConnectionPool

from services.query.settings import ApiSettings

Pool = ConnectionPool[psycopg.Connection[Any]]
T = TypeVar("T")


async def _pool(request: Request) -> Pool:
    pool: Pool = request.app.state.pool
    return pool


async def _settings(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


Database = Annotated[Pool, Depends(_pool)]
Settings = Annotated[ApiSettings, Depends(_settings)]


def read(db: Pool, work: Callable[[psycopg.Connection[Any]], T]) -> T:
    """``work(conn)`` on a connection of ``db``, returned to the pool afterwards."""
    with db.connection() as conn:
        return work(conn)
