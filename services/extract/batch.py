"""Offline batch extraction: a JSONL file of documents in, a JSONL file of extractions out.

Used by ``newsflow extract`` for backfills and evaluation. The input is streamed; the output is
written to a temporary file beside the target and renamed into place only when complete, so a
crash never leaves a half-written output.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from services.extract.domain.extractor import ArticleText, Extraction, Extractor
from shared.errors import PoisonMessageError


class MalformedInputError(PoisonMessageError, ValueError):
    """An input line that is not a valid document. The message names file, line and field."""


def extract_file(
    input_path: Path,
    output_path: Path,
    *,
    extractor: Extractor,
    batch_size: int = 32,
    on_progress: Callable[[int], None] | None = None,
) -> int:
    """Extract every document of ``input_path`` into ``output_path``; return the count written.

    Input lines: ``{"doc_id": str, "text": str, "title"?: str, "published_at"?: ISO-8601}``.
    Output lines: ``{"doc_id": str, "claims": [...], "events": [...], "places": [...]}``. Blank
    lines are skipped.
    A malformed line raises :class:`MalformedInputError` and leaves ``output_path`` untouched.
    """
    output_path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{output_path.name}.", suffix=".tmp", dir=output_path.parent
    )
    written = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            articles = read_documents(input_path)
            for extraction in extractor.extract_many(articles, batch_size=batch_size):
                out.write(json.dumps(to_output_record(extraction), ensure_ascii=False) + "\n")
                written += 1
                if on_progress is not None:
                    on_progress(written)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, output_path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return written


def read_documents(path: Path) -> Iterator[ArticleText]:
    """Stream the documents of a JSONL file, validating each line."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield parse_document(line, where=f"{path}:{number}")


def parse_document(line: str, *, where: str) -> ArticleText:
    """One input line as an :class:`ArticleText`; ``where`` prefixes error messages."""
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(f"{where}: invalid JSON: {exc.msg}") from exc
    if not isinstance(record, dict):
        raise MalformedInputError(f"{where}: expected a JSON object")
    doc_id = _required_string(record, "doc_id", where)
    text = _required_string(record, "text", where)
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        raise MalformedInputError(f"{where}: field 'title' must be a string")
    return ArticleText(
        article_id=doc_id,
        text=text,
        title=title,
        published_at=_published_at(record.get("published_at"), where),
    )


def _required_string(record: dict[str, Any], field: str, where: str) -> str:
    value = record.get(field)
    if not isinstance(value, str):
        problem = "is missing" if value is None else "must be a string"
        raise MalformedInputError(f"{where}: field {field!r} {problem}")
    return value


def _published_at(value: Any, where: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedInputError(f"{where}: field 'published_at' must be an ISO-8601 string")
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise MalformedInputError(
            f"{where}: field 'published_at' is not ISO-8601: {value!r}"
        ) from exc


def to_output_record(extraction: Extraction) -> dict[str, Any]:
    """The output line of one document."""
    return {
        "doc_id": extraction.article_id,
        "claims": [claim.model_dump(mode="json") for claim in extraction.claims],
        "events": [event.model_dump(mode="json") for event in extraction.events],
        "places": [place.model_dump(mode="json") for place in extraction.places],
    }
