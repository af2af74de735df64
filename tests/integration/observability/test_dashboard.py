"""The Grafana dashboard queries only metrics the services expose (names drift otherwise)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from prometheus_client import CollectorRegistry

from services.extract.metrics import ExtractMetrics
from services.ingest.adapters.metrics import IngestMetrics
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


def _metric_names(expr: str) -> set[str]:
    """The metric names in a PromQL expression: identifiers that are neither functions,
    aggregation keywords, label names in ``by (…)`` nor inside ``{…}`` or ``[…]``."""
    expr = re.sub(r"\{[^}]*\}|\[[^\]]*\]|\b(by|without)\s*\([^)]*\)", " ", expr)
    expr = re.sub(r"\b[a-z_]+\s*\(", "(", expr)  # function calls and aggregations
    return set(re.findall(r"\b[a-z_][a-z0-9_]*\b", expr))


def _dashboard_exprs() -> list[str]:
    doc = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return [
        target["expr"]
        for panel in doc["panels"]
        for target in panel.get("targets", [])
        if "expr" in target
    ]


def test_every_metric_on_the_dashboard_is_exposed_by_a_service() -> None:
    exposed = _exposed_names(
        IngestMetrics().registry, ExtractMetrics().registry, StoreMetrics().registry
    )
    used = set().union(*(_metric_names(e) for e in _dashboard_exprs()))
    assert used, "no metric found in the dashboard's queries"
    assert used - exposed == set()


def test_the_dashboard_covers_every_stage() -> None:
    used = set().union(*(_metric_names(e) for e in _dashboard_exprs()))
    for name in (
        "articles_accepted_total",
        "publish_seconds_bucket",
        "extract_articles_total",
        "extract_batch_seconds_bucket",
        "extract_claims_total",
        "extract_events_total",
        "deadletters_total",
        "records_stored_total",
        "batch_seconds_bucket",
        "extract_consumer_lag",
        "store_consumer_lag",
    ):
        assert name in used, name
