"""Helpers the consumer services share for their Prometheus metrics: the HTTP server and the
per-partition gauges.

Each service keeps its metrics in a :class:`CollectorRegistry` of its own (several services or
test instances in one process never clash) and serves it with prometheus_client's own server.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from prometheus_client import CollectorRegistry, Gauge, start_http_server

from shared.errors import ConfigurationError


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
