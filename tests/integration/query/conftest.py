"""Fixtures of the query API tests: a fresh, migrated database, a writer connection, and the app
served in-process (its own pool, opened and closed by the app's lifespan) against it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from services.query.app import create_app
from services.query.settings import ApiSettings
from services.store.adapters.migrations import migrate
from services.store.adapters.pg_writer import open_connection


@pytest.fixture
def migrated_url(database_url: str) -> str:
    migrate(database_url=database_url)
    return database_url


@pytest.fixture
def conn(migrated_url: str) -> Iterator[psycopg.Connection[Any]]:
    with open_connection(database_url=migrated_url) as connection:
        yield connection


@pytest.fixture
def client(migrated_url: str) -> Iterator[TestClient]:
    settings = ApiSettings(database_url=SecretStr(migrated_url), api_pool_max=2)
    with TestClient(create_app(settings)) as test_client:
        yield test_client
