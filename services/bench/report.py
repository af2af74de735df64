"""The benchmark's outputs, all rendered from one results dictionary: a rich table on the
terminal, ``benchmarks.json`` (for tools), ``benchmarks.md`` (ratios first, then absolute
figures) and ``benchmarks.png`` (matplotlib, only when it is installed)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table


@dataclass(frozen=True)
class Target:
    key: str
    what: str
    goal: str
    value: float | None
    met: bool | None
    shown: str


def targets(results: dict[str, Any]) -> list[Target]:
    """Each target of issue 6 with the figure of this run that answers it."""
    out: list[Target] = []

    def add(
        key: str,
        what: str,
        goal: str,
        value: float | None,
        ok: Callable[[float], bool],
        fmt: str = "{:.2f}×",
    ) -> None:
        met = ok(value) if value is not None else None
        shown = fmt.format(value) if value is not None else "not measured"
        out.append(Target(key, what, goal, value, met, shown))

    domain = _section(results, "domain") or {}
    pipeline = _section(results, "pipeline") or {}
    add(
        "extraction_vs_nlp_pipe",
        "extraction domain code vs bare nlp.pipe",
        "≥ 0.80×",
        domain.get("ratio_extraction_vs_nlp_pipe"),
        lambda v: v >= 0.80,
    )
    add(
        "pipeline_vs_extraction",
        "full pipeline (HTTP → rows) vs extraction domain",
        "≥ 0.90×",
        pipeline.get("ratio_vs_extraction"),
        lambda v: v >= 0.90,
    )
    add(
        "e2e_p95_at_half_capacity",
        "end-to-end p95 at 50 % of capacity",
        "< 1 s",
        pipeline.get("latency", {}).get("p95_s"),
        lambda v: v < 1.0,
        "{:.2f} s",
    )
    ingest = _section(results, "ingest") or {}
    add(
        "ingest_single",
        "ingest, one process, 1 article per request",
        "≥ 1,000 articles/s",
        ingest.get("single", {}).get("articles_per_s"),
        lambda v: v >= 1000,
        "{:,.0f}/s",
    )
    add(
        "ingest_list",
        f"ingest, one process, lists of {ingest.get('list', {}).get('articles_per_request', '?')}",
        "≥ 1,000 articles/s",
        ingest.get("list", {}).get("articles_per_s"),
        lambda v: v >= 1000,
        "{:,.0f}/s",
    )
    add(
        "store_vs_copy",
        "store service vs raw COPY (same rows)",
        "≥ 0.50×",
        (_section(results, "store") or {}).get("ratio_store_vs_copy"),
        lambda v: v >= 0.5,
    )
    add(
        "two_vs_one_extract",
        "two extract workers vs one",
        "≥ 1.70×",
        (_section(results, "scale_out") or {}).get("ratio_2_vs_1"),
        lambda v: v >= 1.7,
    )
    html = _section(results, "html") or {}
    add(
        "html_to_text_linear",
        "ingest HTML to text, worst shape: time at 2× the length",
        "< 3× (linear 2×, quadratic 4×)",
        html.get("worst_ratio"),
        lambda v: v < 3.0,
    )
    soak = results.get("soak")
    flat: float | None = None
    if soak:
        services = {k: v for k, v in soak["rss_mb"].items() if not k.startswith("broker")}
        flat = 1.0 if all(v.get("flat") for v in services.values()) else 0.0
    add(
        "rss_flat",
        f"service RSS flat over the soak ({soak['seconds'] / 60:.0f} min)"
        if soak
        else "service RSS flat over 10 minutes",
        "flat",
        flat,
        lambda v: v == 1.0,
        "{:.0f}",
    )
    if out[-1].value is not None:
        out[-1] = Target(
            out[-1].key,
            out[-1].what,
            out[-1].goal,
            out[-1].value,
            out[-1].met,
            "flat" if out[-1].met else "grows",
        )
    return out


def with_targets(results: dict[str, Any]) -> dict[str, Any]:
    results = dict(results)
    results["targets"] = {
        t.key: {"what": t.what, "goal": t.goal, "value": t.value, "met": t.met}
        for t in targets(results)
    }
    return results


def _section(results: dict[str, Any], key: str) -> dict[str, Any] | None:
    """A phase's figures; None when it did not run or failed (its error is listed apart)."""
    section = results.get(key)
    if not isinstance(section, dict) or "error" in section:
        return None
    return section


def failures(results: dict[str, Any]) -> dict[str, str]:
    return {k: str(v["error"]) for k, v in results.items() if isinstance(v, dict) and "error" in v}


# -- terminal ------------------------------------------------------------------------------


def print_table(results: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title="newsflow bench — targets (ratios from one run)")
    for column in ("figure", "target", "this run", "met"):
        table.add_column(column)
    for t in targets(results):
        table.add_row(t.what, t.goal, t.shown, _verdict(t.met))
    console.print(table)
    absolute = Table(title="absolute figures")
    absolute.add_column("figure")
    absolute.add_column("value", justify="right")
    for name, value in absolute_rows(results):
        absolute.add_row(name, value)
    console.print(absolute)
    for phase, error in failures(results).items():
        console.print(f"[red]phase {phase} failed:[/] {error.splitlines()[0]}")


def _verdict(met: bool | None) -> str:
    return "–" if met is None else ("yes" if met else "NO")


def absolute_rows(results: dict[str, Any]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    d = _section(results, "domain")
    if d:
        rows += [
            ("bare nlp.pipe", f"{d['nlp_pipe_articles_per_s']:.2f} articles/s"),
            ("extraction (claims + events)", f"{d['extraction_articles_per_s']:.2f} articles/s"),
            ("claims only", f"{d['claims_only_articles_per_s']:.2f} articles/s"),
            ("events only", f"{d['events_only_articles_per_s']:.2f} articles/s"),
            ("parse time per article", f"{d['ms_per_article']['nlp_pipe']:.1f} ms"),
            ("claims stage per article", f"{d['ms_per_article']['claims_stage']:.1f} ms"),
            ("events stage per article", f"{d['ms_per_article']['events_stage']:.1f} ms"),
        ]
    p = _section(results, "pipeline")
    if p:
        s, lat = p["saturation"], p["latency"]
        rows += [
            ("pipeline at saturation", f"{s['articles_per_s']:.2f} articles/s"),
            (
                f"e2e latency at {lat['rate_per_s']:.1f} articles/s (p50/p95/p99)",
                f"{lat.get('p50_s', 0):.2f} / {lat.get('p95_s', 0):.2f} / "
                f"{lat.get('p99_s', 0):.2f} s",
            ),
        ]
    i = _section(results, "ingest")
    if i:
        for label in ("single", "list"):
            r = i[label]
            rows.append(
                (
                    f"ingest, {r['articles_per_request']} article(s)/request, "
                    f"{r['clients']} clients",
                    f"{r['articles_per_s']:,.0f} articles/s ({r['requests_per_s']:,.0f} req/s)",
                )
            )
    st = _section(results, "store")
    if st:
        rows += [
            ("store service alone", f"{st['store_rows_per_s']:,.0f} rows/s"),
            ("raw psycopg COPY", f"{st['copy_rows_per_s']:,.0f} rows/s"),
        ]
    so = _section(results, "scale_out")
    if so:
        for n, r in so["runs"].items():
            rows.append((f"extract, {n} worker(s)", f"{r['articles_per_s']:.2f} articles/s"))
    h = _section(results, "html")
    if h:
        large = str(h["sizes"][1])
        slowest = max(h["seconds"], key=lambda name: h["seconds"][name][large])
        rows.append(
            (
                f"ingest HTML to text, slowest shape at {int(large):,} characters",
                f"{h['seconds'][slowest][large]:.2f} CPU s ({slowest})",
            )
        )
    return rows


# -- files ---------------------------------------------------------------------------------


def write_outputs(results: dict[str, Any], out_dir: Path, console: Console) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    results = with_targets(results)
    (out_dir / "benchmarks.json").write_text(json.dumps(results, indent=2, sort_keys=False) + "\n")
    (out_dir / "benchmarks.md").write_text(render_markdown(results))
    png = write_plot(results, out_dir / "benchmarks.png")
    written = ", ".join(str(out_dir / f"benchmarks.{ext}") for ext in ("md", "json"))
    console.print(f"wrote {written}" + (f", {png}" if png else ""))
    if png is None:
        console.print("matplotlib is not installed: no benchmarks.png (pip install matplotlib)")


def load_results(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    loaded: dict[str, Any] = json.loads(path.read_text())
    return loaded


def render_markdown(results: dict[str, Any]) -> str:
    meta = results.get("meta", {})
    machine = meta.get("machine", {})
    lines = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (`newsflow bench`); do not edit by hand. Figures for tools: "
        "[`benchmarks.json`](benchmarks.json); plot: [`benchmarks.png`](benchmarks.png).",
        "",
        f"Measured {meta.get('date', '?')} on {machine.get('cpu_count', '?')} × "
        f"{machine.get('cpu_model', '?')}, {machine.get('ram_gb', '?')} GB RAM, "
        f"{machine.get('os', '')}, Python {machine.get('python', '?')}. "
        f"Corpus: {meta.get('corpus', '?')}, a fixed sample of {meta.get('articles', '?')} "
        "articles. Absolute rates depend on the corpus (text length, density of quotes and "
        "events); the ratios between stages and against the targets are what carries over to "
        "another corpus.",
        "",
        f"Load average (1/5/15 min) at the start {meta.get('load_start', '?')}, at the end "
        f"{meta.get('load_end', '?')}: the machine is shared, other processes compete for the "
        "same cores, so absolute figures move between runs. Ratios are taken within this run.",
        "",
        "## Targets (ratios first)",
        "",
        "| figure | target | this run | met |",
        "|---|---|---|---|",
    ]
    for t in targets(results):
        lines.append(f"| {t.what} | {t.goal} | {t.shown} | {_verdict(t.met)} |")
    lines += ["", "## Absolute figures", "", "| figure | value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in absolute_rows(results)]
    for phase, error in failures(results).items():
        lines += ["", f"**Phase `{phase}` failed in this run**: `{error.splitlines()[0]}`"]
    lines += _detail_sections(results)
    lines += _soak_section(results.get("soak"))
    lines += _export_memory_section(results.get("export_memory"))
    lines += _versions_section(meta)
    lines += _method_section()
    return "\n".join(lines) + "\n"


def _hostile_section(h: dict[str, Any] | None) -> list[str]:
    if not h:
        return []
    refused = ", ".join(h["refused"]) or "none"
    lines = [
        "",
        "## Hostile input: worst case per article",
        "",
        f"Each hostile body ({h['body_chars']:,} characters, `services/bench/hostile.py`) "
        "extracted once on its own; refused = over the token bound, dead-lettered by the "
        f"pipeline ({refused}). Worst: **{h['worst_case']} {h['worst_case_s']:.2f} s**, "
        f"against a corpus median of {h['corpus_median_s'] * 1000:.0f} ms per article "
        f"(max {h['corpus_max_s']:.2f} s over {h['corpus_articles']} articles).",
        "",
        "| case | seconds |",
        "|---|---|",
    ]
    lines += [f"| {name} | {sec:.2f} |" for name, sec in h["seconds_per_case"].items()]
    return lines


def _html_section(h: dict[str, Any] | None) -> list[str]:
    if not h:
        return []
    small, large = (str(size) for size in h["sizes"])
    lines = [
        "",
        "## Hostile HTML: ingest's HTML to text, linear in the length",
        "",
        "Each shape (`services/bench/html_shapes.py`: siblings, tags, quotes, paragraphs and "
        "comments never closed, …"
        + (f"; measured {h['date']}, apart from the other phases" if "date" in h else "")
        + ") converted by `html_to_text` at "
        f"{int(small):,} and {int(large):,} characters: CPU seconds of the process, fastest of "
        f"{h['repeats']} rounds alternating the lengths; refused = "
        f"nested past the depth limit ({', '.join(h['refused']) or 'none'}). Time at "
        f"{h['size_ratio']:.0f}× the length: linear {h['size_ratio']:.0f}×, quadratic "
        f"{h['size_ratio'] ** 2:.0f}×. Worst: **{h['worst_ratio_shape']} "
        f"{h['worst_ratio']:.2f}×** (shapes under 10 ms left out of the worst: the clock decides "
        "their ratio).",
        "",
        f"| shape | CPU s at {int(small):,} | CPU s at {int(large):,} | ratio |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {name} | {sec[small]:.3f} | {sec[large]:.3f} | {h['ratio_large_vs_small'][name]:.2f}× |"
        for name, sec in h["seconds"].items()
    ]
    return lines


def _detail_sections(results: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    d = _section(results, "domain")
    if d:
        lines += [
            "",
            "## Extraction: stage costs",
            "",
            f"{d['articles']} articles, {d['rounds']} rounds interleaving the variants batch by "
            "batch, medians; "
            f"batch size {d['batch_size']}; {d['claims']} claims and {d['events']} events.",
            "",
            "| variant | articles/s | vs nlp.pipe | rounds |",
            "|---|---|---|---|",
        ]
        for variant, key in (
            ("bare nlp.pipe", "nlp_pipe"),
            ("claims + events", "claims_and_events"),
            ("claims only", "claims_only"),
            ("events only", "events_only"),
        ):
            rate = d["articles_per_s"][key]
            rounds = ", ".join(f"{r:.2f}" for r in d["rounds_articles_per_s"][key])
            lines.append(
                f"| {variant} | {rate:.2f} | {rate / d['nlp_pipe_articles_per_s']:.2f}× | "
                f"{rounds} |"
            )
        lines += [
            "",
            f"Per article: parse {d['ms_per_article']['nlp_pipe']:.1f} ms; the claims stage adds "
            f"{d['claims_stage_share_of_parse']:.0%} of that, the events stage "
            f"{d['events_stage_share_of_parse']:.0%}, both {d['both_stages_share_of_parse']:.0%}.",
        ]
    lines += _hostile_section(_section(results, "hostile"))
    lines += _html_section(_section(results, "html"))
    p = _section(results, "pipeline")
    if p:
        s, lat = p["saturation"], p["latency"]
        cpu = ", ".join(f"{k} {v:.0f} s" for k, v in s["cpu_s"].items())
        lines += [
            "",
            "## Full pipeline",
            "",
            f"Saturation: {s['articles']} articles POSTed in lists of 10 by 4 clients (took "
            f"{s['post_seconds']:.1f} s), all rows in Postgres after {s['seconds']:.1f} s → "
            f"**{s['articles_per_s']:.2f} articles/s**{_ratio_text(p)}. "
            f"CPU used meanwhile: {cpu}.",
            "",
            f"Latency at {lat['rate_per_s']:.2f} articles/s (50 %), one article per POST, "
            f"{lat['articles']} articles ({lat['articles_with_outputs']} with claims or events): "
            f"p50 {lat.get('p50_s', 0):.2f} s, p95 {lat.get('p95_s', 0):.2f} s, "
            f"p99 {lat.get('p99_s', 0):.2f} s, max {lat.get('max_s', 0):.2f} s. The article's "
            "own row (ingest → broker → store, no extract): p50 "
            f"{lat.get('article_row', {}).get('p50_s', 0):.2f} s, p95 "
            f"{lat.get('article_row', {}).get('p95_s', 0):.2f} s.",
        ]
    i = _section(results, "ingest")
    if i:
        lines += [
            "",
            "## Ingest alone",
            "",
            "| request | clients | articles/s | requests/s |"
            " p50 / p99 request | ingest CPU | statuses |",
            "|---|---|---|---|---|---|---|",
        ]
        for label in ("single", "list"):
            r = i[label]
            rl = r["request_latency"]
            cpu = r.get("ingest_cpu_share")
            lines.append(
                f"| {r['articles_per_request']} article(s) | {r['clients']} | "
                f"{r['articles_per_s']:,.0f} | {r['requests_per_s']:,.0f} | "
                f"{rl.get('p50_s', 0) * 1000:.0f} / {rl.get('p99_s', 0) * 1000:.0f} ms | "
                f"{cpu:.0%} of a core | {r['statuses']} |"
                if cpu is not None
                else f"| {r['articles_per_request']} | {r['clients']} | "
                f"{r['articles_per_s']:,.0f} | {r['requests_per_s']:,.0f} | | | |"
            )
    st = _section(results, "store")
    if st:
        copies = ", ".join(f"{x:,.0f}" for x in st["copy_rounds_rows_per_s"])
        stores = ", ".join(f"{x:,.0f}" for x in st.get("store_rounds_rows_per_s", ()))
        lines += [
            "",
            "## Store alone",
            "",
            f"{st['rows']:,} rows ({st['articles']:,} articles, {st['claims']:,} claims, "
            f"{st['events']:,} events) from pre-filled topics into empty tables: the store "
            f"service {st['store_rows_per_s']:,.0f} rows/s ({st['store_seconds']:.1f} s; median "
            f"of {stores}), raw "
            f"psycopg COPY of the same rows {st['copy_rows_per_s']:,.0f} rows/s (median of "
            f"{copies}) → {st['ratio_store_vs_copy']:.2f}×.",
        ]
    so = _section(results, "scale_out")
    if so:
        lines += [
            "",
            "## Extract scale-out",
            "",
            "| workers | articles/s | CPU s per worker |",
            "|---|---|---|",
        ]
        for n, r in so["runs"].items():
            cpu = ", ".join(f"{v:.0f}" for v in r["cpu_s_per_worker"].values())
            lines.append(f"| {n} | {r['articles_per_s']:.2f} | {cpu} (in {r['seconds']:.0f} s) |")
        if "ratio_2_vs_1" in so:
            lines += ["", f"Two workers: {so['ratio_2_vs_1']:.2f}× one. {so.get('note', '')}"]
    return lines


def _soak_section(soak: dict[str, Any] | None) -> list[str]:
    if not soak:
        return ["", "## Soak", "", "Not run yet: `newsflow bench --soak 600`."]
    lat = soak.get("latency", {})
    lines = [
        "",
        "## Soak",
        "",
        f"{soak['seconds']:.0f} s at {soak['rate_per_s']:.2f} articles/s "
        f"({soak['load_share']:.0%} of a capacity of {soak['capacity_articles_per_s']:.2f}/s), "
        f"{soak['articles']} articles, sampled every {soak['sample_every_s']:.0f} s "
        f"(run {soak.get('date', '?')}). After the load the pipeline drained in "
        f"{soak['drain_seconds_after_load']:.1f} s. End-to-end latency over the soak: p50 "
        f"{lat.get('p50_s', 0):.2f} s, p95 {lat.get('p95_s', 0):.2f} s, "
        f"p99 {lat.get('p99_s', 0):.2f} s.",
        "",
        "| consumer group | lag max | lag at the end of the load | growth over the last half "
        "| flat |",
        "|---|---|---|---|---|",
    ]
    for group, lag in soak["lag"].items():
        lines.append(
            f"| {group} | {lag['max']} | {lag['final']} | {lag['growth_last_half']:.0f} records "
            f"| {_verdict(lag['flat'])} |"
        )
    lines += [
        "",
        "| process | RSS start | end | max | slope, last half | flat |",
        "|---|---|---|---|---|---|",
    ]
    for name, rss in soak["rss_mb"].items():
        if not rss:
            continue
        lines.append(
            f"| {name} | {rss['start']:.0f} MB | {rss['end']:.0f} MB | {rss['max']:.0f} MB | "
            f"{rss['slope_mb_per_min_last_half']:+.2f} MB/min | {_verdict(rss['flat'])} |"
        )
    lines += [
        "",
        "The embedded broker (Tansu) keeps every record in memory and never frees it, so its RSS "
        "grows with the data by design; it is shown, not judged.",
    ]
    return lines


def _export_memory_section(figures: dict[str, Any] | None) -> list[str]:
    command = "`.venv/bin/python -m services.bench.export_memory`"
    if not figures:
        return ["", "## Query API exports: memory", "", f"Not run yet: {command}."]
    lines = [
        "",
        "## Query API exports: memory",
        "",
        f"{command} (run {figures['date']}): `newsflow serve api` streams each export while its "
        "RSS is sampled every 10 ms. Growth over its size before the exports "
        f"({figures['baseline_rss_mib']:.0f} MiB), worst **{figures['worst_growth_mib']:.1f} MiB**"
        f" against a ceiling of {figures['ceiling_mib']} MiB: "
        f"{_verdict(figures['within_ceiling'])}.",
        "",
        "| export | format | rows | size | seconds | rows/s | RSS growth |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {e['kind']} | {e['format']} | {e['rows']:,} | {e['mib']:.1f} MiB | {e['seconds']:.2f} "
        f"| {e['rows_per_s']:,} | {e['rss_growth_mib']:.1f} MiB |"
        for e in figures["exports"]
    ]
    return lines


def _versions_section(meta: dict[str, Any]) -> list[str]:
    versions = meta.get("versions", {})
    parts = ", ".join(f"{k} {v}" for k, v in versions.items())
    return [
        "",
        "## Versions",
        "",
        f"{parts}; broker: {meta.get('broker', '?')}; Postgres {meta.get('postgres', '?')} "
        f"({meta.get('database', '?')}).",
    ]


def _method_section() -> list[str]:
    return [
        "",
        "## How it is measured",
        "",
        "* **Extraction**: one process, one loaded pipeline (`load_nlp`, the extractor's pipes); "
        "bare `nlp.pipe`, `Extractor.extract_many` with claims and events, claims only and events "
        "only, over the same texts; each batch of texts is run by the four variants back to back "
        "in a rotating order (a busy spell hits all of them alike); medians over rounds.",
        "* **Full pipeline**: embedded broker, a fresh Postgres database, `newsflow serve "
        "ingest|extract|store` as processes. Saturation: the sample posted 3 times under "
        "distinct URLs; articles ÷ (newest row's `first_seen_at` − first POST). Latency = POST "
        "sent → `first_seen_at` of the article's last claim or event row (the store "
        "transaction's start, a few ms before its COMMIT).",
        "* **Ingest alone**: one ingest process, concurrent keep-alive aiohttp clients in the "
        "benchmark process (sharing the machine), 202 answers per second over a fixed time.",
        "* **Store alone**: the sample's extraction output, repeated under new ids, pre-filled on "
        "the topics; from the store's partition assignment until every row is in (seen by "
        "looking up the last record of each partition every 20 ms, then checked by an exact "
        "count). COPY: the same rows (the writer's row functions) into the same emptied tables, "
        "one transaction. Three rounds of each, alternating; ratio of the medians.",
        "* **Scale-out**: extract workers only, the sample produced 3 times (distinct URLs) "
        "straight onto `articles.raw`, "
        "outputs counted on the claims/events topics.",
        "* **Hostile HTML**: in the benchmark process, `html_to_text` (depth check, then the "
        "conversion) on each shape at two lengths, timed in CPU seconds (`time.process_time`); "
        "the timing of these shapes moved here from the unit and fault tests, which check only "
        "what comes out.",
        "* Every phase uses its own topic prefix and consumer groups; the database is dropped at "
        "the end.",
    ]


# -- plot ----------------------------------------------------------------------------------


def write_plot(results: dict[str, Any], path: Path) -> Path | None:
    """Throughput vs extract workers, the latency distribution and (after a soak) RSS over
    time. None when matplotlib is not installed."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    soak = results.get("soak")
    panels = 3 if soak else 2
    fig, axes = plt.subplots(1, panels, figsize=(5.2 * panels, 4.2))
    _plot_scale_out(axes[0], results)
    _plot_latency(axes[1], results)
    if soak:
        _plot_soak(axes[2], soak)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _plot_scale_out(ax: Any, results: dict[str, Any]) -> None:
    so = _section(results, "scale_out") or {}
    runs = so.get("runs", {})
    workers = [int(n) for n in runs]
    rates = [runs[str(n)]["articles_per_s"] for n in workers]
    ax.set_title("extract throughput vs workers")
    if workers:
        ax.bar(workers, rates, width=0.5, label="measured (pipeline extract)")
        ax.plot(workers, [rates[0] * n for n in workers], "k--", label="linear from 1 worker")
    domain = (_section(results, "domain") or {}).get("extraction_articles_per_s")
    if domain:
        ax.axhline(domain, color="tab:green", linestyle=":", label="domain code, 1 process")
    ax.set_xlabel("extract workers")
    ax.set_ylabel("articles/s")
    ax.set_xticks(workers or [1, 2])
    ax.legend(fontsize=8)


def _plot_latency(ax: Any, results: dict[str, Any]) -> None:
    lat = (_section(results, "pipeline") or {}).get("latency", {})
    samples = lat.get("samples_s", [])
    ax.set_title(f"end-to-end latency at {lat.get('rate_per_s', 0):.1f} articles/s")
    if samples:
        ax.hist(samples, bins=30, color="tab:blue", alpha=0.8)
        for key, style in (("p50_s", "-"), ("p95_s", "--"), ("p99_s", ":")):
            if key in lat:
                ax.axvline(lat[key], color="k", linestyle=style, label=f"{key[:3]} {lat[key]:.2f}s")
        ax.legend(fontsize=8)
    ax.set_xlabel("POST → last row visible (s)")
    ax.set_ylabel("articles")


def _plot_soak(ax: Any, soak: dict[str, Any]) -> None:
    series = soak["series"]
    ax.set_title(f"soak: RSS at {soak['rate_per_s']:.1f} articles/s")
    for name, values in series["rss_mb"].items():
        ax.plot(series["t_s"], values, label=name)
    ax.set_xlabel("s")
    ax.set_ylabel("RSS (MB)")
    ax.legend(fontsize=8)


def _ratio_text(pipeline: dict[str, Any]) -> str:
    """The pipeline/extraction ratio, when the domain phase ran in the same bench."""
    ratio = pipeline.get("ratio_vs_extraction")
    if ratio is None:
        return " (the domain phase did not run, so no ratio)"
    return f" ({ratio:.2f}× the extraction domain code in one process)"
