"""``newsflow ingest`` on research corpora: the ``newsflow extract`` format recognised, other
shapes mapped with ``--map``, rejections summarised once per reason, no httpx lines."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from services.ingest.settings import IngestSettings
from shared.codec import decode
from shared.ids import article_id_for
from shared.models import RawArticle
from tests.integration.ingest.conftest import read_records
from tests.integration.ingest.test_bulk_ingest import ingest_url, write_jsonl
from tests.unit.ingest.support import TEST_API_KEY

__all__ = ["ingest_url"]  # the fixture, imported for these tests

pytestmark = pytest.mark.integration


def run_cli(ingest_url: str, state: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NEWSFLOW_INGEST_URL": ingest_url,
        "NEWSFLOW_API_KEY": TEST_API_KEY,
        "NEWSFLOW_BULK_STATE_DIR": str(state),
        "NEWSFLOW_LOG_LEVEL": "info",
    }
    return subprocess.run(
        [sys.executable, "-m", "services.cli", "ingest", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_extract_format_corpus_is_ingested_with_stable_synthetic_urls(
    ingest_url: str, ingest_settings: IngestSettings, tmp_path: Path
) -> None:
    source = write_jsonl(
        tmp_path / "eval-set.jsonl",
        [
            {"doc_id": f"doc-{n}", "title": f"T{n}", "text": f"Troops fired near town {n}."}
            for n in range(3)
        ],
    )
    done = run_cli(ingest_url, tmp_path / "state", str(source), "--batch-size", "2")

    assert done.returncode == 0, done.stderr
    assert "3 accepted, 0 duplicate, 0 rejected" in done.stderr
    assert "3 items in the newsflow extract format" in done.stderr
    assert "HTTP Request" not in done.stderr  # httpx's per-request INFO line
    urls = {decode(RawArticle, v).url for _, v in read_records(ingest_settings, expected=3)}
    assert urls == {f"https://corpus.invalid/eval-set/doc-{n}" for n in range(3)}
    again = run_cli(ingest_url, tmp_path / "state", str(source), "--restart")
    assert again.returncode == 0, again.stderr
    records = read_records(ingest_settings, expected=6)
    ids = Counter(decode(RawArticle, v).article_id for _, v in records)
    assert set(ids.values()) == {2}, "a rerun gives the same article ids"
    assert article_id_for("https://corpus.invalid/eval-set/doc-0") in ids


def test_a_mapped_corpus_takes_published_at_from_its_field(
    ingest_url: str, ingest_settings: IngestSettings, tmp_path: Path
) -> None:
    source = write_jsonl(
        tmp_path / "news.jsonl",
        [{"id": 1, "content": "Rebels fired rockets.", "date": "2022-03-29T08:00:00Z"}],
    )
    done = run_cli(
        ingest_url,
        tmp_path / "state",
        str(source),
        "--map",
        "url=id,body=content,published_at=date",
    )

    assert done.returncode == 0, done.stderr
    ((_, value),) = read_records(ingest_settings, expected=1)
    article = decode(RawArticle, value)
    assert article.url == "https://corpus.invalid/news/1"
    assert article.published_at == datetime(2022, 3, 29, 8, tzinfo=UTC)


def test_identical_rejections_are_summarised_once(ingest_url: str, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "bad.jsonl", [{"id": n, "content": "x"} for n in range(20)])
    done = run_cli(ingest_url, tmp_path / "state", str(source))

    assert done.returncode == 1
    assert "20 rejected" in done.stderr
    reason_lines = [line for line in done.stderr.splitlines() if " × " in line]
    assert len(reason_lines) == 1, done.stderr
    assert reason_lines[0].strip().startswith("20 × ")
    assert "bad.jsonl:1" in reason_lines[0]
