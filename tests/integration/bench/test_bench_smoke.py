"""Smoke tests of ``newsflow bench`` with tiny sizes: the phases run on the real broker and
Postgres and the report has its structure. Nothing here looks at speed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from rich.console import Console

from services.bench.lag import LagMonitor
from services.bench.report import render_markdown, with_targets, write_outputs
from services.bench.runner import BenchOptions, run_bench
from services.stack.settings import StackSettings
from shared.kafka import ensure_topics, make_producer
from shared.settings import KafkaSettings

pytestmark = pytest.mark.integration

_TEXTS = (
    "Police arrested 12 protesters outside the parliament in Lyon on Monday.\n\n"
    '"We will not accept violence on our streets," Maria Lindqvist told reporters.',
    "Floods forced the evacuation of 40 families from villages near Porto on Tuesday.\n\n"
    "According to Tomas Okafor, the regional governor, at least 30 officers were deployed.",
    "Government and union leaders will meet in Gdansk on Friday to discuss the dispute.\n\n"
    '"The talks have to continue," said Helen Marchetti.',
)


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"doc_id": f"d{i}", "title": t.split(".")[0], "text": t})
        for i, t in enumerate(_TEXTS * 2)
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_bench_writes_every_figure_of_the_phases_it_ran(
    tiny_corpus: Path, tmp_path: Path, kafka_bootstrap: str, postgres_server_url: str
) -> None:
    settings = StackSettings(
        kafka_bootstrap=kafka_bootstrap,
        database_url=SecretStr(postgres_server_url),
        state_dir=tmp_path / "state",
    )
    options = BenchOptions(
        corpus=tiny_corpus,
        articles=4,
        rounds=1,
        hostile_chars=2_000,
        ingest_s=0.5,
        store_rows=200,
        out_dir=tmp_path / "docs",
        phases=("domain", "ingest", "store"),
    )

    results = run_bench(options, settings, Console(quiet=True))

    assert not [k for k, v in results.items() if isinstance(v, dict) and "error" in v]
    assert set(results["domain"]["rounds_articles_per_s"]) == {
        "nlp_pipe",
        "claims_and_events",
        "claims_only",
        "events_only",
    }
    assert results["domain"]["ratio_extraction_vs_nlp_pipe"] > 0
    hostile = results["hostile"]
    assert hostile["worst_case_s"] == max(hostile["seconds_per_case"].values())
    assert "Hostile input" in (tmp_path / "docs" / "benchmarks.md").read_text()
    assert results["ingest"]["single"]["statuses"].keys() == {"202"}
    assert results["store"]["rows"] >= 200
    assert results["store"]["ratio_store_vs_copy"] > 0
    written = json.loads((tmp_path / "docs" / "benchmarks.json").read_text())
    assert {"meta", "domain", "ingest", "store", "targets"} <= written.keys()
    assert written["targets"]["store_vs_copy"]["value"] == pytest.approx(
        results["store"]["ratio_store_vs_copy"]
    )
    markdown = (tmp_path / "docs" / "benchmarks.md").read_text()
    assert markdown.index("## Targets") < markdown.index("## Absolute figures")


def test_report_renders_pipeline_scale_out_and_soak_sections(tmp_path: Path) -> None:
    results = with_targets(_results_of_every_phase())

    markdown = render_markdown(results)
    write_outputs(results, tmp_path, Console(quiet=True))

    assert results["targets"]["two_vs_one_extract"]["value"] == pytest.approx(1.5)
    assert results["targets"]["rss_flat"]["met"] is False
    for heading in ("## Full pipeline", "## Extract scale-out", "## Soak"):
        assert heading in markdown
    assert (tmp_path / "benchmarks.json").is_file()


def test_lag_monitor_counts_records_the_group_has_not_committed(
    kafka_bootstrap: str, topic_prefix: str
) -> None:
    kafka = KafkaSettings(
        kafka_bootstrap=kafka_bootstrap, topic_prefix=topic_prefix, topic_partitions=2
    )
    ensure_topics(kafka, ("articles.raw",))
    producer = make_producer(kafka, linger_ms=20)
    for i in range(30):
        producer.send(kafka.topic("articles.raw"), key=str(i).encode(), value=b"{}")
    producer.flush()
    producer.close()
    monitor = LagMonitor(kafka, {f"{topic_prefix}nobody": (kafka.topic("articles.raw"),)})
    try:
        lags = [monitor.sample()[f"{topic_prefix}nobody"] for _ in range(3)]
    finally:
        monitor.close()

    assert lags[-1] == 30


def _results_of_every_phase() -> dict[str, Any]:
    rss = {
        "start": 100.0,
        "end": 160.0,
        "max": 160.0,
        "slope_mb_per_min_last_half": 6.0,
        "growth_last_half_mb": 30.0,
        "flat": False,
    }
    lag = {"max": 12, "final": 3, "growth_last_half": 0.0, "flat": True}
    latency = {"p50_s": 0.4, "p95_s": 0.8, "p99_s": 0.9, "max_s": 1.0}
    return {
        "meta": {"machine": {"cpu_count": 2}, "date": "2026-01-01T00:00:00+00:00"},
        "pipeline": {
            "saturation": {
                "articles": 10,
                "articles_per_s": 5.0,
                "seconds": 2.0,
                "post_seconds": 0.1,
                "claims": 3,
                "events": 4,
                "cpu_s": {"extract": 1.0},
            },
            "latency": {
                "rate_per_s": 2.5,
                "articles": 10,
                "articles_with_outputs": 9,
                "samples_s": [0.3, 0.4, 0.9],
                **latency,
            },
            "ratio_vs_extraction": 0.9,
        },
        "scale_out": {
            "articles": 10,
            "ratio_2_vs_1": 1.5,
            "runs": {
                "1": {
                    "articles_per_s": 4.0,
                    "seconds": 2.5,
                    "cpu_s_per_worker": {"extract-1": 2.0},
                },
                "2": {
                    "articles_per_s": 6.0,
                    "seconds": 1.7,
                    "cpu_s_per_worker": {"extract-1": 1.5, "extract-2": 1.5},
                },
            },
        },
        "soak": {
            "seconds": 60,
            "rate_per_s": 4.0,
            "load_share": 0.8,
            "capacity_articles_per_s": 5.0,
            "articles": 240,
            "sample_every_s": 5.0,
            "drain_seconds_after_load": 1.0,
            "latency": latency,
            "lag": {"extract": lag},
            "rss_mb": {"store": rss, "broker (tansu)": rss},
            "series": {"t_s": [0, 5], "lag": {"extract": [0, 1]}, "rss_mb": {"store": [100, 160]}},
        },
    }
