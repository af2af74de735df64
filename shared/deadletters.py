"""The :class:`DeadLetter` of a record a stage could not process — one builder for every stage,
so every dead letter is bounded the same way.

The original bytes are decoded as UTF-8 (undecodable bytes become U+FFFD) and kept up to
:data:`MAX_PAYLOAD_CHARS`; the error message up to :data:`MAX_ERROR_CHARS`. The bounds keep a
dead letter under the broker's default message size (1 MiB) whatever the record was: a poison
record can be any size the broker took, and decoding garbage can triple it.

>>> from datetime import UTC, datetime
>>> letter = dead_letter_for(
...     stage="store", error=ValueError("bad"), topic="claims.extracted", partition=2,
...     offset=41, key=b"a-1", payload=b"{not json\\xff",
...     failed_at=datetime(2026, 1, 1, tzinfo=UTC))
>>> (letter.stage, letter.error_class, letter.topic, letter.partition, letter.offset, letter.key)
('store', 'ValueError', 'claims.extracted', 2, 41, 'a-1')
>>> letter.payload
'{not json\\ufffd'
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, Protocol

from shared.models import DeadLetter

MAX_PAYLOAD_CHARS = 100_000
MAX_ERROR_CHARS = 2_000


class ReportedError(Protocol):
    """An error reported as a value rather than raised here (e.g. by the extractor's NLP process:
    exceptions do not cross processes reliably)."""

    @property
    def error_class(self) -> str: ...

    @property
    def message(self) -> str: ...


def dead_letter_for(
    *,
    stage: Literal["ingest", "extract", "store"],
    error: BaseException | ReportedError,
    topic: str | None,
    partition: int | None,
    offset: int | None,
    key: bytes | None,
    payload: bytes | None,
    failed_at: datetime,
) -> DeadLetter:
    """A dead letter naming the stage, the error and the record's source coordinates, with the
    record's original bytes (an absent value, a tombstone, gives an empty payload)."""
    if isinstance(error, BaseException):
        error_class, message = type(error).__name__, str(error)
    else:
        error_class, message = error.error_class, error.message
    text = (payload or b"").decode("utf-8", errors="replace")
    return DeadLetter(
        stage=stage,
        error_class=error_class,
        error=message[:MAX_ERROR_CHARS],
        topic=topic,
        partition=partition,
        offset=offset,
        key=key.decode("utf-8", errors="replace") if key is not None else None,
        payload=text[:MAX_PAYLOAD_CHARS],
        failed_at=failed_at,
    )
