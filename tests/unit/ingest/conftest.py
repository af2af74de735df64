"""Fixtures for the ingest unit tests: an in-memory publisher and an app around it that
requires :data:`TEST_API_KEY`, which ``api`` sends with every request."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from tests.unit.ingest.support import KEY_HEADERS, TEST_API_KEY, InMemoryPublisher, SyncApi

SEED_ARTICLE = Path(__file__).with_name("seed-article.json")


@pytest.fixture
def seed_article() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED_ARTICLE.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def publisher() -> InMemoryPublisher:
    return InMemoryPublisher()


@pytest.fixture
def settings() -> IngestSettings:
    return IngestSettings(
        max_body_bytes=64 * 1024,
        max_articles_per_request=5,
        retry_after_s=7,
        dev_mode=False,
        api_keys=SecretStr(TEST_API_KEY),
        api_keys_file=None,
    )


@pytest.fixture
def api(settings: IngestSettings, publisher: InMemoryPublisher) -> SyncApi:
    return SyncApi(create_app(settings, publisher), headers=KEY_HEADERS)
