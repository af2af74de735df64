"""Turning a record the store cannot keep into a :class:`DeadLetter` (pure)."""

from __future__ import annotations

from datetime import datetime

from services.store.domain.batching import SourcePosition
from shared.models import DeadLetter


def dead_letter_for(
    *,
    position: SourcePosition,
    key: bytes | None,
    value: bytes | None,
    error: Exception,
    failed_at: datetime,
) -> DeadLetter:
    """A dead letter naming the source coordinates, the error and the original bytes.

    >>> from datetime import UTC
    >>> letter = dead_letter_for(
    ...     position=SourcePosition("claims.extracted", 2, 41), key=b"a-1", value=b"{not json",
    ...     error=ValueError("bad"), failed_at=datetime(2026, 1, 1, tzinfo=UTC))
    >>> (letter.stage, letter.error_class, letter.topic, letter.partition, letter.offset)
    ('store', 'ValueError', 'claims.extracted', 2, 41)
    """
    return DeadLetter(
        stage="store",
        error_class=type(error).__name__,
        error=str(error),
        topic=position.topic,
        partition=position.partition,
        offset=position.offset,
        key=key.decode("utf-8", errors="replace") if key is not None else None,
        payload=value.decode("utf-8", errors="replace") if value is not None else "",
        failed_at=failed_at,
    )
