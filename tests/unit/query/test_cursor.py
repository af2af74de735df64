"""The query API's opaque keyset cursors: round trip, tamper and misuse detection."""

from __future__ import annotations

import base64
import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from services.query.domain.cursor import (
    MAX_CURSOR_CHARS,
    InvalidCursorError,
    PageKey,
    decode_cursor,
    encode_cursor,
    filters_fingerprint,
)

FILTERS = filters_fingerprint({"list": "claims", "speaker": "stoltenberg", "q": None})
KEY = PageKey(seen_at=datetime(2022, 3, 31, 9, 5, 2, 123456, tzinfo=UTC), id="c-0a1b2c3d")


def _forge(body: dict[str, object]) -> str:
    raw = json.dumps(body).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def test_cursor_round_trips_to_the_microsecond() -> None:
    assert decode_cursor(encode_cursor(KEY, filters=FILTERS), filters=FILTERS) == KEY


def test_cursor_keeps_a_non_utc_offset_as_the_same_instant() -> None:
    key = PageKey(seen_at=datetime(2022, 3, 31, 11, 5, tzinfo=timezone(timedelta(hours=2))), id="x")

    decoded = decode_cursor(encode_cursor(key, filters=FILTERS), filters=FILTERS)

    assert decoded.seen_at == datetime(2022, 3, 31, 9, 5, tzinfo=UTC)


def test_cursor_is_url_safe_and_unpadded() -> None:
    key = PageKey(seen_at=KEY.seen_at, id="c-ü/+?&=" * 5)

    token = encode_cursor(key, filters=FILTERS)

    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert decode_cursor(token, filters=FILTERS) == key


def test_cursor_of_other_filters_is_refused() -> None:
    token = encode_cursor(KEY, filters=FILTERS)

    with pytest.raises(InvalidCursorError, match="other filters"):
        decode_cursor(token, filters=filters_fingerprint({"list": "claims", "speaker": "x"}))


@pytest.mark.parametrize(
    "token",
    [
        "",
        "not a cursor at all",
        "%%%%",
        "A" * (MAX_CURSOR_CHARS + 1),
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),
        _forge(["a", "list"]),  # type: ignore[arg-type]
        _forge({"v": 2, "t": "2022-03-31T09:05:00+00:00", "i": "c", "f": FILTERS}),
        _forge({"v": 1, "t": "yesterday", "i": "c", "f": FILTERS}),
        _forge({"v": 1, "t": "2022-03-31T09:05:00", "i": "c", "f": FILTERS}),  # naive
        _forge({"v": 1, "t": "2022-03-31T09:05:00+00:00", "i": 7, "f": FILTERS}),
        _forge({"v": 1, "i": "c", "f": FILTERS}),
    ],
)
def test_damaged_or_foreign_cursors_are_refused(token: str) -> None:
    with pytest.raises(InvalidCursorError):
        decode_cursor(token, filters=FILTERS)


def test_a_cursor_cut_short_is_refused() -> None:
    token = encode_cursor(KEY, filters=FILTERS)

    with pytest.raises(InvalidCursorError):
        decode_cursor(token[:-7], filters=FILTERS)


def test_naive_page_key_cannot_be_encoded() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        encode_cursor(PageKey(seen_at=datetime(2022, 3, 31), id="c"), filters=FILTERS)


def test_fingerprint_ignores_key_order_and_sees_every_value() -> None:
    a = filters_fingerprint({"speaker": "x", "since": datetime(2022, 3, 1, tzinfo=UTC)})
    b = filters_fingerprint({"since": datetime(2022, 3, 1, tzinfo=UTC), "speaker": "x"})

    assert a == b
    assert a != filters_fingerprint({"speaker": "x", "since": datetime(2022, 3, 2, tzinfo=UTC)})
    assert filters_fingerprint({"day": date(2022, 3, 1)}) != filters_fingerprint({"day": None})
