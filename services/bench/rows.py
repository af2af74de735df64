"""What the benchmark reads back from Postgres: row counts of a phase's articles and when rows
first appeared (``first_seen_at`` is ``now()`` of the store transaction that inserted the row,
i.e. the transaction's start — a row becomes visible at its COMMIT, a few ms later)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import psycopg

from services.bench.processes import ServiceProcess

_COUNTS = """
SELECT (SELECT count(*) FROM articles WHERE article_id = ANY(%(ids)s)),
       (SELECT count(*) FROM claims WHERE article_id = ANY(%(ids)s)),
       (SELECT count(*) FROM events WHERE article_id = ANY(%(ids)s))
"""

_LAST_SEEN = """
SELECT extract(epoch FROM max(first_seen_at))::float8 FROM (
    SELECT first_seen_at FROM articles WHERE article_id = ANY(%(ids)s)
    UNION ALL SELECT first_seen_at FROM claims WHERE article_id = ANY(%(ids)s)
    UNION ALL SELECT first_seen_at FROM events WHERE article_id = ANY(%(ids)s)
) AS x
"""

# Per article: when its last claim or event row appeared (what went through extract).
_OUTPUT_SEEN = """
SELECT article_id, extract(epoch FROM max(first_seen_at))::float8 FROM (
    SELECT article_id, first_seen_at FROM claims WHERE article_id = ANY(%(ids)s)
    UNION ALL SELECT article_id, first_seen_at FROM events WHERE article_id = ANY(%(ids)s)
) AS x GROUP BY article_id
"""


@dataclass(frozen=True)
class RowCounts:
    articles: int
    claims: int
    events: int

    @property
    def outputs(self) -> int:
        return self.claims + self.events


def count_rows(conn: psycopg.Connection[Any], article_ids: Sequence[str]) -> RowCounts:
    row = conn.execute(_COUNTS, {"ids": list(article_ids)}).fetchone()
    assert row is not None
    return RowCounts(int(row[0]), int(row[1]), int(row[2]))


def last_seen(conn: psycopg.Connection[Any], article_ids: Sequence[str]) -> float:
    """Wall-clock time (epoch s) of the newest row of these articles."""
    row = conn.execute(_LAST_SEEN, {"ids": list(article_ids)}).fetchone()
    return float(row[0]) if row and row[0] is not None else time.time()


def output_seen(conn: psycopg.Connection[Any], article_ids: Sequence[str]) -> dict[str, float]:
    """Per article with at least one claim or event: when its last one appeared (epoch s)."""
    rows = conn.execute(_OUTPUT_SEEN, {"ids": list(article_ids)}).fetchall()
    return {str(r[0]): float(r[1]) for r in rows}


def article_seen(conn: psycopg.Connection[Any], article_ids: Sequence[str]) -> dict[str, float]:
    """Per article: when its ``articles`` row appeared (epoch s) — the path without extract."""
    rows = conn.execute(
        "SELECT article_id, extract(epoch FROM first_seen_at)::float8 FROM articles"
        " WHERE article_id = ANY(%(ids)s)",
        {"ids": list(article_ids)},
    ).fetchall()
    return {str(r[0]): float(r[1]) for r in rows}


def wait_for_rows(
    database_url: str,
    article_ids: Sequence[str],
    *,
    expected_outputs: int | None,
    services: list[ServiceProcess],
    timeout_s: float,
    settle_s: float = 8.0,
) -> RowCounts:
    """Poll until every article is stored and either the claims + events reach
    ``expected_outputs`` or their count has not moved for ``settle_s`` (the ingest may clean a
    body, so the expected count is a hint, not a promise). Raises ``TimeoutError``."""
    deadline = time.monotonic() + timeout_s
    last: RowCounts | None = None
    moved_at = time.monotonic()
    with psycopg.connect(database_url, autocommit=True) as conn:
        while time.monotonic() < deadline:
            for service in services:
                service.check_alive()
            counts = count_rows(conn, article_ids)
            if counts != last:
                last, moved_at = counts, time.monotonic()
            if counts.articles >= len(article_ids):
                if expected_outputs is not None and counts.outputs >= expected_outputs:
                    return counts
                if time.monotonic() - moved_at >= settle_s:
                    return counts
            time.sleep(0.2)
    raise TimeoutError(
        f"rows of {len(article_ids)} articles not stored in {timeout_s:.0f}s: {last}"
    )
