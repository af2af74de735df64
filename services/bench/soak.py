"""Soak: the whole pipeline at 80 % of its measured capacity for a long while, watching whether
consumer lag and each process's resident memory stay flat.

Every :data:`SAMPLE_EVERY_S` a sampler thread records the lag of the extract and store groups
(:class:`LagMonitor`) and the RSS of each service and of the embedded broker. "Flat" is judged
on the last half of the run (after warm-up): the least-squares growth over that half must stay
under :data:`RSS_FLAT_MB` MB (or :data:`RSS_FLAT_SHARE` of the mean, whichever is larger) for
memory, and under :data:`LAG_FLAT_S` seconds' worth of input for lag.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

import psycopg

from services.bench.corpus import CorpusDoc, bench_url, http_payload
from services.bench.http_load import encode_body, post_at_rate
from services.bench.lag import LagMonitor
from services.bench.pipeline import RunningPipeline, saturation
from services.bench.processes import proc_stats
from services.bench.rows import output_seen, wait_for_rows
from services.bench.stats import percentiles, slope
from shared.topics import ARTICLES_RAW, CLAIMS_EXTRACTED, EVENTS_EXTRACTED

SAMPLE_EVERY_S = 5.0
LOAD_SHARE = 0.8
RSS_FLAT_MB = 5.0
RSS_FLAT_SHARE = 0.03
LAG_FLAT_S = 10.0
MB = 1024 * 1024


@dataclass
class _Samples:
    t: list[float] = field(default_factory=list)
    lag: dict[str, list[int | None]] = field(default_factory=dict)
    rss: dict[str, list[int | None]] = field(default_factory=dict)


class _Sampler(threading.Thread):
    def __init__(self, monitor: LagMonitor, pids: dict[str, int], every_s: float) -> None:
        super().__init__(name="soak-sampler", daemon=True)
        self._monitor = monitor
        self._pids = pids
        self._every_s = every_s
        self.stop_event = threading.Event()
        self.samples = _Samples()
        self.started_at = time.monotonic()

    def run(self) -> None:
        while not self.stop_event.is_set():
            self.sample_once()
            self.stop_event.wait(self._every_s)

    def sample_once(self) -> None:
        s = self.samples
        s.t.append(time.monotonic() - self.started_at)
        for group, lag in self._monitor.sample().items():
            s.lag.setdefault(group, []).append(lag)
        for name, pid in self._pids.items():
            stats = proc_stats(pid)
            s.rss.setdefault(name, []).append(stats.rss_bytes if stats else None)


def run_soak(
    running: RunningPipeline,
    docs: list[CorpusDoc],
    *,
    seconds: float,
    capacity: float | None,
    expected_outputs: int | None,
    broker_pid: int | None,
) -> dict[str, Any]:
    """Measure capacity (unless given), then load at :data:`LOAD_SHARE` of it for ``seconds``."""
    phase = running.phase
    measured = None
    if capacity is None:
        measured = saturation(running, docs, tag="soak-capacity", expected_outputs=expected_outputs)
        capacity = float(measured["articles_per_s"])
    rate = LOAD_SHARE * capacity
    # The store's group reads an article's claims and events too: its lag counts those records.
    outputs_per_article = (
        (measured["claims"] + measured["events"]) / measured["articles"] if measured else 10.0
    )
    records_per_article = {"extract": 1.0, "store": 1.0 + outputs_per_article}
    count = max(int(rate * seconds), 1)
    bodies = [
        encode_body([http_payload(docs[i % len(docs)], url=bench_url("soak", i))])
        for i in range(count)
    ]
    pids = {s.name: s.pid for s in running.services}
    if broker_pid is not None:
        pids["broker (tansu)"] = broker_pid
    monitor = LagMonitor(
        phase.kafka,
        {
            phase.extract_group: (phase.kafka.topic(ARTICLES_RAW),),
            phase.store_group: tuple(
                phase.kafka.topic(t) for t in (ARTICLES_RAW, CLAIMS_EXTRACTED, EVENTS_EXTRACTED)
            ),
        },
    )
    sampler = _Sampler(monitor, pids, SAMPLE_EVERY_S)
    try:
        sampler.sample_once()
        sampler.start()
        load = post_at_rate(f"{running.url}/v1/articles", bodies, per_second=rate)
        sampler.stop_event.set()
        sampler.join()
        sampler.sample_once()  # the state at the end of the load
        drain_started = time.monotonic()
        sent = {p.article_ids[0]: p.sent_at for p in load.accepted if p.article_ids}
        wait_for_rows(
            phase.infra.database_url,
            list(sent),
            expected_outputs=None,
            services=running.services,
            timeout_s=600,
            settle_s=5.0,
        )
        drain_s = time.monotonic() - drain_started
    finally:
        sampler.stop_event.set()
        monitor.close()
    with psycopg.connect(phase.infra.database_url) as conn:
        seen = output_seen(conn, list(sent))
    latencies = sorted(seen[a] - sent[a] for a in sent if a in seen)
    samples = sampler.samples
    return {
        "seconds": seconds,
        "capacity_articles_per_s": capacity,
        "capacity_measured_here": measured is not None,
        "load_share": LOAD_SHARE,
        "rate_per_s": rate,
        "achieved_rate_per_s": len(load.posted) / load.wall_s if load.wall_s else 0.0,
        "articles": len(sent),
        "statuses": load.statuses(),
        "sample_every_s": SAMPLE_EVERY_S,
        "drain_seconds_after_load": drain_s,
        "latency": percentiles(latencies),
        "lag": {
            group.removeprefix(phase.prefix): _lag_summary(
                samples.t, values, rate * records_per_article[group.removeprefix(phase.prefix)]
            )
            for group, values in samples.lag.items()
        },
        "rss_mb": {name: _rss_summary(samples.t, values) for name, values in samples.rss.items()},
        "series": {
            "t_s": [round(t, 1) for t in samples.t],
            "lag": {g.removeprefix(phase.prefix): v for g, v in samples.lag.items()},
            "rss_mb": {
                n: [round(x / MB, 1) if x is not None else None for x in v]
                for n, v in samples.rss.items()
            },
        },
    }


def _last_half(t: list[float], values: list[Any]) -> tuple[list[float], list[float]]:
    half = t[-1] / 2 if t else 0.0
    pairs = [(x, float(v)) for x, v in zip(t, values, strict=True) if v is not None and x >= half]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _lag_summary(t: list[float], values: list[int | None], records_per_s: float) -> dict[str, Any]:
    known = [v for v in values if v is not None]
    ts, vs = _last_half(t, values)
    growth = slope(ts, vs) * (ts[-1] - ts[0]) if len(ts) >= 2 else 0.0
    limit = max(records_per_s * LAG_FLAT_S, 50.0)
    return {
        "max": max(known) if known else None,
        "final": known[-1] if known else None,
        "growth_last_half": growth,
        "flat": growth < limit if known else None,
    }


def _rss_summary(t: list[float], values: list[int | None]) -> dict[str, Any]:
    known = [v / MB for v in values if v is not None]
    if not known:
        return {}
    ts, vs = _last_half(t, values)
    vs = [v / MB for v in vs]
    per_s = slope(ts, vs)
    growth = per_s * (ts[-1] - ts[0]) if len(ts) >= 2 else 0.0
    mean = sum(vs) / len(vs) if vs else 0.0
    return {
        "start": known[0],
        "end": known[-1],
        "max": max(known),
        "slope_mb_per_min_last_half": per_s * 60,
        "growth_last_half_mb": growth,
        "flat": growth < max(RSS_FLAT_MB, RSS_FLAT_SHARE * mean),
    }
