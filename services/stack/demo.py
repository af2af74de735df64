"""``newsflow demo``: the whole pipeline on the embedded stack, with sample articles.

Starts the stack, POSTs every article in ``examples/articles`` over HTTP, waits until their
claims and events are in Postgres, prints them as tables, and stops everything.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import httpx
import psycopg
from rich.console import Console
from rich.table import Table

from services.stack.runner import Stack, check_services_alive, running_stack
from services.stack.settings import StackSettings
from services.store.adapters.queries import claims_for_articles, count_rows, events_for_articles

DEFAULT_ARTICLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
SETTLE_S = 2.0  # rows unchanged this long = the pipeline is done with the articles


def run_demo(settings: StackSettings, *, articles_dir: Path | None = None) -> int:
    console = Console()
    folder = articles_dir or DEFAULT_ARTICLES
    articles = load_articles(folder)
    console.print(f"[bold]newsflow demo[/]: {len(articles)} sample articles from {folder}")
    with running_stack(settings) as stack:
        started = time.monotonic()
        ids = post_articles(stack, articles)
        console.print(f"POSTed {len(ids)} articles → 202 Accepted")
        counts = wait_for_rows(stack, ids)
        elapsed = time.monotonic() - started
        console.print(
            f"rows in Postgres after {elapsed:.1f}s: {counts['articles']} articles, "
            f"{counts['claims']} claims, {counts['events']} events"
        )
        with psycopg.connect(stack.database_url) as conn:
            print_claims(console, claims_for_articles(conn, article_ids=ids))
            print_events(console, events_for_articles(conn, article_ids=ids))
        console.print("stopping the stack…")
    return 0


def load_articles(folder: Path) -> list[dict[str, Any]]:
    files = sorted(folder.glob("*.json"))
    if not files:
        raise FileNotFoundError(f"no *.json articles in {folder}")
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def post_articles(stack: Stack, articles: list[dict[str, Any]]) -> list[str]:
    response = httpx.post(
        f"{stack.http_url}/v1/articles", json=articles, headers=_auth_headers(), timeout=30
    )
    response.raise_for_status()
    ids: list[str] = response.json()["article_ids"]
    return ids


def _auth_headers() -> dict[str, str]:
    """The first configured API key, if the user configured any (the stack then requires one)."""
    from services.ingest.settings import IngestSettings

    keys = IngestSettings().write_api_keys()
    return {"Authorization": f"Bearer {keys[0].get_secret_value()}"} if keys else {}


def wait_for_rows(
    stack: Stack, article_ids: list[str], *, timeout_s: float = 120
) -> dict[str, int]:
    """Poll Postgres until every article is stored and the claim/event counts settle."""
    deadline = time.monotonic() + timeout_s
    last: dict[str, int] = {}
    stable_since = time.monotonic()
    with psycopg.connect(stack.database_url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            check_services_alive(stack)
            counts = count_rows(conn, article_ids=article_ids)
            if counts != last:
                last, stable_since = counts, time.monotonic()
            done = counts["articles"] == len(article_ids) and counts["events"] > 0
            if done and time.monotonic() - stable_since >= SETTLE_S:
                return counts
            time.sleep(0.2)
    raise TimeoutError(f"the pipeline did not store the demo articles in {timeout_s:.0f}s: {last}")


def print_claims(console: Console, rows: list[dict[str, Any]]) -> None:
    table = Table(title="Claims (who said what)", show_lines=True)
    for column in ("speaker", "kind", "cue", "content"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            row["speaker_name"] or "?",
            row["kind"],
            row["cue_lemma"] or "",
            _shorten(row["content_text"], 140),
        )
    console.print(table)


def print_events(console: Console, rows: list[dict[str, Any]]) -> None:
    table = Table(title="Events (what happened)", show_lines=True)
    for column in ("type", "status", "trigger", "where", "when", "how many", "main"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            row["type"],
            row["status"],
            row["trigger_text"],
            ", ".join(x for x in (row["location_name"], row["country"]) if x),
            str(row["event_date"] or ""),
            row["magnitudes"] or "",
            "★" if row["is_main"] else "",
        )
    console.print(table)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
