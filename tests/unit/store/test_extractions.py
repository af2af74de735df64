"""The rule that settles re-extractions (services/store/domain/extractions.py)."""

from __future__ import annotations

import doctest
from datetime import UTC, datetime

from services.store.domain import extractions
from services.store.domain.extractions import Current, newest_per_article, plan_extractions
from shared.models import Claim, ClaimContent, ExtractionManifest, ExtractionSource, Speaker


def _source(ts: int, offset: int = 0) -> ExtractionSource:
    return ExtractionSource(timestamp_ms=ts, partition=0, offset=offset)


def _claim(article: str, source: ExtractionSource | None) -> Claim:
    offset = source.offset if source else 0
    return Claim(
        claim_id=f"c-{article}-{source.timestamp_ms if source else 'none'}-{offset}",
        article_id=article,
        kind="indirect",
        content=ClaimContent(text="x", spans=((0, 1),)),
        speaker=Speaker(name="Someone"),
        extracted_from=source,
    )


def _manifest(article: str, ts: int, offset: int = 0) -> ExtractionManifest:
    return ExtractionManifest(
        article_id=article,
        extractor_version="1",
        extracted_from=_source(ts, offset),
        extracted_at=datetime(2026, 12, 1, tzinfo=UTC),
    )


def test_the_newest_manifest_of_an_article_wins_within_a_batch() -> None:
    late, early, other = _manifest("a-1", 5), _manifest("a-1", 1, offset=9), _manifest("a-2", 0)
    assert newest_per_article([late, early, other]) == [late, other]


def test_the_offset_orders_extractions_with_the_same_timestamp() -> None:
    first, second = _manifest("a-1", 5, offset=1), _manifest("a-1", 5, offset=2)
    assert newest_per_article([second, first]) == [second]


def test_a_newer_manifest_replaces_the_stored_one_and_an_older_one_does_not() -> None:
    stored = {"a-1": Current.of(_manifest("a-1", 3))}

    older = plan_extractions(stored, [_manifest("a-1", 2)])
    newer = plan_extractions(stored, [_manifest("a-1", 4)])

    assert older.replacing == () and older.keeps("a-1", _source(3))
    assert not older.keeps("a-1", _source(2))
    assert newer.replaced_articles == {"a-1"}
    assert newer.keeps("a-1", _source(4)) and not newer.keeps("a-1", _source(3))


def test_records_of_an_extraction_whose_manifest_is_still_to_come_are_kept() -> None:
    plan = plan_extractions({"a-1": Current.of(_manifest("a-1", 3))}, [])
    assert plan.keeps("a-1", _source(7))


def test_stored_records_survive_unless_their_article_was_replaced_by_a_newer_extraction() -> None:
    stored = {"a-1": Current.of(_manifest("a-1", 0))}
    plan = plan_extractions(stored, [_manifest("a-2", 5)])

    assert plan.survives("a-1", _source(0)) and plan.survives("a-1", None)  # a-1 not replaced
    assert plan.survives("a-2", _source(5)) and plan.survives("a-2", _source(6))
    assert not plan.survives("a-2", _source(4))
    assert not plan.survives("a-2", None)  # stored before sources existed


def test_an_equal_manifest_is_a_replay_and_replaces_nothing() -> None:
    manifest = _manifest("a-1", 0)
    plan = plan_extractions({"a-1": Current.of(manifest)}, [manifest])
    assert plan.replacing == ()


def test_records_of_articles_without_a_manifest_are_kept() -> None:
    plan = plan_extractions({}, [])
    assert plan.keeps("a-7", None) and plan.keeps("a-7", _source(1))


def test_split_keeps_the_current_extractions_records_and_skips_an_older_ones() -> None:
    plan = plan_extractions({"a-1": Current.of(_manifest("a-1", 3))}, [])
    current, leftover, unmanaged = (
        _claim("a-1", _source(3)),
        _claim("a-1", _source(2)),
        _claim("a-2", None),
    )

    kept, skipped = plan.split([current, leftover, unmanaged])

    assert kept == [current, unmanaged]
    assert skipped == [leftover]


def test_docstring_examples_run() -> None:
    assert doctest.testmod(extractions, verbose=False).failed == 0
