"""Fixtures for the three test tiers.

Integration and end-to-end tests run against a real Kafka-compatible broker and a real Postgres:

* broker: ``NEWSFLOW_TEST_KAFKA_BOOTSTRAP`` if set (e.g. an Apache Kafka), else a Tansu broker
  started for the session on a free port;
* Postgres: ``NEWSFLOW_TEST_DATABASE_URL`` if set, else the server on 127.0.0.1:5432 if it
  answers, else an embedded PostgreSQL started for the session. Each test gets a fresh database.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from services.stack.broker import TansuBroker
from services.stack.postgres import (
    EmbeddedPostgres,
    drop_database,
    ensure_database,
    is_reachable,
    with_dbname,
)

LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"


@pytest.fixture(scope="session")
def kafka_bootstrap() -> Iterator[str]:
    external = os.environ.get("NEWSFLOW_TEST_KAFKA_BOOTSTRAP")
    if external:
        yield external
        return
    with TansuBroker() as broker:
        yield broker.bootstrap


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    external = os.environ.get("NEWSFLOW_TEST_DATABASE_URL")
    if external:
        yield external
        return
    if is_reachable(LOCAL_POSTGRES):
        yield LOCAL_POSTGRES
        return
    with EmbeddedPostgres() as url:
        yield url


@pytest.fixture
def database_url(postgres_server_url: str) -> Iterator[str]:
    """A fresh, empty database for one test, dropped afterwards."""
    url = with_dbname(postgres_server_url, f"newsflow_test_{uuid.uuid4().hex[:12]}")
    ensure_database(url)
    try:
        yield url
    finally:
        drop_database(url)


@pytest.fixture
def topic_prefix() -> str:
    """A unique prefix so tests sharing one broker never read each other's records."""
    return f"t{uuid.uuid4().hex[:8]}."
