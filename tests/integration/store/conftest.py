"""Fixtures of the store's integration tests: settings pointing at the test broker and a fresh
database, and a store running in a thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from pydantic import SecretStr

from services.store.app import run
from services.store.metrics import StoreMetrics
from services.store.settings import StoreSettings
from shared.kafka import ensure_topics

from .support import RunningStore


@pytest.fixture
def store_settings(kafka_bootstrap: str, database_url: str, topic_prefix: str) -> StoreSettings:
    settings = StoreSettings(
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=topic_prefix,
        topic_partitions=2,
        database_url=SecretStr(database_url),
        store_group_id=f"{topic_prefix}store",
        store_poll_timeout_ms=200,
        store_backoff_initial_s=0.1,
        store_backoff_max_s=0.5,
        store_log_interval_s=1.0,
    )
    ensure_topics(settings)
    return settings


@pytest.fixture
def start_store() -> Iterator[Callable[[StoreSettings], RunningStore]]:
    """Starts ``run()`` in a thread; every store started is stopped at the end of the test."""
    started: list[RunningStore] = []

    def start(settings: StoreSettings) -> RunningStore:
        stop = threading.Event()
        errors: list[BaseException] = []
        metrics = StoreMetrics()

        def target() -> None:
            try:
                run(settings, stop=stop, metrics=metrics)
            except BaseException as exc:
                errors.append(exc)
                raise

        thread = threading.Thread(target=target, name="store-under-test", daemon=True)
        thread.start()
        handle = RunningStore(stop=stop, thread=thread, metrics=metrics, errors=errors)
        started.append(handle)
        return handle

    yield start
    for handle in started:
        if handle.thread.is_alive():
            handle.shutdown()
