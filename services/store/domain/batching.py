"""Pure batch logic of the store: which table a record goes to, dedup by id, which offsets to
commit. No Kafka or database imports here.

Postgres refuses to touch one row twice in a single ``INSERT … ON CONFLICT DO UPDATE``
("command cannot affect row a second time"), so a batch is deduplicated by primary key before it
is written. The last record of an id wins: within a partition it is the newest, and a replay
writes the same content anyway.

>>> dedup_last_wins(["a1", "b", "a2"], key=lambda s: s[0])
['a2', 'b']
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from shared.models import Claim, Event, RawArticle

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

StorableRecord = RawArticle | Claim | Event


@dataclass(frozen=True)
class TableBatch:
    """Records of one batch grouped by table, each id at most once."""

    articles: tuple[RawArticle, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()

    def __len__(self) -> int:
        return len(self.articles) + len(self.claims) + len(self.events)


@dataclass(frozen=True)
class SourcePosition:
    """Where a record was read: enough to commit past it or to dead-letter it."""

    topic: str
    partition: int
    offset: int


def dedup_last_wins(items: Iterable[T], *, key: Callable[[T], K]) -> list[T]:
    """``items`` with one entry per key, the last one seen, in the order keys first appeared."""
    latest: dict[K, T] = {}
    for item in items:
        latest[key(item)] = item
    return list(latest.values())


def group_by_table(records: Iterable[StorableRecord]) -> TableBatch:
    """Split decoded records into articles, claims and events, deduplicated by id."""
    articles: list[RawArticle] = []
    claims: list[Claim] = []
    events: list[Event] = []
    for record in records:
        if isinstance(record, RawArticle):
            articles.append(record)
        elif isinstance(record, Claim):
            claims.append(record)
        else:
            events.append(record)
    return TableBatch(
        articles=tuple(dedup_last_wins(articles, key=lambda a: a.article_id)),
        claims=tuple(dedup_last_wins(claims, key=lambda c: c.claim_id)),
        events=tuple(dedup_last_wins(events, key=lambda e: e.event_id)),
    )


def offsets_to_commit(positions: Iterable[SourcePosition]) -> dict[tuple[str, int], int]:
    """Per ``(topic, partition)``, the offset to commit after processing ``positions``: the
    highest offset seen + 1, the next record the group should read.

    >>> offsets_to_commit([SourcePosition("t", 0, 7), SourcePosition("t", 0, 5)])
    {('t', 0): 8}
    """
    next_offsets: dict[tuple[str, int], int] = {}
    for p in positions:
        key = (p.topic, p.partition)
        next_offsets[key] = max(next_offsets.get(key, 0), p.offset + 1)
    return next_offsets
