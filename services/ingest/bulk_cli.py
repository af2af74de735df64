"""The terminal side of ``newsflow ingest``: progress bar (count, rate, ETA) and summary.

Exit codes: ``0`` everything accepted (or duplicate), ``1`` some articles rejected, ``2`` the
input or the API could not be used (nothing more was sent; a rerun resumes).
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import TaskID

from services.ingest.bulk import (
    BulkProgress,
    IngestClient,
    corpus_namespace,
    ingest_feed,
    ingest_files,
    read_feed_entries,
)
from services.ingest.bulk_mapping import SYNTHETIC_HOST, FieldMap, FieldMapError
from services.ingest.settings import BulkSettings
from shared.errors import NewsflowError
from shared.progress import progress_bar


def run_ingest_command(
    settings: BulkSettings,
    *,
    source: str,
    batch_size: int | None = None,
    restart: bool = False,
    state_dir: Path | None = None,
    field_map: str | None = None,
    console: Console | None = None,
) -> int:
    console = console or Console(stderr=True)
    try:
        mapping = FieldMap.parse(field_map) if field_map else None
    except FieldMapError as exc:
        print(f"newsflow ingest: {exc}", file=sys.stderr)
        return 2
    headers = {"X-API-Key": settings.api_key.get_secret_value()} if settings.api_key else {}
    size = batch_size or settings.bulk_batch_size
    bar = progress_bar(console)
    task: TaskID | None = None
    started_at = 0

    def on_start(progress: BulkProgress) -> None:
        nonlocal task, started_at
        started_at = progress.position
        if progress.complete:
            console.print("this input was sent completely before; --restart sends it again")
        elif progress.resumed_from:
            console.print(
                f"resuming at article {progress.resumed_from:,} of {progress.total:,} "
                "(--restart to send everything again)"
            )
        # Count only this run's articles in the rate and ETA.
        task = bar.add_task("ingesting", total=progress.total - progress.position, completed=0)

    def on_batch(progress: BulkProgress) -> None:
        if task is not None:
            bar.update(task, completed=progress.position - started_at)

    try:
        with (
            _logs_above_the_bar(console),
            httpx.Client(
                base_url=settings.ingest_url.rstrip("/"),
                headers=headers,
                timeout=settings.bulk_timeout_s,
            ) as http,
            bar,
        ):
            client = IngestClient(http)
            if source.startswith(("http://", "https://")):
                result = ingest_feed(
                    source,
                    client=client,
                    batch_size=size,
                    read_feed=lambda url: read_feed_entries(
                        url,
                        timeout_s=settings.feed_timeout_s,
                        max_bytes=settings.feed_max_bytes,
                        min_text_chars=settings.feed_min_text_chars,
                        user_agent=settings.feed_user_agent,
                        fetch_pages=settings.feed_fetch_pages,
                    ),
                    on_start=on_start,
                    on_batch=on_batch,
                )
            else:
                result = ingest_files(
                    Path(source),
                    client=client,
                    state_dir=state_dir or settings.bulk_state_dir,
                    batch_size=size,
                    restart=restart,
                    mapping=mapping,
                    on_start=on_start,
                    on_batch=on_batch,
                )
    except FileNotFoundError as exc:
        print(f"newsflow ingest: {exc}", file=sys.stderr)
        return 2
    except NewsflowError as exc:
        print(f"newsflow ingest: {exc} (a rerun resumes where this stopped)", file=sys.stderr)
        return 2
    if result.extract_format:
        namespace = corpus_namespace(Path(source))
        console.print(
            f"{result.extract_format:,} items in the newsflow extract format "
            f"({{doc_id, title, text}}): url = https://{SYNTHETIC_HOST}/{namespace}/<doc_id>, "
            "body = text",
            markup=False,
        )
    if result.dropped_fields:
        fields = ", ".join(f"{k} ({v:,})" for k, v in sorted(result.dropped_fields.items()))
        console.print(f"fields not sent (no article field; --map one): {fields}", markup=False)
    print_summary(result, console=console)
    return 1 if result.rejected else 0


@contextlib.contextmanager
def _logs_above_the_bar(console: Console) -> Iterator[None]:
    """While the progress bar runs, log records go through the bar's console (printed above
    it, not into it) and httpx's one INFO line per request is not shown."""
    root, quiet = logging.getLogger(), logging.getLogger("httpx")
    handlers, level = root.handlers[:], quiet.level
    root.handlers = [RichHandler(console=console, show_path=False, show_time=False)]
    quiet.setLevel(logging.WARNING)
    try:
        yield
    finally:
        root.handlers = handlers
        quiet.setLevel(level)


def print_summary(result: BulkProgress, *, console: Console) -> None:
    """Counts, then the rejections grouped by reason: each reason once, with how many and
    where the first ones are."""
    console.print(
        f"{result.accepted:,} accepted, {result.duplicates:,} duplicate, "
        f"{result.rejected:,} rejected ({result.position:,} of {result.total:,} articles "
        "processed)"
    )
    if not result.rejected:
        return
    reasons = result.reasons or _reasons_of(result)
    examples: dict[str, list[str]] = {}
    for rejection in result.rejections:
        examples.setdefault(rejection.reason, []).append(rejection.origin)
    console.print("rejected:")
    for reason, count in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
        where = examples.get(reason, [])[:3]
        at = f" (e.g. {', '.join(where)})" if where else ""
        console.print(f"  {count:,} × {reason}{at}", markup=False, soft_wrap=True)


def _reasons_of(result: BulkProgress) -> dict[str, int]:
    """Reasons of a state file written before they were counted: its examples only."""
    counts: dict[str, int] = {}
    for rejection in result.rejections:
        counts[rejection.reason] = counts.get(rejection.reason, 0) + 1
    return counts
