"""schemathesis against both OpenAPI documents, in-process, on the real broker and Postgres.

Every operation of the ingest API and of the query API gets generated requests — valid ones
(the documents state the real rules: URL pattern, lengths, "body or html", list sizes, so most
generated articles are accepted) and invalid ones — sent through the ASGI transport. Checks:
never a 5xx (``not_a_server_error``) and every answer matches its documented schema
(``response_schema_conformance``). Every article the ingest API accepted must then be on
``articles.raw``.

Runs are bounded and reproducible: a fixed number of examples per operation, derandomized
generation, no example database. (schemathesis's own pytest plugin is not used: its lazy
schemas rely on pytest internals that pytest 9 no longer has.)
"""

from __future__ import annotations

import copy
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import psycopg
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pydantic import SecretStr
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, response_schema_conformance

from services.ingest.adapters.feed_store import PgFeedStore
from services.ingest.app import connect_kafka_publisher
from services.ingest.app import create_app as create_ingest_app
from services.ingest.feeds import FeedService
from services.ingest.settings import IngestSettings
from services.query.app import create_app as create_query_app
from services.query.settings import ApiSettings
from services.store.adapters.migrations import migrate
from services.store.adapters.pg_writer import open_connection
from shared.kafka import ensure_topics
from shared.settings import KafkaSettings
from tests.integration.ingest.conftest import read_records
from tests.integration.query.samples import article, claim, event, store

pytestmark = pytest.mark.faults

API_KEY = "schemathesis-key-0123456789"
# The run's time is printed, not asserted (a run took 119 s on a loaded machine): the services'
# speed is measured by the bench (make bench, docs/benchmarks.md); the suite's timeout catches
# a hang.
EXAMPLES_PER_OPERATION = 250
CHECKS = [not_a_server_error, response_schema_conformance]


@dataclass
class Tally:
    """What a run sent and got back."""

    examples: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    accepted_ids: set[str] = field(default_factory=set)

    def summary(self) -> str:
        return ", ".join(f"{key}: {count}" for key, count in sorted(self.statuses.items()))


def run_schema(schema: Any, *, headers: dict[str, str], tally: Tally, max_examples: int) -> None:
    """Generate and check ``max_examples`` valid and invalid requests per operation. Raises
    schemathesis's failure (with a reproduction) on the first check that fails."""
    for result in schema.get_all_operations():
        operation = result.ok()
        cases = st.one_of(
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        )

        @settings(
            max_examples=max_examples,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=cases)
        def check(case: Any) -> None:
            response = case.call_and_validate(checks=CHECKS, headers=headers)
            tally.examples += 1
            tally.statuses[f"{case.method} {case.path} {response.status_code}"] += 1
            if response.status_code == 202 and case.path == "/v1/articles":
                tally.accepted_ids.update(response.json()["article_ids"])

        check()


GENERATED_SIZE_MAX = 10_000
"""Hypothesis generates no string or list longer than about this: a schema bound above it (the
200,000-character body) would make the too-long negative cases impossible to generate and fail
the run. The generator sees the bounds capped here; the server keeps the real ones (tested at
their values in tests/unit/ingest)."""


def _fuzzable(app: Any) -> Any:
    """The app's OpenAPI document, with bounds Hypothesis can generate around, calling the app."""
    document = copy.deepcopy(app.openapi())
    _cap_bounds(document)
    schema = schemathesis.openapi.from_dict(document)
    schema.app = app
    schema.location = "/openapi.json"
    return schema


def _cap_bounds(node: Any) -> None:
    if isinstance(node, dict):
        for key in ("maxLength", "maxItems"):
            if isinstance(node.get(key), int) and node[key] > GENERATED_SIZE_MAX:
                node[key] = GENERATED_SIZE_MAX
        for value in node.values():
            _cap_bounds(value)
    elif isinstance(node, list):
        for value in node:
            _cap_bounds(value)


@pytest.fixture
def ingest_settings(kafka_bootstrap: str, database_url: str) -> Iterator[IngestSettings]:
    prefix = f"st{uuid.uuid4().hex[:8]}."
    ensure_topics(KafkaSettings(kafka_bootstrap=kafka_bootstrap, topic_prefix=prefix))
    migrate(database_url=database_url)
    yield IngestSettings(
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=prefix,
        publish_timeout_s=10,
        dev_mode=False,
        api_keys=SecretStr(API_KEY),
        api_keys_file=None,
        rate_limit_per_s=0,  # thousands of requests in a minute are the point here
        database_url=SecretStr(database_url),
    )


def test_ingest_api_conforms_to_its_openapi_document(ingest_settings: IngestSettings) -> None:
    assert ingest_settings.database_url is not None
    publisher = connect_kafka_publisher(ingest_settings)
    # The feed API on the real Postgres; poll=False: generated feed URLs are not fetched.
    feeds = FeedService(
        ingest_settings,
        store=PgFeedStore(ingest_settings.database_url.get_secret_value()),
        publisher=publisher,
        poll=False,
    )
    app = create_ingest_app(ingest_settings, publisher, feeds=feeds)
    tally = Tally()
    started = time.monotonic()
    try:
        run_schema(
            _fuzzable(app),
            headers={"X-API-Key": API_KEY, "Authorization": f"Bearer {API_KEY}"},
            tally=tally,
            max_examples=EXAMPLES_PER_OPERATION,
        )
    finally:
        publisher.close()
    elapsed = time.monotonic() - started
    print(
        f"\nschemathesis ingest: {tally.examples} examples in {elapsed:.0f}s, 0 failures; "
        f"{tally.summary()}"
    )
    assert tally.statuses["POST /v1/articles 202"] >= EXAMPLES_PER_OPERATION // 4
    records = read_records(ingest_settings, expected=len(tally.accepted_ids), timeout_s=60)
    assert tally.accepted_ids <= {key.decode() for key, _ in records}


@pytest.fixture
def query_settings(database_url: str) -> ApiSettings:
    migrate(database_url=database_url)
    with open_connection(database_url=database_url) as conn:
        seed(conn)
    return ApiSettings(database_url=SecretStr(database_url), api_pool_max=2)


def seed(conn: psycopg.Connection[Any]) -> None:
    """A few rows so that lists, details and cursors have something to return."""
    stories = [article(n) for n in range(1, 4)]
    store(
        conn,
        articles=stories,
        claims=[claim(a, n) for n, a in enumerate(stories)],
        events=[event(a, n) for n, a in enumerate(stories)],
    )


def test_query_api_conforms_to_its_openapi_document(query_settings: ApiSettings) -> None:
    app = create_query_app(query_settings)
    tally = Tally()
    started = time.monotonic()
    run_schema(
        _fuzzable(app),
        headers={},
        tally=tally,
        max_examples=EXAMPLES_PER_OPERATION,
    )
    elapsed = time.monotonic() - started
    print(
        f"\nschemathesis query API: {tally.examples} examples in {elapsed:.0f}s, 0 failures; "
        f"{tally.summary()}"
    )
