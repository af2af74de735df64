"""The Grafana dashboard queries only metrics the services expose (names drift otherwise)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from prometheus_client import CollectorRegistry

from services.extract.metrics import ExtractMetrics
from services.ingest.adapters.metrics import IngestMetrics
from services.query.metrics import ApiMetrics
from services.store.metrics import StoreMetrics

ROOT = Path(__file__).resolve().parents[3]
DASHBOARD = ROOT / "deploy" / "grafana" / "newsflow.json"

_SUFFIXES = {
    "counter": ("_total",),
    "histogram": ("_bucket", "_count", "_sum"),
    "gauge": ("",),
}


def _exposed_names(*registries: CollectorRegistry) -> set[str]:
    names: set[str] = set()
    for registry in registries:
        for family in registry.collect():
            names.update(family.name + s for s in _SUFFIXES.get(family.type, ("",)))
    return names


def metric_names(expr: str) -> set[str]:
    """The metric names in a PromQL expression: identifiers that are neither functions,
    aggregation keywords, label names in ``by (…)`` nor inside ``{…}`` or ``[…]``."""
    expr = re.sub(r"\{[^}]*\}|\[[^\]]*\]|\b(by|without)\s*\([^)]*\)", " ", expr)
    expr = re.sub(r"\b[a-z_]+\s*\(", "(", expr)  # function calls and aggregations
    return set(re.findall(r"\b[a-z_][a-z0-9_]*\b", expr))


def dashboard_exprs() -> list[str]:
    doc = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return [
        target["expr"]
        for panel in doc["panels"]
        for target in panel.get("targets", [])
        if "expr" in target
    ]


def _registries() -> list[CollectorRegistry]:
    return [
        IngestMetrics().registry,
        ApiMetrics().registry,
        ExtractMetrics().registry,
        StoreMetrics().registry,
    ]


def test_every_metric_on_the_dashboard_is_exposed_by_a_service() -> None:
    exposed = _exposed_names(*_registries())
    used = set().union(*(metric_names(e) for e in dashboard_exprs()))
    assert used, "no metric found in the dashboard's queries"
    assert used - exposed == set()


def test_the_dashboard_covers_every_stage() -> None:
    used = set().union(*(metric_names(e) for e in dashboard_exprs()))
    for name in (
        "newsflow_ingest_articles_accepted_total",
        "newsflow_ingest_publish_duration_seconds_bucket",
        "newsflow_extract_articles_total",
        "newsflow_extract_batch_duration_seconds_bucket",
        "newsflow_extract_claims_total",
        "newsflow_extract_events_total",
        "newsflow_deadletters_total",
        "newsflow_store_records_stored_total",
        "newsflow_store_batch_duration_seconds_bucket",
        "newsflow_extract_consumer_lag_records",
        "newsflow_store_consumer_lag_records",
    ):
        assert name in used, name


# The unit a name ends in (Prometheus naming: base units, plural, last).
_UNITS = ("_seconds", "_bytes", "_records", "_articles")


def test_every_metric_has_the_newsflow_prefix_and_a_unit_or_total() -> None:
    for registry in _registries():
        for family in registry.collect():
            if family.name.startswith(("process_", "python_")):
                continue  # prometheus_client's standard collectors
            assert family.name.startswith("newsflow_"), family.name
            if family.type == "counter":
                assert all(s.name.endswith(("_total", "_created")) for s in family.samples)
            else:
                assert family.name.endswith(_UNITS), (family.type, family.name)


def test_every_panel_is_filtered_by_job_and_namespace() -> None:
    for expr in dashboard_exprs():
        for selector in re.findall(r"\b(?:newsflow|process)_[a-z0-9_]+(\{[^}]*\})?", expr):
            assert 'job=~"$job"' in selector and 'namespace=~"$namespace"' in selector, expr
    doc = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    assert {"job", "namespace"} <= {v["name"] for v in doc["templating"]["list"]}
