"""Unit tests of the store's pure batch logic."""

from __future__ import annotations

from datetime import UTC, datetime

from services.store.domain.batching import (
    SourcePosition,
    dedup_last_wins,
    group_by_table,
    offsets_to_commit,
)
from shared.models import (
    Claim,
    ClaimContent,
    Event,
    EventStatus,
    RawArticle,
    Speaker,
    TextSpan,
)

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def article(article_id: str, title: str = "t") -> RawArticle:
    return RawArticle(
        article_id=article_id,
        url=f"https://example.com/{article_id}",
        title=title,
        body="Body.",
        published_at=NOW,
        received_at=NOW,
    )


def claim(claim_id: str, text: str = "x") -> Claim:
    return Claim(
        claim_id=claim_id,
        article_id="a-1",
        kind="direct",
        content=ClaimContent(text=text, spans=((0, 1),)),
        speaker=Speaker(name="Someone"),
    )


def event(event_id: str, status: EventStatus = "occurred") -> Event:
    return Event(
        event_id=event_id,
        article_id="a-1",
        type="PROTEST",
        status=status,
        trigger=TextSpan(text="march", start=0, end=5),
    )


def test_a_batch_names_every_article_it_touches_once_in_sorted_order() -> None:
    batch = group_by_table([article("a-9"), claim("c-1"), event("e-1"), article("a-9")])

    assert batch.extracted_article_ids == ["a-1"]  # the claim's and the event's article
    assert batch.article_ids == ["a-1", "a-9"]


def test_group_by_table_sorts_records_into_their_tables() -> None:
    batch = group_by_table([article("a-1"), claim("c-1"), event("e-1"), claim("c-2")])

    assert [a.article_id for a in batch.articles] == ["a-1"]
    assert [c.claim_id for c in batch.claims] == ["c-1", "c-2"]
    assert [e.event_id for e in batch.events] == ["e-1"]
    assert len(batch) == 4


def test_duplicate_ids_in_a_batch_keep_only_the_last_record() -> None:
    batch = group_by_table(
        [
            article("a-1", title="old"),
            claim("c-1", text="first"),
            article("a-2"),
            claim("c-1", text="second"),
            article("a-1", title="new"),
            event("e-1", status="planned"),
            event("e-1", status="occurred"),
        ]
    )

    assert [(a.article_id, a.title) for a in batch.articles] == [("a-1", "new"), ("a-2", "t")]
    assert [(c.claim_id, c.content.text) for c in batch.claims] == [("c-1", "second")]
    assert [(e.event_id, e.status) for e in batch.events] == [("e-1", "occurred")]


def test_same_id_in_different_tables_is_not_deduplicated() -> None:
    batch = group_by_table([claim("x-1"), event("x-1")])

    assert len(batch.claims) == 1
    assert len(batch.events) == 1


def test_dedup_keeps_first_appearance_order() -> None:
    assert dedup_last_wins([3, 1, 13, 2], key=lambda n: n % 10) == [13, 1, 2]


def test_offsets_to_commit_are_highest_offset_plus_one_per_partition() -> None:
    positions = [
        SourcePosition("claims", 0, 10),
        SourcePosition("claims", 0, 12),
        SourcePosition("claims", 0, 11),
        SourcePosition("claims", 1, 0),
        SourcePosition("events", 0, 4),
    ]

    assert offsets_to_commit(positions) == {("claims", 0): 13, ("claims", 1): 1, ("events", 0): 5}
