"""Phases 3–4 (HTTP side): the whole pipeline at saturation and at half of it, and the ingest
service alone.

* **Saturation**: POST every sample article, :data:`SATURATION_REPEATS` times under distinct
  URLs (lists of :data:`POST_BATCH`), then wait until their rows are in Postgres;
  articles/s = articles / (newest row's ``first_seen_at`` − first POST).
* **Latency** at 50 % of that rate: one article per POST at a steady rate; per article, the time
  from its POST to the ``first_seen_at`` of its last claim or event row (articles without any
  claim or event are left out: their only row does not go through extract).
* **Ingest alone**: one ingest process, concurrent keep-alive clients, 202 answers per second,
  with one article per request and with lists of :data:`INGEST_LIST_SIZE`.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import psycopg

from services.bench.corpus import CorpusDoc, bench_url, http_payload
from services.bench.http_load import LoadResult, encode_body, post_all, post_at_rate, post_for
from services.bench.infra import Infra, Phase
from services.bench.processes import ServiceProcess, cpu_seconds, stop_all, wait_for_files
from services.bench.rows import article_seen, last_seen, output_seen, wait_for_rows
from services.bench.stats import percentiles
from services.stack.broker import free_port

POST_BATCH = 10
# The saturation run posts the sample this many times (under distinct URLs): a steady state long
# enough that filling and draining the pipeline (a few tenths of a second) weigh ~1 %, not ~4 %.
SATURATION_REPEATS = 3
SATURATION_CLIENTS = 4
INGEST_CLIENTS = 32
INGEST_LIST_SIZE = 50
INGEST_LIST_CLIENTS = 8


@dataclass
class RunningPipeline:
    """The three services of one phase, started and ready."""

    phase: Phase
    url: str
    services: list[ServiceProcess] = field(default_factory=list)


@contextlib.contextmanager
def running_pipeline(infra: Infra, name: str) -> Iterator[RunningPipeline]:
    """store, extract and ingest of phase ``name``, ready; stopped on exit."""
    phase = Phase(infra, name)
    phase.create_topics()
    port = free_port()
    running = RunningPipeline(phase, f"http://127.0.0.1:{port}")
    running.services = [
        phase.service("store"),
        phase.service("extract"),
        phase.service("ingest", extra={"NEWSFLOW_HTTP_PORT": str(port)}),
    ]
    try:
        for service in running.services:
            service.start()
        wait_for_files([phase.ready_file("store"), phase.ready_file("extract")], running.services)
        wait_for_http(running.url, running.services)
        yield running
    finally:
        stop_all(running.services)


def wait_for_http(url: str, services: list[ServiceProcess], *, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for service in services:
            service.check_alive()
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                return
        time.sleep(0.1)
    raise TimeoutError(f"ingest at {url} not ready in {timeout_s:.0f}s")


def saturation(
    running: RunningPipeline,
    docs: list[CorpusDoc],
    *,
    tag: str,
    expected_outputs: int | None,
) -> dict[str, Any]:
    """Post every doc, wait for the rows; see the module docstring."""
    payloads = [http_payload(d, url=bench_url(tag, i)) for i, d in enumerate(docs)]
    bodies = [
        encode_body(payloads[i : i + POST_BATCH]) for i in range(0, len(payloads), POST_BATCH)
    ]
    cpu_before = cpu_seconds(running.services)
    started = time.time()
    load = post_all(f"{running.url}/v1/articles", bodies, concurrency=SATURATION_CLIENTS)
    ids = _accepted_ids(load, expected=len(docs))
    counts = wait_for_rows(
        running.phase.infra.database_url,
        ids,
        expected_outputs=expected_outputs,
        services=running.services,
        timeout_s=max(300.0, len(ids) * 2.0),
    )
    with psycopg.connect(running.phase.infra.database_url) as conn:
        finished = last_seen(conn, ids)
    cpu_after = cpu_seconds(running.services)
    elapsed = finished - started
    return {
        "articles": len(ids),
        "articles_per_s": len(ids) / elapsed,
        "seconds": elapsed,
        "post_seconds": load.wall_s,
        "claims": counts.claims,
        "events": counts.events,
        "cpu_s": {name: cpu_after[name] - cpu_before[name] for name in cpu_before},
    }


def latency(
    running: RunningPipeline, docs: list[CorpusDoc], *, tag: str, per_second: float, seconds: float
) -> dict[str, Any]:
    """One article per POST at ``per_second`` for ``seconds``; POST → last output row."""
    count = max(int(per_second * seconds), 20)
    bodies = [
        encode_body([http_payload(docs[i % len(docs)], url=bench_url(tag, i))])
        for i in range(count)
    ]
    load = post_at_rate(f"{running.url}/v1/articles", bodies, per_second=per_second)
    sent = {p.article_ids[0]: p.sent_at for p in load.accepted if p.article_ids}
    ids = list(sent)
    wait_for_rows(
        running.phase.infra.database_url,
        ids,
        expected_outputs=None,
        services=running.services,
        timeout_s=max(300.0, count * 2.0),
        settle_s=5.0,
    )
    with psycopg.connect(running.phase.infra.database_url) as conn:
        seen = output_seen(conn, ids)
        stored = article_seen(conn, ids)
    samples = sorted(seen[a] - sent[a] for a in ids if a in seen)
    article_row = sorted(stored[a] - sent[a] for a in ids if a in stored)
    return {
        "rate_per_s": per_second,
        "achieved_rate_per_s": len(load.posted) / load.wall_s if load.wall_s else 0.0,
        "articles": len(ids),
        "articles_with_outputs": len(samples),
        "statuses": load.statuses(),
        **percentiles(samples),
        # POST → the article's own row: ingest, broker and store without extract (diagnostic).
        "article_row": percentiles(article_row),
        "samples_s": [round(s, 4) for s in samples],
    }


def measure_ingest(infra: Infra, docs: list[CorpusDoc], *, seconds: float) -> dict[str, Any]:
    """One ingest process on its own; see the module docstring."""
    phase = Phase(infra, "ingest")
    phase.create_topics()
    port = free_port()
    ingest = phase.service("ingest", extra={"NEWSFLOW_HTTP_PORT": str(port)})
    url = f"http://127.0.0.1:{port}"
    try:
        ingest.start()
        wait_for_http(url, [ingest])
        single = _templates(docs, size=1)
        lists = _templates(docs, size=INGEST_LIST_SIZE)
        post_for(
            f"{url}/v1/articles", _body_for(single, "warm"), concurrency=4, seconds=1.0
        )  # warm-up: connections, the producer's metadata
        results: dict[str, Any] = {}
        for label, templates, clients, size in (
            ("single", single, INGEST_CLIENTS, 1),
            ("list", lists, INGEST_LIST_CLIENTS, INGEST_LIST_SIZE),
        ):
            before = ingest.stats()
            load = post_for(
                f"{url}/v1/articles",
                _body_for(templates, label),
                concurrency=clients,
                seconds=seconds,
            )
            after = ingest.stats()
            accepted = len(load.accepted)
            results[label] = {
                "articles_per_request": size,
                "clients": clients,
                "requests": len(load.posted),
                "statuses": load.statuses(),
                "requests_per_s": accepted / load.wall_s,
                "articles_per_s": accepted * size / load.wall_s,
                "request_latency": percentiles(sorted(p.seconds for p in load.accepted)),
                "ingest_cpu_share": (after.cpu_s - before.cpu_s) / load.wall_s
                if before and after
                else None,
            }
        return results
    finally:
        ingest.stop()


def _templates(docs: list[CorpusDoc], *, size: int) -> list[bytes]:
    """Pre-encoded request bodies whose URLs hold a ``__SERIAL__`` placeholder."""
    out = []
    for start in range(0, min(len(docs), 20 * size), size):
        chunk = [docs[(start + j) % len(docs)] for j in range(size)]
        articles = [
            http_payload(d, url=bench_url("ingest/__SERIAL__", j)) for j, d in enumerate(chunk)
        ]
        out.append(encode_body(articles))
    return out


def _body_for(templates: list[bytes], label: str) -> Any:
    def body_for(i: int) -> bytes:
        return templates[i % len(templates)].replace(b"__SERIAL__", f"{label}-{i}".encode())

    return body_for


def _accepted_ids(load: LoadResult, *, expected: int) -> list[str]:
    ids = list(dict.fromkeys(a for p in load.accepted for a in p.article_ids))
    if len(ids) < expected:
        raise RuntimeError(
            f"ingest accepted {len(ids)} of {expected} articles (statuses {load.statuses()})"
        )
    return ids
