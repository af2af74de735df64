"""Which claims and events of an article are current: the rule the store applies to
``ExtractionManifest`` records (topic ``articles.extracted``). Pure: no Kafka or database here.

Every extraction of an article publishes its claims, its events and one manifest listing their
ids, all stamped with ``extracted_from``: the ``articles.raw`` record extracted. An article is
extracted more than once when the extractor changes (``newsflow reprocess``), when a new revision
of its text is published, or when a crash replays it. Extractions are ordered by their source
record (Kafka timestamp, then offset; an article's records share a partition); a replay of the
same record is the same extraction, with the same records. The rule:

1. The manifest with the newest source is the article's current extraction; an older or equal
   one changes nothing.
2. When a newer manifest replaces the stored one (or is the first), the article's stored claims
   and events from older sources (or with no source) are deleted.
3. A claim or event of an article that has a current manifest is written only if its source is
   not older than the manifest's (equal: the current extraction; newer: an extraction whose
   manifest has not arrived yet, which rule 2 settles when it does). An older one is a leftover
   of an earlier extraction, replayed from its topic, and is skipped.
4. An upsert never replaces a row by a record from an older source (the SQL's ``WHERE``).
5. Articles without any manifest (stored before manifests existed, or whose manifest has not
   arrived) keep every record until one arrives.
6. Every id rule 2 or 3 withdraws is **retracted** on its topic (:func:`retractions_for`): the
   ids of the replaced extraction and the rows deleted, less the ids of the new extraction;
   and a skipped leftover whose id the current extraction does not list. The store publishes
   them after the COMMIT, so a subscriber that adds extracted records and removes retracted
   ids, in topic order, ends with the stored rows.

Whatever order the three topics arrive in, the stored rows end up as the newest extraction's:
its records are kept by 3 and 4 whenever they arrive, everything older is removed by 2 (stored
before the manifest) or skipped by 3 (arriving after it).

>>> from shared.models import ExtractionSource as S
>>> NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
>>> old = Current("a-1", (5, 10))
>>> plan = plan_extractions({"a-1": old}, [])
>>> plan.keeps("a-1", S(timestamp_ms=5, partition=0, offset=10)), plan.keeps("a-1", None)
(True, False)
>>> plan.keeps("a-1", S(timestamp_ms=4, partition=0, offset=99))  # an older extraction's
False
>>> plan.keeps("a-9", None)  # no manifest for a-9: rule 5
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from shared.models import Claim, Event, ExtractionManifest, ExtractionSource, Retraction

Order = tuple[int, int]  # (Kafka timestamp in ms, offset) of the articles.raw record
R = TypeVar("R", Claim, Event)


@dataclass(frozen=True)
class Current:
    """The current extraction of one article: the order of its source record and the ids of
    its claims and events."""

    article_id: str
    order: Order
    ids: frozenset[str] = frozenset()

    @classmethod
    def of(cls, manifest: ExtractionManifest) -> Current:
        return cls(
            article_id=manifest.article_id,
            order=manifest.extracted_from.order,
            ids=frozenset(manifest.claim_ids) | frozenset(manifest.event_ids),
        )


@dataclass(frozen=True)
class ExtractionPlan:
    """What a batch does with manifests: the current extraction of every article it touches and
    the manifests that replace the stored ones (rule 1)."""

    current: Mapping[str, Current]
    replacing: tuple[ExtractionManifest, ...]

    @cached_property
    def replaced_articles(self) -> frozenset[str]:
        return frozenset(m.article_id for m in self.replacing)

    def keeps(self, article_id: str, source: ExtractionSource | None) -> bool:
        """Rules 3 and 5: may this claim or event be written?"""
        current = self.current.get(article_id)
        if current is None:
            return True
        return source is not None and source.order >= current.order

    def split(self, records: Iterable[R]) -> tuple[list[R], list[R]]:
        """Rule 3 over a batch's claims or events: those written, and the leftovers skipped."""
        kept: list[R] = []
        skipped: list[R] = []
        for record in records:
            keeps = self.keeps(record.article_id, record.extracted_from)
            (kept if keeps else skipped).append(record)
        return kept, skipped

    def survives(self, article_id: str, source: ExtractionSource | None) -> bool:
        """Rule 2: does a stored claim or event stay once the batch is written?"""
        if article_id not in self.replaced_articles:
            return True
        return self.keeps(article_id, source)


def newest_per_article(manifests: Iterable[ExtractionManifest]) -> list[ExtractionManifest]:
    """One manifest per article, the newest (ties: the later one, a replay of the same)."""
    newest: dict[str, ExtractionManifest] = {}
    for m in manifests:
        seen = newest.get(m.article_id)
        if seen is None or m.extracted_from.order >= seen.extracted_from.order:
            newest[m.article_id] = m
    return list(newest.values())


def plan_extractions(
    stored: Mapping[str, Current], incoming: Iterable[ExtractionManifest]
) -> ExtractionPlan:
    """Rule 1 over the stored current extractions and a batch's manifests."""
    current = dict(stored)
    replacing: list[ExtractionManifest] = []
    for manifest in newest_per_article(incoming):
        before = current.get(manifest.article_id)
        if before is None or manifest.extracted_from.order > before.order:
            current[manifest.article_id] = Current.of(manifest)
            replacing.append(manifest)
    return ExtractionPlan(current=current, replacing=tuple(replacing))


def retractions_for(
    plan: ExtractionPlan,
    *,
    stored: Mapping[str, Current],
    deleted: Iterable[tuple[str, str]],
    skipped: Iterable[Claim | Event],
    now: dt.datetime,
) -> list[Retraction]:
    """Rule 6: the retractions a batch publishes. ``stored``: the current extractions before
    the batch; ``deleted``: (article_id, id) of the rows rule 2 deleted; ``skipped``: the
    records rule 3 did not write. Claim ids start with ``c-``, event ids with ``e-``.

    >>> from shared.models import ExtractionSource as S
    >>> NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    >>> new = ExtractionManifest(article_id="a-1", extractor_version="2", extracted_at=NOW,
    ...     extracted_from=S(timestamp_ms=9, partition=0, offset=9), claim_ids=("c-kept",))
    >>> old = Current("a-1", (5, 5), frozenset({"c-kept", "c-gone", "e-gone"}))
    >>> plan = plan_extractions({"a-1": old}, [new])
    >>> out = retractions_for(plan, stored={"a-1": old}, deleted=[], skipped=[], now=NOW)
    >>> sorted((r.retracted, r.id) for r in out)
    [('claim', 'c-gone'), ('event', 'e-gone')]
    """
    withdrawn: dict[str, set[str]] = {}
    for article_id, record_id in deleted:
        withdrawn.setdefault(article_id, set()).add(record_id)
    out: list[Retraction] = []
    for manifest in plan.replacing:
        before = stored.get(manifest.article_id)
        ids = withdrawn.get(manifest.article_id, set()) | (before.ids if before else set())
        current = Current.of(manifest).ids
        out += [
            _retraction(record_id, manifest.article_id, manifest.extracted_from, now)
            for record_id in sorted(ids - current)
        ]
    for record in skipped:
        current_of = plan.current.get(record.article_id)
        record_id = record.claim_id if isinstance(record, Claim) else record.event_id
        if current_of is None or record_id in current_of.ids:
            continue
        partition = record.extracted_from.partition if record.extracted_from else 0
        ts, offset = current_of.order
        by = ExtractionSource(timestamp_ms=ts, partition=partition, offset=offset)
        out.append(_retraction(record_id, record.article_id, by, now))
    return out


def _retraction(
    record_id: str, article_id: str, by: ExtractionSource, now: dt.datetime
) -> Retraction:
    return Retraction(
        retracted="claim" if record_id.startswith("c-") else "event",
        id=record_id,
        article_id=article_id,
        superseded_by=by,
        retracted_at=now,
    )
