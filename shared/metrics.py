"""The metrics scaffold of the services: :class:`ServiceMetrics` (ingest, and the query API)
and :class:`ConsumerMetrics` (extract, store), the HTTP server and the per-partition gauges.

Each service keeps its metrics in a :class:`CollectorRegistry` of its own (several services or
test instances in one process never clash over the process-wide default registry) and serves
it with prometheus_client's own server (:func:`start_metrics_server`) or a route of its API.
Names follow Prometheus conventions: one ``newsflow_`` prefix, the unit in the name,
``_total`` counters. A counter made with ``known`` label values has a series at 0 for each
from start-up, so ``rate(…)`` is 0 rather than "no data" before the first one.

>>> metrics = ConsumerMetrics("demo", lag="Records behind the head.", stage="store")
>>> metrics.set_lag({("claims.extracted", 0): 7})
>>> metrics.value("newsflow_demo_consumer_lag_records", topic="claims.extracted", partition="0")
7.0
>>> metrics.value("newsflow_deadletters_total", stage="store")
0.0
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    generate_latest,
    start_http_server,
)

from shared.errors import ConfigurationError

SECONDS_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 120.0)


class ServiceMetrics:
    """A registry of the service's own with the process collector (``process_*``: CPU, memory,
    open files), and the helpers its subclass builds its metrics with."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        ProcessCollector(registry=self.registry)

    def counter(
        self, name: str, documentation: str, label: str | None = None, known: Iterable[str] = ()
    ) -> Counter:
        """A counter, with one label or none; each of ``known`` gets its series at 0."""
        counter = Counter(name, documentation, [label] if label else [], registry=self.registry)
        for value in known:
            counter.labels(value)
        return counter

    def histogram(
        self, name: str, documentation: str, buckets: Sequence[float] = SECONDS_BUCKETS
    ) -> Histogram:
        return Histogram(name, documentation, buckets=buckets, registry=self.registry)

    def value(self, name: str, **labels: str) -> float:
        """One sample's current value (0.0 if never set), e.g. ``value("…_total", kind="x")``."""
        sample = self.registry.get_sample_value(name, labels)
        return sample if sample is not None else 0.0

    def exposition(self) -> bytes:
        """The registry in the Prometheus text format."""
        return generate_latest(self.registry)


class ConsumerMetrics(ServiceMetrics):
    """What every Kafka consumer of newsflow reports, besides its own metrics:

    ``newsflow_<service>_messages_consumed_total{topic}`` records read from Kafka (a replayed
    record counts again); ``newsflow_<service>_consumer_lag_records{topic,partition}`` per
    assigned partition (``lag`` says how it is measured); ``newsflow_deadletters_total{stage}``
    records sent to the dead-letter topic, under one name for every stage.
    """

    def __init__(
        self,
        service: str,
        *,
        lag: str,
        stage: Literal["ingest", "extract", "store"],
        registry: CollectorRegistry | None = None,
    ) -> None:
        super().__init__(registry)
        self.consumed = self.counter(
            f"newsflow_{service}_messages_consumed", "Records read from Kafka, by topic.", "topic"
        )
        self.consumer_lag = Gauge(
            f"newsflow_{service}_consumer_lag_records",
            lag,
            ["topic", "partition"],
            registry=self.registry,
        )
        self.deadletters = self.counter(
            "newsflow_deadletters",
            "Records sent to the dead-letter topic, by stage.",
            "stage",
            known=(stage,),
        )

    def set_lag(self, lags: Mapping[tuple[str, int], int]) -> None:
        """Replace the lag gauges with ``lags`` (partitions no longer assigned disappear); an
        assigned topic's consumed counter gets its series (at 0 until its first record)."""
        set_partition_gauges(self.consumer_lag, lags)
        for topic in {topic for topic, _ in lags}:
            self.consumed.labels(topic=topic)


def set_partition_gauges(gauge: Gauge, values: Mapping[tuple[str, int], int]) -> None:
    """Set ``gauge{topic,partition}`` to ``values`` and drop the partitions not in it, so a
    partition revoked by a rebalance does not keep reporting its last lag."""
    wanted = {(topic, str(partition)): value for (topic, partition), value in values.items()}
    for labels in list(_label_sets(gauge)):
        if labels not in wanted:
            gauge.remove(*labels)
    for (topic, partition), value in wanted.items():
        gauge.labels(topic=topic, partition=partition).set(value)


def _label_sets(gauge: Gauge) -> list[tuple[str, str]]:
    seen = []
    for metric in gauge.collect():
        for sample in metric.samples:
            seen.append((sample.labels["topic"], sample.labels["partition"]))
    return seen


def start_metrics_server(
    registry: CollectorRegistry, *, host: str, port: int
) -> Callable[[], None]:
    """Serve ``registry`` on ``http://host:port/metrics`` (a daemon thread); return a stopper.

    A port already taken is a configuration error (two services given the same port, e.g.
    ``NEWSFLOW_METRICS_PORT`` inherited by every service of the embedded stack)."""
    try:
        server, thread = start_http_server(port, addr=host, registry=registry)
    except OSError as exc:
        raise ConfigurationError(
            f"cannot serve metrics on {host}:{port} ({exc.strerror or exc}); give each service "
            "its own port (NEWSFLOW_EXTRACT_METRICS_PORT, NEWSFLOW_STORE_METRICS_PORT)"
        ) from exc

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    return stop
