"""A Prometheus-like scrape of every ``newsflow serve X`` as it runs, before any traffic: every
service answers ``/metrics``, follows the naming conventions, shows its error counters at 0, and
every metric the Grafana dashboard queries is among the series scraped."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from services.stack.broker import free_port
from services.store.adapters.migrations import migrate
from shared.kafka import ensure_topics
from shared.settings import KafkaSettings

from .support import Samples, ServiceProcess, series, value
from .test_dashboard import dashboard_exprs, metric_names

pytestmark = pytest.mark.integration

SERVICES = ("ingest", "api", "extract", "store")
# Counters of errors that must have a series (at 0) from start-up, per service.
ZERO_AT_START = {
    "ingest": [
        ("newsflow_ingest_requests_rejected_total", {"reason": "unauthorized"}),
        ("newsflow_ingest_articles_rejected_total", {"reason": "invalid"}),
        ("newsflow_ingest_publish_failures_total", {}),
    ],
    "extract": [
        ("newsflow_extract_errors_total", {"kind": "extract"}),
        ("newsflow_deadletters_total", {"stage": "extract"}),
    ],
    "store": [
        ("newsflow_store_errors_total", {"kind": "database_rejected"}),
        ("newsflow_deadletters_total", {"stage": "store"}),
    ],
    "api": [],
}


@pytest.fixture
def services(
    kafka_bootstrap: str, topic_prefix: str, database_url: str, tmp_path: Path
) -> Iterator[dict[str, ServiceProcess]]:
    ensure_topics(
        KafkaSettings(
            kafka_bootstrap=kafka_bootstrap, topic_prefix=topic_prefix, topic_partitions=1
        )
    )
    migrate(database_url=database_url)
    ports = {name: free_port() for name in SERVICES}
    common = {
        "NEWSFLOW_KAFKA_BOOTSTRAP": kafka_bootstrap,
        "NEWSFLOW_TOPIC_PREFIX": topic_prefix,
        "NEWSFLOW_TOPIC_PARTITIONS": "1",
        "NEWSFLOW_DATABASE_URL": database_url,
        "NEWSFLOW_LOG_FORMAT": "json",
    }
    env = {
        "ingest": {
            "NEWSFLOW_HTTP_PORT": str(ports["ingest"]),
            "NEWSFLOW_API_KEYS": "scrape-test-key-0123456789",
        },
        "api": {"NEWSFLOW_API_PORT": str(ports["api"])},
        "extract": {
            "NEWSFLOW_METRICS_PORT": str(ports["extract"]),
            "NEWSFLOW_EXTRACT_APP_ID": f"{topic_prefix}extract",
            "NEWSFLOW_EXTRACT_DATADIR": str(tmp_path / "faust"),
            "NEWSFLOW_EXTRACT_LAG_INTERVAL_S": "0.5",
        },
        "store": {
            "NEWSFLOW_METRICS_PORT": str(ports["store"]),
            "NEWSFLOW_STORE_GROUP_ID": f"{topic_prefix}store",
            "NEWSFLOW_STORE_POLL_TIMEOUT_MS": "200",
        },
    }
    started: dict[str, ServiceProcess] = {}
    try:
        for name in SERVICES:
            started[name] = ServiceProcess.start(
                name, {**common, **env[name]}, tmp_path / f"{name}.log", ports[name]
            )
        yield started
    finally:
        for service in started.values():
            service.stop()


def _has_lag(samples: Samples) -> bool:
    return any(
        series(samples, name)
        for name in ("newsflow_extract_consumer_lag_records", "newsflow_store_consumer_lag_records")
    )


def test_every_service_serves_conventional_metrics_that_cover_the_dashboard(
    services: dict[str, ServiceProcess],
) -> None:
    # The query API's request series exist once it answered something; in a cluster its probes
    # see to that within seconds.
    services["api"].scrape_until(lambda s: bool(s), timeout_s=60, what="/metrics")
    with urllib.request.urlopen(f"http://127.0.0.1:{services['api'].metrics_port}/healthz") as r:
        assert r.status == 200

    scraped: dict[str, Samples] = {}
    for name, service in services.items():
        # The consumers' lag gauges appear once they have their partitions.
        wait_for_lag = name in ("extract", "store")
        scraped[name] = service.scrape_until(
            lambda s, lag=wait_for_lag: (
                value(s, "process_resident_memory_bytes") > 0 and (not lag or _has_lag(s))
            ),
            timeout_s=120,
            what="process metrics (and, for a consumer, its lag gauges)",
        )

    for name, samples in scraped.items():
        own = {n for n, _ in samples if not n.startswith(("process_", "python_"))}
        assert own, f"{name}: no newsflow metric"
        assert all(n.startswith("newsflow_") for n in own), (name, sorted(own))
        for metric, labels in ZERO_AT_START[name]:
            assert (metric, frozenset(labels.items())) in samples, (name, metric, labels)
            assert value(samples, metric, **labels) == 0

    exposed = {n for samples in scraped.values() for n, _ in samples}
    queried = set().union(*(metric_names(e) for e in dashboard_exprs()))
    assert queried, "no metric found in the dashboard's queries"
    assert queried - exposed == set()
