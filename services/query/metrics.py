"""Prometheus metrics of the query API (``newsflow serve api``), in a registry of their own, and
the ``GET /metrics`` route that serves them.

    newsflow_api_requests_total{method,route,code}  requests answered; ``route`` is the
                                  matched path template (``/v1/incidents/{incident_id}``), never
                                  the path itself, and ``unmatched`` for a path no route takes,
                                  so the labels stay bounded
    newsflow_api_request_duration_seconds{route}  time to the response's first byte
    process_*                     CPU, memory, open files of the serving process

``/metrics`` is not itself counted and needs no key (the query API has none).

>>> from fastapi import FastAPI
>>> from fastapi.testclient import TestClient
>>> app = FastAPI()
>>> metrics = mount_metrics(app)
>>> @app.get("/v1/things/{thing_id}")
... def thing(thing_id: str) -> dict[str, str]:
...     return {"id": thing_id}
>>> client = TestClient(app)
>>> client.get("/v1/things/a-1").status_code
200
>>> labels = {"method": "GET", "route": "/v1/things/{thing_id}", "code": "200"}
>>> metrics.registry.get_sample_value("newsflow_api_requests_total", labels)
1.0
"""

from __future__ import annotations

import time

from fastapi import FastAPI
from fastapi.responses import Response
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.types import ASGIApp, Message, Receive, Scope, Send

METRICS_PATH = "/metrics"
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_SECONDS_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class ApiMetrics:
    """The counters and histogram of the query API."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        self.requests = Counter(
            "newsflow_api_requests",
            "Requests answered, by method, matched route template and status code.",
            ["method", "route", "code"],
            registry=self.registry,
        )
        self.request_seconds = Histogram(
            "newsflow_api_request_duration_seconds",
            "Time from a request's arrival to the start of its response, by route template.",
            ["route"],
            buckets=_SECONDS_BUCKETS,
            registry=self.registry,
        )
        ProcessCollector(registry=self.registry)

    def exposition(self) -> bytes:
        """The registry in the Prometheus text format."""
        return generate_latest(self.registry)


class _CountRequests:
    """Pure ASGI middleware (no body buffering): counts each HTTP response by route template."""

    def __init__(self, app: ASGIApp, *, metrics: ApiMetrics) -> None:
        self._app = app
        self._metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") == METRICS_PATH:
            await self._app(scope, receive, send)
            return
        started = time.perf_counter()
        status: list[int] = []

        async def send_counting(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(int(message["status"]))
                self._metrics.request_seconds.labels(_route(scope)).observe(
                    time.perf_counter() - started
                )
            await send(message)

        try:
            await self._app(scope, receive, send_counting)
        finally:
            method = scope.get("method", "")
            self._metrics.requests.labels(
                method=method if method in _METHODS else "other",
                route=_route(scope),
                code=str(status[0]) if status else "none",
            ).inc()


def _route(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


def mount_metrics(app: FastAPI) -> ApiMetrics:
    """Count ``app``'s requests and serve them on ``GET /metrics``; return the metrics."""
    metrics = ApiMetrics()
    app.add_middleware(_CountRequests, metrics=metrics)

    @app.get(METRICS_PATH, include_in_schema=False)
    def metrics_endpoint() -> Response:
        return Response(content=metrics.exposition(), media_type=CONTENT_TYPE_LATEST)

    return metrics
