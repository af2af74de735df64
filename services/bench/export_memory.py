"""The query API's exports in constant memory: the resident memory of ``newsflow serve api``
while it streams an export of 10,000 rows, and of four times as many, stays under a fixed
ceiling (``CEILING_MIB`` above the process's size before the exports).

    .venv/bin/python -m services.bench.export_memory [--rows 10000] [--out-dir docs]

It fills a database of its own (dropped afterwards; the Postgres on 127.0.0.1:5432 or
``NEWSFLOW_DATABASE_URL``'s server, else an embedded one) with events and claims written by the
store's own upsert, starts the API as a separate process, downloads each export (CSV and JSONL,
events and claims) while sampling the process's RSS every 10 ms, and merges the figures into
``benchmarks.json`` under ``export_memory`` (kept by later ``make bench`` runs, like the soak),
re-rendering ``benchmarks.md``. It exits 1 when a peak passes the ceiling.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from rich.console import Console

from services.bench import report
from services.bench.machine import machine_info, now_iso
from services.bench.processes import proc_stats
from services.stack.broker import free_port
from services.stack.postgres import (
    EmbeddedPostgres,
    drop_database,
    ensure_database,
    is_reachable,
    with_dbname,
)
from services.store.adapters.migrations import migrate
from services.store.adapters.pg_writer import open_connection
from services.store.batch_transaction import store_records
from shared.ids import article_id_for, claim_id_for, event_id_for
from shared.models import (
    Claim,
    ClaimContent,
    Cue,
    Event,
    Location,
    Participant,
    RawArticle,
    Speaker,
    TextSpan,
)

CEILING_MIB = 64  # growth of the API process's RSS while exporting, whatever the size
LOCAL_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"
SAMPLE_S = 0.01
_SENTENCE = "Officials said the shelling of the port continued through the night. "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=10_000, help="rows of the main export")
    parser.add_argument("--out-dir", type=Path, default=Path("docs"))
    args = parser.parse_args(argv)
    console = Console()
    figures = measure(rows=args.rows, console=console)
    results = report.load_results(args.out_dir / "benchmarks.json")
    results.pop("targets", None)
    results["export_memory"] = figures
    results.setdefault("meta", {"machine": machine_info(), "date": now_iso()})
    report.write_outputs(results, args.out_dir, console)
    return 0 if figures["within_ceiling"] else 1


def measure(*, rows: int, console: Console) -> dict[str, Any]:
    """Peak RSS growth of the API process per export (kind, format, rows)."""
    sizes = (rows, rows * 4)
    with _server_url() as server, _database(server) as database_url:
        console.print(f"filling a database with {sizes[-1]:,} events and claims…")
        fill(database_url, sizes[-1])
        with _api(database_url) as (api_url, pid):
            # Warm up: imports, the pool, pydantic's validators; then the baseline.
            for kind in ("events", "claims"):
                _download(f"{api_url}/v1/{kind}/export", {"format": "jsonl", "until": _until(500)})
            baseline = _rss(pid)
            exports: list[dict[str, Any]] = []
            growths: list[float] = []
            for size in sizes:
                for kind in ("events", "claims"):
                    for fmt in ("csv", "jsonl"):
                        params = {"format": fmt, "until": _until(size)}
                        with _peak_rss(pid) as peak:
                            started = time.monotonic()
                            lines, size_bytes = _download(f"{api_url}/v1/{kind}/export", params)
                            seconds = time.monotonic() - started
                        exported = lines - (1 if fmt == "csv" else 0)
                        growth = (peak["rss"] - baseline) / 2**20
                        growths.append(growth)
                        exports.append(
                            {
                                "kind": kind,
                                "format": fmt,
                                "rows": exported,
                                "mib": round(size_bytes / 2**20, 1),
                                "seconds": round(seconds, 2),
                                "rows_per_s": round(exported / seconds),
                                "rss_growth_mib": round(growth, 1),
                            }
                        )
                        console.print(
                            f"  {kind:6} {fmt:5} {exported:>7,} rows  {size_bytes / 2**20:6.1f}"
                            f" MiB in {seconds:5.2f} s  RSS +{growth:5.1f} MiB"
                        )
    worst = round(max(growths), 1)
    return {
        "date": now_iso(),
        "ceiling_mib": CEILING_MIB,
        "baseline_rss_mib": round(baseline / 2**20, 1),
        "worst_growth_mib": worst,
        "within_ceiling": worst <= CEILING_MIB,
        "exports": exports,
    }


def _until(size: int) -> str:
    """The ``until`` that selects the first ``size`` rows (one event and claim a minute)."""
    return (_START + timedelta(minutes=size)).isoformat()


_START = datetime(2001, 1, 1, tzinfo=UTC)


def fill(database_url: str, size: int) -> None:
    """``size`` articles, one a minute from 2001-01-01, each with one event and one claim
    (payloads about 1 KB, as extracted ones). The events have no date of their own, so their
    event time is their article's minute and ``until`` selects a prefix."""
    migrate(database_url=database_url)
    with open_connection(database_url=database_url) as conn:
        for first in range(0, size, 1000):
            batch = [_rows(n) for n in range(first, min(size, first + 1000))]
            store_records(conn, [record for rows in batch for record in rows])


def _rows(n: int) -> tuple[RawArticle, Event, Claim]:
    published = _START + timedelta(minutes=n)
    url = f"https://bench.invalid/export/{n}"
    article_id = article_id_for(url)
    article = RawArticle(
        article_id=article_id,
        url=url,
        title=f"Port shelled overnight, report {n}",
        body=_SENTENCE * 8,
        source=("Wire", "Daily", "Post")[n % 3],
        published_at=published,
        received_at=published,
    )
    event = Event(
        event_id=event_id_for(article_id, 18, 26, "ASSAULT"),
        article_id=article_id,
        type="ASSAULT",
        trigger=TextSpan(text="shelling", start=18, end=26),
        actors=(Participant(text="Russian forces", start=0, end=14, name="Russia", country="RUS"),),
        targets=(Participant(text="the port", start=30, end=38),),
        location=Location(
            text="Odesa", start=40, end=45, name="Odesa", country="UKR", lat=46.48, lon=30.73
        ),
        evidence=TextSpan(text=_SENTENCE.strip(), start=0, end=len(_SENTENCE) - 1),
        is_main=True,
        confidence=0.8,
    )
    claim = Claim(
        claim_id=claim_id_for(article_id, ((0, 60),), "indirect"),
        article_id=article_id,
        kind="indirect",
        content=ClaimContent(text=_SENTENCE.strip(), spans=((0, 60),)),
        speaker=Speaker(name="Oleh Kiper", type="PERSON", role="governor"),
        cue=Cue(text="said", lemma="say", start=10, end=14),
        confidence=0.7,
    )
    return article, event, claim


def _download(url: str, params: dict[str, str]) -> tuple[int, int]:
    """Lines and bytes of a streamed answer, read as they come (the client keeps none)."""
    lines = size = 0
    with httpx.stream("GET", url, params=params, timeout=120) as response:
        response.raise_for_status()
        for chunk in response.iter_bytes():
            lines += chunk.count(b"\n")
            size += len(chunk)
    return lines, size


@contextlib.contextmanager
def _peak_rss(pid: int) -> Iterator[dict[str, int]]:
    peak = {"rss": _rss(pid)}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak["rss"] = max(peak["rss"], _rss(pid))
            done.wait(SAMPLE_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield peak
    finally:
        done.set()
        sampler.join()
        peak["rss"] = max(peak["rss"], _rss(pid))


def _rss(pid: int) -> int:
    stats = proc_stats(pid)
    if stats is None:
        raise RuntimeError(f"the query API (pid {pid}) is gone")
    return stats.rss_bytes


@contextlib.contextmanager
def _server_url() -> Iterator[str]:
    configured = os.environ.get("NEWSFLOW_DATABASE_URL")
    if configured:
        yield with_dbname(configured, "postgres")
    elif is_reachable(LOCAL_POSTGRES):
        yield LOCAL_POSTGRES
    else:
        with EmbeddedPostgres() as url:
            yield url


@contextlib.contextmanager
def _database(server_url: str) -> Iterator[str]:
    url = with_dbname(server_url, f"newsflow_bench_export_{uuid.uuid4().hex[:8]}")
    ensure_database(url)
    try:
        yield url
    finally:
        drop_database(url)


@contextlib.contextmanager
def _api(database_url: str) -> Iterator[tuple[str, int]]:
    port = free_port()
    env = {**os.environ, "NEWSFLOW_DATABASE_URL": database_url, "NEWSFLOW_API_PORT": str(port)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "serve", "api"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError("newsflow serve api exited")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{url}/readyz", timeout=1).status_code == 200:
                    break
            time.sleep(0.2)
        else:
            raise RuntimeError("query API not ready in 60 s")
        yield url, proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=15)


if __name__ == "__main__":
    sys.exit(main())
