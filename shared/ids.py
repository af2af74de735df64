"""Deterministic identifiers. They are Kafka keys and Postgres primary keys, so a replayed or
rebalanced message always lands on the same row.

>>> article_id_for("https://example.com/a")
'a-2dce0a4c50441bfccfa9caf4'
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


def _digest(*parts: str, length: int = 24) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:length]


def article_id_for(canonical_url: str) -> str:
    """``article_id`` from an already canonical URL."""
    return "a-" + _digest(canonical_url)


def claim_id_for(article_id: str, spans: Iterable[tuple[int, int]], kind: str) -> str:
    """``claim_id`` from the article, the content spans and the claim kind."""
    span_key = ",".join(f"{s}-{e}" for s, e in spans)
    return "c-" + _digest(article_id, span_key, kind)


def event_id_for(article_id: str, trigger_start: int, trigger_end: int, event_type: str) -> str:
    """``event_id`` from the article, the trigger span and the event type."""
    return "e-" + _digest(article_id, f"{trigger_start}-{trigger_end}", event_type)
