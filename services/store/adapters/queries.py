"""Read-side helpers over the store's tables, for the demo, the CLI and tests.

Rows come back as dicts keyed by column name. Events carry ``magnitudes`` as a short text
("20 killed, 3 injured") or ``None``, taken from the stored payload. Incidents are read by the
query service (:mod:`services.query.adapters.incidents`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString

import psycopg
from psycopg.rows import dict_row

_TABLES = ("articles", "claims", "events")

_CLAIM_COLUMNS: LiteralString = """
    claim_id, article_id, kind, speaker_name, speaker_type, speaker_role, cue_lemma,
    content_text, confidence, extractor_version, first_seen_at, updated_at
"""

_EVENT_COLUMNS: LiteralString = """
    event_id, article_id, type, mode, status, trigger_text, location_text, location_name,
    country, geonameid, event_date, is_main, confidence, extractor_version, first_seen_at,
    updated_at,
    (SELECT string_agg((m->>'value') || ' ' || (m->>'kind'), ', ')
       FROM jsonb_array_elements(payload->'magnitudes') AS m) AS magnitudes
"""


def count_rows(
    conn: psycopg.Connection[Any],
    *,
    article_id: str | None = None,
    article_ids: Sequence[str] | None = None,
) -> dict[str, int]:
    """Rows per table: all of them, those of ``article_id``, or those of any of ``article_ids``.

    Returns ``{"articles": n, "claims": n, "events": n}``.
    """
    ids = _id_filter(article_id=article_id, article_ids=article_ids)
    row = conn.execute(
        """
        SELECT
            (SELECT count(*) FROM articles WHERE %(all)s OR article_id = ANY(%(ids)s)),
            (SELECT count(*) FROM claims   WHERE %(all)s OR article_id = ANY(%(ids)s)),
            (SELECT count(*) FROM events   WHERE %(all)s OR article_id = ANY(%(ids)s))
        """,
        {"all": ids is None, "ids": ids or []},
    ).fetchone()
    assert row is not None  # a SELECT without FROM always yields one row
    return dict(zip(_TABLES, (int(n) for n in row), strict=True))


def claims_for_articles(
    conn: psycopg.Connection[Any], *, article_ids: Sequence[str]
) -> list[dict[str, Any]]:
    """The claims of these articles, article by article in text order."""
    return _fetch(
        conn,
        "SELECT"
        + _CLAIM_COLUMNS
        + """FROM claims WHERE article_id = ANY(%s)
        ORDER BY article_id, (payload #>> '{content,spans,0,0}')::int NULLS LAST, claim_id""",
        (list(article_ids),),
    )


def events_for_articles(
    conn: psycopg.Connection[Any], *, article_ids: Sequence[str]
) -> list[dict[str, Any]]:
    """The events of these articles, article by article in text order."""
    return _fetch(
        conn,
        "SELECT"
        + _EVENT_COLUMNS
        + """FROM events WHERE article_id = ANY(%s)
        ORDER BY article_id, (payload #>> '{trigger,start}')::int NULLS LAST, event_id""",
        (list(article_ids),),
    )


def _id_filter(*, article_id: str | None, article_ids: Sequence[str] | None) -> list[str] | None:
    if article_id is None and article_ids is None:
        return None
    return [*([article_id] if article_id is not None else []), *(article_ids or [])]


def _fetch(
    conn: psycopg.Connection[Any], query: LiteralString, params: tuple[Any, ...]
) -> list[dict[str, Any]]:
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(query, params)
        return cur.fetchall()
