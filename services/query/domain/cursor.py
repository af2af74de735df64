"""Opaque keyset cursors of the query API.

A list endpoint returns rows newest first by ``(first_seen_at, id)`` and, when there may be more,
a cursor ``next`` naming the last row it returned. The next page is the rows strictly after that
key, so pages never overlap or skip a row that existed when the first page was read, whatever is
inserted meanwhile (unlike ``OFFSET``).

The cursor also carries a fingerprint of the filters it was issued for: a cursor replayed with
other filters would silently page through a different list, so it is refused instead.

>>> from datetime import datetime, UTC
>>> key = PageKey(seen_at=datetime(2022, 3, 31, 9, 0, tzinfo=UTC), id="c-1")
>>> token = encode_cursor(key, filters=filters_fingerprint({"speaker": "stoltenberg"}))
>>> decode_cursor(token, filters=filters_fingerprint({"speaker": "stoltenberg"})) == key
True
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

CURSOR_VERSION = 1
MAX_CURSOR_CHARS = 512  # a real cursor is ~110 characters; anything far longer is not ours


class InvalidCursorError(ValueError):
    """The cursor was not issued by this API, is damaged, or belongs to other filters."""


@dataclass(frozen=True)
class PageKey:
    """The sort key of a row: where the next page starts (exclusive)."""

    seen_at: datetime
    id: str


def filters_fingerprint(filters: Mapping[str, Any]) -> str:
    """A short digest of the filters of a listing; equal filters give equal digests.

    Values are compared as their JSON form (dates and datetimes as ISO-8601), keys in any order.

    >>> filters_fingerprint({"a": 1, "b": None}) == filters_fingerprint({"b": None, "a": 1})
    True
    """
    canonical = json.dumps(filters, sort_keys=True, separators=(",", ":"), default=_iso)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def encode_cursor(key: PageKey, *, filters: str) -> str:
    """The opaque URL-safe token for ``key`` under the filters fingerprinted as ``filters``.

    ``key.seen_at`` must be timezone-aware (Postgres ``timestamptz``): a naive time would be
    ambiguous when the cursor comes back.
    """
    if key.seen_at.tzinfo is None:
        raise ValueError("PageKey.seen_at must be timezone-aware")
    body = {"v": CURSOR_VERSION, "t": key.seen_at.isoformat(), "i": key.id, "f": filters}
    raw = json.dumps(body, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(token: str, *, filters: str) -> PageKey:
    """The key a cursor names. Raises :class:`InvalidCursorError` (with a message fit for the
    API's client) when the token is not one of ours or was issued for other filters."""
    body = _body(token)
    if body.get("v") != CURSOR_VERSION:
        raise InvalidCursorError("cursor of an unknown version: start again without a cursor")
    seen_at, row_id, issued_for = body.get("t"), body.get("i"), body.get("f")
    if not (isinstance(seen_at, str) and isinstance(row_id, str) and isinstance(issued_for, str)):
        raise InvalidCursorError("cursor is damaged: pass `next` exactly as it was returned")
    try:
        when = datetime.fromisoformat(seen_at)
    except ValueError:
        raise InvalidCursorError(
            "cursor is damaged: pass `next` exactly as it was returned"
        ) from None
    if when.tzinfo is None:
        raise InvalidCursorError("cursor is damaged: pass `next` exactly as it was returned")
    if issued_for != filters:
        raise InvalidCursorError(
            "cursor was issued for other filters: repeat the request that returned it, "
            "changing only `cursor`"
        )
    return PageKey(seen_at=when, id=row_id)


def _body(token: str) -> dict[str, Any]:
    if not token or len(token) > MAX_CURSOR_CHARS:
        raise InvalidCursorError("cursor is not valid: pass `next` exactly as it was returned")
    padded = token + "=" * (-len(token) % 4)
    try:
        raw = base64.urlsafe_b64decode(padded.encode("ascii"))
        body = json.loads(raw.decode("utf-8"))
    except (binascii.Error, UnicodeError, ValueError):
        raise InvalidCursorError(
            "cursor is not valid: pass `next` exactly as it was returned"
        ) from None
    if not isinstance(body, dict):
        raise InvalidCursorError("cursor is not valid: pass `next` exactly as it was returned")
    return body


def _iso(value: object) -> str:
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    raise TypeError(f"not a filter value: {value!r}")
