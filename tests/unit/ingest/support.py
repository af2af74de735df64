"""Test doubles and helpers for the ingest tests (unit and integration)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from typing import Any

import httpx
from fastapi import FastAPI

from shared.errors import BrokerUnavailableError
from shared.models import RawArticle

# An API key for tests (keys must be at least 16 characters).
TEST_API_KEY = "test-key-0123456789abcdef"
KEY_HEADERS = {"X-API-Key": TEST_API_KEY}


class InMemoryPublisher:
    """An :class:`ArticlePublisher` that keeps what it is given, or fails when told to."""

    def __init__(self) -> None:
        self.published: list[RawArticle] = []
        self.fail_with: Exception | None = None
        self.is_ready = True
        self.closed = False
        self._lock = threading.Lock()

    def publish(self, articles: Sequence[RawArticle]) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        with self._lock:
            self.published.extend(articles)

    def ready(self) -> bool:
        return self.is_ready

    def close(self) -> None:
        self.closed = True

    def fail(self) -> None:
        self.fail_with = BrokerUnavailableError("broker down (test)")


class SyncApi:
    """Calls an ASGI app in-process through httpx, one request at a time, from sync tests.

    ``raise_app_exceptions=False``: a bug must show up as the 500 a client would see.
    ``headers`` go with every request (e.g. the API key).
    """

    def __init__(self, app: FastAPI, *, headers: dict[str, str] | None = None) -> None:
        self.app = app
        self.headers = headers or {}

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://ingest", headers=self.headers
            ) as c:
                return await c.request(method, path, **kwargs)

        return asyncio.run(call())

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)
