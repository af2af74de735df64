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
from functools import cached_property
from typing import TypeVar

from services.store.domain.extractions import newest_per_article
from shared.models import Claim, Event, ExtractionManifest, RawArticle

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

StorableRecord = RawArticle | Claim | Event | ExtractionManifest


@dataclass(frozen=True)
class TableBatch:
    """Records of one batch grouped by table, each id at most once."""

    articles: tuple[RawArticle, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    manifests: tuple[ExtractionManifest, ...] = ()

    def __len__(self) -> int:
        return len(self.articles) + len(self.claims) + len(self.events) + len(self.manifests)

    @cached_property
    def extracted_article_ids(self) -> list[str]:
        """The articles of the batch's claims, events and manifests, sorted."""
        ids = {c.article_id for c in self.claims}
        ids.update(e.article_id for e in self.events)
        ids.update(m.article_id for m in self.manifests)
        return sorted(ids)

    @cached_property
    def article_ids(self) -> list[str]:
        """Every article the batch touches (its articles and :attr:`extracted_article_ids`),
        sorted: the order the store locks them in."""
        return sorted({a.article_id for a in self.articles}.union(self.extracted_article_ids))


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
    """Split decoded records into articles, claims, events and extraction manifests,
    deduplicated by id (manifests: the newest per article)."""
    articles: list[RawArticle] = []
    claims: list[Claim] = []
    events: list[Event] = []
    manifests: list[ExtractionManifest] = []
    for record in records:
        if isinstance(record, RawArticle):
            articles.append(record)
        elif isinstance(record, Claim):
            claims.append(record)
        elif isinstance(record, Event):
            events.append(record)
        else:
            manifests.append(record)
    return TableBatch(
        articles=tuple(dedup_last_wins(articles, key=lambda a: a.article_id)),
        claims=tuple(dedup_last_wins(claims, key=lambda c: c.claim_id)),
        events=tuple(dedup_last_wins(events, key=lambda e: e.event_id)),
        manifests=tuple(newest_per_article(manifests)),
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
