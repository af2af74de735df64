"""Building dead-letter records for messages the extractor could not process."""

from __future__ import annotations

from datetime import UTC, datetime

from shared.models import DeadLetter

MAX_PAYLOAD_CHARS = 100_000


def dead_letter_for(
    *,
    error: BaseException,
    topic: str | None,
    partition: int | None,
    offset: int | None,
    key: bytes | None,
    payload: bytes | None,
) -> DeadLetter:
    """A :class:`DeadLetter` naming the error and the source coordinates of the record."""
    text = (payload or b"").decode("utf-8", errors="replace")
    return DeadLetter(
        stage="extract",
        error_class=type(error).__name__,
        error=str(error)[:2000],
        topic=topic,
        partition=partition,
        offset=offset,
        key=key.decode("utf-8", errors="replace") if key is not None else None,
        payload=text[:MAX_PAYLOAD_CHARS],
        failed_at=datetime.now(UTC),
    )
