"""The one dead-letter builder every stage uses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from shared.deadletters import MAX_ERROR_CHARS, MAX_PAYLOAD_CHARS, dead_letter_for
from shared.models import DeadLetter

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class _Reported:
    error_class: str
    message: str


def _letter(**given: Any) -> DeadLetter:
    fields: dict[str, Any] = {
        "stage": "store",
        "error": ValueError("unknown schema"),
        "topic": "p.events.extracted",
        "partition": 3,
        "offset": 77,
        "key": b"a-9",
        "payload": b"{}",
        "failed_at": NOW,
    }
    return dead_letter_for(**(fields | given))


def test_dead_letter_keeps_source_coordinates_and_original_bytes() -> None:
    letter = _letter(payload=b'{"schema_version": 99, \xff}')

    assert letter.stage == "store"
    assert (letter.topic, letter.partition, letter.offset, letter.key) == (
        "p.events.extracted",
        3,
        77,
        "a-9",
    )
    assert (letter.error_class, letter.error) == ("ValueError", "unknown schema")
    assert letter.payload.startswith('{"schema_version": 99, ')
    assert "\ufffd" in letter.payload  # undecodable bytes survive as replacement characters


def test_tombstone_dead_letter_has_empty_payload_and_no_key() -> None:
    letter = _letter(key=None, payload=None)

    assert (letter.key, letter.payload) == (None, "")


def test_an_error_reported_by_value_keeps_its_class_and_message() -> None:
    letter = _letter(stage="extract", error=_Reported("TimeoutError", "over its budget"))

    assert (letter.stage, letter.error_class, letter.error) == (
        "extract",
        "TimeoutError",
        "over its budget",
    )


def test_every_stage_cuts_payload_and_error_at_the_same_bounds() -> None:
    for stage in ("extract", "store"):
        letter = _letter(
            stage=stage,
            error=ValueError("e" * (MAX_ERROR_CHARS + 10)),
            payload=b"x" * (MAX_PAYLOAD_CHARS + 10),
        )

        assert len(letter.payload) == MAX_PAYLOAD_CHARS
        assert len(letter.error) == MAX_ERROR_CHARS
