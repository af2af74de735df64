"""Building dead-letter records for messages the extractor could not process."""

from __future__ import annotations

from datetime import UTC, datetime

from services.extract.adapters.nlp_process import ArticleFailure
from shared.models import DeadLetter

MAX_PAYLOAD_CHARS = 100_000


def dead_letter_for(
    *,
    error: BaseException | ArticleFailure,
    topic: str | None,
    partition: int | None,
    offset: int | None,
    key: bytes | None,
    payload: bytes | None,
) -> DeadLetter:
    """A :class:`DeadLetter` naming the error and the source coordinates of the record."""
    text = (payload or b"").decode("utf-8", errors="replace")
    if isinstance(error, ArticleFailure):  # reported by the NLP process
        error_class, message = error.error_class, error.message
    else:
        error_class, message = type(error).__name__, str(error)
    return DeadLetter(
        stage="extract",
        error_class=error_class,
        error=message[:2000],
        topic=topic,
        partition=partition,
        offset=offset,
        key=key.decode("utf-8", errors="replace") if key is not None else None,
        payload=text[:MAX_PAYLOAD_CHARS],
        failed_at=datetime.now(UTC),
    )
