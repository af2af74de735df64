"""The terminal side of ``newsflow ingest``: progress bar (count, rate, ETA) and summary.

Exit codes: ``0`` everything accepted (or duplicate), ``1`` some articles rejected, ``2`` the
input or the API could not be used (nothing more was sent; a rerun resumes).
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
from rich.console import Console
from rich.progress import TaskID

from services.ingest.bulk import (
    BulkProgress,
    IngestClient,
    ingest_feed,
    ingest_files,
    read_feed_entries,
)
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
    console: Console | None = None,
) -> int:
    console = console or Console(stderr=True)
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
                    on_start=on_start,
                    on_batch=on_batch,
                )
    except FileNotFoundError as exc:
        print(f"newsflow ingest: {exc}", file=sys.stderr)
        return 2
    except NewsflowError as exc:
        print(f"newsflow ingest: {exc} (a rerun resumes where this stopped)", file=sys.stderr)
        return 2
    print_summary(result, console=console)
    return 1 if result.rejected else 0


def print_summary(result: BulkProgress, *, console: Console) -> None:
    console.print(
        f"{result.accepted:,} accepted, {result.duplicates:,} duplicate, "
        f"{result.rejected:,} rejected ({result.position:,} of {result.total:,} articles "
        "processed)"
    )
    if result.rejections:
        shown = len(result.rejections)
        more = f" (first {shown})" if result.rejected > shown else ""
        console.print(f"rejected{more}:")
        for rejection in result.rejections:
            console.print(f"  {rejection.origin}: {rejection.reason}", markup=False)
