"""``newsflow bench``: every phase in one run, then the report; or, with ``--soak``, the soak.

Phases (names for ``--only``): ``domain`` (bare nlp.pipe vs the extraction domain code),
``pipeline`` (HTTP → rows at saturation, latency at half of it), ``scale_out`` (one vs two
extract workers), ``ingest`` (the HTTP service alone), ``store`` (the store service alone vs raw
COPY), ``html`` (hostile HTML shapes to text at two lengths; in process, no broker). The
database and the embedded broker are the run's own and go away with it; a run of in-process
phases only starts neither.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console

from services.bench import domain as domain_phase
from services.bench import pipeline as pipeline_phase
from services.bench import report
from services.bench import scale_out as scale_out_phase
from services.bench.corpus import CorpusDoc, article_texts, load_sample
from services.bench.hostile import measure_hostile
from services.bench.html_shapes import measure_html_shapes
from services.bench.infra import Infra, bench_infra, postgres_version
from services.bench.machine import load_average, machine_info, now_iso, package_versions
from services.bench.scale_out import measure_scale_out
from services.bench.soak import run_soak
from services.bench.store_phase import build_rows, measure_store
from services.extract.domain.extractor import Extraction, Extractor, load_nlp
from services.ingest.domain.articles import MAX_BODY_CHARS
from services.stack.settings import StackSettings

PHASES = ("domain", "pipeline", "scale_out", "ingest", "store", "html")
_INFRA_PHASES = ("pipeline", "scale_out", "ingest", "store")


@dataclass(frozen=True)
class BenchOptions:
    corpus: Path
    articles: int = 160
    rounds: int = 3
    latency_s: float = 60.0
    ingest_s: float = 8.0
    store_rows: int = 20_000
    out_dir: Path = Path("docs")
    phases: tuple[str, ...] = PHASES
    soak_s: float | None = None
    capacity: float | None = None
    model: str | None = None
    hostile_chars: int = MAX_BODY_CHARS  # length of each hostile body (smaller in smoke tests)


def run_bench(options: BenchOptions, settings: StackSettings, console: Console) -> dict[str, Any]:
    """All the selected phases; writes the report files and returns the results."""
    docs = load_sample(options.corpus, size=options.articles)
    results: dict[str, Any] = {"meta": _meta(options, docs)}
    started = time.monotonic()
    extractions: list[Extraction] = []
    expected: int | None = None
    console.print(f"[bold]newsflow bench[/]: {len(docs)} articles from {options.corpus}")
    if "domain" in options.phases or "store" in options.phases:
        console.print("loading the spaCy pipeline…")
        nlp = load_nlp(options.model or settings_model())
        rounds = options.rounds if "domain" in options.phases else 1
        measured = domain_phase.measure_domain(
            nlp,
            article_texts(docs),
            rounds=rounds,
            on_round=lambda r, v, rate: console.print(
                f"  domain round {r + 1}: {v:<18} {rate:7.2f} articles/s"
            ),
        )
        extractions = measured.extractions
        expected = sum(len(x.claims) + len(x.events) for x in extractions)
        if "domain" in options.phases:
            results["domain"] = measured.figures()
            console.print("  hostile bodies, worst case per article…")
            results["hostile"] = measure_hostile(
                Extractor(nlp), article_texts(docs)[:64], size=options.hostile_chars
            )
    if "html" in options.phases:
        console.print("[bold]html[/]: hostile HTML shapes to text, two lengths…")
        results["html"] = _guarded("html", measure_html_shapes, console)
    if any(name in options.phases for name in _INFRA_PHASES):
        _infra_phases(options, settings, console, docs, extractions, expected, results)
    results["meta"]["load_end"] = load_average()
    results["meta"]["wall_seconds"] = round(time.monotonic() - started, 1)
    previous = report.load_results(options.out_dir / "benchmarks.json")
    if "soak" in previous:
        results["soak"] = previous["soak"]  # a soak is run on its own; keep the last one
    if "export_memory" in previous:
        results["export_memory"] = previous["export_memory"]  # its own script; keep the last
    report.print_table(results, console)
    report.write_outputs(results, options.out_dir, console)
    return results


def _infra_phases(
    options: BenchOptions,
    settings: StackSettings,
    console: Console,
    docs: list[CorpusDoc],
    extractions: list[Extraction],
    expected: int | None,
    results: dict[str, Any],
) -> None:
    """The phases that need the broker and Postgres, on the run's own."""
    with bench_infra(settings, state_dir=settings.state_dir) as infra:
        results["meta"].update(_infra_meta(infra))
        console.print(
            f"  broker: {infra.broker_description}; Postgres: {infra.database_description}"
        )
        steps: dict[str, Callable[[], dict[str, Any]]] = {
            "pipeline": lambda: _pipeline(infra, docs, options, expected, results, console),
            "scale_out": lambda: _scale_out(infra, docs, expected, results["meta"]),
            "ingest": lambda: pipeline_phase.measure_ingest(infra, docs, seconds=options.ingest_s),
            "store": lambda: measure_store(
                infra, build_rows(docs, extractions, target_rows=options.store_rows)
            ),
        }
        for name, step in steps.items():
            if name in options.phases:
                console.print(f"[bold]{name}[/]…")
                results[name] = _guarded(name, step, console)


def run_soak_mode(
    options: BenchOptions, settings: StackSettings, console: Console
) -> dict[str, Any]:
    """The soak on its own; its figures are merged into the existing report under ``soak``."""
    assert options.soak_s is not None
    docs = load_sample(options.corpus, size=options.articles)
    console.print(f"[bold]newsflow bench --soak {options.soak_s:.0f}[/]")
    with (
        bench_infra(settings, state_dir=settings.state_dir) as infra,
        pipeline_phase.running_pipeline(infra, "soak") as running,
    ):
        soak = run_soak(
            running,
            docs,
            seconds=options.soak_s,
            capacity=options.capacity,
            expected_outputs=None,
            broker_pid=infra.broker_pid,
        )
    soak["date"] = now_iso()
    soak["load_end"] = load_average()
    results = report.load_results(options.out_dir / "benchmarks.json")
    results.pop("targets", None)
    results["soak"] = soak
    results.setdefault("meta", {"machine": machine_info(), "date": now_iso()})
    report.print_table(results, console)
    report.write_outputs(results, options.out_dir, console)
    return results


def _guarded(name: str, step: Callable[[], dict[str, Any]], console: Console) -> dict[str, Any]:
    """Run one phase; a failure is reported and recorded, and the other phases still run."""
    try:
        return step()
    except Exception as exc:  # any failure of one phase: the others' figures are still good
        console.print(f"[red]phase {name} failed:[/] {exc}")
        return {"error": f"{exc.__class__.__name__}: {exc}"[:2000]}


def _scale_out(
    infra: Infra, docs: list[CorpusDoc], expected: int | None, meta: dict[str, Any]
) -> dict[str, Any]:
    repeats = scale_out_phase.REPEATS
    scale = measure_scale_out(infra, docs * repeats, expected_outputs=(expected or 0) * repeats)
    scale["note"] = _scale_note(scale, meta)
    return scale


def settings_model() -> str:
    from services.extract.settings import ExtractSettings

    return ExtractSettings().extract_model


def _pipeline(
    infra: Infra,
    docs: list[CorpusDoc],
    options: BenchOptions,
    expected: int | None,
    results: dict[str, Any],
    console: Console,
) -> dict[str, Any]:
    console.print("  saturation…")
    with pipeline_phase.running_pipeline(infra, "pipeline") as running:
        pipeline_phase.saturation(running, docs[:8], tag="warmup", expected_outputs=None)
        repeats = pipeline_phase.SATURATION_REPEATS
        sat = pipeline_phase.saturation(
            running,
            docs * repeats,
            tag="saturation",
            expected_outputs=expected * repeats if expected is not None else None,
        )
        rate = 0.5 * sat["articles_per_s"]
        console.print(f"  {sat['articles_per_s']:.2f} articles/s; latency at {rate:.2f}/s…")
        lat = pipeline_phase.latency(
            running, docs, tag="latency", per_second=rate, seconds=options.latency_s
        )
    out: dict[str, Any] = {"saturation": sat, "latency": lat}
    extraction = results.get("domain", {}).get("extraction_articles_per_s")
    if extraction:
        out["ratio_vs_extraction"] = sat["articles_per_s"] / extraction
    return out


def _meta(options: BenchOptions, docs: list[CorpusDoc]) -> dict[str, Any]:
    return {
        "date": now_iso(),
        "machine": machine_info(),
        "versions": package_versions(),
        "corpus": str(options.corpus),
        "articles": len(docs),
        "corpus_chars_mean": round(sum(len(d.text) for d in docs) / max(len(docs), 1)),
        "load_start": load_average(),
        "phases": list(options.phases),
    }


def _infra_meta(infra: Infra) -> dict[str, Any]:
    return {
        "broker": infra.broker_description,
        "postgres": postgres_version(infra.database_url),
        "database": infra.database_description,
        "partitions": infra.partitions,
    }


def _scale_note(scale: dict[str, Any], meta: dict[str, Any]) -> str:
    cores = meta.get("machine", {}).get("cpu_count") or 1
    two = scale["runs"].get("2")
    if not two:
        return ""
    used = sum(two["cpu_s_per_worker"].values()) / two["seconds"]
    return (
        f"The two workers together used {used:.2f} of the {cores} cores during the run "
        "(the broker, the measuring consumer and other processes on the machine take the rest); "
        "a second worker can only help as far as a core is free for it."
    )
