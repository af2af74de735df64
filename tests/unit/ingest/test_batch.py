from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from services.ingest.domain.batch import BatchError, read_batch

NOW = datetime(2022, 3, 31, 15, 0, tzinfo=UTC)


def read(document: Any, *, max_articles: int = 10) -> Any:
    payload = document if isinstance(document, bytes) else json.dumps(document).encode()
    return read_batch(payload, max_articles=max_articles, received_at=NOW)


def failure(document: Any, **kwargs: Any) -> BatchError:
    with pytest.raises(BatchError) as info:
        read(document, **kwargs)
    return info.value


def test_a_single_object_is_one_article(seed_article: dict[str, Any]) -> None:
    batch = read(seed_article)
    assert batch.received == 1
    assert len(batch.articles) == 1


def test_duplicates_in_one_push_collapse_to_the_last_version_at_the_first_position() -> None:
    batch = read(
        [
            {"url": "https://e.com/a", "body": "first"},
            {"url": "https://e.com/b", "body": "b"},
            {"url": "https://E.com/a/?utm_source=x", "body": "second"},
        ]
    )
    assert [a.body for a in batch.articles] == ["second", "b"]
    assert batch.duplicates == 1
    assert batch.article_ids == [a.article_id for a in batch.articles]


def test_errors_are_located_by_index_and_field_and_nothing_is_accepted() -> None:
    error = failure(
        [
            {"url": "https://e.com/a", "body": "ok"},
            {"body": "no url"},
            {"url": "https://e.com/c", "body": "Also read: only boilerplate"},
        ]
    )
    assert error.reason == "invalid"
    assert [e.loc for e in error.errors] == [(1, "url"), (2, "body")]
    assert error.rejected_articles == {"invalid": 1, "unusable_body": 1, "batch_rejected": 1}


def test_a_non_object_in_the_list_is_located_by_its_index() -> None:
    assert [e.loc for e in failure(["text"]).errors] == [(0,)]


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"{not json", "malformed_json"),
        (b"", "malformed_json"),
        (b"\xff\xfe\xfa", "malformed_json"),
        (b"[" * 50_000 + b"]" * 50_000, "malformed_json"),
        (b"1" * 5000, "malformed_json"),
        (b'"an article"', "not_articles"),
        (b"null", "not_articles"),
        (b"[]", "empty"),
    ],
)
def test_unreadable_pushes_fail_with_a_reason(payload: bytes, reason: str) -> None:
    error = failure(payload)
    assert error.reason == reason
    assert error.errors[0].loc == ()


def test_too_many_articles_are_refused_before_validation() -> None:
    error = failure([{"url": "https://e.com/a"}] * 4, max_articles=3)
    assert error.reason == "too_many_articles"
    assert "3" in error.errors[0].msg


@pytest.mark.parametrize(
    "payload",
    [
        b'{"u\xed\xa0\x80rl": "https://e.com/a", "body": "x"}',  # an encoded surrogate
        b'{"url": "https://e.com/a", "body": "caf\xe9"}',  # Latin-1
        '{"url": "https://e.com/a", "body": "x"}'.encode("utf-16"),
    ],
)
def test_a_body_that_is_not_utf8_is_malformed_json_saying_so(payload: bytes) -> None:
    with pytest.raises(BatchError) as info:
        read_batch(payload, max_articles=5, received_at=NOW)
    assert info.value.reason == "malformed_json"
    assert "not UTF-8" in info.value.errors[0].msg


def test_a_utf8_byte_order_mark_is_tolerated() -> None:
    payload = b'\xef\xbb\xbf{"url": "https://e.com/a", "body": "x"}'
    assert read_batch(payload, max_articles=5, received_at=NOW).received == 1


def test_an_object_key_with_a_lone_surrogate_is_malformed_json_naming_the_key() -> None:
    with pytest.raises(BatchError) as info:
        read_batch(b'{"url": "https://e.com/a", "\\ud800x": 1}', max_articles=5, received_at=NOW)
    assert info.value.reason == "malformed_json"
    assert "\\ud800x" in info.value.errors[0].msg
