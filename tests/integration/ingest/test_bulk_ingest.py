"""``newsflow ingest`` against a real ingest app (Kafka publisher on the test broker) served
by uvicorn: batches, rejections with reasons, Retry-After, resume after an interruption."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from rich.console import Console

from services.ingest.adapters.publisher import ReconnectingPublisher
from services.ingest.app import connect_kafka_publisher, create_app
from services.ingest.bulk import (
    BulkProgress,
    IngestClient,
    ingest_feed,
    ingest_files,
    load_progress,
    read_feed_entries,
    state_path,
)
from services.ingest.bulk_cli import run_ingest_command
from services.ingest.domain.bulk_input import input_files, input_key
from services.ingest.settings import BulkSettings, IngestSettings
from shared.codec import decode
from shared.models import RawArticle
from tests.integration.ingest.conftest import read_records
from tests.integration.ingest.served import served
from tests.unit.ingest.feed_server import STORY, Resource, article_page, feed_server, rss
from tests.unit.ingest.support import KEY_HEADERS, TEST_API_KEY

pytestmark = pytest.mark.integration


def article(n: int) -> dict[str, Any]:
    return {"url": f"https://bulk.example/{n}", "title": f"Story {n}", "body": f"Body {n}."}


def write_jsonl(path: Path, lines: list[Any]) -> Path:
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def ingest_url(ingest_settings: IngestSettings) -> Iterator[str]:
    with _served_ingest(ingest_settings) as base:
        yield base


def _served_ingest(settings: IngestSettings) -> Any:
    from contextlib import contextmanager

    @contextmanager
    def run() -> Iterator[str]:
        publisher = ReconnectingPublisher(
            lambda: connect_kafka_publisher(settings), retry_interval_s=0
        )
        try:
            with served(create_app(settings, publisher)) as base:
                yield base
        finally:
            publisher.close()

    return run()


def client_for(base: str) -> Iterator[IngestClient]:
    with httpx.Client(base_url=base, headers=KEY_HEADERS, timeout=30) as http:
        yield IngestClient(http)


def test_a_jsonl_file_is_posted_and_rejections_are_reported_with_their_reasons(
    ingest_url: str, ingest_settings: IngestSettings, tmp_path: Path
) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [
            article(1),
            article(2),
            "{not json",
            {"url": "https://bulk.example/x"},
            article(3),
            article(1),
        ],
    )
    console = Console(file=open(os.devnull, "w"), width=200)  # noqa: SIM115
    settings = BulkSettings(
        ingest_url=ingest_url, api_key=SecretStr(TEST_API_KEY), bulk_state_dir=tmp_path / "state"
    )

    code = run_ingest_command(settings, source=str(source), batch_size=4, console=console)

    assert code == 1
    progress = load_progress(state_path(tmp_path / "state", input_key(source, input_files(source))))
    assert progress is not None and progress.complete
    assert (progress.accepted, progress.rejected) == (4, 2)  # article 1 twice, in two batches
    reasons = {r.origin: r.reason for r in progress.rejections}
    assert reasons["in.jsonl:3"].startswith("invalid JSON")
    assert "body" in reasons["in.jsonl:4"]
    ids = {decode(RawArticle, v).url for _, v in read_records(ingest_settings, expected=4)}
    assert ids == {f"https://bulk.example/{n}" for n in (1, 2, 3)}


def test_an_interrupted_run_resumes_after_the_last_acknowledged_batch(
    ingest_url: str, ingest_settings: IngestSettings, tmp_path: Path
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [article(n) for n in range(10)])
    state = tmp_path / "state"

    def interrupt_after_first_batch(progress: BulkProgress) -> None:
        raise KeyboardInterrupt

    for client in client_for(ingest_url):
        with pytest.raises(KeyboardInterrupt):
            ingest_files(
                source,
                client=client,
                state_dir=state,
                batch_size=3,
                on_batch=interrupt_after_first_batch,
            )
        resumed = ingest_files(source, client=client, state_dir=state, batch_size=3)
        finished = ingest_files(source, client=client, state_dir=state, batch_size=3)

    assert (resumed.resumed_from, resumed.accepted, resumed.position) == (3, 10, 10)
    assert finished.resumed_from == 10  # nothing sent again
    records = read_records(ingest_settings, expected=10)
    assert len(records) == 10  # the first batch was not posted twice

    for client in client_for(ingest_url):
        again = ingest_files(source, client=client, state_dir=state, batch_size=3, restart=True)
    assert (again.resumed_from, again.accepted) == (0, 10)


def test_a_changed_input_starts_afresh(ingest_url: str, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [article(1)])
    for client in client_for(ingest_url):
        ingest_files(source, client=client, state_dir=tmp_path, batch_size=5)
        write_jsonl(source, [article(1), article(2)])
        second = ingest_files(source, client=client, state_dir=tmp_path, batch_size=5)
    assert (second.resumed_from, second.accepted) == (0, 2)


def test_429_answers_are_retried_after_retry_after(
    ingest_settings: IngestSettings, tmp_path: Path
) -> None:
    throttled = ingest_settings.model_copy(update={"rate_limit_per_s": 2.0, "rate_limit_burst": 1})
    source = write_jsonl(tmp_path / "in.jsonl", [article(n) for n in range(4)])
    with (
        _served_ingest(throttled) as base,
        httpx.Client(base_url=base, headers=KEY_HEADERS, timeout=30) as http,
    ):
        client = IngestClient(http)
        result = ingest_files(source, client=client, state_dir=tmp_path, batch_size=1)
    assert result.accepted == 4 and result.rejected == 0
    assert client.retries >= 1


def test_a_directory_of_json_and_jsonl_files_is_posted(
    ingest_url: str, ingest_settings: IngestSettings, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.json").write_text(json.dumps(article(1)), encoding="utf-8")
    (folder / "many.json").write_text(json.dumps([article(2), article(3)]), encoding="utf-8")
    write_jsonl(folder / "more.jsonl", [article(4)])
    for client in client_for(ingest_url):
        result = ingest_files(folder, client=client, state_dir=tmp_path, batch_size=10)
    assert (result.total, result.accepted, result.rejected) == (4, 4, 0)
    assert len(read_records(ingest_settings, expected=4)) == 4


def test_a_feed_url_is_polled_once_and_its_articles_posted(
    ingest_url: str, ingest_settings: IngestSettings
) -> None:
    with feed_server() as site:
        site.serve("/story", Resource(article_page(*STORY), "text/html"))
        feed_url = site.serve(
            "/rss",
            Resource(
                rss(
                    {"link": site.url("/story"), "summary": "Teaser."},
                    {"link": site.url("/gone"), "summary": "Teaser of a page that is gone."},
                )
            ),
        )
        for client in client_for(ingest_url):
            result = ingest_feed(
                feed_url,
                client=client,
                batch_size=10,
                read_feed=lambda url: read_feed_entries(
                    url, timeout_s=5, max_bytes=1_000_000, min_text_chars=200, user_agent="t"
                ),
            )
    assert (result.accepted, result.rejected) == (2, 0)  # the gone page: the feed's teaser
    bodies = {
        decode(RawArticle, v).url: decode(RawArticle, v).body
        for _, v in read_records(ingest_settings, expected=2)
    }
    assert STORY[1] in bodies[site.url("/story")]


def test_the_cli_exits_zero_and_prints_the_summary(ingest_url: str, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [article(n) for n in range(3)])
    env = {
        **os.environ,
        "NEWSFLOW_INGEST_URL": ingest_url,
        "NEWSFLOW_API_KEY": TEST_API_KEY,
        "NEWSFLOW_BULK_STATE_DIR": str(tmp_path / "state"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "services.cli", "ingest", str(source), "--batch-size", "2"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "3 accepted, 0 duplicate, 0 rejected" in done.stderr
    without_key = subprocess.run(
        [sys.executable, "-m", "services.cli", "ingest", str(source), "--restart"],
        env={**env, "NEWSFLOW_API_KEY": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert without_key.returncode == 2 and "API key" in without_key.stderr
