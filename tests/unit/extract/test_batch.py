import json
from pathlib import Path

import pytest

from services.extract.batch import MalformedInputError, extract_file
from services.extract.domain.extractor import Extractor
from shared.errors import PoisonMessageError
from shared.models import Claim, Event


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_extract_file_writes_one_line_per_document_in_order(
    tmp_path: Path, extractor: Extractor
) -> None:
    docs = _write_lines(
        tmp_path / "docs.jsonl",
        [
            json.dumps({"doc_id": "d1", "text": "Officials said the port was shut."}),
            json.dumps(
                {
                    "doc_id": "d2",
                    "text": "Rebels attacked the town on Monday.",
                    "title": "Attack",
                    "published_at": "2024-05-16T08:00:00Z",
                }
            ),
        ],
    )
    seen: list[int] = []
    written = extract_file(
        docs, tmp_path / "out.jsonl", extractor=extractor, batch_size=1, on_progress=seen.append
    )
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert written == 2 and seen == [1, 2]
    assert [r["doc_id"] for r in records] == ["d1", "d2"]
    Claim.model_validate(records[0]["claims"][0])
    event = Event.model_validate(records[1]["events"][0])
    assert event.article_id == "d2"
    assert event.time is not None and str(event.time.date) == "2024-05-13"


def test_malformed_line_names_file_line_and_field(tmp_path: Path, extractor: Extractor) -> None:
    docs = _write_lines(
        tmp_path / "docs.jsonl",
        [json.dumps({"doc_id": "d1", "text": "Fine."}), json.dumps({"doc_id": "d2"})],
    )
    with pytest.raises(MalformedInputError) as caught:
        extract_file(docs, tmp_path / "out.jsonl", extractor=extractor)
    message = str(caught.value)
    assert f"{docs}:2" in message and "'text'" in message
    assert isinstance(caught.value, PoisonMessageError)
    assert isinstance(caught.value, ValueError)


def test_bad_published_at_is_refused(tmp_path: Path, extractor: Extractor) -> None:
    docs = _write_lines(
        tmp_path / "docs.jsonl",
        [json.dumps({"doc_id": "d1", "text": "x", "published_at": "last Tuesday"})],
    )
    with pytest.raises(MalformedInputError, match="published_at"):
        extract_file(docs, tmp_path / "out.jsonl", extractor=extractor)


def test_failed_run_leaves_no_partial_output(tmp_path: Path, extractor: Extractor) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text("previous complete output\n")
    docs = _write_lines(
        tmp_path / "docs.jsonl",
        [json.dumps({"doc_id": "d1", "text": "Officials said it was shut."}), "{not json"],
    )
    with pytest.raises(MalformedInputError, match="invalid JSON"):
        extract_file(docs, output, extractor=extractor)
    assert output.read_text() == "previous complete output\n"
    assert list(tmp_path.iterdir()) == sorted([docs, output]) or set(tmp_path.iterdir()) == {
        docs,
        output,
    }
